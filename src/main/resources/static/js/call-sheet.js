// The call sheet: a call's result is posted from its row and the row is replaced in place, so the coordinator keeps
// their place on the page. Without this script each row links to the page with its own form, which posts normally,
// and the server returns to the row's anchor.
(function () {
    'use strict';

    // The page carries the blank result form once; each row gets its own copy, named after its household.
    function giveEachRowItsForm() {
        var template = document.getElementById('row-form-template');
        if (!template) {
            return;
        }
        document.querySelectorAll('.row-form-slot').forEach(function (slot) {
            var household = slot.getAttribute('data-household');
            var form = template.content.firstElementChild.cloneNode(true);
            [form].concat(Array.prototype.slice.call(form.querySelectorAll('[id], [for]'))).forEach(function (element) {
                ['id', 'for', 'action'].forEach(function (name) {
                    var value = element.getAttribute(name);
                    if (value !== null) {
                        element.setAttribute(name, value.replace('HOUSEHOLD', household));
                    }
                });
            });
            slot.replaceWith(form);
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', giveEachRowItsForm);
    } else {
        giveEachRowItsForm();
    }

    function showError(form, text) {
        var box = form.querySelector('.row-error');
        if (box) {
            box.textContent = text;
            box.hidden = false;
            box.focus && box.focus();
        }
    }

    function replaceRow(tbody, html) {
        var holder = document.createElement('table');
        holder.innerHTML = html.trim();
        var fresh = holder.querySelector('tbody');
        if (!fresh) {
            return false;
        }
        tbody.replaceWith(fresh);
        var count = fresh.getAttribute('data-count');
        var shown = document.getElementById('count');
        if (count !== null && count !== '' && shown) {
            shown.textContent = count;
        }
        var notice = fresh.querySelector('.notice-error, .row-notice');
        if (notice) {
            notice.setAttribute('tabindex', '-1');
            notice.focus({preventScroll: true});
        }
        return true;
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.classList.contains('row-form') || !window.fetch) {
            return;
        }
        var tbody = form.closest('tbody.call-row');
        if (!tbody) {
            return;
        }
        event.preventDefault();
        var button = form.querySelector('button[type=submit]');
        if (button) {
            button.disabled = true;
        }
        fetch(form.action, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'X-Inochi-Row': '1'},
            body: new URLSearchParams(new FormData(form)).toString()
        }).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            return response.text().then(function (text) {
                if (type.indexOf('text/html') === 0 && (response.ok || response.status === 422 || response.status === 400
                        || response.status === 409) && replaceRow(tbody, text)) {
                    return;
                }
                showError(form, response.status === 404 ? 'この世帯は見つかりません（一覧を開き直してください）。'
                    : '記録できませんでした（' + response.status + '）。もう一度お試しください。');
                if (button) {
                    button.disabled = false;
                }
            });
        }).catch(function () {
            showError(form, '通信できませんでした。記録されていません。もう一度お試しください。');
            if (button) {
                button.disabled = false;
            }
        });
    });
}());
