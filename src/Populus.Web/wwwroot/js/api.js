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
  // A problem's words: in Chinese where the API gives them (detailZh, a parameter it cannot take), else its detail or title.
  function text(p) { return (p.detailZh && I18N.name(p.detailZh, p.detail)) || p.detail || p.title; }
  async function problem(r) {
    try { return text(await r.json()) || ('HTTP ' + r.status); } catch { return 'HTTP ' + r.status; }
  }
  async function get(path) {
    const r = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!r.ok) { const e = new Error(await problem(r)); e.status = r.status; throw e; }
    return r.status === 204 ? null : r.json();
  }
  // signal: an AbortSignal that gives the request up (the server stops what it does for it).
  async function send(path, body, isForm, signal) {
    const headers = { 'X-CSRF-TOKEN': await token(false) };
    if (!isForm) headers['Content-Type'] = 'application/json';
    const r = await fetch(path, { method: 'POST', credentials: 'same-origin', headers, body: isForm ? body : JSON.stringify(body), signal });
    const data = r.status === 204 ? null : await r.json().catch(() => null);
    if (!r.ok && r.status !== 422) { const e = new Error((data && text(data)) || ('HTTP ' + r.status)); e.status = r.status; throw e; }
    return { status: r.status, data };
  }
  return { get, send, token };
})();
