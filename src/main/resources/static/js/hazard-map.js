/*
 * The municipal hazard map: hazard zones as vector tiles in their legend colours (浸水深 in the standard colours),
 * the households the viewer may see as markers coloured by their worst exposure (ventilator households ringed in
 * black), a legend, and the base map when it can be reached. Everything but the base map comes from the service.
 *
 * #hazard-map data attributes: tiles/attribution/max-zoom (base map), hazard-tiles, household-tiles, legend (JSON:
 * {types: [{code, label, maxSeverity, colours: {severity: colour}, labels: {severity: text}}]}), bounds (JSON
 * [[south, west], [north, east]]) or center+zoom.
 */
(function () {
    'use strict';
    var NOT_DESIGNATED = '#9e9e9e';
    var PROPERTY = { FLOOD: 'flood', LANDSLIDE: 'landslide', TSUNAMI: 'tsunami', STORM_SURGE: 'storm_surge' };

    function init() {
        var element = document.getElementById('hazard-map');
        if (!element || !window.L) {
            return;
        }
        var legend = JSON.parse(element.dataset.legend || '{"types":[]}');
        var map = InochiMaps.create(element, { minZoom: 7 });
        var bounds = element.dataset.bounds ? JSON.parse(element.dataset.bounds) : null;
        if (bounds) {
            map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
        } else {
            map.setView(InochiMaps.KUMAMOTO, 9);
        }
        map.createPane('hazards');
        map.getPane('hazards').style.zIndex = 350;
        map.createPane('households');
        map.getPane('households').style.zIndex = 450;

        var hazards = InochiVectorTiles.layer({
            url: element.dataset.hazardTiles,
            pane: 'hazards',
            maxNativeZoom: 18,
            style: function (feature) {
                var colour = feature.properties.colour || '#7a7a7a';
                return { fill: colour, stroke: shade(colour), weight: 0.6, opacity: 0.62 };
            },
            onFeatures: function (count) {
                element.dataset.hazardFeatures = count;
            }
        }).on('load', function () {
            element.dataset.hazardTilesLoaded = 'true';
        }).addTo(map);

        var markers = L.layerGroup().addTo(map);
        var placed = {};
        var households = InochiVectorTiles.layer({
            url: element.dataset.householdTiles,
            maxNativeZoom: 18,
            style: function (feature) {
                var worst = worstOf(feature.properties, legend);
                var ventilator = feature.properties.ventilator === true || feature.properties.ventilator === 1;
                return { fill: worst ? worst.colour : NOT_DESIGNATED, ventilator: ventilator, worst: worst };
            },
            onPoint: function (feature, latlng, style) {
                var id = feature.properties.id || feature.id;
                if (placed[id]) {
                    return;
                }
                // A black ring (thick for ventilator users), a white halo, and the fill of the worst zone: the colour
                // stays readable on top of the same zone's colour.
                var ring = L.circleMarker(latlng, {
                    pane: 'households', radius: style.ventilator ? 10 : 7, color: '#000', weight: style.ventilator ? 4 : 2,
                    fill: false, interactive: false
                });
                var dot = L.circleMarker(latlng, {
                    pane: 'households', radius: style.ventilator ? 6 : 4.5, color: '#fff', weight: 2,
                    fillColor: style.fill, fillOpacity: 1
                });
                var marker = L.featureGroup([ring, dot]);
                dot.bindTooltip((style.ventilator ? '人工呼吸器・' : '') + (style.worst ? style.worst.label : '指定なし'));
                dot.bindPopup(function () {
                    return popup(id, style);
                });
                placed[id] = marker;
                markers.addLayer(marker);
                element.dataset.householdMarkers = Object.keys(placed).length;
            }
        }).on('load', function () {
            element.dataset.householdTilesLoaded = 'true';
        }).addTo(map);

        L.control.layers(null, { 'ハザード区域': hazards, '世帯': markers }, { collapsed: false }).addTo(map);
        legendControl(legend).addTo(map);

        window.inochiHazardMap = map;
    }

    function popup(id, style) {
        var content = document.createElement('div');
        var title = document.createElement('p');
        title.textContent = '世帯 第' + id + '号' + (style.ventilator ? '（人工呼吸器）' : '');
        var exposure = document.createElement('p');
        exposure.textContent = style.worst ? style.worst.label : '指定なし（区域外。安全という意味ではありません）';
        var link = document.createElement('a');
        link.href = '/households/' + encodeURIComponent(id);
        link.textContent = '世帯のページを開く';
        content.append(title, exposure, link);
        return content;
    }

    /** The exposure with the highest share of its type's worst severity, with its legend colour. */
    function worstOf(properties, legend) {
        var worst = null;
        legend.types.forEach(function (type) {
            var severity = properties[PROPERTY[type.code]];
            if (severity === undefined || severity === null || severity <= 0) {
                return;
            }
            var share = severity / type.maxSeverity;
            if (!worst || share > worst.share) {
                worst = {
                    share: share,
                    colour: type.colours[severity] || '#555',
                    label: type.label + '：' + (type.labels[severity] || ('危険度' + severity))
                };
            }
        });
        if (!worst && (properties.near_landslide === true || properties.near_landslide === 1)) {
            return { share: 0, colour: '#ffffff', label: '土砂災害警戒区域の近く' };
        }
        return worst;
    }

    function legendControl(legend) {
        var control = L.control({ position: 'bottomright' });
        control.onAdd = function () {
            var outer = L.DomUtil.create('details', 'legend');
            outer.open = window.innerWidth >= 1000;
            var summary = document.createElement('summary');
            summary.textContent = '凡例';
            outer.appendChild(summary);
            var box = document.createElement('div');
            outer.appendChild(box);
            L.DomEvent.disableClickPropagation(outer);
            L.DomEvent.disableScrollPropagation(outer);
            legend.types.forEach(function (type) {
                if (!type.shown) {
                    return;
                }
                var heading = document.createElement('h3');
                heading.textContent = type.label;
                box.appendChild(heading);
                var list = document.createElement('ul');
                Object.keys(type.colours).forEach(function (severity) {
                    var item = document.createElement('li');
                    var swatch = document.createElement('span');
                    swatch.className = 'swatch';
                    swatch.style.background = type.colours[severity];
                    item.append(swatch, document.createTextNode(type.labels[severity] || severity));
                    list.appendChild(item);
                });
                box.appendChild(list);
            });
            var heading = document.createElement('h3');
            heading.textContent = '世帯（最も危険な区域の色）';
            box.appendChild(heading);
            var list = document.createElement('ul');
            [['dot dot-vent', '#ffffff', '人工呼吸器の方（太い黒枠）'], ['dot', NOT_DESIGNATED, '指定なし（区域外）']]
                .forEach(function (row) {
                    var item = document.createElement('li');
                    var dot = document.createElement('span');
                    dot.className = row[0];
                    dot.style.background = row[1];
                    item.append(dot, document.createTextNode(row[2]));
                    list.appendChild(item);
                });
            box.appendChild(list);
            var note = document.createElement('p');
            note.textContent = '「指定なし」は安全という意味ではありません。';
            box.appendChild(note);
            return outer;
        };
        return control;
    }

    function shade(hex) {
        var m = /^#?([0-9a-f]{6})$/i.exec(hex);
        if (!m) {
            return '#444';
        }
        var n = parseInt(m[1], 16);
        var r = Math.round(((n >> 16) & 255) * 0.6);
        var g = Math.round(((n >> 8) & 255) * 0.6);
        var b = Math.round((n & 255) * 0.6);
        return 'rgb(' + r + ',' + g + ',' + b + ')';
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
