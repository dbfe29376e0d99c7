// Coalition Ledger pages: the time slider and live updates. Plain JavaScript, served by the ledger itself
// (the Content-Security-Policy allows no inline script). The pages work without it; it only saves reloads.
(function () {
    'use strict';

    var DAY = 24 * 60 * 60 * 1000;

    function addDays(isoDay, days) {
        var d = new Date(isoDay + 'T00:00:00Z');
        return new Date(d.getTime() + days * DAY).toISOString().slice(0, 10);
    }

    // Fetches the page's own address again and swaps in its live parts (elements with data-live and an id).
    var refreshing = null;
    function refresh() {
        if (refreshing) {
            refreshing.again = true;
            return refreshing.promise;
        }
        var state = { again: false };
        state.promise = fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (!html) { return; }
                var fresh = new DOMParser().parseFromString(html, 'text/html');
                document.querySelectorAll('[data-live][id]').forEach(function (part) {
                    var replacement = fresh.getElementById(part.id);
                    if (replacement && replacement.hasAttribute('data-live')) {
                        part.replaceWith(document.importNode(replacement, true));
                    }
                });
                var count = Number(document.documentElement.getAttribute('data-refreshes') || '0') + 1;
                document.documentElement.setAttribute('data-refreshes', String(count));
            })
            .catch(function () { /* offline for a moment; the next event or move tries again */ })
            .finally(function () {
                refreshing = null;
                if (state.again) { refresh(); }
            });
        refreshing = state;
        return state.promise;
    }

    function setupSlider() {
        var slider = document.getElementById('when');
        var dateField = document.getElementById('asOf');
        var shown = document.getElementById('when-date');
        if (!slider || !dateField) { return; }
        var first = slider.getAttribute('data-first');
        var timer = null;
        slider.addEventListener('input', function () {
            var day = addDays(first, Number(slider.value));
            slider.setAttribute('aria-valuetext', day);
            dateField.value = day;
            if (shown) { shown.textContent = day; }
            clearTimeout(timer);
            timer = setTimeout(function () {
                var url = new URL(window.location.href);
                url.searchParams.set('asOf', day);
                window.history.replaceState(null, '', url.toString());
                refresh();
            }, 250);
        });
    }

    function setupLive() {
        var main = document.querySelector('main[data-events]');
        var status = document.getElementById('live-status');
        if (!main || !window.EventSource) { return; }
        var source = new EventSource(main.getAttribute('data-events'));
        source.addEventListener('act', function () {
            refresh().then(function () {
                if (status) {
                    status.textContent = 'Updated at ' + new Date().toLocaleTimeString()
                        + ': a new act was recorded for this coalition.';
                }
            });
        });
        window.addEventListener('pagehide', function () { source.close(); });
    }

    // A part marked data-poll (the imports page while one runs) is fetched again every that many milliseconds,
    // until the fresh page no longer marks it.
    function setupPoll() {
        var polled = document.querySelector('[data-live][data-poll]');
        if (!polled) { return; }
        var every = Number(polled.getAttribute('data-poll')) || 1000;
        var timer = setInterval(function () {
            refresh().then(function () {
                if (!document.querySelector('[data-live][data-poll]')) { clearInterval(timer); }
            });
        }, every);
    }

    document.addEventListener('DOMContentLoaded', function () {
        setupSlider();
        setupLive();
        setupPoll();
    });
}());
