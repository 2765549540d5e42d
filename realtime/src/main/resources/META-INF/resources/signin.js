// Sign-in for the vote and admin pages: OpenID Connect Authorization Code with PKCE (S256) at the issuer that
// /identity.json names, in WebCrypto (no library: none is served as a webjar from Maven Central here). Why this shape:
// - Tokens live in this closure only: not localStorage or sessionStorage (any script of the origin, or a later
//   visitor of the tab, could read them), never in a URL (logs, history, Referer). A reload signs in again, silently
//   while the issuer's own session lasts.
// - Only the one-time verifier and state cross the redirect, in sessionStorage, and are removed as soon as the page
//   is back; code and state leave the address bar at once (history.replaceState).
// - The code is traded at the token endpoint from the page: a public client, no secret; the realm lists this origin
//   among the client's web origins (CORS) and the gateway's CSP lets the page connect to the issuer's origin only.
// window.VotesSignIn.start(page) -> Promise of one of:
//   { state: 'off' }                          no issuer configured, or it does not answer: the page takes a dev token
//   { state: 'out', signIn() }                an issuer, nobody signed in yet
//   { state: 'in', user, roles, token(), signOut() }
(function () {
  'use strict';
  const PENDING = 'votes.signin.pending';
  const b64url = (bytes) => btoa(String.fromCharCode.apply(null, new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));
  // The parameters the issuer adds on its way back; none may stay in the address bar or reach the redirect URI.
  const RETURN_PARAMS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description'];

  function here() {
    const url = new URL(location.href);
    RETURN_PARAMS.forEach((p) => url.searchParams.delete(p));
    url.hash = '';
    return url.toString();
  }

  async function json(url, init) {
    const r = await fetch(url, init);
    if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
    return r.json();
  }

  // The claims of a JWT, read without checking its signature: for display and the page's role gate only. The
  // services verify every token themselves; the page trusts what it just got over TLS from the token endpoint.
  function claims(jwt) {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  }

  async function signIn(discovery, clientId) {
    const verifier = random(32); // 43 characters, RFC 7636's minimum
    const state = random(16);
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const redirectUri = here();
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, redirectUri, clientId }));
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid',
      redirect_uri: redirectUri, state, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
    location.assign(url.toString());
  }

  // Back from the issuer: the pending sign-in is used once and dropped whatever happens next.
  async function finish(discovery, params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', here());
    if (params.get('error')) throw new Error(params.get('error_description') || params.get('error'));
    if (!pending || pending.state !== params.get('state')) throw new Error('this sign-in was not started here');
    const tokens = await json(discovery.token_endpoint, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
        redirect_uri: pending.redirectUri, client_id: pending.clientId, code_verifier: pending.verifier }) });
    return { tokens, clientId: pending.clientId };
  }

  function session(discovery, signedIn) {
    const access = signedIn.tokens.access_token;
    const c = claims(access);
    return {
      state: 'in',
      user: c.preferred_username || c.sub,
      roles: (c.realm_access && c.realm_access.roles) || [],
      token: () => access,
      // RP-initiated logout. client_id instead of id_token_hint, so no token rides in this URL: the issuer asks the
      // person to confirm instead of ending the session silently.
      signOut: () => {
        const url = new URL(discovery.end_session_endpoint);
        url.search = new URLSearchParams({ client_id: signedIn.clientId, post_logout_redirect_uri: here() }).toString();
        location.assign(url.toString());
      },
    };
  }

  async function start(page) {
    let discovery;
    let clientId;
    try {
      const identity = await json('/identity.json');
      if (!identity.issuer) return { state: 'off' };
      clientId = page === 'admin' ? identity.adminPageClient : identity.votePageClient;
      discovery = await json(identity.issuer.replace(/\/$/, '') + '/.well-known/openid-configuration');
    } catch (unreachable) {
      return { state: 'off', why: String(unreachable.message || unreachable) };
    }
    const params = new URLSearchParams(location.search);
    if (params.has('state') && (params.has('code') || params.has('error'))) {
      return session(discovery, await finish(discovery, params));
    }
    return { state: 'out', signIn: () => signIn(discovery, clientId) };
  }

  window.VotesSignIn = { start };
})();
