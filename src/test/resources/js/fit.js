// Run in the page by ListsFitAndPrintOnA4Test: does the page and each of its tables fit the window, does every name
// (.name) stay on one line, and on how many rows does the main menu lie.
() => {
    const root = document.documentElement;
    const wideTables = [];
    document.querySelectorAll('.table-wrap').forEach((wrap, i) => {
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
            const table = wrap.querySelector('table');
            wideTables.push((table && table.id ? '#' + table.id : 'table ' + (i + 1)) + ' ' + wrap.scrollWidth + 'px in '
                + wrap.clientWidth + 'px');
        }
    });
    const names = [...document.querySelectorAll('.name')].filter(n => n.getClientRects().length > 0);
    const brokenNames = names.filter(n => n.getClientRects().length > 1).map(n => n.textContent.trim());
    const entries = [...document.querySelectorAll('.site-nav > ul > li')].filter(li => li.getClientRects().length > 0);
    const navRows = new Set(entries.map(li => Math.round(li.getBoundingClientRect().top))).size;
    const nav = document.querySelector('.site-nav > ul');
    return {
        pageWidth: root.scrollWidth,
        windowWidth: root.clientWidth,
        wideTables: wideTables,
        names: names.length,
        brokenNames: brokenNames,
        navRows: navRows,
        navHeight: nav ? nav.getBoundingClientRect().height : 0,
        navEntryHeight: entries.length ? entries[0].getBoundingClientRect().height : 0
    };
}
