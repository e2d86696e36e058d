// Calls to /api/v1 with the session cookie; POSTs carry the antiforgery token (fetched again after sign-in).
'use strict';
window.Api = (function () {
  let csrf = null;
  async function token(refresh) {
    if (!csrf || refresh) {
      const r = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
      csrf = (await r.json()).token;
    }
    return csrf;
  }
  async function problem(r) {
    try { const p = await r.json(); return p.detail || p.title || ('HTTP ' + r.status); } catch { return 'HTTP ' + r.status; }
  }
  async function fetchOk(path) {
    const r = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!r.ok) { const e = new Error(await problem(r)); e.status = r.status; throw e; }
    return r;
  }
  async function get(path) {
    const r = await fetchOk(path);
    return r.status === 204 ? null : r.json();
  }
  // One page of a list the server pages (the audit log): its rows, how many the query selects (X-Total-Count) and
  // whether older rows follow (a Link rel="next").
  async function page(path) {
    const r = await fetchOk(path);
    return { rows: await r.json(), total: Number(r.headers.get('X-Total-Count')), more: /rel="next"/.test(r.headers.get('Link') || '') };
  }
  // signal: an AbortSignal that gives the request up (the server stops what it does for it).
  async function send(path, body, isForm, signal) {
    const headers = { 'X-CSRF-TOKEN': await token(false) };
    if (!isForm) headers['Content-Type'] = 'application/json';
    const r = await fetch(path, { method: 'POST', credentials: 'same-origin', headers, body: isForm ? body : JSON.stringify(body), signal });
    const data = r.status === 204 ? null : await r.json().catch(() => null);
    if (!r.ok && r.status !== 422) { const e = new Error((data && (data.detail || data.title)) || ('HTTP ' + r.status)); e.status = r.status; throw e; }
    return { status: r.status, data };
  }
  return { get, page, send, token };
})();
