// Progressive enhancement only: every page works without this file.
(function () {
  // Move focus to the error summary so screen readers announce the errors first.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();

// Similar ideas while a title is typed (submission wizard, step 1). Text is set with textContent only.
(function () {
  var box = document.getElementById('similar-live');
  var title = document.getElementById('Input_Title');
  if (!box || !title || !window.fetch) return;
  var language = document.getElementById('Input_Language');
  var timer = null;
  var last = '';
  function render(items) {
    box.textContent = '';
    if (!items.length) { box.hidden = true; return; }
    var heading = document.createElement('h2');
    heading.textContent = box.dataset.heading;
    var hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = box.dataset.hint;
    var list = document.createElement('ul');
    items.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '/hubs/' + encodeURIComponent(box.dataset.hub) + '/ideas/' + encodeURIComponent(item.id);
      a.textContent = item.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    box.appendChild(heading);
    box.appendChild(hint);
    box.appendChild(list);
    box.hidden = false;
  }
  function look() {
    var text = title.value.trim();
    if (text.length < 8 || text === last) return;
    last = text;
    var url = box.dataset.url + '?title=' + encodeURIComponent(text) + (language ? '&language=' + encodeURIComponent(language.value) : '');
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(render)
      .catch(function () { /* suggestions are a help, not a requirement */ });
  }
  title.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(look, 400);
  });
})();

// Import progress: follows the job through the API while it runs, then shows the finished page.
(function () {
  var bar = document.querySelector('progress[data-poll]');
  if (!bar || !window.fetch) return;
  var counts = document.getElementById('job-counts');
  function tick() {
    fetch(bar.dataset.poll, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) return;
        bar.max = Math.max(1, job.total);
        bar.value = job.processed;
        if (counts && bar.dataset.counts) {
          counts.textContent = bar.dataset.counts.replace('{0}', job.processed).replace('{1}', job.total)
            .replace('{2}', job.good).replace('{3}', job.bad);
        }
        if (job.status === 'Queued' || job.status === 'Running') setTimeout(tick, 2000);
        else window.location.reload();
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();

