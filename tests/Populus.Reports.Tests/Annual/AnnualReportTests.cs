using MiniExcels = MiniExcelLibs.MiniExcel;
using Populus.Reports.Annual;
using Populus.Reports.Pdf;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Reports.Tests.Annual;

/// <summary>
/// The annual evaluation report for the default Wenzhou data (a fresh DuckDB store seeded with it), with 20
/// trajectories, written as .docx and .xlsx and converted to PDF by LibreOffice.
/// </summary>
public sealed class AnnualReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("populus-annual-").FullName;

    [Fact]
    public void Report_ForWenzhou_HasTheChineseText_TheIndicatorTable_TheImagesAndTheSheets()
    {
        string docx = Path.Combine(_folder, "report.docx");
        string xlsx;
        Populus.Reports.Document.ReportDocument report;
        using (var store = PopulusStore.Open(Path.Combine(_folder, "store.duckdb")))
        {
            var monitor = PlanMonitor.Load(store);
            report = AnnualReport.Build(monitor, store, new AnnualReportOptions(2024, Trajectories: 20, Seed: 7));
            xlsx = AnnualReport.Write(report, docx);
        }

        // The indicator table has the plan's 20 indicators, each with a value or 'no data' and its reason.
        var indicators = report.Tables.Single(t => t.SheetName == "主要指标");
        Assert.Equal(20, indicators.Rows.Length);
        var source = indicators.Columns.IndexOf(indicators.Columns.Single(c => c.Header == "来源或无数据原因"));
        var value = indicators.Columns.IndexOf(indicators.Columns.Single(c => c.Header == "2024年数值"));
        foreach (var row in indicators.Rows)
        {
            var cell = row[source].Text!;
            Assert.True(row[value].IsEmpty == cell.StartsWith("无数据：", StringComparison.Ordinal), $"row {row[0]}: value {row[value]} with '{cell}'");
            Assert.Matches("^(统计|估计|预测|无数据)：.+", cell);
            if (row[value].IsEmpty)
            {
                Assert.DoesNotMatch(@"\b(of|in|the|no|not|needs?|has|is|by|either)\b|[a-z]_[a-z]", cell); // the reason in Chinese, as the report is
            }
            else
            {
                // The notes the code writes about a source in Chinese too (S17（推算）, not "S17 (derived)").
                Assert.DoesNotMatch(@"\(derived\)|sum of the members|plan Table \d", cell);
            }
        }

        Assert.Contains(indicators.Rows, row => row[value].IsEmpty); // some indicator has no figure, so the reasons above were read

        // Resident population 2024 comes from the bulletins' figures (data/wenzhou/wenzhou_annual.csv), not from a projection.
        Assert.Matches("^(统计|估计)：", indicators.Rows[0][source].Text);

        // The service-demand table speaks the report's language: services by name, ages and sources in Chinese.
        var demand = report.Tables.Single(t => t.SheetName == "公共服务需求");
        Assert.NotEmpty(demand.Rows);
        Assert.All(demand.Rows, r => Assert.All(new[] { r[0].Text, r[1].Text, r[6].Text }, cell => Assert.DoesNotMatch(@"\b(of|in|the|no|per|by|all|ages|places)\b|_", cell)));
        Assert.Contains(demand.Rows, r => r[0].Text == "3岁以下婴幼儿托位" && r[1].Text == "全部年龄");

        // Every target probability is a share in [0, 100].
        var probabilities = report.Tables.Single(t => t.SheetName == "目标达成概率");
        Assert.NotEmpty(probabilities.Rows);
        Assert.All(probabilities.Rows.Where(r => r[3].Number is not null), r => Assert.InRange(r[3].Number!.Value, 0, 100));
        // The sex ratio at birth follows the scenario in every trajectory: its 0 or 100% is said to be the deterministic answer.
        Assert.All(probabilities.Rows.Where(r => r[0].Text == "出生人口性别比"), r =>
        {
            Assert.Contains(r[3].Number, new double?[] { 0, 100 });
            Assert.Contains("确定性", r[5].Text, StringComparison.Ordinal);
        });
        Assert.Contains(probabilities.Rows, r => r[0].Text == "出生人口性别比");
        Assert.All(probabilities.Rows.Where(r => r[0].Text == "常住人口"), r => Assert.DoesNotContain("确定性", r[5].Text ?? "", StringComparison.Ordinal));

        var pdf = new LibreOfficePdfConverter().Convert(docx, _folder);
        var text = Tools.Run("pdftotext", pdf, "-");
        foreach (var expected in new[] { "温州市人口发展规划实施情况年度评估报告", "规划主要指标2024年监测", "常住人口", "监测预警", "公共服务需求", "规划目标达成概率", "规划任务推进情况", "采用基准情景（baseline）预测并注明" })
        {
            Assert.Contains(expected, text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // Eight charts: pyramid, two trends, county comparison, the fan charts of population and the ageing rate, the
        // probabilistic pyramid and the fan of the service whose demand is least certain; each an image in the PDF.
        Assert.Equal(8, report.Figures.Count());
        Assert.Contains(report.Figures, f => f.Caption.StartsWith("概率人口金字塔：2035年", StringComparison.Ordinal));
        Assert.Contains(report.Figures, f => f.Caption.StartsWith("常住人口老龄化率(60岁及以上)扇形图", StringComparison.Ordinal));
        var images = Tools.Run("pdfimages", "-list", pdf).Split('\n').Skip(2).Count(l => l.Contains(" image ", StringComparison.Ordinal));
        Assert.True(images >= 8, $"{images} images in the PDF");

        // Each target indicator's median in its target years lies within its 80% interval, and that within the 95% one.
        var bands = report.Tables.Single(t => t.SheetName == "指标概率预测");
        Assert.Contains(bands.Rows, r => r[0].Text == "常住人口" && r[1].Number == 2035);
        Assert.Contains(bands.Rows, r => r[0].Text == "总和生育率" && r[2].Text == "个孩子/妇女");
        Assert.All(bands.Rows, r => Assert.True(r[6].Number <= r[4].Number && r[4].Number <= r[3].Number && r[3].Number <= r[5].Number && r[5].Number <= r[7].Number,
            $"{r[0]} {r[1]}: {r[3]} [{r[4]}, {r[5]}] [{r[6]}, {r[7]}]"));
        Assert.Contains(bands.Rows, r => r[7].Number > r[6].Number); // the trajectories do spread

        // Each service's demand in the target years ahead, its median within the 80% and 95% intervals; the 2030 median
        // near the projection's demand (the service-demand table's).
        var services = report.Tables.Single(t => t.SheetName == "服务需求概率预测");
        Assert.Equal(demand.Rows.Select(r => r[0].Text).Distinct().Count() * 3, services.Rows.Length); // 2025, 2030 and 2035: after 2024
        Assert.All(services.Rows, r => Assert.True(r[6].Number <= r[4].Number && r[4].Number <= r[3].Number && r[3].Number <= r[5].Number && r[5].Number <= r[7].Number,
            $"{r[0]} {r[1]}: {r[3]} [{r[4]}, {r[5]}] [{r[6]}, {r[7]}]"));
        foreach (var row in services.Rows.Where(r => r[1].Number == 2030))
        {
            var projected = demand.Rows.Single(r => r[0].Text == row[0].Text && r[2].Number == 2030)[4].Number!.Value;
            Assert.InRange(row[3].Number!.Value, 0.9 * projected, 1.1 * projected);
        }

        // The fan chart is of the service whose 2035 80% interval is widest for its median, as the table gives them.
        var widest = services.Rows.Where(r => r[1].Number == 2035).MaxBy(r => (r[5].Number!.Value - r[4].Number!.Value) / r[3].Number!.Value)![0].Text;
        Assert.Contains(report.Figures, f => f.Caption.StartsWith($"公共服务需求扇形图：{widest}（", StringComparison.Ordinal));

        Assert.Equal([AnnualReport.SourcesSheet, .. report.Tables.Select(t => t.SheetName!)], MiniExcels.GetSheetNames(xlsx));
        Assert.Contains("主要指标", MiniExcels.GetSheetNames(xlsx));

        // The workbook's first sheet names every other sheet's source: the scenario, and the probabilistic sheets' trajectories and seed.
        var sources = MiniExcels.Query(xlsx, useHeaderRow: true, sheetName: AnnualReport.SourcesSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains("基准情景", sources[0]["表"].ToString(), StringComparison.Ordinal);
        Assert.Equal(report.Tables.Select(t => t.SheetName!), sources.Skip(1).Select(r => r["工作表"].ToString()));
        Assert.Contains(sources, r => r["工作表"].ToString() == "目标达成概率" && r["资料来源"].ToString()!.Contains("20条轨迹，种子7", StringComparison.Ordinal));
    }

    [Fact]
    public void APastYearsCountiesAndPyramid_AreTheStoresFigures_NotTheScenarios()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "vintage.duckdb"));
        store.Estimate(2024);
        // 洞头区's 2024 year-end residents as the store holds the published figure (data/wenzhou/county_annual.csv).
        var published = store.SurveyTotals("330305", 2024).Single(s => s.Measure == "population" && s.Sex == "total");
        var monitor = PlanMonitor.Load(store);
        var reports = new[] { "baseline", "low" }.Select(s => AnnualReport.Build(monitor, store, new AnnualReportOptions(2024, Scenario: s, Trajectories: 0))).ToList();

        var counties = reports.Select(r => r.Tables.Single(t => t.SheetName == "各县常住人口")).ToList();
        Assert.Equal(13 - 1, counties[0].Rows.Length); // the projection's units, the city's twelve
        Assert.Equal(counties[0].Rows.Select(r => r.Select(c => c.ToString())), counties[1].Rows.Select(r => r.Select(c => c.ToString())));
        var dongtou = counties[0].Rows.Single(r => r[0].Text == "洞头区");
        Assert.Equal(published.Value / 10_000, dongtou[3].Number!.Value, 9);
        Assert.StartsWith($"统计：{published.Provenance.SourceId}", dongtou[4].Text, StringComparison.Ordinal);
        // The other units' 2024 from the vintage, each labelled so; none a projection.
        Assert.All(counties[0].Rows, r => Assert.Matches("^(统计|估计)：", r[4].Text));

        // The 2024 pyramid is the vintage's year end, the same whichever scenario the report projects.
        var pyramids = reports.Select(r => r.Figures.Single(f => f.Caption.StartsWith("人口金字塔：2024年", StringComparison.Ordinal)).Image.Png).ToList();
        Assert.True(pyramids[0].SequenceEqual(pyramids[1]));
    }

    /// <summary>A later year's bulletin in the store: the report of that year says its figures are statistics to it
    /// and its projection is calibrated to them (docs/planning.md "A new year's figures"); the embedded data's says neither.</summary>
    [Fact]
    public void ANewYearsBulletin_TheSummarySaysTheProjectionIsCalibratedToIt()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "bulletin.duckdb"));
        string Summary(int year) => AnnualReport.Build(PlanMonitor.Load(store), store, new AnnualReportOptions(year, Trajectories: 0)).Blocks
            .OfType<Populus.Reports.Document.Paragraph>().Single(p => p.Text.StartsWith("本报告评估", StringComparison.Ordinal)).Text;
        var before = Summary(2024);
        Assert.Contains("统计数据截至2024年", before, StringComparison.Ordinal);
        Assert.DoesNotContain("校准", before, StringComparison.Ordinal);

        var file = Path.Combine(_folder, "bulletin-2025.csv");
        File.WriteAllText(file, "year,region,survey,measure,sex,value,figure_kind,source_id\n2025,330300,annual_sample,population,total,9900000,observed,TEST25\n" +
            "2025,330300,annual_sample,births,total,51000,observed,TEST25\n");
        store.Import("survey", file);
        var after = Summary(2025);
        Assert.Contains("统计数据截至2025年", after, StringComparison.Ordinal);
        Assert.Contains("预测情景已按2025年公布的年末常住人口和出生人数校准。", after, StringComparison.Ordinal);
    }

    /// <summary>The county table is preceded by the years whose county figures the projection starts from (docs/planning.md
    /// "The counties' published year ends"): every county in 2021, 永嘉县 in 2022, ten in 2023, two in 2024.</summary>
    [Fact]
    public void TheCountySection_SaysWhichCountyFiguresTheProjectionStartsFrom()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "counties.duckdb"));
        var texts = AnnualReport.Build(PlanMonitor.Load(store), store, new AnnualReportOptions(2024, Trajectories: 0)).Blocks
            .OfType<Populus.Reports.Document.Paragraph>().Select(p => p.Text).ToList();
        Assert.Contains("各县（市、区）的预测已按其公布的年末常住人口校准：2021年（全部12个）、2022年（永嘉县）、2023年（10个）、2024年（洞头区、苍南县）。" +
            "有公布数的县（市、区）按其占全市的比重，其余按常住人口比例分担差额，与年度人口估计的方法相同。", texts);
    }

    [Fact]
    public void TheBaseYearsReport_ShowsTheYearOnce_AndAnEarlierYearIsRefusedNamingTheYearsCovered()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "base.duckdb"));
        var monitor = PlanMonitor.Load(store);
        var baseYear = monitor.Model.BaseYear;

        var counties = AnnualReport.Build(monitor, store, new AnnualReportOptions(baseYear)).Tables.Single(t => t.SheetName == "各县常住人口");
        Assert.Equal(["县（市、区）", $"{baseYear}年（万人）", $"{baseYear}年来源"], counties.Columns.Select(c => c.Header));

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReport.Build(monitor, store, new AnnualReportOptions(baseYear - 1)));
        Assert.Contains($"base year {baseYear}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"规划基期{baseYear}年", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AYearAfterThePlansEnd_IsRefusedNamingTheYearsCovered()
    {
        using var store = PopulusStore.Open(Path.Combine(_folder, "after.duckdb"));
        var monitor = PlanMonitor.Load(store);
        // The plan's last target year, as the plan's targets give it (data/plan).
        var end = monitor.Plan.Book.Targets.Max(t => t.Year ?? 0);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReport.Build(monitor, store, new AnnualReportOptions(end + 1)));
        Assert.Contains($"end {end}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"规划期末{end}年", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
