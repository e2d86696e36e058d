// Chinese first (zh-CN), English on request; the choice is kept in localStorage.
'use strict';
window.I18N = (function () {
  const text = {
    'app.title': ['温州市人口发展监测驾驶舱', 'Wenzhou population plan cockpit'],
    'app.footer': ['数据状态：实测 / 估计 / 预测，均注明来源', 'Every figure shows its status (observed / estimated / projected) and source'],
    'app.api': ['API 参考', 'API reference'],
    'nav.overview': ['指标总览', 'Overview'], 'nav.pyramid': ['人口金字塔', 'Pyramid'], 'nav.trends': ['趋势与预警', 'Trends'],
    'nav.compare': ['区县比较', 'Counties'], 'nav.scenarios': ['情景推演', 'Scenarios'], 'nav.services': ['公共服务需求', 'Services'],
    'nav.imports': ['数据导入', 'Imports'], 'nav.audit': ['审计日志', 'Audit log'], 'nav.accounts': ['账户', 'Accounts'], 'nav.bigscreen': ['大屏', 'Big screen'],
    'auth.title': ['登录', 'Sign in'], 'auth.user': ['用户名', 'User name'], 'auth.password': ['密码', 'Password'], 'auth.submit': ['登录', 'Sign in'],
    'auth.logout': ['退出', 'Sign out'], 'auth.failed': ['登录失败：', 'Sign-in failed: '],
    'auth.hint': ['首次运行时，管理员账户 admin 的密码只在启动 populus serve 的控制台显示一次。', 'On first run the password of the account admin is printed once on the console that started populus serve.'],
    'status.achieved': ['已实现', 'achieved'], 'status.on_track': ['进展顺利', 'on track'], 'status.at_risk': ['有风险', 'at risk'],
    'status.off_track': ['偏离目标', 'off track'], 'status.no_data': ['无数据', 'no data'],
    'kind.observed': ['实测', 'observed'], 'kind.estimated': ['估计', 'estimated'], 'kind.projected': ['预测', 'projected'],
    'nodata': ['无数据', 'No data'], 'region': ['地区', 'Region'], 'date': ['时点', 'Reference date'], 'year': ['年份', 'Year'],
    'indicator': ['指标', 'Indicator'], 'value': ['数值', 'Value'], 'source': ['来源', 'Source'], 'target': ['目标', 'Target'],
    'latest': ['最新值', 'Latest'], 'status': ['状态', 'Status'], 'asof': ['评估年份', 'Evaluated as of'],
    'overview.chart': ['最新值相对 2025 年目标（%）', 'Latest value as % of the 2025 target'],
    'overview.warnings': ['预警', 'Early warnings'], 'overview.status': ['目标状态', 'Target status'],
    'overview.noprojection': ['评估年份之后的目标按基准情景（baseline）的预测判断', 'Targets after the evaluation year are judged on the baseline projection'],
    'kind.county': ['区县', 'county'], 'kind.group': ['功能区', 'group'], 'overview.nowarnings': ['无预警（需要预测结果才能判断未来目标）', 'No warnings (future targets need a projection)'],
    'pyramid.title': ['人口金字塔', 'Population pyramid'], 'pyramid.male': ['男', 'Male'], 'pyramid.female': ['女', 'Female'],
    'pyramid.projection': ['预测年份', 'Projection year'],
    'trends.title': ['指标趋势与目标', 'Indicator trend and targets'],
    'nav.probability': ['达标概率', 'Probabilities'], 'prob.title': ['目标达成概率', 'Probability each target is met'],
    'prob.fan': ['概率预测（中位数，80% 与 95% 区间）', 'Probabilistic projection (median, 80% and 95% bands)'],
    'prob.pyramid': ['概率人口金字塔（中位数与 80% 区间）', 'Probabilistic pyramid (median and 80% band)'],
    'prob.probability': ['达成概率', 'Probability met'], 'prob.median': ['中位数', 'Median'],
    'prob.band80': ['80% 区间', '80% band'], 'prob.band95': ['95% 区间', '95% band'],
    'prob.loading': ['正在计算概率预测（首次需数秒）…', 'Running the probabilistic projection (seconds the first time)…'],
    'compare.title': ['区县与功能区比较', 'Counties and groupings'], 'compare.persons': ['常住人口', 'Residents'],
    'compare.published': ['规划公布数', 'Published in the plan'],
    'scen.title': ['情景推演（至 2035 年）', 'Scenario explorer (to 2035)'], 'scen.tfr': ['总和生育率', 'Total fertility rate'],
    'scen.e0': ['人均预期寿命', 'Life expectancy'], 'scen.mig': ['年净迁入（人）', 'Net migration per year'],
    'scen.grad': ['高校毕业生留温率（%）', 'Graduate retention (%)'], 'scen.name': ['情景', 'Scenario'],
    'scen.elapsed': ['服务器计算耗时', 'computed on the server in'], 'scen.targets': ['2035 年前目标能否实现', 'Targets met under this projection'],
    'services.service': ['服务', 'Service'], 'scen.run': ['计算', 'Project'],
    'services.title': ['公共服务需求', 'Public-service demand'],
    'imports.title': ['上传数据文件', 'Upload a data file'], 'imports.kind': ['数据类型', 'Kind'], 'imports.file': ['文件', 'File'],
    'imports.upload': ['上传并校验', 'Upload and validate'], 'imports.history': ['导入记录与校验报告', 'Imports and validation reports'],
    'imports.accepted': ['已导入', 'imported'], 'imports.time': ['时间 (UTC)', 'Time (UTC)'], 'imports.outcome': ['结果', 'Outcome'],
    'imports.problems': ['校验问题', 'Problems'], 'imports.refused': ['已拒绝', 'refused'],
    'audit.title': ['审计日志（只读，仅追加）', 'Audit log (read-only, append-only)'],
    'accounts.title': ['账户', 'Accounts'], 'accounts.create': ['新建账户', 'New account'], 'accounts.token': ['生成令牌', 'New token'],
    'big.title': ['温州市人口发展规划监测', 'Wenzhou population plan monitor'], 'big.exit': ['退出大屏', 'Leave big screen'],
    'err.forbidden': ['无权访问', 'Not allowed'],
  };
  let lang = localStorage.getItem('populus.lang') || 'zh';
  const t = key => (text[key] ? text[key][lang === 'zh' ? 0 : 1] : key);
  function apply(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    const button = document.getElementById('lang');
    if (button) button.textContent = lang === 'zh' ? 'English' : '中文';
  }
  return {
    t, apply,
    get lang() { return lang; },
    toggle() { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('populus.lang', lang); apply(); },
    name(zh, en) { return lang === 'zh' ? zh : (en || zh); },
  };
})();
