using Populus.Demography;
using ScottPlot;

namespace Populus.Reports.Charts;

/// <summary>
/// A probabilistic population pyramid: for each age group and sex the median of the trajectories as a bar (males to
/// the left, females to the right) with its 80% interval as a thick dark range across the bar's end and its 95% interval
/// as a thin one, so the width of the uncertainty reads against the size of the group.
/// </summary>
/// <remarks>The groups must span equal ages (the open one aside), as in <see cref="PopulationPyramidChart"/>.</remarks>
public sealed class ProbabilisticPyramidChart
{
    private static readonly Color IntervalColor = Color.FromHex("#222222");

    public required string Title { get; init; }

    /// <summary>The age groups of <see cref="Male"/> and <see cref="Female"/>, youngest first.</summary>
    public required AgeGroups Ages { get; init; }

    public required AgeBands Male { get; init; }

    public required AgeBands Female { get; init; }

    /// <summary>Counts are divided by this before drawing (10,000 for 万人).</summary>
    public double Divisor { get; init; } = 10_000;

    public string ValueAxisLabel { get; init; } = "人口（万人）";

    public string AgeAxisLabel { get; init; } = "年龄（岁）";

    public string MaleLabel { get; init; } = "男";

    public string FemaleLabel { get; init; } = "女";

    public string MedianLabel { get; init; } = "中位数";

    public string Interval80Label { get; init; } = "80% 预测区间";

    public string Interval95Label { get; init; } = "95% 预测区间";

    /// <exception cref="ArgumentException">The bands do not have one value an age group, the groups are of unequal widths,
    /// or the divisor is not positive.</exception>
    /// <exception cref="CjkFontNotFoundException">No CJK font is installed.</exception>
    public ChartImage Render(ChartSize? size = null)
    {
        using var plot = BuildPlot();
        return ChartFrame.Render(plot, size ?? ChartSize.Default);
    }

    internal Plot BuildPlot()
    {
        ArgumentNullException.ThrowIfNull(Ages);
        ArgumentNullException.ThrowIfNull(Male);
        ArgumentNullException.ThrowIfNull(Female);
        if (!(Divisor > 0) || double.IsInfinity(Divisor))
        {
            throw new ArgumentOutOfRangeException(nameof(Divisor), Divisor, $"Divisor = {Divisor}: must be positive and finite.");
        }

        foreach (var (bands, name) in new[] { (Male, nameof(Male)), (Female, nameof(Female)) })
        {
            if (bands.Count != Ages.Count)
            {
                throw new ArgumentException($"{name}: {bands.Count} age groups of bands for the {Ages.Count} of {Ages}.", name);
            }
        }

        PopulationPyramidChart.RequireEqualWidths(Ages, 0, nameof(Ages));
        var plot = PopulationPyramidChart.Frame(Title, ValueAxisLabel, AgeAxisLabel, MaleLabel, FemaleLabel);
        foreach (var (bands, sign, color) in new[] { (Male, -1.0, PopulationPyramidChart.MaleColor), (Female, 1.0, PopulationPyramidChart.FemaleColor) })
        {
            plot.Add.Bars(Enumerable.Range(0, Ages.Count).Select(i => Range(i, 0, sign * bands.Median[i] / Divisor, 0.9, color.WithAlpha(0.75))).ToArray()).Horizontal = true;
            plot.Add.Bars(Enumerable.Range(0, Ages.Count).Select(i => Range(i, sign * bands.Lower95[i] / Divisor, sign * bands.Upper95[i] / Divisor, 0.12, IntervalColor)).ToArray()).Horizontal = true;
            plot.Add.Bars(Enumerable.Range(0, Ages.Count).Select(i => Range(i, sign * bands.Lower80[i] / Divisor, sign * bands.Upper80[i] / Divisor, 0.4, IntervalColor)).ToArray()).Horizontal = true;
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{MedianLabel} {MaleLabel}", FillColor = PopulationPyramidChart.MaleColor.WithAlpha(0.75) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{MedianLabel} {FemaleLabel}", FillColor = PopulationPyramidChart.FemaleColor.WithAlpha(0.75) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{Interval80Label}（粗）", LineColor = IntervalColor, LineWidth = 8 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{Interval95Label}（细）", LineColor = IntervalColor, LineWidth = 2 });

        var widest = Male.Upper95.Concat(Female.Upper95).Max() / Divisor;
        PopulationPyramidChart.Finish(plot, [.. Enumerable.Range(0, Ages.Count).Select(Ages.Label)], widest);
        return plot;
    }

    /// <summary>A horizontal bar over [from, to] of the value axis at an age group, <paramref name="size"/> of the group's height.</summary>
    private static Bar Range(int position, double from, double to, double size, Color fill) => new()
    {
        Position = position,
        ValueBase = from,
        Value = to,
        Size = size,
        FillColor = fill,
        LineWidth = 0,
    };
}
