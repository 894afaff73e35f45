/*
 * Hazard layer import: the form is sent to the service's own upload API (POST /api/hazard-layers, with the
 * session's CSRF token in X-CSRF-Token), which answers with a job; the page then follows the job
 * (GET /api/imports/{id}) with a progress bar until the import report, or the reason it failed.
 */
(function () {
    'use strict';

    function uploadForm() {
        var form = document.getElementById('hazard-import-form');
        if (!form) {
            return;
        }
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var button = form.querySelector('button[type=submit]');
            var status = document.getElementById('upload-status');
            clearErrors(form);
            button.disabled = true;
            status.hidden = false;
            status.textContent = 'ファイルを送信しています…';
            var data = new FormData(form);
            var kind = (data.get('kind') || 'HAZARD').toLowerCase();
            data.delete('kind');
            data.delete('_csrf');
            if (kind !== 'hazard') {
                data.delete('hazardType');
            }
            ['source', 'licence', 'credit', 'crs', 'encoding'].forEach(function (name) {
                if (!data.get(name)) {
                    data.delete(name);
                }
            });
            fetch(form.dataset['api' + kind.charAt(0).toUpperCase() + kind.slice(1)], {
                method: 'POST', body: data, credentials: 'same-origin',
                headers: { 'X-CSRF-Token': form.dataset.csrf, 'Accept': 'application/json' }
            }).then(function (response) {
                return response.json().catch(function () {
                    return {};
                }).then(function (body) {
                    return { response: response, body: body };
                });
            }).then(function (result) {
                if (result.response.status === 202 && result.body.jobId) {
                    window.location.assign('/hazard-imports/' + encodeURIComponent(result.body.jobId));
                    return;
                }
                button.disabled = false;
                status.hidden = true;
                showErrors(form, result.body);
            }).catch(function () {
                button.disabled = false;
                status.hidden = true;
                showErrors(form, { detail: 'サービスに接続できませんでした。ネットワークを確認して、もう一度送信してください。' });
            });
        });
    }

    function clearErrors(form) {
        form.querySelectorAll('.field-error[data-from-api]').forEach(function (e) {
            e.remove();
        });
        form.querySelectorAll('.field-invalid').forEach(function (e) {
            e.classList.remove('field-invalid');
        });
        var summary = document.getElementById('upload-errors');
        summary.hidden = true;
        summary.querySelector('ul').replaceChildren();
    }

    function showErrors(form, problem) {
        var summary = document.getElementById('upload-errors');
        var list = summary.querySelector('ul');
        summary.querySelector('.notice-title').textContent = problem.errors && problem.errors.length
            ? '入力内容を確認してください（' + problem.errors.length + '件）' : '読み込みを始められませんでした';
        var detail = document.createElement('li');
        if (!problem.errors || !problem.errors.length) {
            detail.textContent = problem.detail || '読み込みを始められませんでした。';
            list.appendChild(detail);
        }
        (problem.errors || []).forEach(function (error) {
            var item = document.createElement('li');
            item.textContent = error.message;
            list.appendChild(item);
            var input = form.querySelector('[name="' + CSS.escape(error.field) + '"]');
            if (input) {
                var field = input.closest('.field');
                field.classList.add('field-invalid');
                var message = document.createElement('p');
                message.className = 'field-error';
                message.dataset.fromApi = 'true';
                message.textContent = '⚠ ' + error.message;
                field.insertBefore(message, input);
            }
        });
        summary.hidden = false;
        summary.focus();
    }

    function progressPage() {
        var panel = document.getElementById('import-job');
        if (!panel) {
            return;
        }
        var bar = document.getElementById('import-progress');
        var text = document.getElementById('import-progress-text');
        var seen = [];
        function poll() {
            fetch('/api/imports/' + encodeURIComponent(panel.dataset.jobId), {
                credentials: 'same-origin', headers: { 'Accept': 'application/json' }
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error('status ' + response.status);
                }
                return response.json();
            }).then(function (job) {
                bar.value = job.percent;
                if (seen[seen.length - 1] !== job.percent) {
                    seen.push(job.percent);
                    panel.dataset.seen = seen.join(',');
                    try {
                        // Kept for the tab, so the finished page (and a test) can tell the bar moved.
                        window.sessionStorage.setItem('inochi-import-' + panel.dataset.jobId, seen.join(','));
                    } catch (ignored) {
                        // Storage may be off; the bar still works.
                    }
                }
                text.textContent = job.phase + '：' + job.percent + '%'
                    + (job.total ? '（' + job.done.toLocaleString('ja-JP') + ' / ' + job.total.toLocaleString('ja-JP') + ' 地物）' : '');
                panel.dataset.status = job.status;
                if (job.status === 'SUCCEEDED' || job.status === 'FAILED') {
                    // The server renders the report (or the reasons) in Japanese; show it.
                    window.location.reload();
                    return;
                }
                window.setTimeout(poll, 400);
            }).catch(function () {
                text.textContent = '進み具合を取得できません。再読み込みしてください。';
                window.setTimeout(poll, 2000);
            });
        }
        if (panel.dataset.status === 'QUEUED' || panel.dataset.status === 'RUNNING') {
            poll();
        }
    }

    function init() {
        uploadForm();
        progressPage();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
