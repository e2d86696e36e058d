using ScottPlot;

namespace Populus.Reports.Charts;

/// <summary>
/// Indicator values over the years, observed, estimated and projected drawn as solid, dashed and dotted lines, with the
/// plan's targets as labelled markers.
/// </summary>
/// <remarks>
/// The kind is shown twice, in the line pattern and in the legend text (统计/估计/预测), so the distinction survives
/// greyscale printing and colour-blind readers.
/// </remarks>
public sealed class TrendChart
{
    private static readonly Color TargetColor = Color.FromHex("#C00000");

    public required string Title { get; init; }

    public required string ValueAxisLabel { get; init; }

    public string YearAxisLabel { get; init; } = "年份";

    public required IReadOnlyList<TrendSeries> Series { get; init; }

    public IReadOnlyList<TargetMarker> Targets { get; init; } = [];

    /// <summary>The legend's word for the targets.</summary>
    public string TargetLegend { get; init; } = "规划目标";

    /// <summary>The legend suffix for each kind.</summary>
    public static string KindLabel(TrendSeriesKind kind) => kind switch
    {
        TrendSeriesKind.Observed => "统计",
        TrendSeriesKind.Estimated => "估计",
        TrendSeriesKind.Projected => "预测",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind = {kind}: not a trend series kind."),
    };

    internal static LinePattern PatternOf(TrendSeriesKind kind) => kind switch
    {
        TrendSeriesKind.Observed => LinePattern.Solid,
        TrendSeriesKind.Estimated => LinePattern.Dashed,
        TrendSeriesKind.Projected => LinePattern.Dotted,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind = {kind}: not a trend series kind."),
    };

    /// <exception cref="ArgumentException">There are no series.</exception>
    /// <exception cref="CjkFontNotFoundException">No CJK font is installed.</exception>
    public ChartImage Render(ChartSize? size = null)
    {
        using var plot = BuildPlot();
        return ChartFrame.Render(plot, size ?? ChartSize.Default);
    }

    internal Plot BuildPlot()
    {
        if (Series is null || Series.Count == 0)
        {
            throw new ArgumentException("Series: a trend chart needs at least one series.", nameof(Series));
        }

        var plot = ChartFrame.Create(Title, YearAxisLabel, ValueAxisLabel);
        var names = Series.Select(s => s.Name).Distinct().ToList();
        foreach (var series in Series)
        {
            var color = ChartFrame.PaletteColor(names.IndexOf(series.Name));
            var line = plot.Add.Scatter(series.Years.ToArray(), series.Values.ToArray(), color);
            line.LinePattern = PatternOf(series.Kind);
            line.LineWidth = 3;
            (line.MarkerShape, line.MarkerSize) = series.Kind switch
            {
                TrendSeriesKind.Observed => (MarkerShape.FilledCircle, 10f),
                TrendSeriesKind.Estimated => (MarkerShape.OpenCircle, 10f),
                _ => (MarkerShape.None, 0f),
            };
            line.LegendText = $"{series.Name}（{KindLabel(series.Kind)}）";
        }

        foreach (var target in Targets)
        {
            var marker = plot.Add.Marker(target.Year, target.Value, MarkerShape.FilledDiamond, 16, TargetColor);
            marker.LegendText = target == Targets[0] ? TargetLegend : "";
            var label = ChartFrame.AddLabel(plot, target.Label, target.Year, target.Value, TargetColor, Alignment.LowerCenter);
            label.OffsetY -= 14;
        }

        ChartFrame.YearTicks(plot);
        var years = Series.SelectMany(s => s.Years).Concat(Targets.Select(t => t.Year)).ToList();
        var values = Series.SelectMany(s => s.Values).Concat(Targets.Select(t => t.Value)).ToList();
        Frame(plot, years.Min(), years.Max(), values.Min(), values.Max(), labelled: Targets.Count > 0);
        ChartFrame.Finish(plot, Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Limits with room above for the legend and target labels, and on the right for a label centred on the last year.</summary>
    internal static void Frame(Plot plot, double firstYear, double lastYear, double low, double high, bool labelled)
    {
        var span = high > low ? high - low : Math.Max(Math.Abs(high), 1);
        var right = labelled ? Math.Max(0.6, (lastYear - firstYear) * 0.1) : 0.6;
        plot.Axes.SetLimits(firstYear - 0.6, lastYear + right, low - span * 0.08, high + span * 0.35);
    }
}
