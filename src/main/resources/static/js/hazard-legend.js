/*
 * The hazard map's legend as a Leaflet control that folds away: a 「凡例」 button (aria-expanded) shows or hides the
 * colours. Placed in the top-right corner under the layer switches, so Leaflet stacks it below them and it can never
 * cover them; its body scrolls within the map's height instead of growing over the map's other controls.
 */
(function () {
    'use strict';
    var NOT_DESIGNATED = '#9e9e9e';
    /** Narrower windows open the map with the legend folded, leaving the map itself in view. */
    var OPEN_FROM_WIDTH = 1000;

    function section(box, title, rows) {
        var heading = document.createElement('h3');
        heading.textContent = title;
        var list = document.createElement('ul');
        rows.forEach(function (row) {
            var item = document.createElement('li');
            var mark = document.createElement('span');
            mark.className = row.className;
            mark.style.background = row.colour;
            item.append(mark, document.createTextNode(row.text));
            list.appendChild(item);
        });
        box.append(heading, list);
    }

    function fill(box, legend) {
        legend.types.forEach(function (type) {
            if (!type.shown) {
                return;
            }
            section(box, type.label, Object.keys(type.colours).map(function (severity) {
                return { className: 'swatch', colour: type.colours[severity], text: type.labels[severity] || severity };
            }));
        });
        section(box, '世帯（最も危険な区域の色）', [
            { className: 'dot dot-vent', colour: '#ffffff', text: '人工呼吸器の方（太い黒枠）' },
            { className: 'dot', colour: NOT_DESIGNATED, text: '指定なし（区域外）' },
            { className: 'dot dot-cluster', colour: '#ffffff', text: '数字の丸：近くの世帯をまとめた数（選ぶと拡大）' }
        ]);
        section(box, '線', [{ className: 'line-sample', colour: '#263238', text: '市町村・区の境界' }]);
        var note = document.createElement('p');
        note.textContent = '「指定なし」は安全という意味ではありません。';
        box.appendChild(note);
    }

    function control(legend) {
        var legendControl = L.control({ position: 'topright' });
        legendControl.onAdd = function (map) {
            var outer = L.DomUtil.create('div', 'legend leaflet-control');
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'legend-toggle';
            button.textContent = '凡例';
            button.setAttribute('aria-controls', 'hazard-legend-body');
            var box = document.createElement('div');
            box.id = 'hazard-legend-body';
            box.className = 'legend-body';
            fill(box, legend);
            outer.append(button, box);
            L.DomEvent.disableClickPropagation(outer);
            L.DomEvent.disableScrollPropagation(outer);

            function fit() {
                if (box.hidden) {
                    return;
                }
                // room down to the map's bottom edge, less the attribution line
                var room = map.getContainer().getBoundingClientRect().bottom - box.getBoundingClientRect().top - 36;
                box.style.maxHeight = Math.max(80, room) + 'px';
            }

            function show(open) {
                box.hidden = !open;
                button.setAttribute('aria-expanded', String(open));
                outer.classList.toggle('legend-open', open);
                fit();
            }

            button.addEventListener('click', function () {
                show(box.hidden);
            });
            map.on('resize', fit);
            show(window.innerWidth >= OPEN_FROM_WIDTH);
            setTimeout(fit, 0);
            return outer;
        };
        return legendControl;
    }

    window.InochiHazardLegend = { control: control, NOT_DESIGNATED: NOT_DESIGNATED };
})();
