// The voter page: POST the vote to ingest, solve a proof-of-work challenge if ingest answers 403 challenge-required
// (in a Web Worker, with progress and a cancel) and send the ballot again with the proof, show the receipt, then
// follow it on the ledger until it is recorded, rejected or voided. One Idempotency-Key per ballot, reused on retry
// and on the answer to a challenge, so a retry never votes twice.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const pollId = params.get('poll');
  const $ = (id) => document.getElementById(id);
  const form = $('vote-form');
  const outcome = $('outcome');
  let idempotencyKey = null;
  const MAX_CHALLENGES = 3;

  // Signed in at the realm (signin.js), the token is the session's, in memory. Without an issuer (a stack without
  // Keycloak, module tests) a dev token comes from the fragment (#token=…: never sent to a server, so not in access
  // logs or Referer; it leaves the address bar at once) or the form, and stays in the form only; ?token= is ignored
  // on purpose. A fragment token wins over signing in, so scripts and tests can vote as a dev subject.
  const tokenFromUrl = new URLSearchParams(location.hash.slice(1)).get('token');
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  let currentToken = () => $('token').value.trim();
  const devToken = () => { $('dev-token').hidden = false; };
  if (tokenFromUrl) {
    $('token').value = tokenFromUrl;
    devToken();
  } else {
    window.VotesSignIn.start('vote').then((s) => {
      if (s.state === 'off') return devToken();
      if (s.state === 'out') { notice('info', 'Taking you to sign in…'); return s.signIn(); }
      currentToken = s.token;
      $('who-name').textContent = s.user;
      $('sign-out').onclick = s.signOut;
      $('who').hidden = false;
    }).catch((e) => notice('bad', 'Sign-in failed: ' + text(e.message) + ' — <a href="' + text(location.href) +
      '">try again</a>.'));
  }

  function notice(kind, html) {
    outcome.innerHTML = '<div class="notice ' + kind + '">' + html + '</div>';
  }
  function text(s) {
    const span = document.createElement('span');
    span.textContent = s == null ? '' : String(s);
    return span.innerHTML;
  }

  if (!pollId) {
    $('choices-note').textContent = 'Add ?poll=<id> to the address.';
    $('submit').disabled = true;
    return;
  }
  const base = '/api/v1/polls/' + encodeURIComponent(pollId);
  $('poll-id').textContent = 'Poll ' + pollId;
  $('results-link').href = 'results.html?poll=' + encodeURIComponent(pollId);

  fetch(base).then((r) => { if (!r.ok) throw new Error(r.status === 404 ? 'no such poll' : 'HTTP ' + r.status); return r.json(); })
    .then((poll) => {
      $('title').textContent = poll.title;
      document.title = poll.title + ' · vote';
      const set = $('choices');
      $('choices-note').remove();
      poll.options.forEach((o, i) => {
        const label = document.createElement('label');
        label.className = 'choice';
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = 'option';
        input.value = o.id;
        input.required = true;
        label.append(input, document.createTextNode(o.label));
        set.append(label);
      });
      if (poll.status !== 'open') notice('info', 'This poll is ' + text(poll.status) + '.');
    })
    .catch((e) => { $('choices-note').textContent = 'Cannot load the poll (' + e.message + ').'; });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = currentToken();
    const choice = form.querySelector('input[name=option]:checked');
    if (!token) { notice('bad', 'Sign in or paste your voter token first.'); return; }
    if (!choice) { notice('bad', 'Pick an option.'); return; }
    idempotencyKey = idempotencyKey || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    $('submit').disabled = true;
    notice('info', 'Sending your vote…');
    try {
      let r = await send(token, choice.value, null);
      let body = await r.json().catch(() => ({}));
      // A challenge may come again (the answer's window ran out, or the server asks for more): solve each, a few times.
      for (let round = 0; round < MAX_CHALLENGES && isChallenge(r, body); round++) {
        const proof = await solve(body.challenge);
        notice('info', 'Sending your vote…');
        r = await send(token, choice.value, { header: body.challenge.header || 'X-Vote-Proof', proof,
          nonceHeader: body.challenge.nonceHeader, nonce: body.challenge.nonce });
        body = await r.json().catch(() => ({}));
      }
      if (r.status === 202) {
        follow(body, token);
        return;
      }
      $('submit').disabled = false;
      if (r.status === 409 && body.existingReceiptId) {
        notice('info', 'You already voted in this poll. Receipt <span class="receipt">' + text(body.existingReceiptId) + '</span>');
        return;
      }
      const retry = r.headers.get('Retry-After');
      notice('bad', text(body.title || ('HTTP ' + r.status)) + (body.detail ? ': ' + text(body.detail) : '') +
        (retry ? ' — try again in ' + text(retry) + ' s.' : ''));
      if (r.status < 500 && r.status !== 429) idempotencyKey = null; // a refused ballot may be changed and sent anew
    } catch (err) {
      $('submit').disabled = false;
      if (err instanceof Cancelled) {
        notice('info', 'Cancelled: your vote was not sent. Press “Cast vote” to try again.');
        return;
      }
      notice('bad', 'Network error, your vote may not have arrived: press again to retry safely. (' + text(err.message) + ')');
    }
  });

  // One ballot, same Idempotency-Key on every try; with a proof when the server asked for one.
  function send(token, optionId, answer) {
    const headers = { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token, 'Idempotency-Key': idempotencyKey };
    if (answer) headers[answer.header] = answer.proof;
    // ingest keeps no state: the nonce (its issue time and difficulty, under an HMAC) goes back with the proof.
    if (answer && answer.nonceHeader) headers[answer.nonceHeader] = answer.nonce;
    return fetch(base + '/votes', { method: 'POST', headers, body: JSON.stringify({ optionId }) });
  }

  function isChallenge(r, body) {
    return r.status === 403 && typeof body.type === 'string' && body.type.endsWith('/challenge-required')
      && body.challenge && body.challenge.algorithm === 'sha256' && body.challenge.nonce != null;
  }

  function Cancelled() {}

  // The search runs in a Web Worker (pow-worker.js) so the page stays responsive; a cancel terminates it. The bar
  // measures attempts against the 2^difficulty a search needs on average: a search may end early or run past it.
  function solve(challenge) {
    const expected = Math.pow(2, challenge.difficulty);
    const box = $('challenge');
    const bar = $('pow-progress');
    const started = performance.now();
    bar.max = expected;
    bar.value = 0;
    bar.dataset.tried = '0';
    box.hidden = false;
    $('pow-cancel').hidden = false;
    notice('info', 'Solving a small puzzle before sending your vote (anti-bot check)…');
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1) + ' s';
    const stats = (tried) => {
      $('pow-stats').textContent = tried.toLocaleString('en-US') + ' of about ' + expected.toLocaleString('en-US') +
        ' hashes tried · ' + seconds();
    };
    stats(0);
    return new Promise((resolve, reject) => {
      const worker = new Worker('pow-worker.js');
      const done = () => { worker.terminate(); $('pow-cancel').onclick = null; $('pow-cancel').hidden = true; };
      $('pow-cancel').onclick = () => { done(); box.hidden = true; reject(new Cancelled()); };
      worker.onerror = (e) => { done(); box.hidden = true; reject(new Error('the puzzle solver failed: ' + e.message)); };
      worker.onmessage = (event) => {
        const m = event.data;
        bar.dataset.tried = String(m.tried);
        if (m.op === 'progress') {
          bar.value = Math.min(m.tried, expected);
          stats(m.tried);
          return;
        }
        done();
        bar.value = expected;
        box.dataset.solvedMs = String(Math.round(performance.now() - started));
        $('pow-stats').textContent = 'Solved after ' + m.tried.toLocaleString('en-US') + ' hashes (about ' +
          expected.toLocaleString('en-US') + ' expected) in ' + seconds();
        resolve(m.proof);
      };
      worker.postMessage({ op: 'solve', nonce: challenge.nonce, difficulty: challenge.difficulty });
    });
  }

  async function follow(receipt, token) {
    const headings = { recorded: 'Recorded in the ledger', rejected: 'Rejected', voided: 'Voided after a fraud review' };
    const show = (status, extra) => notice(status === 'recorded' ? 'ok' : headings[status] ? 'bad' : 'info',
      '<strong>' + text(headings[status] || 'Accepted — waiting for the ledger…') + '</strong>' + (extra || '') +
      '<div class="receipt">Receipt ' + text(receipt.receiptId) + '</div>');
    show('accepted');
    for (let attempt = 0; attempt < 120; attempt++) {
      await new Promise((done) => setTimeout(done, Math.min(250 * (attempt + 1), 2000)));
      try {
        const r = await fetch('/api/v1/receipts/' + encodeURIComponent(receipt.receiptId), { headers: { 'Authorization': 'Bearer ' + token } });
        if (!r.ok) continue;
        const now = await r.json();
        if (now.status === 'recorded') { show('recorded', now.recordedAt ? ' at ' + text(new Date(now.recordedAt).toLocaleTimeString()) : ''); return; }
        // A void (a confirmed fraud flag) keeps the vote's row and leaf: the receipt says so, with the void's reason.
        if (now.status === 'rejected' || now.status === 'voided') { show(now.status, ': ' + text(now.reason)); return; }
      } catch (ignored) { /* keep following */ }
    }
    show('accepted', ' (still waiting; check again later with the receipt)');
  }
})();
