// Live dashboard: one EventSource on /results/stream. The server sends the current state first, then at most
// ~10 updates a second; EventSource reconnects by itself and sends Last-Event-ID, so nothing is repeated.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const pollId = params.get('poll');
  const $ = (id) => document.getElementById(id);
  const number = new Intl.NumberFormat();
  const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  if (!pollId) {
    setState('bad', 'no poll');
    $('bars').innerHTML = '<li class="empty">Add <code>?poll=&lt;id&gt;</code> to the address.</li>';
    return;
  }
  const base = '/api/v1/polls/' + encodeURIComponent(pollId);
  $('poll-id').textContent = 'Poll ' + pollId;
  $('vote-link').href = 'vote.html?poll=' + encodeURIComponent(pollId);

  // The title lives with the poll (ledger), not in the results: best effort.
  fetch(base).then((r) => (r.ok ? r.json() : null)).then((poll) => {
    if (poll && poll.title) {
      $('title').textContent = poll.title;
      document.title = poll.title + ' · live results';
    }
  }).catch(() => {});

  // Votes per second from (time, total) samples of the last few seconds.
  const samples = [];
  const WINDOW_MS = 5000;
  let latest = null;

  function rate(now) {
    while (samples.length > 1 && now - samples[0].t > WINDOW_MS) samples.shift();
    if (!latest || samples.length === 0) return 0;
    const first = samples[0];
    const seconds = Math.max((now - first.t) / 1000, 1);
    return Math.max(0, (latest.totalVotes - first.total) / seconds);
  }

  function showRate() {
    if (!latest) return;
    $('rate').textContent = latest.final ? '0' : oneDecimal.format(rate(performance.now()));
  }
  setInterval(showRate, 1000);

  function setState(kind, text) {
    const el = $('state');
    el.className = 'badge ' + kind;
    el.textContent = text;
  }

  function render(results) {
    latest = results;
    samples.push({ t: performance.now(), total: results.totalVotes });
    $('total').textContent = number.format(results.totalVotes);
    $('version').textContent = number.format(results.version);
    $('as-of').textContent = results.asOf ? 'As of ' + new Date(results.asOf).toLocaleString() : '';
    showRate();

    const max = Math.max(0, ...results.options.map((o) => o.votes));
    const list = $('bars');
    const rows = results.options.map((o) => {
      let row = list.querySelector('[data-option="' + CSS.escape(o.optionId) + '"]');
      if (!row) row = newRow(o.optionId);
      const label = row.querySelector('.bar-label');
      if (o.label) {
        label.textContent = o.label;
      } else { // a delta arrived before the poll row: show the id until the label is known
        const id = document.createElement('span');
        id.className = 'unlabelled';
        id.textContent = o.optionId;
        label.replaceChildren(id);
      }
      row.querySelector('.votes').textContent = number.format(o.votes);
      row.querySelector('.pct').textContent = oneDecimal.format(o.percentage) + '%';
      row.querySelector('.bar-fill').style.width = o.percentage + '%';
      row.querySelector('.bar').setAttribute('aria-valuenow', String(o.percentage));
      row.classList.toggle('leader', max > 0 && o.votes === max);
      return row;
    });
    list.replaceChildren(...rows);
    if (rows.length === 0) list.innerHTML = '<li class="empty">This poll has no options yet.</li>';
    document.querySelector('main').classList.toggle('final-results', !!results.final);
    if (results.final) setState('final', 'final');
  }

  function newRow(optionId) {
    const row = document.createElement('li');
    row.className = 'bar-row';
    row.dataset.option = optionId;
    row.innerHTML =
      '<span class="bar-label"></span>' +
      '<span class="bar-nums"><strong class="votes">0</strong> votes · <span class="pct">0.0%</span></span>' +
      '<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100"><div class="bar-fill"></div></div>';
    return row;
  }

  let source = null;
  function connect() {
    source = new EventSource(base + '/results/stream');
    source.addEventListener('open', () => {
      if (!latest || !latest.final) setState('live', 'live');
    });
    source.addEventListener('tally', (e) => {
      render(JSON.parse(e.data));
      if (!latest.final) setState('live', 'live');
    });
    source.addEventListener('error', () => {
      if (latest && latest.final) {
        source.close(); // final results never change: no need to stay connected
        return;
      }
      if (source.readyState === EventSource.CONNECTING) {
        setState('reconnecting', 'reconnecting…');
      } else {
        // CLOSED: the server refused (404: poll unknown so far) — EventSource gives up; we try again later.
        setState(latest ? 'reconnecting' : 'bad', latest ? 'reconnecting…' : 'poll not found yet, retrying…');
        setTimeout(connect, 5000);
      }
    });
  }
  connect();
})();
