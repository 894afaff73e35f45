// Run in the page by ScreensAreReadableAtBothWidthsTest: what a person would trip over.
// Returns {overflow, lowContrast: [...], unlabelled: [...]}.
() => {
    function parse(colour) {
        const m = colour.match(/rgba?\(([^)]+)\)/);
        if (!m) {
            return null;
        }
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(parseFloat);
        return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
    }
    function luminance(c) {
        const f = v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    }
    function background(element) {
        for (let e = element; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c && c.a > 0.5) {
                return c;
            }
        }
        return {r: 255, g: 255, b: 255, a: 1};
    }
    const lowContrast = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const text = walker.currentNode;
        if (!text.textContent.trim()) {
            continue;
        }
        const element = text.parentElement;
        if (!element || element.closest('.leaflet-container, [hidden], script, style, option')) {
            continue;
        }
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none' || element.getClientRects().length === 0) {
            continue;
        }
        const fg = parse(style.color);
        const bg = background(element);
        const l1 = luminance(fg);
        const l2 = luminance(bg);
        const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (parseInt(style.fontWeight, 10) >= 700 && size >= 18.66);
        if (ratio < (large ? 3 : 4.5)) {
            lowContrast.push(text.textContent.trim().slice(0, 40) + ' (' + ratio.toFixed(2) + ':1)');
        }
    }
    const unlabelled = [];
    document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(field => {
        const labelled = (field.labels && field.labels.length > 0) || field.getAttribute('aria-label')
            || field.getAttribute('aria-labelledby');
        if (!labelled) {
            unlabelled.push(field.outerHTML.slice(0, 80));
        }
    });
    return {
        overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
        width: document.documentElement.scrollWidth,
        lowContrast: lowContrast,
        unlabelled: unlabelled
    };
}
