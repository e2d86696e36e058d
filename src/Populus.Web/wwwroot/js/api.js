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
  // A problem's text in the page's language: the server's Chinese detail where it gives one (detailZh), else a
  // message of the page's for statuses whose English detail says nothing a user can act on.
  function message(p, status) {
    if (I18N.lang === 'zh' && p && p.detailZh) return p.detailZh;
    if (I18N.lang === 'zh' && (status >= 500 || status === 429)) return I18N.t('err.' + (status === 429 ? 'tooMany' : 'server'));
    return (p && (p.detail || p.title)) || ('HTTP ' + status);
  }
  async function problem(r) {
    return message(await r.json().catch(() => null), r.status);
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
    if (!r.ok && r.status !== 422) { const e = new Error(message(data, r.status)); e.status = r.status; throw e; }
    return { status: r.status, data };
  }
  return { get, page, send, token };
})();
