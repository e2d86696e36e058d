using ScottPlot;

namespace Populus.Reports.Charts;

/// <summary>
/// A fan chart: the median of a probabilistic projection with its 95% interval (light) and 80% interval (darker)
/// shaded, optionally after the observed history.
/// </summary>
/// <remarks>
/// The median is drawn dotted, the projection pattern of <see cref="TrendChart"/>, so a projected median is never
/// mistaken for an observed line; the history is solid.
/// </remarks>
public sealed class FanChart
{
    private static readonly Color FanColor = Color.FromHex("#4E79A7");
    private static readonly Color HistoryColor = Color.FromHex("#222222");

    public required string Title { get; init; }

    public required string ValueAxisLabel { get; init; }

    public string YearAxisLabel { get; init; } = "年份";

    public required FanSeries Fan { get; init; }

    /// <summary>Observed (or estimated) values before the projection; drawn in its kind's pattern.</summary>
    public TrendSeries? History { get; init; }

    public string MedianLabel { get; init; } = "中位数（预测）";

    public string Interval80Label { get; init; } = "80% 预测区间";

    public string Interval95Label { get; init; } = "95% 预测区间";

    /// <exception cref="CjkFontNotFoundException">No CJK font is installed.</exception>
    public ChartImage Render(ChartSize? size = null)
    {
        using var plot = BuildPlot();
        return ChartFrame.Render(plot, size ?? ChartSize.Default);
    }

    internal Plot BuildPlot()
    {
        ArgumentNullException.ThrowIfNull(Fan);
        var plot = ChartFrame.Create(Title, YearAxisLabel, ValueAxisLabel);
        var years = Fan.Years.ToArray();

        var band95 = plot.Add.FillY(years, Fan.Lower95.ToArray(), Fan.Upper95.ToArray());
        band95.FillColor = FanColor.WithAlpha(0.22);
        band95.LineWidth = 0;
        band95.LegendText = Interval95Label;

        var band80 = plot.Add.FillY(years, Fan.Lower80.ToArray(), Fan.Upper80.ToArray());
        band80.FillColor = FanColor.WithAlpha(0.45);
        band80.LineWidth = 0;
        band80.LegendText = Interval80Label;

        var median = plot.Add.ScatterLine(years, Fan.Median.ToArray(), FanColor.Darken(0.3));
        median.LinePattern = TrendChart.PatternOf(TrendSeriesKind.Projected);
        median.LineWidth = 3;
        median.LegendText = MedianLabel;

        var allYears = Fan.Years.AsEnumerable();
        var allValues = Fan.Lower95.Concat(Fan.Upper95);
        if (History is not null)
        {
            var line = plot.Add.Scatter(History.Years.ToArray(), History.Values.ToArray(), HistoryColor);
            line.LinePattern = TrendChart.PatternOf(History.Kind);
            line.LineWidth = 3;
            line.MarkerSize = History.Kind == TrendSeriesKind.Projected ? 0 : 8;
            line.MarkerShape = History.Kind == TrendSeriesKind.Observed ? MarkerShape.FilledCircle : MarkerShape.OpenCircle;
            line.LegendText = $"{History.Name}（{TrendChart.KindLabel(History.Kind)}）";
            allYears = allYears.Concat(History.Years);
            allValues = allValues.Concat(History.Values);
        }

        ChartFrame.YearTicks(plot);
        TrendChart.Frame(plot, allYears.Min(), allYears.Max(), allValues.Min(), allValues.Max(), labelled: false);
        ChartFrame.Finish(plot, Alignment.UpperLeft);
        return plot;
    }
}
