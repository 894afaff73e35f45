/*
 * The map of a disaster event's households, coloured by their reply to the safety check (the same colours as the
 * dashboard's counts), ventilator households ringed in black as on the hazard map. The points come from the API
 * (/api/disaster-events/{id}/map: GeoJSON without names, scoped and audited like the list); the base map is the only
 * thing loaded from outside the service (maps.js says so when it can't be reached).
 *
 * #event-map data attributes: tiles/attribution/max-zoom (base map), households (GeoJSON URL), legend (JSON
 * [{status, label, colour}]).
 */
(function () {
    'use strict';

    function init() {
        var element = document.getElementById('event-map');
        if (!element || !window.L) {
            return;
        }
        var legend = JSON.parse(element.dataset.legend || '[]');
        var map = InochiMaps.create(element, { minZoom: 7 });
        map.setView(InochiMaps.KUMAMOTO, 9);
        map.createPane('households');
        map.getPane('households').style.zIndex = 450;
        legendControl(legend).addTo(map);
        fetch(element.dataset.households, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (collection) {
                var markers = L.featureGroup().addTo(map);
                collection.features.forEach(function (feature) {
                    var p = feature.properties;
                    var latlng = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
                    var ventilator = p.ventilatorDependent === true;
                    var ring = L.circleMarker(latlng, {
                        pane: 'households', radius: ventilator ? 10 : 7, color: '#000', weight: ventilator ? 4 : 2,
                        fill: false, interactive: false
                    });
                    var dot = L.circleMarker(latlng, {
                        pane: 'households', radius: ventilator ? 6 : 4.5, color: '#fff', weight: 2,
                        fillColor: p.colour, fillOpacity: 1
                    });
                    dot.bindTooltip('連絡順 ' + p.rank + '：' + p.statusLabel + (ventilator ? '（人工呼吸器）' : ''));
                    dot.bindPopup(popup(p, ventilator));
                    markers.addLayer(L.featureGroup([ring, dot]));
                });
                element.dataset.householdMarkers = collection.features.length;
                if (collection.features.length > 0) {
                    map.fitBounds(markers.getBounds(), { padding: [30, 30], maxZoom: 15 });
                }
                element.dataset.loaded = 'true';
            })
            .catch(function () {
                element.dataset.loaded = 'failed';
            });
        window.inochiEventMap = map;
    }

    function popup(p, ventilator) {
        var content = document.createElement('div');
        var title = document.createElement('p');
        title.textContent = '連絡順 ' + p.rank + (ventilator ? '（人工呼吸器）' : '');
        var status = document.createElement('p');
        status.textContent = '安否：' + p.statusLabel;
        var power = document.createElement('p');
        power.textContent = '電源の残り：' + p.remainingHours + '時間';
        content.append(title, status, power);
        return content;
    }

    function legendControl(legend) {
        var control = L.control({ position: 'bottomright' });
        control.onAdd = function () {
            var outer = L.DomUtil.create('details', 'legend');
            outer.open = window.innerWidth >= 1000;
            var summary = document.createElement('summary');
            summary.textContent = '凡例';
            outer.appendChild(summary);
            L.DomEvent.disableClickPropagation(outer);
            L.DomEvent.disableScrollPropagation(outer);
            var list = document.createElement('ul');
            legend.forEach(function (entry) {
                var item = document.createElement('li');
                var dot = document.createElement('span');
                dot.className = 'dot';
                dot.style.background = entry.colour;
                item.append(dot, document.createTextNode(entry.label));
                list.appendChild(item);
            });
            var vent = document.createElement('li');
            var ring = document.createElement('span');
            ring.className = 'dot dot-vent';
            vent.append(ring, document.createTextNode('人工呼吸器の方（太い黒枠）'));
            list.appendChild(vent);
            outer.appendChild(list);
            return outer;
        };
        return control;
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
