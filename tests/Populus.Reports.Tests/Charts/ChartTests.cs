using Populus.Demography;
using Populus.Reports.Charts;
using ScottPlot;
using ScottPlot.Plottables;
using BarSeries = Populus.Reports.Charts.BarSeries;

namespace Populus.Reports.Tests.Charts;

public sealed class ChartTests
{
    [Fact]
    public void Render_EveryChartKind_GivesAPngOfTheRequestedSize()
    {
        var size = new ChartSize(900, 600);
        foreach (var image in new[]
                 {
                     SampleReport.PyramidChart().Render(size), SampleReport.TrendChart().Render(size),
                     SampleReport.FanChart().Render(size), SampleReport.BarChart().Render(size),
                     SampleReport.ProbabilisticPyramidChart().Render(size),
                 })
        {
            Assert.Equal((900, 600), Tools.PngSize(image.Png.AsSpan()));
            Assert.Equal((900, 600), (image.WidthPx, image.HeightPx));
        }
    }

    [Fact]
    public void TrendChart_DrawsObservedEstimatedAndProjectedDifferently()
    {
        using var plot = SampleReport.TrendChart().BuildPlot();
        var lines = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal([LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted], lines.Select(l => l.LinePattern));
        Assert.Equal(["常住人口（统计）", "常住人口（估计）", "常住人口（预测）"], lines.Select(l => l.LegendText));
        Assert.Equal(MarkerShape.FilledCircle, lines[0].MarkerShape);
        Assert.Equal(MarkerShape.OpenCircle, lines[1].MarkerShape);

        // One indicator keeps one colour through its three kinds.
        Assert.Single(lines.Select(l => l.LineColor).Distinct());
    }

    [Fact]
    public void TrendChart_MarksAndLabelsEveryTarget()
    {
        using var plot = SampleReport.TrendChart().BuildPlot();
        var markers = plot.GetPlottables().OfType<Marker>().ToList();
        Assert.Equal([(2025.0, 1000.0), (2035.0, 1100.0)], markers.Select(m => (m.Location.X, m.Location.Y)));
        Assert.Equal(["2025年目标 1000万", "2035年目标 1100万"], plot.GetPlottables().OfType<Text>().Select(t => t.LabelText));
        Assert.Single(plot.Legend.ManualItems, i => i.LabelText == "规划目标");
    }

    [Fact]
    public void TrendChart_LimitsHoldEveryPointAndTarget()
    {
        using var plot = SampleReport.TrendChart().BuildPlot();
        var limits = plot.Axes.GetLimits();
        Assert.True(limits.Left < 2016 && limits.Right > 2035, $"{limits}");
        Assert.True(limits.Bottom < 917 && limits.Top > 1100, $"{limits}");
    }

    [Fact]
    public void FanChart_ShadesTwoBandsAndDrawsTheMedianAsAProjection()
    {
        using var plot = SampleReport.FanChart().BuildPlot();
        Assert.Equal(2, plot.GetPlottables().OfType<FillY>().Count());
        var lines = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal(LinePattern.Dotted, lines.Single(l => l.LegendText == "中位数（预测）").LinePattern);
        Assert.Equal(LinePattern.Solid, lines.Single(l => l.LegendText == "常住人口（统计）").LinePattern);
    }

    [Fact]
    public void FanSeries_BoundsNotNested_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new FanSeries([2025, 2026], [10, 11], [9, 12], [11, 12], [8, 9], [12, 13]));
        Assert.Contains("2026", ex.Message);
    }

    [Fact]
    public void FanSeries_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => new FanSeries([2025, 2026], [10, 11], [9], [11, 12], [8, 9], [12, 13]));

    [Fact]
    public void Pyramid_DrawsMalesLeftFemalesRightAndTheComparisonAsOutline()
    {
        using var plot = SampleReport.PyramidChart().BuildPlot();
        var bars = plot.GetPlottables().OfType<BarPlot>().ToList();
        Assert.All(bars.SelectMany(b => b.Bars), b => Assert.Equal(Orientation.Horizontal, b.Orientation));
        Assert.All(bars[0].Bars, b => Assert.True(b.Value <= 0));
        Assert.All(bars[1].Bars, b => Assert.True(b.Value >= 0));
        Assert.Equal(18, bars[0].Bars.Count); // 0-4 … 85+
        Assert.All(bars[2].Bars, b => Assert.Equal(Colors.Transparent, b.FillColor));

        // Bar lengths are the counts in 万人: 2020 males aged 0-4.
        var population = SampleReport.Pyramid(1.0, 0);
        Assert.Equal(-population.Male[0] / 10_000, bars[0].Bars[0].Value, 12);
    }

    [Fact]
    public void Pyramid_AbridgedGrid_MergesTheFirstTwoGroups()
    {
        var ages = AgeGroups.Abridged(85);
        var counts = Enumerable.Range(0, ages.Count).Select(i => 1000.0 * (i + 1)).ToArray();
        var population = new PopulationByAgeSex(new PopulationByAge(ages, counts), new PopulationByAge(ages, counts));
        using var plot = new PopulationPyramidChart { Title = "t", Population = new PyramidSeries("p", population), Divisor = 1 }.BuildPlot();
        var male = plot.GetPlottables().OfType<BarPlot>().First().Bars;
        Assert.Equal(ages.Count - 1, male.Count);
        Assert.Equal(-(1000.0 + 2000.0), male[0].Value);
    }

    [Fact]
    public void ProbabilisticPyramid_DrawsEachSexsMedianBars_WithTheIntervalsAcrossTheirEnds()
    {
        var chart = SampleReport.ProbabilisticPyramidChart();
        using var plot = chart.BuildPlot();
        var bars = plot.GetPlottables().OfType<BarPlot>().ToList();
        Assert.Equal(6, bars.Count); // per sex: medians, 95% ranges, 80% ranges
        Assert.All(bars, b => Assert.Equal(chart.Ages.Count, b.Bars.Count));
        Assert.All(bars.SelectMany(b => b.Bars), b => Assert.Equal(Orientation.Horizontal, b.Orientation));
        var (maleMedian, male95, male80, femaleMedian, female95, female80) = (bars[0].Bars, bars[1].Bars, bars[2].Bars, bars[3].Bars, bars[4].Bars, bars[5].Bars);
        for (var i = 0; i < chart.Ages.Count; i++)
        {
            // Males to the left, in 万人; each interval spans its bar's end, the 80% one inside the 95% one and thicker.
            Assert.Equal(-chart.Male.Median[i] / 10_000, maleMedian[i].Value, 12);
            Assert.Equal(chart.Female.Median[i] / 10_000, femaleMedian[i].Value, 12);
            Assert.Equal((-chart.Male.Lower80[i] / 10_000, -chart.Male.Upper80[i] / 10_000), (male80[i].ValueBase, male80[i].Value));
            Assert.Equal((chart.Female.Lower95[i] / 10_000, chart.Female.Upper95[i] / 10_000), (female95[i].ValueBase, female95[i].Value));
            Assert.InRange(femaleMedian[i].Value, female80[i].ValueBase, female80[i].Value);
            Assert.InRange(maleMedian[i].Value, male80[i].Value, male80[i].ValueBase);
            Assert.True(female80[i].Size > female95[i].Size && male80[i].Size > male95[i].Size);
        }

        Assert.Equal(["中位数 男", "中位数 女", "80% 预测区间（粗）", "95% 预测区间（细）"], plot.Legend.ManualItems.Select(l => l.LabelText));
        Assert.True(plot.Axes.GetLimits().Right >= chart.Female.Upper95.Max() / 10_000); // the widest 95% bound fits
    }

    [Fact]
    public void ProbabilisticPyramid_BandsOfAnotherLength_OrNotNested_AreRefused()
    {
        var chart = SampleReport.ProbabilisticPyramidChart();
        var shorter = new AgeBands([1, 2], [1, 2], [1, 2], [1, 2], [1, 2]);
        var mismatched = new ProbabilisticPyramidChart { Title = "t", Ages = chart.Ages, Male = shorter, Female = chart.Female };
        var e = Assert.Throws<ArgumentException>(() => mismatched.BuildPlot());
        Assert.Contains("2 age groups", e.Message, StringComparison.Ordinal);
        var n = Assert.Throws<ArgumentException>(() => new AgeBands([10, 20], [9, 21], [11, 22], [8, 19], [12, 23]));
        Assert.Contains("group 1", n.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AgeBands([1], [0], [2], [-1], [3]));
    }

    [Fact]
    public void Pyramid_UnequalWidths_Throws()
    {
        var ages = AgeGroups.FromStarts([0, 5, 15, 20]);
        var counts = new double[] { 1, 2, 3, 4 };
        var population = new PopulationByAgeSex(new PopulationByAge(ages, counts), new PopulationByAge(ages, counts));
        var chart = new PopulationPyramidChart { Title = "t", Population = new PyramidSeries("p", population) };
        var ex = Assert.Throws<ArgumentException>(() => chart.BuildPlot());
        Assert.Contains("5-14", ex.Message);
    }

    [Fact]
    public void Pyramid_ComparisonOnAnotherGrid_Throws()
    {
        var other = AgeGroups.FiveYear(0, 80);
        var counts = Enumerable.Repeat(1.0, other.Count).ToArray();
        var chart = SampleReport.PyramidChart();
        var bad = new PopulationPyramidChart
        {
            Title = "t",
            Population = chart.Population,
            Comparison = new PyramidSeries("c", new PopulationByAgeSex(new PopulationByAge(other, counts), new PopulationByAge(other, counts))),
        };
        Assert.Throws<ArgumentException>(() => bad.BuildPlot());
    }

    [Fact]
    public void GroupedBar_PlacesSeriesSideBySideWithinEachCategory()
    {
        using var plot = SampleReport.BarChart().BuildPlot();
        var series = plot.GetPlottables().OfType<BarPlot>().ToList();
        Assert.Equal(2, series.Count);
        Assert.Equal(SampleReport.Population2020, series[0].Bars.Select(b => b.Value));
        Assert.Equal(series[0].Bars.Select(b => b.Position + 1), series[1].Bars.Select(b => b.Position));
        Assert.NotEqual(series[0].Bars[0].FillColor, series[1].Bars[0].FillColor);
    }

    [Fact]
    public void GroupedBar_SeriesLengthDiffers_Throws()
    {
        var chart = new GroupedBarChart
        {
            Title = "t", ValueAxisLabel = "v", Categories = ["鹿城区", "龙湾区"], Series = [new BarSeries("2020年", [1.0])],
        };
        Assert.Throws<ArgumentException>(() => chart.BuildPlot());
    }

    [Fact]
    public void TrendSeries_YearsNotIncreasing_Throws() =>
        Assert.Throws<ArgumentException>(() => new TrendSeries("x", TrendSeriesKind.Observed, [2020, 2020], [1, 2]));

    [Fact]
    public void TrendSeries_NaN_Throws() =>
        Assert.Throws<ArgumentException>(() => new TrendSeries("x", TrendSeriesKind.Observed, [2020, 2021], [1, double.NaN]));
}
