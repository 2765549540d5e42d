// The fraud review page: lists a poll's flag groups from the ledger (GET /api/v1/polls/{id}/flags, admin or auditor)
// and sends an admin's decision (POST /api/v1/flags/{id}/review), through the same origin as this page.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const rows = $('flags');
  const outcome = $('outcome');
  const ADMIN_ROLE = 'admin';
  const params = new URLSearchParams(location.search);

  // Signed in at the realm (signin.js; the realm asks the admin for an OTP), the token is the session's, in memory,
  // and the page opens only for the admin role. Without an issuer (a stack without Keycloak, module tests) a dev token
  // comes from the fragment (#token=…: never sent to a server; it leaves the address bar at once) or the form, and
  // stays in the form only. The ledger checks the role on every call whatever the page shows.
  const tokenFromUrl = new URLSearchParams(location.hash.slice(1)).get('token');
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  let currentToken = () => $('token').value.trim();
  const devToken = () => { $('dev-token').hidden = false; };
  const ready = tokenFromUrl
    ? Promise.resolve(($('token').value = tokenFromUrl, devToken()))
    : window.VotesSignIn.start('admin').then((s) => {
      if (s.state === 'off') return devToken();
      if (s.state === 'out') { notice('info', 'Taking you to sign in…'); return s.signIn(); }
      $('who-name').textContent = s.user;
      $('sign-out').onclick = s.signOut;
      $('who').hidden = false;
      if (!s.roles.includes(ADMIN_ROLE)) {
        document.body.dataset.refused = 'not-admin';
        $('load').disabled = true;
        notice('bad', s.user + ' is signed in but is not an admin: this page is for the admin role only.');
        return;
      }
      currentToken = s.token;
    }).catch((e) => notice('bad', 'Sign-in failed: ' + e.message));

  function notice(kind, message) {
    const div = document.createElement('div');
    div.className = 'notice ' + kind;
    div.textContent = message;
    outcome.replaceChildren(div);
  }
  function token() {
    return currentToken();
  }
  function cell(content, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    if (content instanceof Node) td.append(content); else td.textContent = content == null ? '' : String(content);
    return td;
  }
  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }
  async function problem(r) {
    const body = await r.json().catch(() => ({}));
    return (body.title || ('HTTP ' + r.status)) + (body.detail ? ': ' + body.detail : '');
  }

  function subject(flag) {
    const div = document.createElement('div');
    const kind = document.createElement('strong');
    kind.textContent = flag.subject;
    const key = document.createElement('div');
    key.className = 'key';
    key.textContent = flag.subjectKey;
    div.append(kind, key);
    return div;
  }
  function reasons(flag) {
    const ul = document.createElement('ul');
    ul.className = 'reasons';
    (flag.reasons || []).forEach((reason) => {
      const li = document.createElement('li');
      li.textContent = reason;
      ul.append(li);
    });
    return ul;
  }
  function status(flag) {
    const badge = document.createElement('span');
    badge.className = 'badge ' + flag.status;
    badge.textContent = flag.status + (flag.voidedVotes != null ? ' · ' + flag.voidedVotes + ' voided' : '');
    return badge;
  }
  function review(flag) {
    const div = document.createElement('div');
    if (flag.status !== 'open') {
      div.className = 'muted';
      div.textContent = (flag.reviewedBy || '') + ' ' + when(flag.reviewedAt) + (flag.note ? ' — ' + flag.note : '');
      return div;
    }
    const note = document.createElement('input');
    note.type = 'text';
    note.className = 'note';
    note.placeholder = 'note (optional)';
    note.setAttribute('aria-label', 'Note for ' + flag.subject + ' ' + flag.subjectKey);
    const actions = document.createElement('div');
    actions.className = 'actions';
    ['confirm', 'dismiss'].forEach((decision) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = decision;
      button.textContent = decision === 'confirm' ? 'Confirm (void votes)' : 'Dismiss';
      button.addEventListener('click', () => decide(flag, decision, note.value.trim(), actions));
      actions.append(button);
    });
    div.append(note, actions);
    return div;
  }
  function row(flag) {
    const tr = document.createElement('tr');
    tr.dataset.flagId = flag.flagId;
    tr.dataset.subjectKey = flag.subjectKey;
    tr.append(cell(subject(flag)), cell(Number(flag.score).toFixed(2), 'num score'), cell(reasons(flag)),
      cell(flag.voteCount, 'num votes'), cell(when(flag.firstSeen)), cell(when(flag.lastSeen)),
      cell(status(flag), 'status'), cell(review(flag), 'review'));
    return tr;
  }

  async function load() {
    const pollId = $('poll').value;
    const auth = token();
    if (!auth) { notice('bad', 'Sign in as an admin or paste an admin token first.'); return; }
    if (!pollId) { notice('bad', 'Pick a poll.'); return; }
    const query = new URLSearchParams({ limit: '500' });
    if ($('status').value) query.set('status', $('status').value);
    try {
      const r = await fetch('/api/v1/polls/' + encodeURIComponent(pollId) + '/flags?' + query,
        { headers: { 'Authorization': 'Bearer ' + auth } });
      if (!r.ok) { notice('bad', await problem(r)); return; }
      const body = await r.json();
      rows.replaceChildren(...body.flags.map(row));
      if (body.flags.length === 0) {
        rows.replaceChildren(emptyRow($('status').value ? 'No ' + $('status').value + ' flags for this poll.' : 'No flags for this poll.'));
      }
      rows.dataset.pollId = pollId;
    } catch (e) {
      notice('bad', 'Cannot load the flags (' + e.message + ').');
    }
  }
  function emptyRow(message) {
    const tr = document.createElement('tr');
    const td = cell(message, 'muted');
    td.colSpan = 8;
    tr.append(td);
    return tr;
  }

  async function decide(flag, decision, note, actions) {
    actions.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const r = await fetch('/api/v1/flags/' + encodeURIComponent(flag.flagId) + '/review', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token() },
        body: JSON.stringify(note ? { decision: decision, note: note } : { decision: decision }),
      });
      if (!r.ok) {
        actions.querySelectorAll('button').forEach((b) => { b.disabled = false; });
        notice('bad', await problem(r));
        return;
      }
      const reviewed = await r.json();
      notice('ok', reviewed.status === 'confirmed'
        ? 'Confirmed: ' + reviewed.voidedVotes + ' votes voided (' + flag.subject + ' ' + flag.subjectKey + ').'
        : 'Dismissed (' + flag.subject + ' ' + flag.subjectKey + ').');
      await load();
    } catch (e) {
      actions.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      notice('bad', 'Network error, the decision may not have arrived: press again (' + e.message + ').');
    }
  }

  fetch('/api/v1/polls?limit=500')
    .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then((polls) => {
      const options = polls.map((poll) => {
        const option = document.createElement('option');
        option.value = poll.pollId;
        option.textContent = (poll.title || poll.pollId) + ' (' + poll.status + ')';
        return option;
      });
      const none = document.createElement('option');
      none.value = '';
      none.textContent = polls.length ? 'Pick a poll' : 'No polls yet';
      $('poll').replaceChildren(none, ...options);
      if (params.get('poll')) {
        $('poll').value = params.get('poll');
        ready.then(() => { if ($('poll').value && token()) load(); });
      }
    })
    .catch((e) => { notice('bad', 'Cannot load the polls (' + e.message + ').'); });

  $('review-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
})();
