using System.Globalization;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Planning.Scenarios;
using Populus.Planning.Targets;
using Populus.Reports.Annual;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Reports.Tests.Annual;

/// <summary>
/// The annual report says what the rest of the product says for the same year: each indicator's value and provenance
/// as `populus indicators` gives it (the statistics or estimate, else the baseline's projection, marked so), each
/// target's expected value, gap, latest figure and annual change needed as `populus evaluate` gives them; read back
/// from the .docx and the .xlsx the report writes (default Wenzhou data, fresh DuckDB store).
/// </summary>
public sealed class AnnualReportAgreementTests : IDisposable
{
    private const int Year = 2024;

    private readonly string _folder = Directory.CreateTempSubdirectory("populus-agree-").FullName;

    [Fact]
    public void TheIndicatorAndCountyTables_ShowWhatIndicatorsGives_AndSayWhatTheGapIsMeasuredFrom()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "store.duckdb"));
        var (monitor, docx, xlsx) = Report(store, Year);
        var city = monitor.Model.City;
        var (indicators, projected) = IndicatorsCommand(monitor, Year);
        var evaluations = Evaluate(monitor, Year, projected);

        var (rows, note) = Tools.WordTable(docx, $"规划主要指标{Year}年监测");
        var sheet = Tools.SheetRows(xlsx, "主要指标");
        string[] header = rows[0];
        Assert.Equal(header, sheet[0]); // the workbook's labels are the document's
        int Col(string name) => Array.IndexOf(header, name);
        var (value, expected, gap, source) = (Col($"{Year}年数值"), Col("目标年份预期值"), Col("目标年份差距"), Col("来源或无数据原因"));
        Assert.True(expected >= 0 && gap >= 0, string.Join(" | ", header));
        // The note under the table says what the gap is measured from: the value at the target year, not the year's.
        Assert.Contains($"不是{Year}年数值距目标的差值", note, StringComparison.Ordinal);
        // The workbook, which has no paragraphs, says it on its sources sheet, beside the sheet's name.
        Assert.Contains($"不是{Year}年数值距目标的差值", Tools.SheetRows(xlsx, AnnualReport.SourcesSheet).Single(r => r[0] == "主要指标")[2], StringComparison.Ordinal);

        var entries = monitor.Plan.Catalogue.Entries.Where(e => e.PlanId is not null).OrderBy(e => int.Parse(e.PlanId!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(entries.Count + 1, rows.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var (row, cells) = (rows[i + 1], sheet[i + 1]);
            var v = indicators(entries[i].Id, city);
            Assert.Equal(entries[i].NameZh, row[1]);
            Assert.Equal(Shown(v.Value), row[value]);
            AssertSameNumber(v.Value, cells[value], entries[i].Id);
            Assert.StartsWith(v.HasValue ? Kind(v) : "无数据：", row[source], StringComparison.Ordinal);
            Assert.Equal(row[source], cells[source]);

            // The next target due, as `evaluate` judges it: the value expected at its year and the gap from that value.
            var next = evaluations.Where(e => e.Target.IndicatorId == entries[i].Id && (e.Target.Year ?? Year) >= Year).MinBy(e => e.Target.Year ?? Year);
            Assert.Equal(Shown(next?.Expected?.Value), row[expected]);
            Assert.Equal(Shown(next?.Shortfall), row[gap]);
            AssertSameNumber(next?.Shortfall, cells[gap], entries[i].Id);
        }

        // `indicators` projects this year's TFR, e0, ageing and urbanization rates (no births, deaths or ages of the year
        // in the data): the report shows them too, marked as the baseline's projection.
        Assert.Contains(rows, r => r[source] == "预测：基准情景（baseline）" && r[value] != "—");

        // The county table: each county's figure of the year as `indicators --region` gives it.
        var counties = Tools.WordTable(docx, $"各县（市、区）常住人口（{monitor.Model.BaseYear}年与{Year}年）").Rows;
        Assert.Equal(["县（市、区）", $"{monitor.Model.BaseYear}年（万人）", $"{monitor.Model.BaseYear}年来源", $"{Year}年（万人）", $"{Year}年来源"], counties[0]);
        foreach (var row in counties.Skip(1))
        {
            var v = indicators("resident_population", row[0]);
            Assert.Equal(Shown(v.Value), row[3]);
            Assert.StartsWith(Kind(v), row[4], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheWarningTable_ShowsTheLatestFigureAndItsYear_TheAnnualChangeIsMeasuredFrom_AsEvaluateDoes()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "store.duckdb"));
        var (monitor, docx, xlsx) = Report(store, Year);
        var warnings = TargetEvaluator.EarlyWarnings(Evaluate(monitor, Year, IndicatorsCommand(monitor, Year).Projected));

        var rows = Tools.WordTable(docx, "规划目标预警").Rows;
        var sheet = Tools.SheetRows(xlsx, "预警");
        Assert.Equal(rows[0], sheet[0]);
        int Col(string name) => Array.IndexOf(rows[0], name);
        var (latest, latestYear, needed) = (Col("最新值"), Col("最新值年份"), Col("年均需变化（自最新值）"));
        Assert.True(latest >= 0 && latestYear >= 0 && needed >= 0, string.Join(" | ", rows[0]));
        Assert.Equal(warnings.Count + 1, rows.Count);
        Assert.Contains(warnings, w => w.Latest is { } l && l.Year < Year); // a base older than the report's year, which the table must show
        for (var i = 0; i < warnings.Count; i++)
        {
            var (w, row, cells) = (warnings[i], rows[i + 1], sheet[i + 1]);
            Assert.Equal((monitor.Plan.Catalogue[w.Target.IndicatorId].NameZh, w.Target.Year?.ToString(CultureInfo.InvariantCulture)), (row[0], row[1]));
            Assert.Equal(Shown(w.Latest?.Value), row[latest]);
            AssertSameNumber(w.Latest?.Value, cells[latest], w.Target.IndicatorId);
            Assert.Equal(w.Latest is { } l ? $"{l.Year}年（{Kind(l)[..2]}）" : null, row[latestYear]);
            Assert.Equal(Shown(w.RequiredAnnualChange), row[needed]);
            AssertSameNumber(w.RequiredAnnualChange, cells[needed], w.Target.IndicatorId);
        }
    }

    [Fact]
    public void ACountysFigureOfAYearAfterTheCitysLastObserved_IsTheStatisticIndicatorsGives_NotTheProjection()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "county.duckdb"));
        var year = PlanMonitor.Load(store).LastObservedYear + 1;
        // 鹿城区's year-end residents of the year after the city's annual figures end, as its statistics office reports them.
        var csv = Path.Combine(_folder, "lucheng.csv");
        File.WriteAllText(csv, "year,region,indicator,value,unit,department,figure_kind,source_id\n" +
                               $"{year},330302,resident_population,125.5,10k persons,鹿城区统计局,observed,TEST-LC\n");
        store.Import("indicators", csv);
        var (monitor, docx, _) = Report(store, year);
        var known = monitor.Calculator.Compute("resident_population", "鹿城区", year);
        Assert.Equal(DataStatus.Observed, known.Provenance!.Status);

        var lucheng = Tools.WordTable(docx, $"各县（市、区）常住人口（{monitor.Model.BaseYear}年与{year}年）").Rows.Single(r => r[0] == "鹿城区");
        Assert.Equal((Shown(known.Value), Kind(known)), (lucheng[3], lucheng[4][..3]));
        Assert.Contains("TEST-LC", lucheng[4], StringComparison.Ordinal);
    }

    /// <summary>Builds and writes the report of <paramref name="year"/> without trajectories.</summary>
    private (PlanMonitor Monitor, string Docx, string Xlsx) Report(IPopulusStore store, int year)
    {
        var monitor = PlanMonitor.Load(store);
        var docx = Path.Combine(_folder, $"report-{Guid.NewGuid():N}.docx");
        var xlsx = AnnualReport.Write(AnnualReport.Build(monitor, store, new AnnualReportOptions(year, Trajectories: 0)), docx);
        return (monitor, docx, xlsx);
    }

    /// <summary>What `populus indicators --year` gives for a region: the figure monitoring holds, else (after the base
    /// year) the baseline's projection of the year; and that projection.</summary>
    private static (Func<string, string, IndicatorValue> Indicators, ProjectedIndicators Projected) IndicatorsCommand(PlanMonitor monitor, int year)
    {
        var projected = ScenarioIndicatorData.Indicators(monitor.Projector.Project(monitor.Scenario("baseline"), AnnualReportOptions.Horizon), monitor.Plan.Catalogue);
        return ((id, region) => monitor.Calculator.Compute(id, region, year) is { HasValue: true } known ? known : projected.Get(id, region, year), projected);
    }

    /// <summary>What `populus evaluate --year` gives for the plan's city.</summary>
    private static IReadOnlyList<TargetEvaluation> Evaluate(PlanMonitor monitor, int year, ProjectedIndicators projected) =>
        new TargetEvaluator(monitor.Calculator).EvaluateAll(monitor.Plan.Book, [monitor.Model.City], year, projected);

    /// <summary>A figure as the report's tables print it: two decimals, half away from zero (四舍五入), thousands
    /// separated; "—" for none.</summary>
    private static string Shown(double? value) =>
        value is { } v ? Math.Round((decimal)v, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture) : "—";

    /// <summary>The workbook holds the unrounded figure, or an empty cell for none.</summary>
    private static void AssertSameNumber(double? value, string? cell, string what)
    {
        if (value is { } v)
        {
            Assert.True(cell is not null && Math.Abs(double.Parse(cell, CultureInfo.InvariantCulture) - v) <= 1e-9 * Math.Max(1, Math.Abs(v)), $"{what}: {v} against the cell {cell}");
        }
        else
        {
            Assert.Null(cell);
        }
    }

    /// <summary>统计：, 估计： or 预测：基准情景（baseline）: how the report labels a figure of the baseline run.</summary>
    private static string Kind(IndicatorValue v) => v.Provenance!.Status switch
    {
        DataStatus.Observed => "统计：",
        DataStatus.Estimated => "估计：",
        _ => "预测：基准情景（baseline）",
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
