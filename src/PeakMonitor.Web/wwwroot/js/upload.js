// Live progress for the Data page's upload: post the form to /api/imports, then poll the import's
// status and move the progress bar. Without this script the form posts to the page, which imports
// synchronously and shows the outcome.
(function () {
  var form = document.getElementById('upload-form');
  var box = document.getElementById('upload-live');
  if (!form || !box || !window.fetch) { return; }
  var bar = box.querySelector('progress');
  var text = box.querySelector('[data-live-text]');
  var list = box.querySelector('[data-live-problems]');
  // Words come from the page (data-word-*), so the script writes the page's language.
  function word(id) { return box.getAttribute('data-word-' + id) || id; }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    box.hidden = false;
    bar.removeAttribute('value');
    text.textContent = box.getAttribute('data-uploading');
    list.textContent = '';
    fetch('/api/imports', { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) { text.textContent = answer.body.detail || answer.body.title || box.getAttribute('data-upload-failed'); box.setAttribute('data-status', 'failed'); return; }
        poll(answer.body.id);
      })
      .catch(function (err) { text.textContent = String(err); });
  });
  // A status read that fails (the server restarting, a busy job store, a dropped connection) is
  // tried again with a growing pause: the import goes on on the server whatever the page sees.
  function poll(id, failures) {
    failures = failures || 0;
    fetch('/api/imports/' + id, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (t) {
        bar.max = Math.max(1, t.rows);
        bar.value = t.phase === 'write' || t.phase === 'done' ? t.written : 0;
        var state = t.status === 'running' ? word(t.phase) : word(t.status);
        text.textContent = t.file + ' · ' + state + ' · ' + t.written + ' / ' + t.rows + ' ' + word('rows') + (t.error ? ' · ' + t.error.split('\n')[0] : '');
        box.setAttribute('data-status', t.status);
        if (t.status === 'running') { setTimeout(function () { poll(id, 0); }, 400); return; }
        (t.problems || []).forEach(function (p) { var li = document.createElement('li'); li.textContent = p; list.appendChild(li); });
      }, function () {
        box.setAttribute('data-poll-failures', String(failures + 1));
        setTimeout(function () { poll(id, failures + 1); }, Math.min(10000, 500 * Math.pow(2, failures)));
      });
  }
})();
