/*
 * The municipal hazard map: hazard zones as vector tiles in their legend colours, one switch per hazard type; the
 * households the viewer may see as markers coloured by their worst exposure (ventilator households ringed in black),
 * grouped by the server into numbered clusters when zoomed out; the municipal and ward boundaries with their credit
 * in the attribution; a legend that folds away (hazard-legend.js); and the base map when it can be reached.
 *
 * #hazard-map data attributes: tiles/attribution/max-zoom (base map), hazard-tiles, household-tiles, legend (JSON:
 * {types: [{code, name, label, maxSeverity, colours: {severity: colour}, labels: {severity: text}, shown}]}), bounds
 * (JSON [[south, west], [north, east]]), boundaries (GeoJSON URL) and boundary-focus (the code to outline and zoom to).
 */
(function () {
    'use strict';
    var PROPERTY = { FLOOD: 'flood', LANDSLIDE: 'landslide', TSUNAMI: 'tsunami', STORM_SURGE: 'storm_surge' };
    /** The zoom from which the server sends every home on its own (HouseholdTiles.CLUSTER_BELOW_ZOOM). */
    var HOMES_FROM_ZOOM = 14;

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
        [['hazards', 350], ['boundaries', 400], ['households', 450]].forEach(function (pane) {
            map.createPane(pane[0]);
            map.getPane(pane[0]).style.zIndex = pane[1];
        });

        var overlays = {};
        hazardLayers(map, element, legend).forEach(function (entry) {
            overlays[entry.name] = entry.layer;
        });
        overlays['世帯'] = householdLayer(map, element, legend);
        var switches = L.control.layers(null, overlays, { collapsed: false }).addTo(map);
        InochiHazardLegend.control(legend).addTo(map);
        boundaries(map, element, switches);

        window.inochiHazardMap = map;
    }

    /** One tile layer per hazard type with data, each with its own switch; a type without data says so. */
    function hazardLayers(map, element, legend) {
        var drawn = {};
        return legend.types.map(function (type) {
            if (!type.shown) {
                return { name: type.name + '（データなし）', layer: L.layerGroup() };
            }
            var layer = InochiVectorTiles.layer({
                url: element.dataset.hazardTiles + '?types=' + type.code,
                pane: 'hazards',
                className: 'hazard-layer hazard-' + type.code,
                maxNativeZoom: 18,
                style: function (feature) {
                    var colour = feature.properties.colour || '#7a7a7a';
                    return { fill: colour, stroke: shade(colour), weight: 0.6, opacity: 0.62 };
                },
                onFeatures: function (count) {
                    drawn[type.code] = count;
                    element.dataset.hazardFeatures = Object.keys(drawn).reduce(function (sum, code) {
                        return sum + drawn[code];
                    }, 0);
                }
            }).on('load', function () {
                element.dataset.hazardTilesLoaded = 'true';
            }).addTo(map);
            return { name: type.name, layer: layer };
        });
    }

    /** Homes and clusters as markers that come and go with the tile that sent them. */
    function householdLayer(map, element, legend) {
        var markers = L.layerGroup().addTo(map);
        var byTile = {};
        var households = InochiVectorTiles.layer({
            url: element.dataset.householdTiles,
            maxNativeZoom: 18,
            style: function (feature, layerName) {
                var p = feature.properties;
                var worst = worstOf(p, legend);
                var fill = worst ? worst.colour : InochiHazardLegend.NOT_DESIGNATED;
                if (layerName === 'clusters') {
                    return { cluster: true, count: p.households, ventilators: p.ventilators || 0, fill: fill, worst: worst };
                }
                return { fill: fill, ventilator: p.ventilator === true || p.ventilator === 1, worst: worst };
            },
            onPoint: function (feature, latlng, style, tileKey) {
                if (!households._tiles[tileKey]) {
                    return; // the tile left the view before its answer came
                }
                var marker = style.cluster ? clusterMarker(map, latlng, style) : homeMarker(feature, latlng, style);
                (byTile[tileKey] = byTile[tileKey] || []).push(marker);
                markers.addLayer(marker);
                count(element, byTile);
            }
        }).on('tileunload', function (event) {
            var key = households._tileCoordsToKey(event.coords);
            (byTile[key] || []).forEach(function (marker) {
                markers.removeLayer(marker);
            });
            delete byTile[key];
            count(element, byTile);
        }).on('load', function () {
            element.dataset.householdTilesLoaded = 'true';
        }).addTo(map);
        return markers;
    }

    function count(element, byTile) {
        var all = [].concat.apply([], Object.keys(byTile).map(function (key) {
            return byTile[key];
        }));
        element.dataset.householdMarkers = all.length;
        element.dataset.clusterMarkers = all.filter(function (marker) {
            return marker.options.cluster;
        }).length;
    }

    function homeMarker(feature, latlng, style) {
        var id = feature.properties.id || feature.id;
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
        dot.bindTooltip((style.ventilator ? '人工呼吸器・' : '') + (style.worst ? style.worst.label : '指定なし'));
        dot.bindPopup(function () {
            return popup(id, style);
        });
        return L.featureGroup([ring, dot]);
    }

    /** A numbered circle in the worst zone's colour; choosing it zooms in until its homes stand apart. */
    function clusterMarker(map, latlng, style) {
        var text = style.count + '世帯' + (style.ventilators ? '（うち人工呼吸器 ' + style.ventilators + '）' : '')
            + '：選ぶと拡大します';
        var marker = L.marker(latlng, {
            pane: 'households',
            cluster: true,
            title: text,
            alt: text,
            icon: L.divIcon({
                className: 'cluster-marker' + (style.ventilators ? ' cluster-vent' : ''),
                html: '<span style="background:' + style.fill + '">' + style.count + '</span>',
                iconSize: [38, 38]
            })
        });
        marker.on('click', function () {
            map.setView(latlng, Math.min(map.getZoom() + 2, HOMES_FROM_ZOOM));
        });
        return marker;
    }

    /** Every area as a thin line; the officer's own (or the chosen one) bold, and the map fitted to it. */
    function boundaries(map, element, switches) {
        var url = element.dataset.boundaries;
        if (!url) {
            return;
        }
        var focus = element.dataset.boundaryFocus || '';
        var isFocus = function (feature) {
            var p = feature.properties;
            return focus !== '' && (p.code === focus || p.municipality_code === focus || p.ward_code === focus);
        };
        fetch(url, { credentials: 'same-origin' }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (data) {
            if (!data || !data.features.length) {
                return;
            }
            var layer = L.geoJSON(data, {
                pane: 'boundaries',
                interactive: false,
                attribution: data.attribution || '',
                style: function (feature) {
                    return isFocus(feature) ? { color: '#1a237e', weight: 3, opacity: 0.9, fill: false }
                        : { color: '#263238', weight: 1, opacity: 0.7, fill: false };
                }
            }).addTo(map);
            var focused = [];
            layer.eachLayer(function (area) {
                L.DomUtil.addClass(area.getElement(), isFocus(area.feature) ? 'boundary boundary-focus' : 'boundary');
                if (isFocus(area.feature)) {
                    focused.push(area);
                }
            });
            switches.addOverlay(layer, '行政区域');
            if (focused.length) {
                map.fitBounds(L.featureGroup(focused).getBounds(), { padding: [20, 20] });
            }
            element.dataset.boundaryAreas = data.features.length;
        });
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
