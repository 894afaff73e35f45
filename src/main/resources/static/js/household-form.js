/*
 * The home's location: click the map (pin drop) to fill longitude and latitude, or type them and the pin follows.
 * Used by the household form and by the location form on the household page (#pin-map with the input ids in
 * data-longitude-input / data-latitude-input; without them the map only shows the home).
 */
(function () {
    'use strict';

    function init() {
        var element = document.getElementById('pin-map');
        if (!element || !window.L) {
            return;
        }
        var lonInput = document.getElementById(element.dataset.longitudeInput || 'household-longitude');
        var latInput = document.getElementById(element.dataset.latitudeInput || 'household-latitude');
        var editable = element.dataset.readonly !== 'true' && lonInput && latInput;
        var lon = InochiMaps.number(element.dataset.longitude || (lonInput && lonInput.value));
        var lat = InochiMaps.number(element.dataset.latitude || (latInput && latInput.value));
        var has = !isNaN(lon) && !isNaN(lat);
        var map = InochiMaps.create(element);
        map.setView(has ? [lat, lon] : InochiMaps.KUMAMOTO, has ? 15 : 9);
        if (element.dataset.hazardTiles && window.InochiVectorTiles) {
            // The hazard zones around the home, in their legend colours (drawn by the service, also offline).
            InochiVectorTiles.layer({
                url: element.dataset.hazardTiles,
                style: function (feature) {
                    return { fill: feature.properties.colour || '#7a7a7a', stroke: '#555', weight: 0.5, opacity: 0.55 };
                },
                onFeatures: function (count) {
                    element.dataset.hazardFeatures = count;
                }
            }).on('load', function () {
                element.dataset.hazardTilesLoaded = 'true';
            }).addTo(map);
        }
        var marker = null;

        function place(latitude, longitude) {
            if (marker) {
                marker.setLatLng([latitude, longitude]);
            } else {
                marker = L.circleMarker([latitude, longitude], {
                    radius: 10, color: '#000', weight: 3, fillColor: '#d7263d', fillOpacity: 0.9
                }).addTo(map);
                marker.bindTooltip('自宅');
            }
        }

        if (has) {
            place(lat, lon);
        }
        if (!editable) {
            return;
        }
        map.on('click', function (event) {
            var latitude = Math.round(event.latlng.lat * 1e6) / 1e6;
            var longitude = Math.round(event.latlng.lng * 1e6) / 1e6;
            latInput.value = latitude;
            lonInput.value = longitude;
            place(latitude, longitude);
        });

        function typed() {
            var longitude = InochiMaps.number(lonInput.value);
            var latitude = InochiMaps.number(latInput.value);
            if (!isNaN(longitude) && !isNaN(latitude)) {
                place(latitude, longitude);
                map.panTo([latitude, longitude]);
            }
        }

        lonInput.addEventListener('change', typed);
        latInput.addEventListener('change', typed);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
