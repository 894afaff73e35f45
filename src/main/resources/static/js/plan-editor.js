/*
 * The plan editor's 「行を追加」 buttons add a supporter or device row in the page, without a round trip: the last row
 * is copied empty and renumbered, and the row counter the server reads goes up. Without the script the buttons post
 * the form and the service shows it again with one more row.
 */
(function () {
    'use strict';

    function renumber(row, list, from, to) {
        var pattern = list + '[' + from + ']';
        row.querySelectorAll('[name], [id], [for], [aria-describedby]').forEach(function (element) {
            ['name', 'id', 'for', 'aria-describedby'].forEach(function (attribute) {
                var value = element.getAttribute(attribute);
                if (value && value.indexOf(pattern) >= 0) {
                    element.setAttribute(attribute, value.split(pattern).join(list + '[' + to + ']'));
                }
            });
        });
    }

    function addRow(button) {
        var list = button.dataset.list;
        var counter = document.querySelector('input[name="' + button.dataset.counter + '"]');
        var rows = document.querySelectorAll('fieldset[data-row="' + list + '"]');
        if (!counter || rows.length === 0) {
            return false;
        }
        var last = rows[rows.length - 1];
        var next = rows.length;
        var row = last.cloneNode(true);
        row.id = last.id.replace(/-\d+$/, '-' + next);
        renumber(row, list, next - 1, next);
        row.querySelectorAll('input, select, textarea').forEach(function (field) {
            if (field.type === 'checkbox') {
                field.checked = false;
            } else if (field.tagName === 'SELECT') {
                field.selectedIndex = 0;
            } else {
                field.value = '';
            }
            field.removeAttribute('aria-invalid');
        });
        row.querySelectorAll('.field-error, .field-finding, .prefilled').forEach(function (note) {
            note.remove();
        });
        row.querySelectorAll('.field-invalid').forEach(function (field) {
            field.classList.remove('field-invalid');
        });
        var legend = row.querySelector('legend');
        if (legend) {
            legend.textContent = legend.textContent.replace(/\d+$/, String(next + 1));
        }
        last.after(row);
        counter.value = String(next + 1);
        var first = row.querySelector('input:not([type=hidden]):not([type=checkbox]), select');
        if (first) {
            first.focus();
        }
        return true;
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-list]');
        if (button && addRow(button)) {
            event.preventDefault();
        }
    });
})();
