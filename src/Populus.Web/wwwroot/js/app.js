// Sign-in, navigation by #hash, and which pages a role sees (the server enforces the same rules).
'use strict';
(function () {
  const pageRoles = {
    overview: 'read-data', pyramid: 'read-data', trends: 'read-data', probability: 'read-data', compare: 'read-data', scenarios: 'city-work',
    services: 'read-data', points: 'read-data', talent: 'read-data', policies: 'read-data', permit: 'read-data', imports: 'import', audit: 'read-audit', accounts: 'manage-accounts', bigscreen: 'read-data',
  };
  let me = null;
  let visits = 0; // route() calls: a page's late answers are dropped once another visit began
  const $ = id => document.getElementById(id);

  function allowed(page) { return me && me.policies.includes(pageRoles[page]); }
  function firstPage() { return Object.keys(pageRoles).find(allowed) || 'overview'; }

  async function route() {
    if (!me) return;
    let page = (location.hash || '').slice(1);
    if (!pageRoles[page] || !allowed(page)) { page = firstPage(); history.replaceState(null, '', '#' + page); }
    document.body.classList.remove('bigscreen');
    document.querySelectorAll('#nav a').forEach(a => { a.hidden = !allowed(a.dataset.page); a.classList.toggle('active', a.dataset.page === page); });
    Object.values(window.PopulusCharts).forEach(c => c.isDisposed() || c.dispose());
    window.PopulusCharts = {};
    // Each visit renders into an element of its own: a page still awaiting its answers when the user moves on writes
    // into its detached element, never into the page that replaced it.
    const host = $('page');
    const root = document.createElement('div');
    const visit = ++visits;
    host.replaceChildren(root);
    host.dataset.page = page;
    host.dataset.ready = 'false';
    try { await Pages[page](root, me); } catch (e) { root.append(Pages.nodata(e.status === 403 ? I18N.t('err.forbidden') + '：' + e.message : e.message)); }
    if (visit !== visits) return;
    I18N.apply(root);
    host.dataset.ready = 'true';
  }

  // The cockpit is titled by the plan's region (the server's; 温州市 for the embedded data), once the account is known.
  function brand() {
    const title = me ? I18N.format('app.title', { city: I18N.name(me.planRegionName, me.planRegionNameEn) }) : I18N.t('app.name');
    $('brand').textContent = title;
    document.title = title + ' · Populus';
  }

  function show(signedIn) {
    brand();
    $('login').hidden = signedIn;
    $('page').hidden = !signedIn;
    $('nav').hidden = !signedIn;
    $('logout').hidden = !signedIn;
    $('who').textContent = signedIn ? me.displayName + ' · ' + I18N.code('role', me.role) + (me.regionName ? ' · ' + me.regionName : '') : '';
  }

  async function start() {
    I18N.apply();
    $('lang').addEventListener('click', () => { I18N.toggle(); brand(); route(); });
    $('logout').addEventListener('click', async () => { await Api.send('/api/v1/auth/logout', {}).catch(() => null); me = null; show(false); });
    $('login-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      $('login-error').textContent = '';
      try {
        await Api.token(true);
        const r = await Api.send('/api/v1/auth/login', { userName: $('login-user').value, password: $('login-password').value });
        me = r.data;
        await Api.token(true); // the antiforgery token is bound to the signed-in user
        show(true);
        await route();
      } catch (e) { $('login-error').textContent = I18N.t('auth.failed') + e.message; }
    });
    window.addEventListener('hashchange', route);
    try { me = await Api.get('/api/v1/auth/me'); } catch { me = null; } // null: 204, not signed in
    show(!!me);
    if (me) await route();
  }
  document.addEventListener('DOMContentLoaded', start);
})();
