// The poll list comes from the ledger (GET /api/v1/polls), through the same origin as this page.
(function () {
  'use strict';
  const list = document.getElementById('polls');
  const statusBadge = { open: 'live', closed: 'final', scheduled: '' };

  function item(poll) {
    const li = document.createElement('li');
    const id = encodeURIComponent(poll.pollId);
    const left = document.createElement('div');
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = poll.title || poll.pollId;
    const meta = document.createElement('div');
    meta.className = 'muted';
    const badge = document.createElement('span');
    badge.className = 'badge ' + (statusBadge[poll.status] || '');
    badge.textContent = poll.status || 'unknown';
    meta.append(badge, ' ', (poll.options || []).length + ' options');
    left.append(title, meta);
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.innerHTML = '<a class="button" href="results.html?poll=' + id + '">Live results</a>' +
      (poll.status === 'open' ? '<a class="button secondary" href="vote.html?poll=' + id + '">Vote</a>' : '');
    li.append(left, actions);
    return li;
  }

  fetch('/api/v1/polls')
    .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then((polls) => {
      list.replaceChildren(...polls.map(item));
      if (polls.length === 0) list.innerHTML = '<li class="muted">No polls yet.</li>';
    })
    .catch((e) => { list.innerHTML = '<li class="muted">Cannot load polls (' + e.message + ').</li>'; });

  document.getElementById('open-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = document.getElementById('poll-input').value.trim();
    if (id) location.href = 'results.html?poll=' + encodeURIComponent(id);
  });
})();
