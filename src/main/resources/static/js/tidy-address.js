// A multipart form carries its CSRF token in its action's query (?_csrf=), and a refused upload is shown at that
// address: take the token out of the address bar and the history, so it is not bookmarked, shared or printed.
(function () {
    var url = new URL(window.location.href);
    if (url.searchParams.has('_csrf')) {
        url.searchParams.delete('_csrf');
        window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
})();
