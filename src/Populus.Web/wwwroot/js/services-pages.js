// The services pages (docs/services.md): points and allocation, talent and graduate retention, policies that apply
// to a person, and e-permit verification. Built with textContent only, like pages.js.
'use strict';
(function () {
  const t = k => I18N.t(k);
  const h = (...a) => Pages.h(...a);
  const table = (columns, rows) => Pages.table(columns, rows);
  const card = (titleKey, ...children) => h('section', { class: 'card' }, h('h2', { text: t(titleKey) }), ...children);
  const problemText = e => e.message || String(e);
  // Counts from imported records: observed unless a record is estimated (the server's flag), with the batches they came in.
  const recordsBadge = r => Pages.badge(r.estimated ? 'estimated' : 'observed',
    r.batches.map(b => t('talent.batch') + ' ' + b.batch + (I18N.lang === 'zh' ? '（' + b.sourceId + '）' : ' (' + b.sourceId + ')')).join(I18N.lang === 'zh' ? '；' : '; '));

  // A score item's value in the reader's words: a code of education, title, skill or housing (本科, 中级职称, 技师, 租赁住房),
  // yes/no (是/否), else the figure itself (months, years, counts).
  const itemValue = v => ['education', 'title', 'skill', 'housing'].map(a => `val.${a}.${v}`).concat(`val.${v}`).filter(I18N.has).map(t)[0] ?? v;

  // An application's itemised score — each item's value, points and why (the server's Chinese note first, its English on
  // hover) — and its objections with their outcome.
  async function score(id, names) {
    const s = await Api.get('/api/v1/services/applications/' + encodeURIComponent(id) + '/score');
    const item = i => names[i] ? I18N.name(names[i].nameZh, names[i].nameEn) : i;
    const l = s.latest;
    const objections = s.objections.length
      ? table([t('points.objection'), t('points.item'), t('points.objectionReason'), t('points.state'), t('points.decision')],
        s.objections.map(o => [o.objectionId, item(o.itemId), o.reason, I18N.code('objection', o.state), o.outcome || '—']))
      : h('p', { class: 'note', text: t('points.noObjections') });
    return [
      l ? h('p', { class: 'note', text: [id, t('points.total') + ' ' + l.total, t(l.vetoed ? 'points.vetoed' : l.passed ? 'points.passed' : 'points.failed'),
        l.table, t('points.day') + ' ' + l.day, t('points.revision') + ' ' + l.revision].join(' · ') }) : Pages.nodata(t('points.unscored')),
      l ? table([t('points.item'), t('points.value'), t('points.points'), t('points.why')],
        l.items.map(i => [item(i.itemId), itemValue(i.value), i.points, h('span', { class: 'why', title: i.note, text: I18N.name(i.noteZh || i.note, i.note) })])) : '',
      h('h3', { text: t('points.objections') + ' (' + s.objections.length + ')' }), objections,
    ];
  }

  async function points(root, me) {
    const round = h('input', { id: 'points-round', value: '2025-school', size: '14' });
    const body = h('div', { id: 'points-body' });
    async function load() {
      body.replaceChildren();
      const runs = await Api.get('/api/v1/services/rounds/' + encodeURIComponent(round.value) + '/allocations').catch(() => []);
      const run = runs.find(r => r.status === 'published') || runs[runs.length - 1];
      if (!run) { body.append(Pages.nodata(t('points.noruns'))); return; }
      const data = await Api.get('/api/v1/services/rounds/' + encodeURIComponent(round.value) + '/allocations/' + encodeURIComponent(run.runId));
      const chart = h('div', { id: 'chart-allocation', class: 'chart' });
      body.append(card('points.run',
        h('p', { class: 'note', text: run.runId + ' · ' + t('points.status') + ' ' + t('run.' + run.status) + ' · ' + run.ruleTable + ' · ' + t('points.seed') + ' ' + run.seed + ' · ' + t('points.tiebreakers') + ' ' + run.tieBreakers.split(',').map(x => t('tie.' + x.trim())).join(I18N.lang === 'zh' ? '、' : ', ') }),
        chart,
        table([t('points.quota'), t('region'), t('points.places'), t('points.placed')], data.quotas.map(q => [q.quotaId, q.region, q.places, q.placed])),
        table([t('points.rank'), t('points.application'), t('points.total'), t('points.outcome'), t('points.quota'), t('points.draw')],
          data.placements.map(p => [p.rank || '—', p.applicationId, p.total, t('outcome.' + p.outcome), p.quotaId || '—', p.draw]))));
      Charts.make(chart, {
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: data.quotas.map(q => q.quotaId) }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: t('points.places'), type: 'bar', data: data.quotas.map(q => q.places) }, { name: t('points.placed'), type: 'bar', data: data.quotas.map(q => q.placed) }],
      });
      if (me.policies.includes('city-work')) {
        // The score of the application chosen (the first by rank), item by item, with its objections.
        const names = Object.fromEntries(((await Api.get('/api/v1/services/points-table').catch(() => null))?.items ?? []).map(i => [i.id, i]));
        const chosen = h('select', { id: 'points-application' }, data.placements.map(p => h('option', { value: p.applicationId, text: p.applicationId })));
        const sheet = h('div', { id: 'points-score' });
        const show = async () => {
          try { sheet.replaceChildren(...await score(chosen.value, names)); } catch (e) { sheet.replaceChildren(Pages.nodata(problemText(e))); }
        };
        chosen.addEventListener('change', show);
        body.append(card('points.score', h('label', {}, t('points.application') + ' ', chosen), sheet));
        await show();
        const mark = h('input', { id: 'points-passmark', type: 'range', min: '0', max: '200', step: '5', value: '120' });
        const shown = h('span', { text: '120' });
        const out = h('div', { id: 'points-simulation' });
        mark.addEventListener('input', () => { shown.textContent = mark.value; });
        mark.addEventListener('change', async () => {
          try {
            const quotas = data.quotas.map(q => ({ quotaId: q.quotaId, purpose: q.purpose, region: q.region, places: q.places }));
            const r = await Api.send('/api/v1/services/rounds/' + encodeURIComponent(round.value) + '/simulate', { quotas, seed: run.seed, on: run.scoreDay, passMark: Number(mark.value) });
            const s = r.data;
            out.replaceChildren(table([t('points.table'), t('points.qualify'), t('points.mean')],
              [[s.current, s.qualifyNow, s.meanScoreNow], [s.proposed, s.qualifyProposed, s.meanScoreProposed]]),
              h('p', { class: 'note', text: t('points.gain') + ' ' + (s.gain.join(', ') || '—') + ' · ' + t('points.lose') + ' ' + (s.lose.join(', ') || '—') + ' · ' + t('points.moved') + ' ' + (s.placementChanged.join(', ') || '—') }));
          } catch (e) { out.replaceChildren(Pages.nodata(problemText(e))); }
        });
        body.append(card('points.simulate', h('label', {}, t('points.passmark') + ' ', mark, ' ', shown), out));
      }
      try {
        const d = await Api.get('/api/v1/services/rounds/' + encodeURIComponent(round.value) + '/allocations/' + encodeURIComponent(run.runId) + '/demand?ages=6-14');
        const num = (v, digits) => v === null || v === undefined ? '—' : Number(v).toFixed(digits);
        body.append(card('points.demand',
          h('div', { id: 'points-demand' }, table([t('region'), t('year'), t('points.children'), t('points.applicants'), t('points.places'), t('points.perPlace'), t('points.per1000')],
            d.rows.map(r => [r.region, String(r.year), num(r.schoolAgeChildren, 0), r.applicants, r.places, num(r.applicantsPerPlace, 2), num(r.placesPer1000Children, 2)]))),
          d.regionsNotProjected.length ? h('p', { class: 'note', text: t('points.notProjected') + ': ' + d.regionsNotProjected.join(', ') }) : null));
      } catch (e) { body.append(Pages.nodata(problemText(e))); }
    }
    round.addEventListener('change', load);
    root.append(h('div', { class: 'controls' }, h('label', {}, t('points.round') + ' ', round)), body);
    await load();
  }

  async function talent(root) {
    const category = h('select', { id: 'talent-category' }, ['', 'A', 'B', 'C', 'D', 'E', 'F'].map(c => h('option', { value: c, text: c || t('talent.all') })));
    const chart = h('div', { id: 'chart-cohorts', class: 'chart' });
    const body = h('div', { id: 'talent-cohorts' });
    async function load() {
      const rows = await Api.get('/api/v1/services/talent/cohorts?after=1,3,5' + (category.value ? '&category=' + category.value : ''));
      const years = [1, 3, 5];
      body.replaceChildren(rows.length ? table([t('talent.cohort'), t('talent.intake'), t('talent.graduates'), ...years.flatMap(y => [t('talent.after') + ' ' + y + ' ' + t('talent.years') + ' %', t('talent.unknown')]), t('source')],
        rows.map(r => [String(r.intakeYear), r.intake, r.graduates, ...r.after.flatMap(a => [a.retainedPercent, a.notKnown]), recordsBadge(r)])) : Pages.nodata(t('talent.none')));
      chart.hidden = !rows.length;
      if (rows.length) Charts.make(chart, {
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: rows.map(r => String(r.intakeYear)) }, yAxis: { type: 'value', max: 100, name: '%' },
        series: years.map((y, i) => ({ name: t('talent.after') + ' ' + y + ' ' + t('talent.years'), type: 'bar', data: rows.map(r => r.after[i].retainedPercent) })),
      });
    }
    const retention = await Api.get('/api/v1/services/talent/retention').catch(() => []);
    category.addEventListener('change', load);
    root.append(card('talent.title', h('div', { class: 'controls' }, h('label', {}, t('talent.category') + ' ', category)), chart, body,
      h('p', { class: 'note', text: t('talent.note') })),
      card('talent.retention', retention.length
        ? h('div', { id: 'talent-retention' }, table([t('year'), t('talent.graduates'), t('talent.retained'), t('talent.rate'), t('source')], retention.map(r => [String(r.year), r.graduates, r.retained, r.ratePercent, recordsBadge(r)])))
        : Pages.nodata(t('talent.none'))));
    await load();
  }

  const attributes = [
    ['birth_date', 'date'], ['education', ['', 'none', 'primary', 'junior_secondary', 'senior_secondary', 'secondary_vocational', 'junior_college', 'senior_worker_class', 'bachelor', 'master', 'doctorate']],
    ['title', ['', 'none', 'junior', 'intermediate', 'associate_senior', 'senior']],
    ['skill', ['', 'none', 'elementary_worker', 'intermediate_worker', 'senior_worker', 'technician', 'senior_technician']],
    ['graduation_year', 'number'], ['employment', ['', 'none', 'full_time', 'part_time']], ['employer_size', ['', 'micro', 'small', 'medium', 'large']],
    ['new_arrival', ['', 'yes', 'no']], ['hukou', ['', 'local', 'nonlocal']], ['residence_permit', ['', 'none', 'valid', 'expired', 'revoked']],
    ['children', 'number'], ['youngest_child_age', 'number'], ['housing', ['', 'none', 'owned', 'rented', 'other']], ['owner_consent', ['', 'yes', 'no']],
    ['housing_support_eligible', ['', 'yes', 'no']], ['talent_category', ['', 'none', 'a', 'b', 'c', 'd', 'e', 'f']],
  ];

  // An attribute's value as the form shows it: its own wording (val.NAME.VALUE), else the shared one (yes, no, none),
  // else the value itself (numbers).
  const valueText = (name, v) => [`val.${name}.${v}`, `val.${v}`].filter(I18N.has).map(t)[0] ?? String(v);

  // Why a rule applies or not, told in the reader's language from the server's checks (学历为硕士研究生，符合“学历不低于
  // 大专”), with the rule book's own words on hover.
  const why = f => {
    const label = name => t('attr.' + name);
    const text = f.outcome === 'not_known' ? I18N.format('why.give', { m: f.missing.map(label).join(t('why.list')) })
      : f.checks.length === 0 ? t('why.everyone')
      : f.checks.map(c => I18N.format(c.held ? 'why.held' : 'why.failed',
        { a: label(c.attribute), v: valueText(c.attribute, c.value), op: t('op.' + c.operator), t: valueText(c.attribute, c.threshold) })).join(t('why.sep'));
    return h('span', { class: 'why', title: f.reason, text });
  };

  async function policies(root) {
    const inputs = {};
    const fields = attributes.map(([name, kind]) => {
      const input = Array.isArray(kind) ? h('select', { id: 'attr-' + name }, kind.map(v => h('option', { value: v, text: v ? valueText(name, v) : '—' })))
        : h('input', { id: 'attr-' + name, type: kind });
      inputs[name] = input;
      return h('label', {}, h('span', { text: t('attr.' + name) }), input);
    });
    const out = h('div', { id: 'policies-result' });
    const form = h('form', { id: 'policies-form', class: 'form-grid' }, fields, h('button', { type: 'submit', class: 'primary', text: t('policies.find') }));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const person = {};
      for (const [name, input] of Object.entries(inputs)) {
        if (input.value === '') continue;
        const kind = attributes.find(a => a[0] === name)[1];
        person[name] = kind === 'number' ? Number(input.value) : (input.value === 'yes' ? true : input.value === 'no' ? false : input.value);
      }
      try {
        const r = await Api.send('/api/v1/services/policies', person);
        if (r.status !== 200) throw new Error(r.data && r.data.detail);
        const show = list => list.length ? table([t('policies.rule'), t('policies.benefit'), t('policies.why'), t('policies.sentence')],
          list.map(p => [p.rule, I18N.name(p.benefitZh, p.benefitEn), why(p), p.sentence])) : Pages.nodata('');
        out.replaceChildren(h('p', { class: 'note', text: t('policies.category') + ' ' + r.data.talentCategory.toUpperCase() + ' · ' + r.data.day }),
          h('h3', { text: t('policies.applies') + ' (' + r.data.applies.length + ')' }), show(r.data.applies),
          h('h3', { text: t('policies.may') + ' (' + r.data.mayApply.length + ')' }), show(r.data.mayApply));
      } catch (e) { out.replaceChildren(h('p', { class: 'error', role: 'alert', text: problemText(e) })); }
    });
    root.append(card('policies.title', h('p', { class: 'note', text: t('policies.hint') }), form), card('policies.result', out));
  }

  async function permit(root) {
    const token = h('textarea', { id: 'permit-token', rows: '5', cols: '80', placeholder: 'eyJ…' });
    const holder = h('input', { id: 'permit-holder', size: '20', autocomplete: 'off' });
    const out = h('div', { id: 'permit-result' });
    const form = h('form', { id: 'permit-form' }, h('label', {}, h('span', { text: t('permit.token') }), token),
      h('label', {}, h('span', { text: t('permit.holder') }), holder), h('button', { type: 'submit', class: 'primary', text: t('permit.verify') }));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      try {
        const r = await Api.send('/api/v1/services/permits/verify', { token: token.value, holderId: holder.value || null });
        if (r.status !== 200) throw new Error(r.data && r.data.detail);
        const v = r.data;
        const c = v.claims;
        // Why, in the reader's language from the verification's parts; the server's own words on hover.
        const because = I18N.format('permit.why.' + v.check, { to: c && c.validTo, from: c && c.validFrom, issuer: c && c.issuerName, city: c && c.issuerCity,
          seq: v.revocationList, on: v.revoked && v.revoked.on, reason: v.revoked && v.revoked.reason });
        out.replaceChildren(h('p', { class: 'status ' + (v.valid ? 'achieved' : 'off_track'), text: t('permit.check.' + v.check) }),
          h('p', { id: 'permit-why', class: 'note', title: v.reason, text: because }),
          c ? table([t('permit.id'), t('permit.holderMasked'), t('region'), t('permit.issuer'), t('permit.valid')],
            [[c.permitId, c.maskedId, c.regionCode, c.issuerName + ' ' + c.issuerCity, c.validFrom + ' — ' + c.validTo]]) : '',
          v.holderMatches == null ? '' : h('p', { class: v.holderMatches ? 'note' : 'error', text: t(v.holderMatches ? 'permit.match' : 'permit.nomatch') }));
      } catch (e) { out.replaceChildren(h('p', { class: 'error', role: 'alert', text: problemText(e) })); }
    });
    root.append(card('permit.title', h('p', { class: 'note', text: t('permit.hint') }), form, out));
  }

  Object.assign(window.Pages, { points, talent, policies, permit });
})();
