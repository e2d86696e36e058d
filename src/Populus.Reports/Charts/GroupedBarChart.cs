using System.Globalization;
using ScottPlot;

namespace Populus.Reports.Charts;

/// <summary>Bars grouped by category (counties side by side), one colour per series (years, indicators).</summary>
public sealed class GroupedBarChart
{
    public required string Title { get; init; }

    public required string ValueAxisLabel { get; init; }

    public string CategoryAxisLabel { get; init; } = "";

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>Decimal places of the value printed above each bar; null prints none.</summary>
    public int? ValueLabelDecimals { get; init; }

    /// <exception cref="ArgumentException">No categories or series, or a series' length differs from the categories'.</exception>
    /// <exception cref="CjkFontNotFoundException">No CJK font is installed.</exception>
    public ChartImage Render(ChartSize? size = null)
    {
        using var plot = BuildPlot();
        return ChartFrame.Render(plot, size ?? ChartSize.Default);
    }

    internal Plot BuildPlot()
    {
        if (Categories is null || Categories.Count == 0 || Series is null || Series.Count == 0)
        {
            throw new ArgumentException("a grouped bar chart needs at least one category and one series.", nameof(Series));
        }

        var wrong = Series.FirstOrDefault(s => s.Values.Length != Categories.Count);
        if (wrong is not null)
        {
            throw new ArgumentException(
                $"Series \"{wrong.Name}\" has {wrong.Values.Length} values for {Categories.Count} categories.", nameof(Series));
        }

        // Long county names (瓯江口产业集聚区) are slanted, which needs more room below the axis.
        var slanted = Categories.Count > 6 || Categories.Max(c => c.Length) * Categories.Count > 40;
        var plot = ChartFrame.Create(Title, CategoryAxisLabel, ValueAxisLabel, bottomPadding: slanted ? 170 : 110);

        var groupWidth = Series.Count + 1.0;
        for (var s = 0; s < Series.Count; s++)
        {
            var color = ChartFrame.PaletteColor(s);
            var bars = Series[s].Values.Select((v, c) => new Bar
            {
                Position = c * groupWidth + s,
                Value = v,
                FillColor = color,
                LineWidth = 0,
                Size = 0.9,
                Label = ValueLabelDecimals is { } d ? v.ToString("N" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "",
            }).ToArray();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = Series[s].Name;
            plottable.ValueLabelStyle.FontName = CjkFont.EnsureRegistered();
            plottable.ValueLabelStyle.FontSize = ChartFrame.TickSize - 4;
            ChartFrame.AlignBaseline(plottable.ValueLabelStyle);
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var c = 0; c < Categories.Count; c++)
        {
            ticks.AddMajor(c * groupWidth + (Series.Count - 1) / 2.0, Categories[c]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (slanted)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperLeft;
        }

        var low = Math.Min(0, Series.Min(s => s.Values.Min()));
        var high = Math.Max(0, Series.Max(s => s.Values.Max()));
        var span = high > low ? high - low : 1;
        plot.Axes.SetLimits(-0.8, (Categories.Count - 1) * groupWidth + Series.Count - 0.2,
            low < 0 ? low - span * 0.08 : 0, high + span * 0.22);
        ChartFrame.Finish(plot, Alignment.UpperRight);
        return plot;
    }
}
