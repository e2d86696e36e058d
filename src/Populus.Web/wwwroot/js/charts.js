// ECharts helpers. Every chart is registered in window.PopulusCharts by its element id, so tests (and the
// big screen's resize) can reach the instance.
'use strict';
window.PopulusCharts = {};
window.Charts = (function () {
  function make(container, option, dark) {
    const old = echarts.getInstanceByDom(container);
    if (old) old.dispose();
    const chart = echarts.init(container, dark ? 'dark' : null, { renderer: 'canvas' });
    chart.setOption(Object.assign({ animation: false, backgroundColor: 'transparent', textStyle: { fontFamily: '"Noto Sans CJK SC", sans-serif' } }, option));
    // A chart of a page the user has left (its element detached) is not registered over the current page's.
    if (container.isConnected) window.PopulusCharts[container.id] = chart;
    return chart;
  }
  const statusColor = { achieved: '#2e8b57', on_track: '#3a9d5d', at_risk: '#e0a100', off_track: '#c8372d', no_data: '#8a94a3' };

  function progress(container, items, dark) {
    // Latest value against the nearest numeric target (2025 when there is one), for indicators with both.
    const rows = items.map(i => {
      // Only level targets compare as a percentage; cumulative, trend and band targets do not.
      const levels = ['AtLeast', 'Above', 'AtMost', 'Below', 'Approximately', 'Exactly'];
      const numeric = i.targets.filter(x => x.targetYear && levels.includes(x.targetKind) && x.targetValue);
      const t = numeric.find(x => x.targetYear === 2025) || numeric[0];
      const value = i.latest.value;
      return value != null && t ? { name: I18N.name(i.nameZh, i.nameEn), pct: 100 * value / t.targetValue, status: i.status } : null;
    }).filter(Boolean);
    make(container, {
      grid: { left: 170, right: 40, top: 20, bottom: 30 },
      tooltip: { trigger: 'item', formatter: p => p.name + ': ' + p.value.toFixed(1) + '%' },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map(r => r.name), inverse: true },
      series: [{ type: 'bar', name: I18N.t('overview.chart'), data: rows.map(r => ({ value: Math.round(r.pct * 10) / 10, itemStyle: { color: statusColor[r.status] } })),
        markLine: { symbol: 'none', label: { show: false }, data: [{ xAxis: 100 }], lineStyle: { color: '#c8372d', type: 'dashed' } } }],
    }, dark);
    return rows.length;
  }

  function pyramid(container, data, dark) {
    make(container, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => Math.abs(v).toLocaleString() },
      legend: { top: 0, data: [I18N.t('pyramid.male'), I18N.t('pyramid.female')] },
      grid: { left: 60, right: 40, top: 40, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: v => Math.abs(v).toLocaleString() } },
      yAxis: { type: 'category', data: data.ages },
      series: [
        { name: I18N.t('pyramid.male'), type: 'bar', stack: 'p', data: data.male.map(v => v == null ? null : -v), itemStyle: { color: '#3b7dd8' } },
        { name: I18N.t('pyramid.female'), type: 'bar', stack: 'p', data: data.female, itemStyle: { color: '#d8573b' } },
      ],
    }, dark);
  }

  // A vertical range at each year: [year, low, high] drawn as a line of the given width.
  const range = (width, color) => (params, api) => {
    const lo = api.coord([api.value(0), api.value(1)]), hi = api.coord([api.value(0), api.value(2)]);
    return { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: color, lineWidth: width } };
  };

  // An indicator's path and its targets; with `history` (the observed and estimated figures of the same indicator), a
  // projection is drawn dashed over what was measured, so the years it was calibrated to show how close it keeps; with
  // `bands` (a fan of the years the trajectories hold), their 95% and 80% intervals as a thin and a thick range a year.
  function trend(container, series, dark, history, bands) {
    const points = series.values.filter(v => v.value != null);
    const targets = series.targets.filter(t => t.year && t.value != null);
    const measured = history ? history.values.filter(v => v.value != null) : [];
    make(container, {
      tooltip: { trigger: 'axis' },
      legend: history ? { top: 0 } : undefined,
      grid: { left: 60, right: 40, top: 40, bottom: 40 },
      xAxis: { type: 'value', min: 2010, max: 2035, interval: 5, axisLabel: { formatter: v => String(v) } },
      yAxis: { type: 'value', name: I18N.name(series.unitZh, series.unit), scale: true },
      series: [
        { name: history ? I18N.t('chart.projected') : I18N.name(series.nameZh, series.nameEn), type: 'line', symbolSize: 8, data: points.map(v => [v.year, v.value]),
          lineStyle: history ? { type: 'dashed' } : undefined },
        { name: I18N.t('target') + (series.benchmark ? I18N.t('target.benchmark') : ''), type: 'scatter', symbol: 'diamond', symbolSize: 14, itemStyle: { color: '#c8372d' },
          data: targets.map(t => ({ value: [t.year, t.value], name: t.printedZh })) },
        ...(history ? [{ name: I18N.t('chart.measured'), type: 'line', symbolSize: 6, itemStyle: { color: '#3b4a5e' }, z: 3,
          data: measured.map(v => [v.year, v.value]) }] : []),
        ...(bands ? [
          { name: I18N.t('prob.band95'), type: 'custom', renderItem: range(2, 'rgba(59,125,216,0.5)'), encode: { x: 0, y: [1, 2] }, itemStyle: { color: 'rgba(59,125,216,0.5)' }, z: 4,
            data: bands.years.map((y, i) => [y, bands.bands.q025[i], bands.bands.q975[i]]) },
          { name: I18N.t('prob.band80'), type: 'custom', renderItem: range(6, 'rgba(29,79,145,0.6)'), encode: { x: 0, y: [1, 2] }, itemStyle: { color: 'rgba(29,79,145,0.6)' }, z: 4,
            data: bands.years.map((y, i) => [y, bands.bands.q10[i], bands.bands.q90[i]]) },
        ] : []),
      ],
    }, dark);
    return points.length;
  }

  function bars(container, names, values, label, dark) {
    make(container, {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: [{ name: label, type: 'bar', data: values, itemStyle: { color: '#1f5fa8' } }],
    }, dark);
  }

  // Fan chart: the 95% and 80% bands as stacked areas (lower bound, then the band's width) under the median line.
  function fan(container, f, dark) {
    const b = f.bands;
    const area = (name, lower, upper, color) => [
      { name: name + '-base', type: 'line', stack: name, data: f.years.map((y, i) => [y, lower[i]]), lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name, type: 'line', stack: name, data: f.years.map((y, i) => [y, upper[i] - lower[i]]), lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color }, itemStyle: { color } },
    ];
    make(container, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [I18N.t('prob.median'), I18N.t('prob.band80'), I18N.t('prob.band95')] },
      grid: { left: 60, right: 40, top: 40, bottom: 40 },
      xAxis: { type: 'value', min: f.years[0], max: f.years[f.years.length - 1], interval: 1, axisLabel: { formatter: v => String(v) } },
      yAxis: { type: 'value', name: I18N.name(f.unitZh, f.unit), scale: true },
      series: [
        ...area(I18N.t('prob.band95'), b.q025, b.q975, 'rgba(59,125,216,0.18)'),
        ...area(I18N.t('prob.band80'), b.q10, b.q90, 'rgba(59,125,216,0.35)'),
        { name: I18N.t('prob.median'), type: 'line', symbolSize: 6, data: f.years.map((y, i) => [y, b.q50[i]]), itemStyle: { color: '#1d4f91' } },
      ],
    }, dark);
    return f.years.length;
  }

  // Probabilistic pyramid: median bars with the 80% band as error bars drawn by a custom series.
  function pyramidBands(container, data, dark) {
    const band = (bands, sign) => data.ages.map((a, i) => [sign * bands.q10[i], sign * bands.q90[i], i]);
    const whisker = (params, api) => {
      const lo = api.coord([api.value(0), api.value(2)]), hi = api.coord([api.value(1), api.value(2)]);
      return { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: '#222', lineWidth: 1.5 } };
    };
    make(container, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => Math.abs(Math.round(v)).toLocaleString() },
      legend: { top: 0, data: [I18N.t('pyramid.male'), I18N.t('pyramid.female')] },
      grid: { left: 60, right: 40, top: 40, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: v => Math.abs(v).toLocaleString() } },
      yAxis: { type: 'category', data: data.ages },
      series: [
        { name: I18N.t('pyramid.male'), type: 'bar', stack: 'p', data: data.male.q50.map(v => -v), itemStyle: { color: '#3b7dd8' } },
        { name: I18N.t('pyramid.female'), type: 'bar', stack: 'p', data: data.female.q50, itemStyle: { color: '#d8573b' } },
        { name: I18N.t('prob.band80'), type: 'custom', renderItem: whisker, encode: { x: [0, 1], y: 2 }, data: band(data.male, -1), z: 10 },
        { name: I18N.t('prob.band80') + ' ', type: 'custom', renderItem: whisker, encode: { x: [0, 1], y: 2 }, data: band(data.female, 1), z: 10 },
      ],
    }, dark);
  }

  return { make, progress, pyramid, trend, bars, statusColor, fan, pyramidBands };
})();
window.addEventListener('resize', () => Object.values(window.PopulusCharts).forEach(c => c.isDisposed() || c.resize()));
