using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Planning.Probability;
using Populus.Planning.Scenarios;
using Populus.Planning.Services;
using Populus.Planning.Targets;
using Populus.Planning.Work;
using Populus.Reports.Charts;
using Populus.Reports.Document;
using Populus.Reports.Excel;
using Populus.Reports.Word;
using Populus.Storage;
using Populus.Storage.PlanWork;
using Populus.Storage.Scenarios;

namespace Populus.Reports.Annual;

/// <summary>
/// The plan's annual evaluation report (人口发展规划实施情况年度评估报告, issue 4 §6, issue 7 §5): the 20 indicators of
/// Table 6 with value, target, status, gap and provenance; early warnings; charts (pyramid, trends against targets,
/// county comparison); public-service demand; with trajectories, fan charts and the probability that each
/// population-computed target is met; and the departments' progress on the plan's tasks. Figures come only from
/// <see cref="PlanMonitor"/> and the store: an indicator without data says 'no data' and why.
/// </summary>
public static class AnnualReport
{
    /// <summary>The catalogue's resident population (10k persons), the fan chart's indicator.</summary>
    private const string Population = "resident_population";

    /// <summary>Builds the report.</summary>
    /// <exception cref="Populus.Storage.Tabular.InvalidInputException">The scenario is unknown or a data file is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is before the plan's base year, which every figure of the report
    /// starts from, or after the plan's end, when it has no targets left to evaluate.</exception>
    public static ReportDocument Build(PlanMonitor monitor, IPopulusStore store, AnnualReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var y = options.Year;
        var baseYear = monitor.Model.BaseYear;
        if (y < baseYear || y > AnnualReportOptions.Horizon)
        {
            // The projection, the county comparison and the pyramid all start from the base population; the targets end
            // with the plan.
            throw new ArgumentOutOfRangeException(nameof(options.Year), y,
                $"year {y}: a report covers the plan's base year {baseYear} to its end {AnnualReportOptions.Horizon} " +
                $"(报告年份须在规划基期{baseYear}年至规划期末{AnnualReportOptions.Horizon}年之间)");
        }

        var city = monitor.Model.City;
        var scenario = monitor.Scenario(options.Scenario);
        var projection = monitor.Projector.Project(scenario, Math.Max(AnnualReportOptions.Horizon, y + 1));
        var projected = ScenarioIndicatorData.Indicators(projection, monitor.Plan.Catalogue);
        var evaluations = new TargetEvaluator(monitor.Calculator).EvaluateAll(monitor.Plan.Book, [city], y, projected);
        var warnings = TargetEvaluator.EarlyWarnings(evaluations);
        var report = new ReportBuilder($"{city}人口发展规划实施情况年度评估报告")
            .Subtitle($"{y}年度（预测情景：{scenario.NameZh}）");

        var indicators = IndicatorTable(monitor, scenario, projected, evaluations, y, city);
        report.Heading(1, "一、总体情况")
            .Paragraph(Summary(evaluations, warnings, y, scenario.LabelZh, monitor.LastObservedYear, monitor.PublishedYearEnds))
            .Heading(1, "二、主要指标监测")
            .Paragraph($"下表列出规划表6的20项主要指标在{y}年的数值：有统计或估计数据的取统计或估计值，没有的取{scenario.LabelZh}的预测值，均注明来源；" +
                       "统计、估计和预测都没有的注明无数据及原因，不作推测填补。状态按规划目标评估：已实现、按计划推进、存在风险、偏离目标或无数据。")
            .Table(indicators)
            .Paragraph($"注：状态和差距按各指标下一个目标年份的数值判断，即“目标年份预期值”：目标年份在{y}年以后的，为{scenario.LabelZh}的预测值；" +
                       $"不晚于{y}年的，为该年的统计或估计值。“目标年份差距”是该值距目标的差值（达到目标为0），不是{y}年数值距目标的差值。");

        report.Heading(1, "三、监测预警");
        if (warnings.Count == 0)
        {
            report.Paragraph($"按{scenario.LabelZh}预测，未发现将会错过的规划目标。");
        }
        else
        {
            report.Paragraph($"按{scenario.LabelZh}预测，以下{warnings.Count}项目标存在风险或偏离目标，需重点关注。")
                .Table(WarningTable(monitor, warnings, scenario.LabelZh, y));
        }

        report.Heading(1, "四、人口结构与趋势");
        foreach (var (image, caption) in Charts(monitor, projection, projected, y, city))
        {
            report.Figure(image, caption);
        }

        if (CountyCalibration(monitor) is { } calibrated)
        {
            report.Paragraph(calibrated);
        }

        report.Table(CountyTable(monitor, projection, projected, y));

        report.Heading(1, "五、公共服务需求")
            .Paragraph($"按规划及有关标准（data/plan/service-demand.csv），根据{scenario.LabelZh}预测的分年龄常住人口测算全市公共服务需求；" +
                       $"{y}年的服务人口也取预测值（各年口径一致），可能与表1的统计或估计值不同。")
            .Table(DemandTable(projection, monitor, y));

        if (options.Trajectories > 0)
        {
            report.Heading(1, "六、概率预测与目标达成概率");
            Probabilistic(report, monitor, scenario, options, y, city);
        }

        report.Heading(1, options.Trajectories > 0 ? "七、规划任务推进情况" : "六、规划任务推进情况");
        Tasks(report, store, options);
        return report.Build();
    }

    /// <summary>The workbook's first sheet: what each sheet holds and where its figures come from.</summary>
    public const string SourcesSheet = "资料来源";

    /// <summary>Writes the report as .docx at <paramref name="docxPath"/> and its tables as an .xlsx of the same base name
    /// beside it, led by a sheet (<see cref="SourcesSheet"/>) giving the report, scenario, and each sheet's table and
    /// provenance (the Word captions' footnotes: projection, trajectories, seed), so the workbook says what the
    /// document says.</summary>
    /// <returns>The path of the workbook.</returns>
    public static string Write(ReportDocument report, string docxPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        var full = Path.GetFullPath(docxPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        new WordReportWriter().Write(report, full);
        var xlsx = Path.ChangeExtension(full, ".xlsx");
        WorkbookWriter.Write([Sources(report), .. report.Tables], xlsx);
        return xlsx;
    }

    private static ReportTable Sources(ReportDocument report)
    {
        // The names the workbook gives the sheets after this one (SheetNames assigns them in order).
        var names = SheetNames.Assign([SourcesSheet, .. report.Tables.Select(t => t.SheetName ?? t.Title)]);
        var rows = report.Tables.Select((t, i) => new TableCell[] { names[i + 1], $"表{i + 1} {t.Title}", t.Provenance });
        return new ReportTable("资料来源", [TableColumn.Text("工作表"), TableColumn.Text("表"), TableColumn.Text("资料来源")],
            [["—", report.Subtitle is null ? report.Title : $"{report.Title} {report.Subtitle}", "各表同Word报告中同名表格，来源见各行"], .. rows],
            "各表题注的资料来源", SourcesSheet);
    }

    /// <summary>The status as the plan's users read it.</summary>
    public static string StatusZh(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "已实现",
        TargetStatus.OnTrack => "按计划推进",
        TargetStatus.AtRisk => "存在风险",
        TargetStatus.OffTrack => "偏离目标",
        _ => "无数据",
    };

    /// <summary>The provenance as the report prints it: 统计/估计/预测 and the source.</summary>
    public static string ProvenanceZh(IndicatorValue value) => value.Provenance is { } p ? ProvenanceZh(p) : $"无数据：{value.Note!.Chinese}";

    /// <summary>The provenance of a value the report shows beside the scenario's projection: a projected value names the
    /// scenario as the report's text does (预测：基准情景（baseline）), not by its key alone.</summary>
    private static string ProvenanceZh(IndicatorValue value, Scenario scenario) =>
        value.Provenance is { Status: DataStatus.Projected } p && p.Source == scenario.Name ? $"预测：{scenario.LabelZh}" : ProvenanceZh(value);

    private static string ProvenanceZh(Planning.Data.Provenance p) => $"{KindZh(p.Status)}：{p.SourceZh}";

    /// <summary>统计, 估计 or 预测: what a figure is, as the report labels it.</summary>
    private static string KindZh(DataStatus status) => status switch { DataStatus.Observed => "统计", DataStatus.Estimated => "估计", _ => "预测" };

    private static string Summary(IReadOnlyList<TargetEvaluation> evaluations, IReadOnlyList<TargetEvaluation> warnings, int y, string scenarioLabel, int lastObserved,
        IReadOnlyList<ObservedYearEnd> published)
    {
        string Count(TargetStatus s) => evaluations.Count(e => e.Status == s).ToString(CultureInfo.InvariantCulture);
        // A year the bureau published after the scenario files: the projection is calibrated to it (ScenarioCalibration).
        var calibrated = published.Count == 0 ? ""
            : $"预测情景已按{string.Join("、", published.Select(p => p.Year.ToString(CultureInfo.InvariantCulture)))}年公布的年末常住人口{(published.All(p => p.Births is not null) ? "和出生人数" : "")}校准。";
        return $"本报告评估{y}年度规划实施情况：采用统计和估计数据（统计数据截至{lastObserved}年），没有统计或估计数据的指标和年份采用{scenarioLabel}预测并注明。" + calibrated +
               $"全部{evaluations.Count}项规划目标中，已实现{Count(TargetStatus.Achieved)}项，按计划推进{Count(TargetStatus.OnTrack)}项，" +
               $"存在风险{Count(TargetStatus.AtRisk)}项，偏离目标{Count(TargetStatus.OffTrack)}项，无数据{Count(TargetStatus.NoData)}项；预警{warnings.Count}项。";
    }

    private static ReportTable IndicatorTable(PlanMonitor monitor, Scenario scenario, ProjectedIndicators projected, IReadOnlyList<TargetEvaluation> evaluations, int y, string city)
    {
        var rows = new List<TableCell[]>();
        foreach (var entry in monitor.Plan.Catalogue.Entries.Where(e => e.PlanId is not null).OrderBy(e => int.Parse(e.PlanId!, CultureInfo.InvariantCulture)))
        {
            // The value `populus indicators` gives for the year: the statistics or estimate, else the projection's.
            var value = monitor.Shown(entry.Id, city, y, projected);

            // The next target due (or the last one when all have passed).
            var own = evaluations.Where(e => e.Target.IndicatorId == entry.Id).OrderBy(e => e.Target.Year ?? y).ToList();
            var next = own.FirstOrDefault(e => (e.Target.Year ?? y) >= y) ?? own.LastOrDefault();
            rows.Add([entry.PlanId!, entry.NameZh, entry.UnitZh, value.Value, next?.Target.Year?.ToString(CultureInfo.InvariantCulture) ?? "—",
                next?.Target.PrintedZh ?? "—", next is null ? "无目标" : StatusZh(next.Status), next?.Expected?.Value, next?.Shortfall, ProvenanceZh(value, scenario)]);
        }

        return new ReportTable($"规划主要指标{y}年监测",
            [TableColumn.Text("序号"), TableColumn.Text("指标"), TableColumn.Text("单位"), TableColumn.Number($"{y}年数值", 2),
             TableColumn.Text("目标年份"), TableColumn.Text("目标"), TableColumn.Text("状态"), TableColumn.Number(ExpectedHeader, 2), TableColumn.Number(GapHeader, 2),
             TableColumn.Text("来源或无数据原因")],
            rows, $"统计公报、规划基期值（表6）、部门报送数据和{scenario.LabelZh}预测；状态和差距按目标年份预期值（目标年份在{y}年以后的为预测值）判断，" +
                  $"差距为其距目标的差值（达到为0），不是{y}年数值距目标的差值", "主要指标");
    }

    /// <summary>The value a target is judged on: its year's figure, projected when the year is after the report's.</summary>
    private const string ExpectedHeader = "目标年份预期值";

    /// <summary>How far <see cref="ExpectedHeader"/>'s value is from the target (<see cref="TargetEvaluation.Shortfall"/>).</summary>
    private const string GapHeader = "目标年份差距";

    /// <summary>The early warnings as `evaluate` gives them: the expected value and gap at the target year, and the annual
    /// change needed from the latest figure up to the report's year (<see cref="TargetEvaluation.Latest"/>), shown with its
    /// year and kind since it is often years old (the census year for an indicator without annual data).</summary>
    private static ReportTable WarningTable(PlanMonitor monitor, IReadOnlyList<TargetEvaluation> warnings, string scenarioLabel, int y) =>
        new("规划目标预警",
            [TableColumn.Text("指标"), TableColumn.Text("目标年份"), TableColumn.Text("目标"), TableColumn.Text("状态"), TableColumn.Number(ExpectedHeader, 2),
             TableColumn.Number(GapHeader, 2), TableColumn.Number("最新值", 2), TableColumn.Text("最新值年份"), TableColumn.Number("年均需变化（自最新值）", 2)],
            warnings.Select(w => new TableCell[]
            {
                monitor.Plan.Catalogue[w.Target.IndicatorId].NameZh, w.Target.Year?.ToString(CultureInfo.InvariantCulture) ?? "—", w.Target.PrintedZh,
                StatusZh(w.Status), w.Expected?.Value, w.Shortfall, w.Latest?.Value,
                w.Latest is { } latest ? $"{latest.Year}年（{KindZh(latest.Provenance!.Status)}）" : $"无数据：{w.Target.BaseYear}—{y}年没有统计或估计值",
                w.RequiredAnnualChange,
            }),
            $"{scenarioLabel}预测；目标年份预期值为预测值，差距为其距目标的差值（达到为0）；年均需变化为自最新值（{y}年及以前最近一年的统计或估计值）" +
            "至目标年份每年平均需要的变化", "预警");

    private static IEnumerable<(ChartImage Image, string Caption)> Charts(PlanMonitor monitor, ScenarioProjection projection, ProjectedIndicators projected, int y, string city)
    {
        var baseYear = monitor.Model.BaseYear;
        var pyramidYear = Math.Clamp(y, baseYear, projection.LastYear);
        var based = projection.Population(baseYear);
        yield return (new PopulationPyramidChart
        {
            Title = $"{city}常住人口年龄结构（{pyramidYear}年）",
            Population = Pyramid(monitor, projection, city, pyramidYear, based.Ages),
            Comparison = new PyramidSeries($"{baseYear}年（基期人口：以普查为基础的估计）", based),
        }.Render(), $"人口金字塔：{pyramidYear}年与{baseYear}年");

        foreach (var id in new[] { "resident_population", "ageing_rate_60" })
        {
            var entry = monitor.Plan.Catalogue[id];
            var series = new List<TrendSeries>();
            var history = monitor.Calculator.Series(id, city, baseYear, Math.Min(y, monitor.LastObservedYear)).Where(v => v.HasValue).ToList();
            foreach (var group in history.GroupBy(v => v.Provenance!.Status == DataStatus.Observed))
            {
                series.Add(new TrendSeries(entry.NameZh, group.Key ? TrendSeriesKind.Observed : TrendSeriesKind.Estimated,
                    group.Select(v => (double)v.Year), group.Select(v => v.Value!.Value)));
            }

            var from = history.Count > 0 ? history[^1].Year : baseYear;
            var future = Enumerable.Range(from, AnnualReportOptions.Horizon - from + 1).Select(yr => projected.Get(id, city, yr)).Where(v => v.HasValue).ToList();
            if (future.Count >= 2)
            {
                series.Add(new TrendSeries(entry.NameZh, TrendSeriesKind.Projected, future.Select(v => (double)v.Year), future.Select(v => v.Value!.Value)));
            }

            if (series.Count == 0)
            {
                continue;
            }

            var markers = monitor.Plan.Book.For(id).Where(t => t.Year is not null && t.Rule.Band is not null)
                .Select(t => (t, Edge: double.IsFinite(t.Rule.Band!.Value.Lower) ? t.Rule.Band.Value.Lower : t.Rule.Band.Value.Upper))
                .Where(m => double.IsFinite(m.Edge))
                .Select(m => new TargetMarker(m.t.Year!.Value, m.Edge, $"{m.t.Year}年目标 {m.t.PrintedZh}")).ToList();
            yield return (new TrendChart { Title = $"{entry.NameZh}：统计、估计与预测", ValueAxisLabel = $"{entry.NameZh}（{entry.UnitZh}）", Series = series, Targets = markers }.Render(),
                $"{entry.NameZh}趋势与规划目标");
        }

        var counties = projection.Regions.ToList();
        yield return (new GroupedBarChart
        {
            Title = "各县（市、区）常住人口",
            ValueAxisLabel = "常住人口（万人）",
            Categories = counties,
            Series = [.. ComparedYears(baseYear, pyramidYear).Select(yr => new BarSeries($"{yr}年", counties.Select((_, i) => CountyResidents(monitor, projection, projected, i, yr).Value)))],
            ValueLabelDecimals = 1,
        }.Render(), $"各县（市、区）常住人口比较（{string.Join("年与", ComparedYears(baseYear, pyramidYear))}年；各数值的来源见下表）");
    }

    /// <summary>The pyramid of a year: the latest vintage's year end (estimated) for a year of the estimates, else the
    /// scenario's projection, each named for what it is, so a projection never passes for the year's estimate.</summary>
    private static PyramidSeries Pyramid(PlanMonitor monitor, ScenarioProjection projection, string city, int year, Demography.AgeGroups ages)
    {
        var estimated = monitor.Observed.Population(PopulationKind.Resident, city, year);
        return year <= monitor.LastObservedYear && estimated is { HasValue: true, Value.BySex: { } bySex } && bySex.Ages.Equals(ages)
            ? new PyramidSeries($"{year}年（{ProvenanceZh(estimated.Provenance)}）", bySex)
            : new PyramidSeries($"{year}年（预测：{projection.Scenario.LabelZh}）", projection.Population(year));
    }

    /// <summary>A county's residents in a year (万人) with where the figure comes from, as `populus indicators --region`
    /// gives it (<see cref="PlanMonitor.Shown"/>): what monitoring knows of the year (a census or year-end total, the annual
    /// estimates), else the scenario's projection after the base year, or the base population (estimated from the census)
    /// in it.</summary>
    private static (double Value, string Source) CountyResidents(PlanMonitor monitor, ScenarioProjection projection, ProjectedIndicators projected, int county, int year)
    {
        var region = projection.Model.Counties[county].Region;
        if (monitor.Shown(Population, region, year, projected) is { HasValue: true } shown)
        {
            return (shown.Value!.Value, ProvenanceZh(shown, projection.Scenario));
        }

        var source = year == projection.Model.BaseYear ? $"估计：{year}年基期人口（以普查为基础校准）" : $"预测：{projection.Scenario.LabelZh}";
        return (projection.Total(year, county) / 10_000, source);
    }

    /// <summary>The years the counties are compared in: the base year and the report's, or the base year alone in its own report.</summary>
    private static int[] ComparedYears(int baseYear, int year) => year == baseYear ? [baseYear] : [baseYear, year];

    /// <summary>Which counties' published year ends the projection starts from (ScenarioCalibration), or null when none.</summary>
    private static string? CountyCalibration(PlanMonitor monitor)
    {
        var count = monitor.Model.Counties.Count;
        string Which(ObservedRegionYearEnds year) => year.Residents.Count == count ? $"全部{count}个"
            : year.Residents.Count <= 3 ? string.Join("、", monitor.Model.Counties.Select(c => c.Region).Where(year.Residents.ContainsKey))
            : $"{year.Residents.Count}个";
        return monitor.PublishedRegionYearEnds.Count == 0 ? null
            : $"各县（市、区）的预测已按其公布的年末常住人口校准：{string.Join("、", monitor.PublishedRegionYearEnds.Select(r => $"{r.Year}年（{Which(r)}）"))}。" +
              "有公布数的县（市、区）按其占全市的比重，其余按常住人口比例分担差额，与年度人口估计的方法相同。";
    }

    private static ReportTable CountyTable(PlanMonitor monitor, ScenarioProjection projection, ProjectedIndicators projected, int y)
    {
        var baseYear = monitor.Model.BaseYear;
        var year = Math.Clamp(y, baseYear, projection.LastYear);
        var years = ComparedYears(baseYear, year);
        var rows = projection.Model.Counties.Select((c, i) => new TableCell[] { c.Region }.Concat(years.Select(yr => CountyResidents(monitor, projection, projected, i, yr))
            .SelectMany(r => new TableCell[] { r.Value, r.Source })));
        return new ReportTable($"各县（市、区）常住人口（{string.Join("年与", years)}年）",
            [TableColumn.Text("县（市、区）"), .. years.SelectMany(yr => new[] { TableColumn.Number($"{yr}年（万人）", 2), TableColumn.Text($"{yr}年来源") })],
            rows, "统计数据（普查、年末常住人口）先于估计，估计先于预测", "各县常住人口");
    }

    private static ReportTable DemandTable(ScenarioProjection projection, PlanMonitor monitor, int y)
    {
        var years = new[] { y, 2025, 2030, 2035 }.Where(yr => yr > monitor.Model.BaseYear && yr <= projection.LastYear).Distinct().Order().ToArray();
        var rows = years.Length == 0 ? [] : ServiceDemand.Compute(projection, monitor.Standards, [(monitor.Model.City, [.. projection.Regions])], years[0], years[^1])
            .Where(d => years.Contains(d.Year));
        return new ReportTable("全市公共服务需求测算",
            [TableColumn.Text("服务"), TableColumn.Text("年龄"), TableColumn.Number("年份", 0, false), TableColumn.Number("服务人口", 0), TableColumn.Number("需求", 0), TableColumn.Text("单位"), TableColumn.Text("标准来源")],
            rows.Select(d => new TableCell[] { d.Standard.NameZh, d.Standard.AgeLabelZh, d.Year, d.Residents, d.Demand, d.Standard.UnitZh, d.Standard.SourceZh }),
            $"{projection.Scenario.LabelZh}预测；标准见 data/plan/service-demand.csv", "公共服务需求");
    }

    private static void Probabilistic(ReportBuilder report, PlanMonitor monitor, Scenario scenario, AnnualReportOptions options, int y, string city)
    {
        var targets = monitor.Plan.Book.Targets
            .Where(t => t.Year is { } ty && ty > y && ty <= AnnualReportOptions.Horizon && t.Rule.IsNumeric && t.Rule.Kind != TargetKind.CumulativeAtLeast)
            .Where(t => monitor.Plan.Catalogue[t.IndicatorId] is { Formula: not null } e && e.AppliesTo(monitor.Plan.Regions.CodeOf(city)))
            .ToList();
        var runs = monitor.RunTrajectories(scenario, [city], AnnualReportOptions.Horizon, options.Trajectories, options.Seed);
        var known = Math.Max(y, monitor.Uncertainty.BaseYear);
        var years = runs.Years.Where(yr => yr > known).ToList();
        // TrajectoryResults.Probabilities: 2.5, 10, 25, 50, 75, 90, 97.5 %; resident population is in the catalogue's 10k persons.
        var fans = new[] { Population, "ageing_rate_60" }.ToDictionary(id => id, id => years.Select(yr => Bands(runs, id, city, yr)).ToList());
        var q = fans[Population].Select((b, i) => b ?? throw new InvalidOperationException($"{Population} could not be computed for {city} in {years[i]}.")).ToList();
        var migration = monitor.MigrationSpread is { } own
            ? $"净迁移率的年际离散度取{city}{own.Years}年由年末常住人口和自然增长率推算的净迁移率（平衡方程残差）的标准差" +
              $"（{own.Process.InnovationSd * 100:0.00}个百分点，{own.Rates.Count}年，样本少，仅供参考）"
            : "净迁移率的离散度同样取自中国的预测区间（本市年度数据不足以测算）";
        report.Paragraph($"以{scenario.LabelZh}为中心路径，按联合国《世界人口展望2024》中国总和生育率和预期寿命的80%与95%预测区间校准随机过程，{migration}；" +
                         $"模拟{runs.Trajectories}条人口轨迹（随机种子{runs.Seed}），{known}年以后各县（市、区）的生育、迁移水平和全市预期寿命随机偏离中心路径，县际相关。");
        foreach (var (id, fan) in fans)
        {
            if (years.Count < 2 || fan.Any(b => b is null))
            {
                continue;
            }

            var entry = monitor.Plan.Catalogue[id];
            report.Figure(new FanChart
            {
                Title = $"{city}{entry.NameZh}概率预测",
                ValueAxisLabel = $"{entry.NameZh}（{entry.UnitZh}）",
                Fan = new FanSeries(years.Select(v => (double)v), fan.Select(v => v!.Value.Median), fan.Select(v => v!.Value.Lower80), fan.Select(v => v!.Value.Upper80),
                    fan.Select(v => v!.Value.Lower95), fan.Select(v => v!.Value.Upper95)),
            }.Render(), $"{entry.NameZh}扇形图（中位数、80%和95%预测区间）");
        }

        report.Table(new ReportTable("常住人口概率预测",
            [TableColumn.Number("年份", 0, false), TableColumn.Number("中位数（万人）", 1), TableColumn.Number("80%下限", 1), TableColumn.Number("80%上限", 1), TableColumn.Number("95%下限", 1), TableColumn.Number("95%上限", 1)],
            years.Select((yr, i) => new TableCell[] { yr, q[i].Median, q[i].Lower80, q[i].Upper80, q[i].Lower95, q[i].Upper95 }),
            $"概率预测，{runs.Trajectories}条轨迹，种子{runs.Seed}", "人口概率预测"));

        // Every target indicator in its target years: the median and intervals behind each probability below.
        var indicatorRows = targets.Select(t => (t.IndicatorId, Year: t.Year!.Value)).Distinct()
            .Select(k => (k.IndicatorId, k.Year, Bands: runs.Holds(k.IndicatorId, city) ? Bands(runs, k.IndicatorId, city, k.Year) : null))
            .Where(k => k.Bands is not null)
            .Select(k => new TableCell[]
            {
                monitor.Plan.Catalogue[k.IndicatorId].NameZh, k.Year, monitor.Plan.Catalogue[k.IndicatorId].UnitZh,
                k.Bands!.Value.Median, k.Bands.Value.Lower80, k.Bands.Value.Upper80, k.Bands.Value.Lower95, k.Bands.Value.Upper95,
            }).ToList();
        report.Table(new ReportTable("规划指标概率预测",
            [TableColumn.Text("指标"), TableColumn.Number("年份", 0, false), TableColumn.Text("单位"), TableColumn.Number("中位数", 2), TableColumn.Number("80%下限", 2),
             TableColumn.Number("80%上限", 2), TableColumn.Number("95%下限", 2), TableColumn.Number("95%上限", 2)],
            indicatorRows, $"概率预测，{runs.Trajectories}条轨迹，种子{runs.Seed}", "指标概率预测"));

        var horizon = runs.Years[^1];
        if (runs.HasPyramid(city))
        {
            AgeBands Of(Demography.Sex sex)
            {
                double[] Column(int k) => [.. Enumerable.Range(0, runs.AgeGroups.Count).Select(g => runs.PyramidQuantiles(city, horizon, sex, g)[k])];
                return new AgeBands(Column(3), Column(1), Column(5), Column(0), Column(6));
            }

            report.Figure(new ProbabilisticPyramidChart
            {
                Title = $"{city}常住人口年龄结构概率预测（{horizon}年）",
                Ages = runs.AgeGroups,
                Male = Of(Demography.Sex.Male),
                Female = Of(Demography.Sex.Female),
            }.Render(), $"概率人口金字塔：{horizon}年（中位数、80%和95%预测区间）");

            // Each service's demand in the plan's target years ahead.
            var demandYears = new[] { 2025, 2030, 2035 }.Where(yr => yr > known && runs.Years.Contains(yr)).ToList();
            report.Table(new ReportTable("公共服务需求概率预测",
                [TableColumn.Text("服务"), TableColumn.Number("年份", 0, false), TableColumn.Text("单位"), TableColumn.Number("中位数", 0), TableColumn.Number("80%下限", 0),
                 TableColumn.Number("80%上限", 0), TableColumn.Number("95%下限", 0), TableColumn.Number("95%上限", 0)],
                from standard in monitor.Standards
                from yr in demandYears
                let d = QuantileBands.Of(ServiceDemand.Quantiles(runs, standard, city, yr))
                select new TableCell[] { standard.NameZh, yr, standard.UnitZh, d.Median, d.Lower80, d.Upper80, d.Lower95, d.Upper95 },
                $"概率预测，{runs.Trajectories}条轨迹，种子{runs.Seed}；标准见 data/plan/service-demand.csv", "服务需求概率预测"));

            // The service whose demand is least certain at the horizon (the widest 80% interval for its median) as a
            // fan chart: the one whose planners most need the range rather than the figure.
            if (years.Count >= 2 && monitor.Standards.Count > 0)
            {
                var widest = monitor.Standards.MaxBy(s => QuantileBands.Of(ServiceDemand.Quantiles(runs, s, city, horizon)).RelativeWidth80)!;
                var bands = years.Select(yr => QuantileBands.Of(ServiceDemand.Quantiles(runs, widest, city, yr))).ToList();
                report.Figure(new FanChart
                {
                    Title = $"{city}{widest.NameZh}需求概率预测",
                    ValueAxisLabel = $"{widest.NameZh}（{widest.UnitZh}）",
                    Fan = new FanSeries(years.Select(v => (double)v), bands.Select(d => d.Median), bands.Select(d => d.Lower80), bands.Select(d => d.Upper80),
                        bands.Select(d => d.Lower95), bands.Select(d => d.Upper95)),
                }.Render(), $"公共服务需求扇形图：{widest.NameZh}（{horizon}年80%区间相对中位数最宽的服务；中位数、80%和95%预测区间）");
            }
        }

        var rows = new List<TableCell[]>();
        foreach (var t in targets)
        {
            var name = monitor.Plan.Catalogue[t.IndicatorId].NameZh;
            var year = t.Year!.Value;
            var values = runs.Holds(t.IndicatorId, city) ? runs.Values(t.IndicatorId, city, year) : null;
            if (values is null || values.Any(double.IsNaN))
            {
                rows.Add([name, year, t.PrintedZh, TableCell.Empty, TableCell.Empty, "无数据：预测不提供该指标的输入"]);
                continue;
            }

            var p = TargetProbability.Of(t.Rule, values);
            rows.Add([name, year, t.PrintedZh, 100 * p, 100 * TargetProbability.StandardError(p, runs.Trajectories),
                runs.Varies(t.IndicatorId, city) ? "" : "各条轨迹相同（按情景假定，不受所模拟的不确定性影响）：概率为确定性判断"]);
        }

        report.Table(new ReportTable("规划目标达成概率",
            [TableColumn.Text("指标"), TableColumn.Number("目标年份", 0, false), TableColumn.Text("目标"), TableColumn.Number("达成概率（%）", 1), TableColumn.Number("标准误（%）", 1), TableColumn.Text("说明")],
            rows, $"概率预测，{runs.Trajectories}条轨迹，种子{runs.Seed}；概率为达到目标的轨迹所占比例", "目标达成概率"));
    }

    /// <summary>The median and the 80% and 95% bounds of an indicator in a year over the run's trajectories, or null when
    /// some trajectory cannot compute it (<see cref="ScenarioRun.Quantiles"/>: 2.5, 10, 25, 50, 75, 90, 97.5 %).</summary>
    private static QuantileBands? Bands(ScenarioRun runs, string id, string region, int year) =>
        runs.Quantiles(id, region, year) is { } v ? QuantileBands.Of(v) : null;

    private static void Tasks(ReportBuilder report, IPopulusStore store, AnnualReportOptions options)
    {
        var y = options.Year;
        var asOf = options.AsOf ?? new DateOnly(y, 12, 31);
        var items = store.Work.Items(y, WorkScope.LeadOffice, asOf);
        var tasks = PlanTasks.List;
        if (items.Count == 0)
        {
            report.Paragraph($"规划第三、四章共{tasks.Tasks.Count}项任务，牵头单位和配合单位见下表。{y}年度工作要点尚未录入（populus import workpoints），暂无推进情况。")
                .Table(new ReportTable("规划任务牵头单位",
                    [TableColumn.Text("牵头单位"), TableColumn.Number("牵头任务数", 0), TableColumn.Text("任务编号")],
                    tasks.Tasks.SelectMany(t => t.LeadUnits.Select(u => (Unit: u, t.Id))).GroupBy(p => p.Unit)
                        .Select(g => new TableCell[] { g.Key, g.Count(), string.Join("、", g.Select(p => p.Id)) }),
                    "data/plan/tasks.csv（据规划文本核对）", "任务分工"));
            return;
        }

        report.Paragraph($"截至{asOf:yyyy年M月d日}，{y}年度共{items.Count}项工作要点，已完成{items.Count(i => i.State is WorkItemState.Completed or WorkItemState.CompletedLate)}项，" +
                         $"滞后{items.Count(i => i.State == WorkItemState.Lagging)}项，逾期{items.Count(i => i.State == WorkItemState.Overdue)}项。")
            .Table(new ReportTable("各部门工作要点推进情况",
                [TableColumn.Text("部门"), TableColumn.Number("工作要点", 0), TableColumn.Number("已完成", 0), TableColumn.Number("按期推进", 0), TableColumn.Number("滞后", 0), TableColumn.Number("逾期", 0)],
                items.GroupBy(i => i.Department).Select(g => new TableCell[]
                {
                    g.Key, g.Count(), g.Count(i => i.State is WorkItemState.Completed or WorkItemState.CompletedLate), g.Count(i => i.State == WorkItemState.OnSchedule),
                    g.Count(i => i.State == WorkItemState.Lagging), g.Count(i => i.State == WorkItemState.Overdue),
                }),
                "部门报送的工作进展（populus import progress）", "部门推进情况"));
        var behind = items.Where(i => i.State is WorkItemState.Lagging or WorkItemState.Overdue).ToList();
        if (behind.Count > 0)
        {
            report.Table(new ReportTable("逾期和滞后的工作要点",
                [TableColumn.Text("部门"), TableColumn.Text("任务"), TableColumn.Text("工作要点"), TableColumn.Text("截止日期"), TableColumn.Number("完成（%）", 0), TableColumn.Text("状态"), TableColumn.Text("关联指标")],
                behind.Select(i => new TableCell[]
                {
                    i.Department, $"{i.TaskId} {i.TaskTitleZh}", i.Description, i.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.PercentComplete,
                    i.State == WorkItemState.Overdue ? "逾期" : "滞后", i.IndicatorPlanIds.Count == 0 ? "—" : "表6指标 " + string.Join("、", i.IndicatorPlanIds),
                }),
                "部门报送的工作进展；关联指标为任务服务的规划表6指标序号", "逾期滞后"));
        }
    }
}
