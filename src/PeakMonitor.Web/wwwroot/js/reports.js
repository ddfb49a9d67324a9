// Report generation with a live progress bar: post the form to /api/reports, then poll the job.
(function () {
  var form = document.getElementById('report-form');
  var box = document.getElementById('report-live');
  if (!form || !box || !window.fetch) { return; }
  var bar = box.querySelector('progress');
  var text = box.querySelector('[data-live-text]');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    box.hidden = false;
    bar.removeAttribute('value');
    text.textContent = '…';
    fetch('/api/reports', { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (a) {
        if (!a.ok) { text.textContent = a.body.detail || a.body.title; box.setAttribute('data-status', 'failed'); return; }
        poll(a.body.id);
      });
  });
  function poll(id) {
    fetch('/api/reports/' + id, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (job) {
      bar.max = Math.max(1, job.total);
      bar.value = job.done;
      text.textContent = job.done + ' / ' + job.total + (job.current ? ' · ' + job.current : '') + (job.error ? ' · ' + job.error : '');
      box.setAttribute('data-status', job.status);
      if (job.status === 'running') { setTimeout(function () { poll(id); }, 500); return; }
      if (job.status === 'succeeded') { window.location.reload(); }
    });
  }
})();
