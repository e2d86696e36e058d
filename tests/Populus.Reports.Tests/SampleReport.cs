using Populus.Demography;
using Populus.Reports.Charts;
using Populus.Reports.Document;

namespace Populus.Reports.Tests;

/// <summary>
/// A small report with every block and chart kind. The figures are made up for the test (shaped like Wenzhou's:
/// about 9.6 million residents, ageing) and say so; they are not data.
/// </summary>
internal static class SampleReport
{
    public const string Title = "温州市人口发展规划实施情况年度评估报告";
    public const string Subtitle = "2024年度（测试样例）";
    public const string Heading1 = "一、人口总量与结构";
    public const string Body = "2024年末全市常住人口继续增长，人口老龄化程度加深，总和生育率保持低位。本报告数字均为测试用虚构数据。";
    public const string TableTitle = "各县（市、区）常住人口";
    public const string Provenance = "测试用虚构数据；2020年为第七次全国人口普查口径，2024年为估计数。";
    public const string PyramidCaption = "全市人口金字塔（2020年与2035年预测对比）";
    public const string TrendCaption = "常住人口：统计、估计与预测";
    public const string FanCaption = "常住人口概率预测";
    public const string BarCaption = "各县（市、区）常住人口比较";

    public static readonly string[] Counties = ["鹿城区", "龙湾区", "瓯海区", "洞头区", "乐清市", "瑞安市", "永嘉县", "平阳县", "苍南县", "文成县", "泰顺县", "龙港市"];

    public static readonly double[] Population2020 = [128.8, 76.2, 96.3, 10.8, 145.3, 152.5, 86.9, 86.3, 84.4, 28.9, 26.6, 46.5];

    public static readonly double?[] Population2024 = [131.2, 78.9, 98.0, 11.0, 146.1, 153.0, 87.4, null, 85.0, 28.5, 26.1, 47.3];

    public static ReportTable CountyTable() => new(
        TableTitle,
        [TableColumn.Text("县（市、区）"), TableColumn.Number("2020年（万人）", 1), TableColumn.Number("2024年（万人）", 1)],
        Counties.Select((c, i) => new TableCell[] { c, Population2020[i], Population2024[i] }),
        Provenance);

    public static ReportTable IndicatorTable() => new(
        "主要指标完成情况",
        [TableColumn.Text("指标"), TableColumn.Number("2025年目标", 2), TableColumn.Number("2024年实际", 2), TableColumn.Text("评价")],
        [
            ["常住人口（万人）", 1000.0, 976.5, "基本符合进度"],
            ["总和生育率", 1.10, 0.98, "滞后"],
            ["人均预期寿命（岁）", 80.5, 81.2, "已完成"],
        ],
        "目标：《温州市人口发展规划（2021—2035年）》；实际：测试用虚构数据。");

    public static PopulationByAgeSex Pyramid(double scale, double ageing)
    {
        var ages = AgeGroups.FiveYear(0, 85);
        var male = new double[ages.Count];
        var female = new double[ages.Count];
        for (var i = 0; i < ages.Count; i++)
        {
            var bulge = 1 + 0.5 * Math.Exp(-Math.Pow((i - 7 - ageing) / 3.0, 2));
            var decline = Math.Exp(-0.012 * Math.Pow(Math.Max(0, i - 10), 2));
            male[i] = scale * 300_000 * bulge * decline;
            female[i] = scale * 280_000 * bulge * decline * (1 + 0.02 * i);
        }

        return new PopulationByAgeSex(new PopulationByAge(ages, male), new PopulationByAge(ages, female));
    }

    public static PopulationPyramidChart PyramidChart() => new()
    {
        Title = "温州市人口金字塔",
        Population = new PyramidSeries("2020年（普查）", Pyramid(1.0, 0)),
        Comparison = new PyramidSeries("2035年（预测）", Pyramid(1.05, 3)),
    };

    /// <summary>A probabilistic pyramid around the 2035 sample population: intervals widening with age (a made-up spread).</summary>
    public static ProbabilisticPyramidChart ProbabilisticPyramidChart()
    {
        var median = Pyramid(1.05, 3);
        AgeBands Bands(ReadOnlySpan<double> values)
        {
            var m = values.ToArray();
            double Spread(int i, double z) => m[i] * z * (0.02 + 0.004 * i);
            var range = Enumerable.Range(0, m.Length).ToList();
            return new AgeBands(m, range.Select(i => m[i] - Spread(i, 1.28)), range.Select(i => m[i] + Spread(i, 1.28)),
                range.Select(i => m[i] - Spread(i, 1.96)), range.Select(i => m[i] + Spread(i, 1.96)));
        }

        return new ProbabilisticPyramidChart
        {
            Title = "温州市常住人口年龄结构概率预测（2035年）",
            Ages = median.Ages,
            Male = Bands(median.Male.Values),
            Female = Bands(median.Female.Values),
        };
    }

    public static TrendChart TrendChart() => new()
    {
        Title = "温州市常住人口",
        ValueAxisLabel = "常住人口（万人）",
        Series =
        [
            new TrendSeries("常住人口", TrendSeriesKind.Observed, [2016, 2017, 2018, 2019, 2020], [917, 925, 930, 935, 957.3]),
            new TrendSeries("常住人口", TrendSeriesKind.Estimated, [2020, 2021, 2022, 2023, 2024], [957.3, 964.5, 967.9, 971.9, 976.5]),
            new TrendSeries("常住人口", TrendSeriesKind.Projected, [2024, 2026, 2028, 2030, 2035], [976.5, 985, 992, 998, 1006]),
        ],
        Targets = [new TargetMarker(2025, 1000, "2025年目标 1000万"), new TargetMarker(2035, 1100, "2035年目标 1100万")],
    };

    public static FanChart FanChart()
    {
        double[] years = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035];
        var median = years.Select(y => 976.5 + 3.0 * (y - 2024)).ToArray();
        double Spread(double y, double z) => z * 2.2 * Math.Sqrt(y - 2024);
        return new FanChart
        {
            Title = "常住人口概率预测",
            ValueAxisLabel = "常住人口（万人）",
            Fan = new FanSeries(years, median,
                years.Select((y, i) => median[i] - Spread(y, 1.28)), years.Select((y, i) => median[i] + Spread(y, 1.28)),
                years.Select((y, i) => median[i] - Spread(y, 1.96)), years.Select((y, i) => median[i] + Spread(y, 1.96))),
            History = new TrendSeries("常住人口", TrendSeriesKind.Observed, [2018, 2019, 2020, 2021, 2022, 2023, 2024],
                [930, 935, 957.3, 964.5, 967.9, 971.9, 976.5]),
        };
    }

    public static GroupedBarChart BarChart() => new()
    {
        Title = "各县（市、区）常住人口",
        ValueAxisLabel = "常住人口（万人）",
        Categories = Counties,
        Series =
        [
            new BarSeries("2020年", Population2020),
            new BarSeries("2024年", Population2024.Select((v, i) => v ?? Population2020[i])), // a test figure, not data
        ],
    };

    public static ReportDocument Build() => new ReportBuilder(Title)
        .Subtitle(Subtitle)
        .Heading(1, Heading1)
        .Paragraph(Body)
        .Heading(2, "（一）人口总量")
        .Table(CountyTable())
        .Figure(TrendChart().Render(), TrendCaption)
        .Figure(FanChart().Render(), FanCaption)
        .Heading(2, "（二）人口结构")
        .Figure(PyramidChart().Render(), PyramidCaption)
        .Figure(BarChart().Render(), BarCaption)
        .Heading(1, "二、规划目标完成情况")
        .Paragraph("对照规划主要指标，逐项评价完成进度。\n第二行文字。")
        .Table(IndicatorTable())
        .Build();
}
