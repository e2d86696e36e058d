// The cockpit's pages. Markup is built with textContent only (never innerHTML of data), so stored text cannot
// become markup. Each page shows 'no data' with the server's reason when a figure or a service is missing.
'use strict';
window.Pages = (function () {
  const t = k => I18N.t(k);
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'class') el.className = v; else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v); else if (v != null) el.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }
  const fmt = v => v == null ? '—' : (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString() : (Math.round(v * 100) / 100).toString());
  const badge = (kind, source) => h('span', {}, h('span', { class: 'badge ' + (kind || ''), text: kind ? t('kind.' + kind) : t('nodata') }),
    source ? h('span', { class: 'source', text: source }) : null);
  const status = s => h('span', { class: 'status ' + s, text: t('status.' + s) });
  const nodata = reason => h('div', { class: 'nodata', text: t('nodata') + (reason ? '：' + reason : '') });
  // The server's reason in the reader's language: views with no figure give it in English (note) and Chinese (noteZh).
  const noteOf = v => I18N.name(v.noteZh, v.note);
  // A value's source in the reader's language: the server's notes on it in English (source) and Chinese (sourceZh).
  const sourceOf = v => I18N.name(v.sourceZh, v.source);
  // The server's provenance ('observed (S06)'): the kind in the interface's language.
  const provenanceText = list => list.map(p => p.replace(/^(observed|estimated|projected)\b/, k => t('kind.' + k))).join('; ');
  // An audited subject ('permit 330300-…'): its kind in the interface's language, the identifier as recorded.
  const subjectText = s => s.replace(/^(registry person|permit|cockpit)\b/, k => I18N.code('subject', k)).replace(/\(not found\)$/, k => I18N.code('subject', k));
  // An audited detail in the interface's language, the stored code unchanged: a new account's detail is its role, a
  // look-up's what it showed (masked, unmasked, the fields unmasked), a permit's read the form it was read in; a
  // token's name or an address stays as recorded.
  const detailText = r => r.detail == null ? null : r.action === 'account-created' ? I18N.code('role', r.detail) : I18N.code('detail', r.detail);
  // A probabilistic run's note: in Chinese its size, seed and precision, the server's note (which names where each
  // spread comes from) on hover; in English that note.
  function runNote(p, scenario) {
    if (I18N.lang !== 'zh') return h('span', { text: p.note });
    const margin = Math.round(1000 / Math.sqrt(p.trajectories)) / 10;
    return h('span', { title: p.note, text: p.trajectories + ' ' + t('goal.trajectories') + '（' + t('prob.seed') + ' ' + p.seed + (scenario ? '，' + t('scen.name') + ' ' + scenario : '')
      + '）；' + t('prob.margin') + ' ±' + margin + ' ' + t('prob.points') });
  }
  // A target's indicator by its name in the reader's language: evaluations and probabilities carry it, the plan's text
  // targets' indicators (劳动力人口总量) included, which the list of the 20 main indicators lacks.
  const nameOf = e => I18N.name(e.nameZh, e.nameEn);
  // Scenario names in the reader's language (基准情景); a name the list lacks (a slider's levers) stays as it is.
  const scenarioNames = async () => (m => s => m[s] || s)(Object.fromEntries(
    (await Api.get('/api/v1/projections/scenarios').catch(() => [])).map(x => [x.name, I18N.name(x.nameZh, x.name)])));
  const pct = v => v == null ? '—' : (100 * v).toFixed(1) + '%';
  // A target as printed in the plan, marked when it is the plan region's held against another region as a benchmark.
  const targetOf = e => e.targetPrinted + (e.benchmark ? t('target.benchmark') : '');
  // The overview chart's title: a county's values are set against the city's targets.
  const chartTitle = data => t(data.indicators.some(i => i.targets.some(x => x.benchmark)) ? 'overview.chartBenchmark' : 'overview.chart');
  // A probability cell: the share, marked when no drawn process moves the indicator (then it is the deterministic 0 or 1).
  function setProbability(cell, v, varies) {
    cell.textContent = pct(v) + (v != null && varies === false ? ' *' : '');
    cell.className = 'prob' + (v != null && varies === false ? ' fixed' : '');
    if (v != null && varies === false) cell.title = t('prob.fixed');
    return cell;
  }
  // A probability not answered yet: a run may take a second.
  const pendingCell = () => h('span', { class: 'prob pending', text: '…' });
  // Early warnings with the probability the target is met beside the status (issue 7 §4), from the region's
  // probabilistic run (made at the server's start for every region; else made now, about a second): one cell a
  // warning, filled when the run answers; a probability the draws do not move is marked *, which
  // <note> then explains (a wall screen has no hover).
  function probabilityCells(rows, region, note) {
    const cells = rows.map(pendingCell);
    Api.get('/api/v1/probabilities' + (region ? '?region=' + encodeURIComponent(region) : '')).catch(() => null).then(p => rows.forEach((w, i) => {
      const m = p && p.targets.find(x => x.indicatorId === w.indicatorId && x.targetYear === w.targetYear);
      setProbability(cells[i], m ? m.probability : null, m ? m.varies : null);
      if (m && m.probability != null && m.varies === false) note.textContent = t('prob.fixedNote');
    }));
    return cells;
  }
  function warningsTable(rows, region) {
    const note = h('p', { class: 'note prob-fixed-note' });
    const cells = probabilityCells(rows, region, note);
    return h('div', {}, table([t('indicator'), t('target'), t('status'), t('prob.probability'), ''], rows.map((w, i) => [nameOf(w), w.targetYear + ' ' + targetOf(w), status(w.status), cells[i], explain(w)])), note);
  }
  // A target evaluation in the reader's language: in Chinese, the figures the server judged (value, shortfall, change
  // needed) in a sentence, with the server's full English reasoning on hover; in English, that reasoning.
  function explain(e) {
    if (I18N.lang !== 'zh') return h('span', { class: 'explain', text: e.explanation });
    const ahead = e.targetYear > e.asOfYear;
    const parts = [];
    if (e.status === 'no_data') parts.push(t('nodata') + (e.noDataZh ? '：' + e.noDataZh : ''));
    else if (e.expectedValue != null) parts.push((ahead ? t('explain.projected') : '') + e.targetYear + t('explain.year') + ' ' + fmt(e.expectedValue));
    parts.push(t('target') + ' ' + targetOf(e));
    // Shortfalls and changes a year are often small against the value: three significant digits.
    const small = v => Math.abs(v) >= 1000 ? fmt(v) : String(Number(v.toPrecision(3)));
    if (e.shortfall > 0) parts.push(t('explain.shortfall') + ' ' + small(e.shortfall));
    // The change is counted from the latest value, which may be years old (TFR: the plan's 2020 base): it says which.
    if (ahead && e.requiredAnnualChange != null && e.status !== 'no_data') parts.push(t('explain.required') + ' ' + (e.requiredAnnualChange > 0 ? '+' : '') + small(e.requiredAnnualChange)
      + (e.latestYear != null ? '（' + I18N.format(e.latestStatus === 'estimated' ? 'explain.fromEstimate' : 'explain.from', { year: e.latestYear, value: fmt(e.latestValue) }) + '）' : ''));
    return h('span', { class: 'explain', title: e.explanation, text: parts.join('，') });
  }
  const card = (titleKey, ...children) => h('section', { class: 'card' }, h('h2', { text: t(titleKey) }), ...children);
  // A table of cells: numbers right-aligned, with their column's header, nodes as given, null as empty.
  function table(columns, rows) {
    const numeric = columns.map((_, i) => rows.some(r => typeof r[i] === 'number'));
    return h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { class: numeric[i] ? 'num' : '', text: c })))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((c, i) => c instanceof Node ? h('td', {}, c)
        // A number column's missing value is shown as no figure (—), aligned with the figures.
        : h('td', { class: typeof c === 'number' || (c == null && numeric[i]) ? 'num' : '', text: typeof c === 'number' ? fmt(c) : c ?? (numeric[i] ? '—' : '') }))))));
  }
  // The store's current counties and the cities they belong to (not the province's other cities, held for comparison):
  // the cockpit serves whichever region the store holds.
  async function homeRegions() {
    const current = async level => (await Api.get('/api/v1/regions?level=' + level).catch(() => [])).filter(r => !r.validTo);
    const counties = await current('county');
    return { cities: (await current('city')).filter(c => counties.some(k => k.parentCode === c.code)), counties };
  }
  async function regionSelect(me, id) {
    const { cities, counties } = await homeRegions();
    return h('select', { id }, [...(me.regionCode ? [] : cities), ...counties].map(r => h('option', { value: r.code, text: I18N.name(r.nameZh, r.nameEn) })));
  }

  async function overview(root, me) {
    const data = await Api.get('/api/v1/indicators/overview');
    const chart = h('div', { id: 'chart-overview', class: 'chart tall' });
    const cards = h('div', { class: 'cards' }, data.indicators.map(i => h('div', { class: 'card ind ' + i.status, 'data-indicator': i.id },
      h('h3', { text: i.planId + '. ' + I18N.name(i.nameZh, i.nameEn) }),
      i.latest.value != null
        ? h('div', {}, h('span', { class: 'value', text: fmt(i.latest.value) }), h('span', { class: 'unit', text: I18N.name(i.unitZh, i.unit) + ' · ' + i.latest.year }))
        : nodata(noteOf(i.latest)),
      badge(i.latest.status, sourceOf(i.latest)),
      h('ul', { class: 'targets' }, i.targets.filter(x => x.targetYear).map(x => h('li', { title: x.explanation }, status(x.status), ' ' + x.targetYear + ' ' + t('target') + ' ' + targetOf(x)))))));
    root.append(
      h('section', { class: 'card' }, h('h2', { text: chartTitle(data) }),
        h('p', { class: 'note', text: t('region') + ': ' + data.region + ' · ' + t('asof') + ' ' + data.asOfYear + ' · ' + t('overview.noprojection') }),
        h('p', { class: 'note', id: 'overview-vintage', text: data.vintage != null ? I18N.format('overview.vintage', { vintage: data.vintage }) : t('overview.novintage') }), chart),
      card('overview.warnings', data.earlyWarnings.length ? warningsTable(data.earlyWarnings, null) : nodata(t('overview.nowarnings'))),
      cards);
    const drawn = Charts.progress(chart, data.indicators);
    if (!drawn) chart.replaceWith(nodata(t('overview.noprojection')));
  }

  async function pyramid(root, me) {
    const region = await regionSelect(me, 'pyramid-region');
    const dateSel = h('select', { id: 'pyramid-date' });
    const slider = h('input', { id: 'pyramid-year', type: 'range', min: '2021', max: '2035', value: '2035', disabled: 'disabled' });
    const chart = h('div', { id: 'chart-pyramid', class: 'chart tall' });
    const info = h('div', { class: 'note', id: 'pyramid-info' });
    async function dates() {
      // Only the dates with a pyramid (a census year's totals alone draw none); the latest first shown.
      const list = await Api.get('/api/v1/population/dates?ages=true&region=' + encodeURIComponent(region.value)).catch(() => []);
      dateSel.replaceChildren(...list.map(d => h('option', { value: d, text: d })));
      if (list.length) dateSel.value = list[list.length - 1];
      await draw();
    }
    // The chart shows the last thing asked for: an answer that arrives after a later question (another region, date
    // or projected year) is dropped.
    let asked = 0;
    async function draw() {
      const ticket = ++asked;
      yearShown.textContent = ''; // the chart is the stored date's now, not the projected year's
      const q = '/api/v1/population/pyramid?region=' + encodeURIComponent(region.value) + (dateSel.value ? '&date=' + dateSel.value : '');
      const data = await Api.get(q);
      if (ticket !== asked) return;
      info.replaceChildren(data.noDataReason ? nodata(I18N.name(data.noDataReasonZh, data.noDataReason)) : h('span', {}, t('source') + ': ', provenanceText(data.provenance)));
      chart.hidden = !!data.noDataReason;
      if (!data.noDataReason) Charts.pyramid(chart, data);
    }
    region.addEventListener('change', dates);
    dateSel.addEventListener('change', draw);
    const projection = h('div', { class: 'note', id: 'pyramid-projection' });
    const yearShown = h('span', { text: '' });
    slider.addEventListener('input', () => { yearShown.textContent = slider.value; });
    slider.addEventListener('change', async () => {
      const ticket = ++asked;
      const data = await Api.get('/api/v1/projections/pyramid?year=' + slider.value + '&region=' + encodeURIComponent(region.value)).catch(e => ({ noDataReason: e.message }));
      // The projection's provenance ('projected (baseline)'): the badge says projected, the source the scenario by its name.
      const scenario = await scenarioNames();
      if (ticket !== asked) return;
      info.replaceChildren(data.noDataReason ? nodata(data.noDataReason)
        : h('span', {}, t('source') + ': ', badge('projected', data.provenance.map(p => scenario(p.replace(/^projected \((.*)\)$/, '$1'))).join('; ')), ' ' + slider.value));
      chart.hidden = !!data.noDataReason;
      if (!data.noDataReason) Charts.pyramid(chart, data);
    });
    if (me.policies.includes('city-work')) { slider.removeAttribute('disabled'); projection.replaceChildren(yearShown); }
    else projection.replaceChildren(nodata(t('err.forbidden')));
    root.append(h('section', { class: 'card' }, h('h2', { text: t('pyramid.title') }),
      h('div', { class: 'row' }, h('label', {}, t('region'), region), h('label', {}, t('pyramid.dates'), dateSel),
        h('label', { class: 'slider' }, t('pyramid.projection'), slider), projection), info, chart));
    await dates();
  }

  async function trends(root, me) {
    const list = await Api.get('/api/v1/indicators');
    const sel = h('select', { id: 'trend-indicator' }, list.map(i => h('option', { value: i.id, text: i.planId + '. ' + I18N.name(i.nameZh, i.nameEn) })));
    const scenario = await scenarioNames();
    const region = await regionSelect(me, 'trend-region');
    const chart = h('div', { id: 'chart-trend', class: 'chart' });
    const info = h('div');
    const warnings = h('div');
    async function draw() {
      const s = await Api.get('/api/v1/indicators/' + encodeURIComponent(sel.value) + '/series?region=' + encodeURIComponent(region.value));
      const n = Charts.trend(chart, s);
      const missing = s.values.filter(v => v.value == null);
      info.replaceChildren(n ? h('div', { class: 'note' }, s.values.filter(v => v.value != null).map(v => h('div', {}, v.year + ': ' + fmt(v.value) + ' ', badge(v.status, sourceOf(v)))))
        : nodata(missing.length ? noteOf(missing[missing.length - 1]) : ''));
      const ev = await Api.get('/api/v1/evaluations?warnings=true&region=' + encodeURIComponent(region.value)).catch(() => []);
      warnings.replaceChildren(ev.length ? warningsTable(ev, region.value) : nodata(t('overview.nowarnings')));
    }
    const fanChart = h('div', { id: 'chart-fan', class: 'chart' });
    const fanNote = h('div', { class: 'note' });
    async function drawFan() {
      fanNote.replaceChildren(t('prob.loading'));
      const p = await Api.get('/api/v1/probabilities?region=' + encodeURIComponent(region.value)).catch(e => ({ error: e.message }));
      const f = p.fans && p.fans.find(x => x.indicatorId === sel.value);
      fanChart.hidden = !f;
      fanNote.replaceChildren(p.error ? nodata(p.error) : f ? runNote(p, scenario(p.scenario)) : nodata(t('prob.noFan')));
      if (f) Charts.fan(fanChart, f);
    }
    sel.addEventListener('change', () => { draw(); drawFan(); });
    region.addEventListener('change', () => { draw(); drawFan(); });
    root.append(h('section', { class: 'card' }, h('h2', { text: t('trends.title') }),
      h('div', { class: 'row' }, h('label', {}, t('indicator'), sel), h('label', {}, t('region'), region)), chart, info),
      card('prob.fan', fanChart, fanNote),
      card('overview.warnings', warnings));
    await draw();
    drawFan();
  }

  async function probability(root, me) {
    const region = await regionSelect(me, 'prob-region');
    const scenario = await scenarioNames();
    const slider = h('input', { id: 'prob-year', type: 'range', min: '2025', max: '2035', value: '2035' });
    const yearShown = h('span', { text: '2035' });
    const list = h('div', { id: 'prob-table' });
    const note = h('div', { class: 'note' });
    const chart = h('div', { id: 'chart-prob-pyramid', class: 'chart tall' });
    async function draw() {
      list.replaceChildren(t('prob.loading'));
      const p = await Api.get('/api/v1/probabilities?region=' + encodeURIComponent(region.value)).catch(e => ({ error: e.message }));
      if (p.error) { list.replaceChildren(nodata(p.error)); return; }
      note.replaceChildren(runNote(p, scenario(p.scenario)));
      list.replaceChildren(table([t('indicator'), t('target'), t('status'), t('prob.probability')],
        p.targets.map(x => [nameOf(x), x.targetYear + ' ' + targetOf(x), status(x.status), setProbability(h('span'), x.probability, x.varies)])),
        ...(p.targets.some(x => x.varies === false) ? [h('p', { class: 'note', text: t('prob.fixedNote') })] : []));
      await drawPyramid();
    }
    async function drawPyramid() {
      yearShown.textContent = slider.value;
      const d = await Api.get('/api/v1/probabilities/pyramid?year=' + slider.value + '&region=' + encodeURIComponent(region.value)).catch(e => ({ error: e.message }));
      chart.hidden = !!d.error;
      if (!d.error) Charts.pyramidBands(chart, d);
    }
    region.addEventListener('change', draw);
    slider.addEventListener('change', drawPyramid);
    root.append(h('section', { class: 'card' }, h('h2', { text: t('prob.title') }),
      h('div', { class: 'row' }, h('label', {}, t('region'), region)), note, list),
      h('section', { class: 'card' }, h('h2', { text: t('prob.pyramid') }),
        h('div', { class: 'row' }, h('label', { class: 'slider' }, t('pyramid.projection'), slider), yearShown), chart));
    await draw();
  }

  // Counties and groups on a date: a census day's counts, or a year end's published totals and the annual estimates.
  async function compare(root, me, date) {
    const data = await Api.get('/api/v1/population/comparison' + (date ? '?date=' + date : ''));
    const chart = h('div', { id: 'chart-compare', class: 'chart' });
    // A group's partial sum is never drawn as if it were the whole: only complete figures are charted.
    const withData = data.entries.filter(e => e.persons != null && e.complete);
    const dateSel = h('select', { id: 'compare-date' }, data.dates.map(d => h('option', { value: d, text: d })));
    dateSel.value = data.date;
    dateSel.addEventListener('change', async () => {
      root.querySelectorAll('.chart').forEach(c => echarts.getInstanceByDom(c)?.dispose());
      root.replaceChildren();
      await compare(root, me, dateSel.value);
      I18N.apply(root);
    });
    root.append(h('section', { class: 'card' }, h('h2', { text: t('compare.title') + ' · ' + data.date }),
      h('div', { class: 'row' }, h('label', {}, t('compare.date'), dateSel)),
      withData.length ? chart : nodata(data.entries.length ? noteOf(data.entries[0]) : ''),
      table([t('region'), t('compare.kind'), t('compare.persons'), t('source'), t('compare.published')],
        data.entries.map(e => [e.name + ' (' + e.region + ')', t('kind.' + e.kind), e.persons == null ? nodata(noteOf(e)) : e.complete ? e.persons : fmt(e.persons) + ' — ' + noteOf(e) + (I18N.lang === 'zh' ? '：' : ': ') + I18N.name(e.missingNamesZh, e.missingNames).join(t('why.list')), provenanceText(e.provenance),
          e.published.map(p => I18N.code('published', p.indicator) + ' ' + p.value + (p.unit === '%' ? '%' : ' ' + I18N.code('unit', p.unit)) + '（' + p.source + '）').join('；')]))));
    // A grouping sums counties drawn beside it: its bar in another colour, so it is not read as one more county.
    if (withData.length) Charts.bars(chart, withData.map(e => e.name), withData.map(e => e.kind === 'county' ? e.persons
      : { value: e.persons, itemStyle: { color: '#8a95a5' } }), t('compare.persons'));
    const shares = publishedShares(data);
    if (shares.length) {
      const c2 = h('div', { id: 'chart-compare-published', class: 'chart' });
      root.append(h('section', { class: 'card' }, h('h2', { text: sharesTitle(null) }), c2));
      Charts.bars(c2, shares.map(s => s.name), shares.map(s => s.value), '%');
    }
  }

  // The groupings' shares of the city's residents that the plan publishes (its centres: indicators 17–19).
  const publishedShares = cmp => cmp.entries.flatMap(e => e.published.filter(p => p.indicator === 'population_share').map(p => ({ name: e.name, value: p.value })));
  const sharesTitle = year => t('compare.published') + (I18N.lang === 'zh' ? '：' : ': ') + t('published.population_share')
    + (I18N.lang === 'zh' ? '（' + (year ? year + '年，' : '') + '%）' : ' (' + (year ? year + ', ' : '') + '%)');

  async function scenarios(root) {
    const list = await Api.get('/api/v1/projections/scenarios');
    const catalogue = await Api.get('/api/v1/indicators');
    // The city's measured residents, drawn under the scenario's path.
    const measured = await Api.get('/api/v1/indicators/resident_population/series').catch(() => null);
    // A reported indicator (birth defects, skilled talent) is a department's figure: no lever of the projection moves it.
    const computed = new Set(catalogue.filter(e => e.kind === 'computed').map(e => e.id));
    const pick = h('select', { id: 'scen-name' }, list.map(x => h('option', { value: x.name, text: I18N.name(x.nameZh, x.name), title: x.description })));
    const out = h('div', { id: 'scenario-result' });
    const chart = h('div', { id: 'chart-scenario', class: 'chart' });
    const targets = h('div', { id: 'scenario-targets' });
    const probNote = h('p', { class: 'note', id: 'scenario-prob-note' });
    // A slider not moved leaves the scenario's own path (its level changes year by year); a slider moved holds its
    // level every projected year. Choosing a scenario, or 恢复情景设定, puts every slider back on the scenario's path.
    const slider = (id, key, lever, min, max, step, value) => {
      const input = h('input', { id, type: 'range', min, max, step, value });
      const shown = h('span', { text: t('scen.path') });
      const x = { input, shown, lever, moved: false, el: h('label', { class: 'slider' }, h('span', {}, t(key) + ' ', shown), input) };
      input.addEventListener('input', () => { x.moved = true; shown.textContent = input.value; });
      input.addEventListener('change', run);
      return x;
    };
    const s = [slider('scen-tfr', 'scen.tfr', 'tfr', '0.7', '2.1', '0.05', '1.0'), slider('scen-e0', 'scen.e0', 'lifeExpectancy', '75', '90', '0.1', '82'),
      slider('scen-mig', 'scen.mig', 'netMigration', '-100000', '300000', '5000', '70000'), slider('scen-grad', 'scen.grad', 'graduateRetention', '20', '70', '1', '39')];
    const levers = () => Object.fromEntries([['scenario', pick.value], ...s.filter(x => x.moved).map(x => [x.lever, +x.input.value])]);
    // The sliders of the scenario's path stand where its last year is (e0: of both sexes as monitoring computes it, the
    // level the lever sets; the mean of the sexes' when the plan has no such indicator).
    function onPath(years) {
      const last = years[years.length - 1];
      const at = { tfr: last.tfr, lifeExpectancy: last.lifeExpectancy ?? (last.maleLifeExpectancy + last.femaleLifeExpectancy) / 2, netMigration: last.netMigrants };
      for (const x of s.filter(x => !x.moved)) {
        if (at[x.lever] != null) x.input.value = String(at[x.lever]);
        x.shown.textContent = t('scen.path');
      }
    }
    const reset = h('button', { id: 'scen-reset', type: 'button', class: 'link', text: t('scen.reset'), onclick: () => { s.forEach(x => { x.moved = false; }); run(); } });
    // Goal seeking (目标倒推): which lever reaches a target, the other sliders held where they are.
    const leverOf = { 'net-migration': s[2], tfr: s[0], e0: s[1], retention: s[3] };
    const goalTarget = h('select', { id: 'goal-target' });
    const goalLever = h('select', { id: 'goal-lever' }, [['net-migration', 'scen.mig'], ['tfr', 'scen.tfr'], ['e0', 'scen.e0'], ['retention', 'scen.grad']]
      .map(([v, k]) => h('option', { value: v, text: t(k) })));
    const goalProb = h('select', { id: 'goal-prob' }, [['', t('goal.central')], ['0.5', '50%'], ['0.8', '80%'], ['0.9', '90%']]
      .map(([v, text]) => h('option', { value: v, text })));
    const goalOut = h('div', { id: 'goal-result' });
    const goalRun = h('button', { id: 'goal-run', type: 'button', text: t('goal.solve') });
    goalRun.addEventListener('click', seek);
    let latest = 0;
    let pending = null; // the last move's probabilities request, given up when the sliders move again
    pick.addEventListener('change', () => { s.forEach(x => { x.moved = false; }); run(); });
    async function run() {
      const ticket = ++latest;
      pending?.abort(); // its 1,000 trajectories would hold both cores while this move's wait
      try {
        const r = await Api.send('/api/v1/projections/run', levers());
        if (ticket !== latest) return;
        const d = r.data;
        onPath(d.years);
        Charts.trend(chart, d.population, false, measured);
        const last = d.years[d.years.length - 1];
        const named = I18N.name(d.scenarioZh, d.scenario);
        // The years the bureau published after the scenario files, which every scenario is calibrated to.
        const calibrated = d.calibratedTo.map(y => h('p', { class: 'note scen-calibrated', text: I18N.format('scen.calibrated', { year: y.year, residents: fmt(y.residents / 1e4),
          births: y.births == null ? '' : I18N.format('scen.calibrated.births', { births: fmt(y.births / 1e4) }),
          urban: y.urbanPercent == null ? '' : I18N.format('scen.calibrated.urban', { urban: y.urbanPercent.toFixed(1) }), source: y.source }) }));
        // The years whose counties' published year ends the scenario's counties start from.
        const counties = d.regionsCalibratedTo.length ? [h('p', { class: 'note scen-calibrated-regions', text: I18N.format('scen.calibrated.regions', {
          years: d.regionsCalibratedTo.map(r => I18N.format('scen.calibrated.year', { year: r.year, which: r.regions.length === r.of ? I18N.format('scen.calibrated.all', { n: r.of })
            : r.regions.length <= 3 ? r.regions.join(t('why.list')) : I18N.format('scen.calibrated.some', { n: r.regions.length }) })).join(t('why.list')) }) })] : [];
        out.replaceChildren(h('p', { class: 'note', text: named + ' · 2035: ' + fmt(last.residents) + ' · ' + t('scen.elapsed') + ' ' + d.elapsedMs.toFixed(1) + ' ms' }),
          badge('projected', named), ...calibrated, ...counties);
        const cells = d.targets.map(pendingCell);
        targets.replaceChildren(table([t('indicator'), t('target'), t('status'), t('prob.probability'), ''], d.targets.map((e, i) => [nameOf(e),
          e.targetYear + ' ' + targetOf(e), status(e.status), cells[i], explain(e)])), probNote);
        const chosen = goalTarget.value;
        goalTarget.replaceChildren(...d.targets.filter(e => e.targetValue != null && computed.has(e.indicatorId)).map(e => h('option', { value: e.indicatorId + '|' + e.targetYear,
          text: nameOf(e) + ' · ' + e.targetYear + ' ' + targetOf(e) })));
        if ([...goalTarget.options].some(o => o.value === chosen)) goalTarget.value = chosen;
        // The probabilities follow: the trajectories take 0.2–0.3 s the first time for these levers.
        probNote.textContent = t('prob.loading');
        pending = new AbortController();
        const p = (await Api.send('/api/v1/projections/run', { ...levers(), probabilities: true }, false, pending.signal)).data.probabilities;
        if (ticket !== latest) return;
        p.values.forEach((v, i) => setProbability(cells[i], v, p.varies[i]));
        // The projection's uncertainty where the trajectories hold the population: every year with no lever moved, the targets' years with one.
        if (p.population) Charts.trend(chart, d.population, false, measured, p.population);
        probNote.replaceChildren(runNote(p), ' · ' + t('scen.elapsed') + ' ' + p.elapsedMs.toFixed(0) + ' ms');
      } catch (e) { if (ticket === latest) out.replaceChildren(nodata(e.message)); }
    }
    async function seek() {
      const [indicator, year] = goalTarget.value.split('|');
      const lever = goalLever.value;
      const body = { ...levers(), indicator, year: +year, lever, probability: goalProb.value ? +goalProb.value : null };
      goalRun.setAttribute('disabled', 'disabled');
      goalOut.replaceChildren(h('p', { class: 'note', text: t(goalProb.value ? 'goal.runningProb' : 'goal.running') }));
      try {
        const g = (await Api.send('/api/v1/projections/goal', body)).data;
        const unit = t('goal.unit.' + lever);
        const range = fmt(g.leverMinimum) + '–' + fmt(g.leverMaximum) + ' ' + unit;
        const answer = g.outcome === 'Reached'
          ? t('goal.reached') + ' ' + fmt(g.level) + ' ' + unit + ' (' + g.firstYear + '–' + g.targetYear + ')'
          : g.outcome === 'MetAcrossRange' ? t('goal.metAcross') + ' (' + range + ')'
            : t('goal.unreachable') + ' (' + range + ': ' + fmt(g.valueAtMinimum) + ' / ' + fmt(g.valueAtMaximum) + ')';
        const lines = [h('p', { class: 'goal-answer ' + g.outcome, title: g.message, text: answer })];
        if (g.level != null) {
          lines.push(table([t('goal.level'), t('goal.indicatorThere'), t('goal.sensitivity')],
            [[fmt(g.level) + ' ' + unit, fmt(g.indicatorValue), g.sensitivity == null ? '—' : g.sensitivity.toPrecision(3)]]));
          const use = h('button', { id: 'goal-apply', type: 'button', text: t('goal.apply') });
          // The slider takes the level itself, not the nearest of its steps: the projection then meets the target.
          use.addEventListener('click', () => { const sl = leverOf[lever]; sl.input.step = 'any'; sl.input.value = String(g.level); sl.moved = true; sl.shown.textContent = fmt(g.level); run(); });
          lines.push(use);
        }
        lines.push(h('p', { class: 'note', text: (g.probability != null ? g.trajectories + ' ' + t('goal.trajectories') + ' (' + t('prob.seed') + ' ' + g.seed + ') · ' : '')
          + t('scen.elapsed') + ' ' + g.elapsedMs.toFixed(0) + ' ms' }), badge('projected', I18N.name(g.scenarioZh, g.scenario)));
        goalOut.replaceChildren(...lines);
      } catch (e) { goalOut.replaceChildren(nodata(e.message)); } finally { goalRun.removeAttribute('disabled'); }
    }
    root.append(h('section', { class: 'card' }, h('h2', { text: t('scen.title') }), h('div', { class: 'row' }, h('label', {}, t('scen.name'), pick), s.map(x => x.el), reset), out, chart),
      card('scen.targets', targets),
      card('goal.title', h('p', { class: 'note', text: t('goal.hint') }),
        h('div', { class: 'row' }, h('label', {}, t('target') + ' ', goalTarget), h('label', {}, t('goal.lever') + ' ', goalLever),
          h('label', {}, t('goal.probability') + ' ', goalProb), goalRun), goalOut));
    await run();
  }

  // Public-service demand: each service's demand in a region by year, the scenario's projection with the median and
  // bands of the cockpit's trajectories; then every region's projected demand in the chosen year.
  async function services(root, me) {
    const region = await regionSelect(me, 'services-region');
    const scenario = await scenarioNames();
    const service = h('select', { id: 'services-service' });
    const year = h('select', { id: 'services-year' });
    const chart = h('div', { id: 'chart-services', class: 'chart' });
    const note = h('p', { class: 'note', id: 'services-note' });
    const csv = h('a', { id: 'services-csv', class: 'link', text: t('services.csv') });
    const own = h('div', { id: 'services-table' });
    const all = h('div', { id: 'services-all' });
    let fans = null;
    let asked = 0; // the last region asked for: an earlier answer arriving later is not drawn
    const interval = (b, lo, hi, i) => fmt(b[lo][i]) + '–' + fmt(b[hi][i]);
    function drawFan() {
      const s = fans.services.find(x => x.service === service.value);
      Charts.fan(chart, { years: fans.years, bands: s.bands, unit: s.unit, unitZh: s.unitZh });
    }
    function drawTable() {
      const i = fans.years.indexOf(+year.value);
      own.replaceChildren(table([t('services.service'), t('services.ages'), t('services.standard'), t('kind.projected'), t('prob.median'), t('prob.band80'), t('prob.band95'), '', t('source')],
        fans.services.map(s => [I18N.name(s.nameZh, s.nameEn), I18N.name(s.agesZh, s.ages), fmt(s.rate) + ' / ' + fmt(s.per), fmt(s.central[i]), fmt(s.bands.q50[i]),
          interval(s.bands, 'q10', 'q90', i), interval(s.bands, 'q025', 'q975', i), I18N.name(s.unitZh, s.unit), I18N.name(s.sourceZh, s.source)])));
    }
    async function draw() {
      const ticket = ++asked;
      const d = await Api.get('/api/v1/services/demand/fan?region=' + encodeURIComponent(region.value)).catch(e => ({ error: e.message }));
      if (ticket !== asked) return;
      chart.hidden = !!d.error;
      if (d.error) { fans = null; note.textContent = ''; own.replaceChildren(nodata(d.error)); return; }
      fans = d;
      // The services and years are the answer's: a year kept when chosen before, else the last projected.
      const chosen = service.value;
      service.replaceChildren(...d.services.map(s => h('option', { value: s.service, text: I18N.name(s.nameZh, s.nameEn) })));
      if (d.services.some(s => s.service === chosen)) service.value = chosen;
      const shown = year.value;
      year.replaceChildren(...d.years.map(y => h('option', { value: String(y), text: String(y) })));
      year.value = d.years.includes(+shown) ? shown : String(d.years[d.years.length - 1]);
      note.textContent = I18N.format('services.fanNote', { n: d.trajectories, seed: d.seed, scenario: scenario(d.scenario) });
      csv.href = '/api/v1/services/demand/fan?format=csv&region=' + encodeURIComponent(region.value);
      csv.setAttribute('download', 'service-demand-' + d.region + '.csv');
      drawFan();
      drawTable();
    }
    async function drawAll() {
      try {
        // Without a fan (its region refused) no year is chosen: the server's default, the plan's horizon.
        const rows = await Api.get('/api/v1/services/demand' + (year.value ? '?year=' + year.value : ''));
        all.replaceChildren(table([t('region'), t('year'), t('services.service'), t('value'), '', t('source')],
          rows.map(r => [r.region, String(r.year), I18N.name(r.nameZh, r.nameEn), r.demand, I18N.name(r.unitZh, r.unit), t('kind.projected') + ' (' + scenario(r.scenario) + ')'])));
      } catch (e) { all.replaceChildren(nodata(e.message)); }
    }
    region.addEventListener('change', draw);
    service.addEventListener('change', drawFan);
    year.addEventListener('change', () => { if (fans) drawTable(); drawAll(); });
    root.append(h('section', { class: 'card' }, h('h2', { text: t('services.title') }),
      h('div', { class: 'row' }, h('label', {}, t('region'), region), h('label', {}, t('services.service'), service), h('label', {}, t('year'), year), csv), note, chart, own),
      card('services.all', all));
    await draw();
    await drawAll();
  }

  // Where a problem is: its row, or the file when it is about the whole file (row 0: a batch name used before, a file
  // the reader cannot open).
  const problemPlace = p => p.row > 0 ? I18N.format('imports.at', { row: p.row }) : t('imports.wholeFile');
  async function imports(root, me) {
    const kinds = await Api.get('/api/v1/imports/kinds');
    const kind = h('select', { id: 'import-kind' }, kinds.map(k => h('option', { value: k.name, text: k.name + ' — ' + I18N.name(k.summaryZh, k.summary) })));
    const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,.xlsx,.parquet' });
    // What a refusal may ask for: another batch name for a file loaded before, and the figures' kind and source where
    // the file has no columns for them.
    const batch = h('input', { id: 'import-batch', placeholder: t('imports.batchHint') });
    const figureKind = h('select', { id: 'import-kind-of-figures' }, [['', t('imports.fromFile')], ['observed', t('kind.observed')], ['estimated', t('kind.estimated')], ['projected', t('kind.projected')]]
      .map(([v, text]) => h('option', { value: v, text })));
    const source = h('input', { id: 'import-source', placeholder: 'S06' });
    const report = h('div', { id: 'import-report' });
    const history = h('div');
    async function list() {
      const attempts = await Api.get('/api/v1/imports');
      history.replaceChildren(attempts.length ? table(['#', t('imports.time'), t('imports.kind'), t('imports.file'), t('imports.outcome'), t('imports.problems')],
        attempts.map(a => [a.id, a.atUtc.replace('T', ' ').slice(0, 19), a.kind, a.fileName, a.accepted ? t('imports.accepted') + ' (' + a.rows + ')' : t('imports.refused'),
          a.problems.map(p => problemPlace(p) + (p.column ? ' ' + p.column : '') + (p.value != null ? " '" + p.value + "'" : '') + ': ' + I18N.name(p.reasonZh, p.reason)).join('\n')])) : nodata(''));
    }
    const upload = h('button', { class: 'primary', type: 'button', text: t('imports.upload'), onclick: async () => {
      if (!file.files.length) return;
      const form = new FormData();
      form.append('file', file.files[0]);
      if (batch.value.trim()) form.append('batch', batch.value.trim());
      if (figureKind.value) form.append('figureKind', figureKind.value);
      if (source.value.trim()) form.append('source', source.value.trim());
      try {
        const r = await Api.send('/api/v1/imports/' + encodeURIComponent(kind.value), form, true);
        const a = r.data;
        report.replaceChildren(a.accepted ? h('p', { text: t('imports.accepted') + ': ' + a.rows + ' · ' + a.batch })
          : h('div', {}, h('p', { class: 'warn', text: t('imports.refused') + ': ' + a.problems.length }),
            table([t('imports.row'), t('imports.column'), t('imports.value'), t('imports.reason')], a.problems.map(p => [p.row > 0 ? p.row : t('imports.wholeFile'), p.column, p.value, I18N.name(p.reasonZh, p.reason)]))));
      } catch (e) { report.replaceChildren(nodata(e.message)); }
      await list();
    } });
    root.append(h('section', { class: 'card' }, h('h2', { text: t('imports.title') }),
      h('div', { class: 'row' }, h('label', {}, t('imports.kind'), kind), h('label', {}, t('imports.file'), file), upload),
      h('div', { class: 'row' }, h('label', {}, t('imports.batch'), batch), h('label', {}, t('imports.figureKind'), figureKind), h('label', {}, t('imports.source'), source)), report),
      card('imports.history', history));
    await list();
    if (me.role === 'administrator') await batches(root);
  }

  // The stored batches, and the withdrawal of a batch of figures found wrong (administrators): its figures are deleted and
  // the batch keeps who withdrew it, when and why; the corrected file is then uploaded under another batch name.
  const figureKinds = ['census', 'vital-events', 'migration', 'survey', 'indicators', 'graduates', 'talent-intake'];
  async function batches(root) {
    const stored = h('div', { id: 'import-batches' });
    const pick = h('select', { id: 'withdraw-batch' });
    const reason = h('input', { id: 'withdraw-reason', placeholder: t('withdraw.reasonHint') });
    const outcome = h('p', { id: 'withdraw-outcome' });
    async function show() {
      const all = await Api.get('/api/v1/imports/batches');
      stored.replaceChildren(table([t('imports.batch'), t('imports.kind'), t('imports.file'), t('withdraw.rows'), t('imports.time'), t('withdraw.status')],
        all.map(b => [b.batch, b.kind, b.file, b.rows, b.importedAtUtc.replace('T', ' ').slice(0, 19), b.withdrawn
          ? I18N.format('withdraw.withdrawn', { at: b.withdrawn.withdrawnAtUtc.replace('T', ' ').slice(0, 16), by: b.withdrawn.by, reason: b.withdrawn.reason }) : t('withdraw.standing')])));
      const chosen = pick.value; // kept when it can still be withdrawn (a refusal leaves it chosen)
      pick.replaceChildren(...all.filter(b => !b.withdrawn && figureKinds.includes(b.kind)).map(b => h('option', { value: b.batch, text: b.batch + ' (' + b.kind + ', ' + b.rows + ')' })));
      if ([...pick.options].some(o => o.value === chosen)) pick.value = chosen;
    }
    const go = h('button', { id: 'withdraw-go', type: 'button', text: t('withdraw.go'), onclick: async () => {
      if (!pick.value) return;
      try {
        const r = await Api.send('/api/v1/imports/batches/' + encodeURIComponent(pick.value) + '/withdraw', { reason: reason.value });
        outcome.textContent = I18N.format('withdraw.done', { batch: r.data.batch, rows: r.data.rows });
        reason.value = '';
      } catch (e) { outcome.textContent = e.message; }
      await show();
    } });
    root.append(h('section', { class: 'card' }, h('h2', { text: t('withdraw.title') }), h('p', { class: 'note', text: t('withdraw.note') }),
      h('div', { class: 'row' }, h('label', {}, t('withdraw.batch'), pick), h('label', {}, t('withdraw.reason'), reason), go), outcome, stored));
    await show();
  }

  // The audit log a page at a time, newest first, filtered by action, account and UTC days (the server's filters), with
  // how many entries the filter selects: an unmask stays within reach however many look-ups follow it.
  const auditActions = ['unmask', 'person-lookup', 'permit-token', 'sign-in', 'session-refused', 'password-changed', 'account-created',
    'account-disabled', 'account-enabled', 'token-created', 'batch-withdrawn'];
  async function audit(root) {
    const size = 100;
    const f = { action: h('select', { id: 'audit-action' }, h('option', { value: '', text: t('audit.allActions') }), auditActions.map(a => h('option', { value: a, text: I18N.code('action', a) }))),
      account: h('input', { id: 'audit-account' }), from: h('input', { id: 'audit-from', type: 'date' }), to: h('input', { id: 'audit-to', type: 'date' }) };
    const summary = h('p', { id: 'audit-summary' });
    const rows = h('div', { id: 'audit-rows' });
    const newer = h('button', { type: 'button', id: 'audit-newer', text: t('audit.newer'), onclick: () => show(at - 1) });
    const older = h('button', { type: 'button', id: 'audit-older', text: t('audit.older'), onclick: () => show(at + 1) });
    // befores[i]: the id page i starts below (null: the newest); found as the pages are read.
    let befores = [null], at = 0;
    async function show(i) {
      const query = new URLSearchParams({ limit: size });
      for (const [k, v] of Object.entries(f)) if (v.value) query.set(k, v.value.trim());
      if (befores[i] != null) query.set('before', befores[i]);
      const p = await Api.page('/api/v1/audit?' + query);
      at = i;
      if (p.more) befores[i + 1] = p.rows[p.rows.length - 1].id;
      summary.textContent = p.rows.length ? I18N.format('audit.shown', { total: p.total, first: i * size + 1, last: i * size + p.rows.length })
        + (p.more ? t('audit.more') : '') : '';
      newer.disabled = i === 0;
      older.disabled = !p.more;
      rows.replaceChildren(p.rows.length ? table(['#', 'UTC', t('audit.account'), t('audit.role'), t('audit.action'), t('audit.subject'), t('audit.purpose'), t('audit.detail')],
        p.rows.map(r => [r.id, r.atUtc.replace('T', ' ').slice(0, 19), r.account, I18N.code('role', r.role), I18N.code('action', r.action), subjectText(r.subject), r.purpose,
          detailText(r)])) : nodata(t('audit.none')));
      rows.dataset.page = String(i);
    }
    const search = h('button', { class: 'primary', type: 'button', id: 'audit-search', text: t('audit.search'), onclick: () => { befores = [null]; show(0); } });
    root.append(card('audit.title',
      h('div', { class: 'row' }, Object.entries(f).map(([k, v]) => h('label', {}, t('audit.' + k), v)), search),
      h('div', { class: 'row' }, summary, newer, older), rows));
    await show(0);
  }

  async function accounts(root, me) {
    const list = await Api.get('/api/v1/accounts');
    const f = { user: h('input', { id: 'acc-user' }), name: h('input', { id: 'acc-name' }),
      role: h('select', { id: 'acc-role' }, ['administrator', 'city_analyst', 'county_viewer', 'data_provider', 'auditor'].map(r => h('option', { value: r, text: I18N.code('role', r) }))),
      region: h('input', { id: 'acc-region', placeholder: '330302' }), kinds: h('input', { id: 'acc-kinds', placeholder: 'census;indicators' }) };
    const result = h('pre', { id: 'acc-result' });
    // The page again, with a message: after an account is made, disabled or enabled.
    const reload = async message => { root.replaceChildren(); await accounts(root, me); root.querySelector('#acc-result').textContent = message; };
    const create = h('button', { class: 'primary', type: 'button', text: t('accounts.create'), onclick: async () => {
      try {
        const r = await Api.send('/api/v1/accounts', { userName: f.user.value, displayName: f.name.value, role: f.role.value,
          regionCode: f.region.value || null, dataKinds: f.kinds.value ? f.kinds.value.split(';') : null });
        await reload(r.data.account.userName + (r.data.password ? '  ' + t('accounts.password') + r.data.password : ''));
      } catch (e) { result.textContent = e.message; }
    } });
    // Disable or enable: the server ends the account's sessions at once either way; one's own account cannot be disabled.
    const toggle = a => a.userName === me.userName ? null : h('button', { type: 'button', class: 'link', 'data-account': a.userName,
      text: t(a.disabled ? 'accounts.enable' : 'accounts.disable'), onclick: async () => {
        try { await Api.send('/api/v1/accounts/' + a.id + (a.disabled ? '/enable' : '/disable'), {}); await reload(a.userName + ' ' + t(a.disabled ? 'accounts.enabled' : 'accounts.disabledNow')); }
        catch (e) { result.textContent = e.message; }
      } });
    const token = a => h('button', { type: 'button', class: 'link', text: t('accounts.token'), onclick: async () => {
      try { const r = await Api.send('/api/v1/accounts/' + a.id + '/tokens', { name: 'cockpit', days: 90 }); result.textContent = 'Bearer ' + r.data.token + '  ' + t('accounts.shownOnce'); }
      catch (e) { result.textContent = e.message; }
    } });
    root.append(card('accounts.title', table(['#', t('accounts.user'), t('accounts.name'), t('accounts.role'), t('accounts.region'), t('accounts.kinds'), t('accounts.disabled'), '', ''],
      list.map(a => [a.id, a.userName, a.displayName, I18N.code('role', a.role), a.regionCode, a.dataKinds.join(';'), a.disabled ? t('val.yes') : '', token(a), toggle(a)]))),
      h('section', { class: 'card' }, h('h2', { text: t('accounts.create') }), h('div', { class: 'row' }, Object.entries(f).map(([k, v]) => h('label', {}, t('accounts.' + k), v)), create), result),
      passwordForm());
  }

  // The signed-in account's own password (the first-run administrator's among them): the server ends the account's
  // other sessions and keeps this one.
  function passwordForm() {
    const current = h('input', { id: 'pw-current', type: 'password', autocomplete: 'current-password' });
    const next = h('input', { id: 'pw-new', type: 'password', autocomplete: 'new-password' });
    const again = h('input', { id: 'pw-again', type: 'password', autocomplete: 'new-password' });
    const message = h('p', { id: 'pw-result' });
    const change = h('button', { class: 'primary', type: 'button', id: 'pw-change', text: t('password.change'), onclick: async () => {
      if (next.value !== again.value) { message.textContent = t('password.mismatch'); return; }
      try {
        await Api.send('/api/v1/auth/password', { currentPassword: current.value, newPassword: next.value });
        [current, next, again].forEach(x => { x.value = ''; });
        message.textContent = t('password.changed');
      } catch (e) { message.textContent = t('password.refused') + e.message; }
    } });
    return card('password.title', h('div', { class: 'row' },
      h('label', {}, t('password.current'), current), h('label', {}, t('password.new'), next), h('label', {}, t('password.again'), again), change), message);
  }

  async function bigscreen(root, me) {
    document.body.classList.add('bigscreen');
    const data = await Api.get('/api/v1/indicators/overview');
    const kpis = data.indicators.filter(i => i.latest.value != null).slice(0, 8);
    const c1 = h('div', { id: 'chart-big-overview', class: 'chart' });
    const c2 = h('div', { id: 'chart-big-trend', class: 'chart' });
    const c3 = h('div', { id: 'chart-big-groups', class: 'chart' });
    const statusCount = {};
    data.indicators.forEach(i => { statusCount[i.status] = (statusCount[i.status] || 0) + 1; });
    const c4 = h('div', { id: 'chart-big-status', class: 'chart' });
    const fixedNote = h('p', { class: 'note prob-fixed-note' });
    const cells = data.earlyWarnings.length ? probabilityCells(data.earlyWarnings, null, fixedNote) : [];
    root.append(h('div', { class: 'wall' },
      h('div', { class: 'title' }, h('span', { text: I18N.format('big.title', { city: I18N.name(me.planRegionName, me.planRegionNameEn) }) + ' · ' + data.region + ' · ' + data.asOfYear }),
        h('a', { href: '#overview', text: t('big.exit') })),
      h('div', { class: 'panel' }, h('h2', { text: chartTitle(data) }), c1),
      h('div', { class: 'panel' }, h('h2', { text: t('latest') }), h('div', { class: 'kpis' }, kpis.map(i => h('div', { class: 'kpi' },
        h('div', { class: 'value', text: fmt(i.latest.value) }), h('div', { class: 'label', text: I18N.name(i.nameZh, i.nameEn) + ' (' + I18N.name(i.unitZh, i.unit) + ', ' + i.latest.year + ')' }),
        // The source on one line, whole on hover: a grouping's sum names every source it adds up.
        h('div', { class: 'label provenance', title: sourceOf(i.latest) }, badge(i.latest.status, sourceOf(i.latest))))))),
      h('div', { class: 'panel' }, h('h2', { text: t('overview.status') }), c4),
      h('div', { class: 'panel' }, h('h2', { text: t('trends.title') }), c2),
      h('div', { class: 'panel' }, h('h2', { text: t('compare.published') }), c3),
      h('div', { class: 'panel' }, h('h2', { text: t('overview.warnings') }), data.earlyWarnings.length
        ? h('div', { class: 'list' }, data.earlyWarnings.map((w, i) => h('div', {}, nameOf(w)
          + ' ' + w.targetYear + '：' + t('status.' + w.status) + ' · ' + t('prob.probability') + ' ', cells[i])), fixedNote)
        : nodata(t('overview.noprojection')))));
    Charts.progress(c1, data.indicators, true);
    Charts.make(c4, { series: [{ type: 'pie', radius: ['40%', '70%'], data: Object.entries(statusCount).map(([k, v]) => ({ name: t('status.' + k), value: v, itemStyle: { color: Charts.statusColor[k] } })) }] }, true);
    const s = await Api.get('/api/v1/indicators/resident_population/series');
    Charts.trend(c2, s, true);
    // The plan publishes its groups' figures for its base year (2020): the comparison's default date (the latest year
    // end) has none, so the latest date that has them is asked, and the panel says its year.
    let cmp = await Api.get('/api/v1/population/comparison');
    const latestPublished = cmp.publishedDates[cmp.publishedDates.length - 1];
    if (latestPublished && latestPublished !== cmp.date) {
      cmp = await Api.get('/api/v1/population/comparison?date=' + encodeURIComponent(latestPublished));
    }
    const shares = publishedShares(cmp);
    if (shares.length) {
      c3.previousSibling.textContent = sharesTitle(cmp.date.slice(0, 4));
      Charts.bars(c3, shares.map(x => x.name), shares.map(x => x.value), '%', true);
    } else c3.replaceWith(nodata(''));
  }

  return { overview, pyramid, trends, probability, compare, scenarios, services, imports, audit, accounts, bigscreen, h, nodata, table, badge };
})();
