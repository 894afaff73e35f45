/*
 * Shared map helpers for the Inochi pages (Leaflet 1.9 from the WebJar).
 * The base map (地理院タイル by default) is the only thing loaded from outside the service: when its tiles fail
 * (no internet), the page says so and everything drawn by the service itself stays on the map.
 */
(function () {
    'use strict';
    var KUMAMOTO = [32.65, 130.75];

    function baseMap(map, element) {
        var url = element.dataset.tiles;
        if (!url) {
            return null;
        }
        var layer = L.tileLayer(url, {
            attribution: element.dataset.attribution || '',
            maxZoom: parseInt(element.dataset.maxZoom || '18', 10),
            crossOrigin: false
        });
        var failures = 0;
        var loaded = 0;
        layer.on('tileerror', function () {
            failures += 1;
            if (loaded === 0 && failures >= 2) {
                showOffline(element);
            }
        });
        layer.on('tileload', function () {
            loaded += 1;
        });
        layer.addTo(map);
        return layer;
    }

    function showOffline(element) {
        var notice = document.getElementById(element.id + '-offline');
        if (notice && notice.hidden) {
            notice.hidden = false;
            element.dataset.baseMap = 'offline';
        }
    }

    function create(element, options) {
        var map = L.map(element, Object.assign({ zoomControl: true, keyboard: true }, options || {}));
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        baseMap(map, element);
        return map;
    }

    function number(value) {
        if (value === null || value === undefined) {
            return NaN;
        }
        var ascii = String(value).replace(/[０-９．－]/g, function (c) {
            return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
        });
        return parseFloat(ascii);
    }

    window.InochiMaps = { create: create, KUMAMOTO: KUMAMOTO, number: number };
})();
