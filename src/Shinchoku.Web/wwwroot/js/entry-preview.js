// The entry form's marks follow what is typed: after a pause in typing the actual or the projection, the form is
// posted to the page's preview handler (same sign-in, antiforgery token and rights as saving; nothing is saved) and
// the marks and the projection offers (for the actual typed) are replaced with the answer. The new marks are read out politely by the status line. Without
// script, or when a preview fails, the marks simply update on save.
(function () {
    var form = document.getElementById('entry-form');
    var marks = document.getElementById('marks');
    var status = document.getElementById('marks-status');
    if (!form || !marks || !status || !window.fetch || !window.FormData) {
        return;
    }

    var url = marks.getAttribute('data-preview-url');
    var watched = ['Form.Actual', 'Form.Projection'];
    var timer = null;
    var pending = null;
    var last = null;

    function preview() {
        var data = new FormData(form);
        var key = watched.map(function (name) { return data.get(name); }).join('\u0000');
        if (key === last) {
            return;
        }

        last = key;
        if (pending) {
            pending.abort();
        }

        pending = new AbortController();
        fetch(url, { method: 'POST', body: data, credentials: 'same-origin', signal: pending.signal })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html === null) {
                    return;
                }

                var answer = document.createElement('template');
                answer.innerHTML = html;
                var newMarks = answer.content.querySelector('[data-part=marks]');
                var newOffers = answer.content.querySelector('[data-part=offers]');
                var offers = document.getElementById('offers-part');
                if (newMarks) {
                    marks.innerHTML = newMarks.innerHTML;
                }

                if (newOffers && offers) {
                    offers.innerHTML = newOffers.innerHTML;
                }

                var summary = marks.querySelector('[data-marks-summary]');
                status.textContent = summary ? summary.textContent : '';
            })
            .catch(function () { /* aborted by a newer preview, or offline: the marks update on save */ });
    }

    form.addEventListener('input', function (event) {
        if (watched.indexOf(event.target.name) < 0) {
            return;
        }

        window.clearTimeout(timer);
        timer = window.setTimeout(preview, 600);
    });
})();
