using ScottPlot;

namespace Populus.Reports.Charts;

/// <summary>What every chart shares: the CJK font on every text element, font sizes, padding, palette, rendering.</summary>
internal static class ChartFrame
{
    public const float TitleSize = 30;
    public const float LabelSize = 24;
    public const float TickSize = 20;
    public const float LegendSize = 20;

    // Categorical colours that stay distinct in greyscale print (Tableau 10 order).
    private static readonly Color[] Palette =
    [
        Color.FromHex("#4E79A7"), Color.FromHex("#F28E2B"), Color.FromHex("#59A14F"), Color.FromHex("#E15759"),
        Color.FromHex("#76B7B2"), Color.FromHex("#EDC948"), Color.FromHex("#B07AA1"), Color.FromHex("#9C755F"),
    ];

    public static Color PaletteColor(int index) => Palette[index % Palette.Length];

    /// <summary>A plot with the CJK font on title, axes and legend; the paddings are pixels around the data area.</summary>
    /// <remarks>
    /// The padding is fixed rather than measured: ScottPlot measures CJK text with the default font's metrics and
    /// clips labels at the edges, so each side leaves room for two lines of 24-px text.
    /// </remarks>
    public static Plot Create(string title, string xLabel, string yLabel, float bottomPadding = 110, float leftPadding = 140)
    {
        var family = CjkFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(family);
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        foreach (IAxis axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.FontName = family;
            axis.Label.FontName = family;
        }

        plot.Axes.Title.Label.FontName = family;
        plot.Legend.FontName = family;
        plot.Legend.FontSize = LegendSize;
        plot.Layout.Fixed(new PixelPadding(leftPadding, 50, bottomPadding, 90));
        return plot;
    }

    /// <summary>Shows the legend and moves every text element down to where ScottPlot meant it (see <see cref="CjkFont.BaselineDrop"/>).</summary>
    /// <remarks>Call last: the correction depends on each label's rotation and size.</remarks>
    public static void Finish(Plot plot, Alignment legendAlignment)
    {
        // Plottables make fresh legend items on each render; taking them as manual items lets their labels be moved.
        var items = plot.GetPlottables().SelectMany(p => p.LegendItems).Where(i => !string.IsNullOrEmpty(i.LabelText))
            .Concat(plot.Legend.ManualItems).ToList();
        var family = CjkFont.EnsureRegistered();
        foreach (var item in items)
        {
            item.LabelFontName = family;
            item.LabelFontSize = LegendSize;
            item.LabelOffsetY = CjkFont.BaselineDrop(LegendSize);
        }

        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(legendAlignment);

        foreach (var label in new[]
                 {
                     plot.Axes.Title.Label, plot.Axes.Bottom.Label, plot.Axes.Left.Label,
                     plot.Axes.Bottom.TickLabelStyle, plot.Axes.Left.TickLabelStyle,
                 })
        {
            AlignBaseline(label);
        }
    }

    /// <summary>Offsets a label by the CJK baseline drop along its own downward direction (it may be rotated).</summary>
    public static void AlignBaseline(LabelStyle label)
    {
        var drop = CjkFont.BaselineDrop(label.FontSize);
        var angle = label.Rotation * Math.PI / 180;
        label.OffsetX = (float)(-Math.Sin(angle) * drop);
        label.OffsetY = (float)(Math.Cos(angle) * drop);
    }

    /// <summary>A data label in the chart's font.</summary>
    public static ScottPlot.Plottables.Text AddLabel(Plot plot, string text, double x, double y, Color color, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = CjkFont.EnsureRegistered();
        label.LabelFontSize = LegendSize;
        label.LabelFontColor = color;
        label.LabelAlignment = alignment;
        label.OffsetY = CjkFont.BaselineDrop(LegendSize);
        return label;
    }

    public static ChartImage Render(Plot plot, ChartSize size)
    {
        var png = plot.GetImageBytes(size.WidthPx, size.HeightPx, ImageFormat.Png);
        return new ChartImage(png, size.WidthPx, size.HeightPx);
    }

    /// <summary>Year ticks without thousands separators (2,035 reads as a count, not a year).</summary>
    public static void YearTicks(Plot plot)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
        };
    }

    public static void RequireFinite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] = {values[i]}: chart values must be finite.", name);
            }
        }
    }

    /// <summary>Checks a median with its 80% and 95% intervals: every value finite and, at each point, the bounds nested
    /// (lower95 ≤ lower80 ≤ median ≤ upper80 ≤ upper95); <paramref name="at"/> names point i in a message.</summary>
    public static void RequireNested(IReadOnlyList<double> median, IReadOnlyList<double> lower80, IReadOnlyList<double> upper80,
        IReadOnlyList<double> lower95, IReadOnlyList<double> upper95, Func<int, string> at)
    {
        foreach (var (values, name) in new[] { (median, nameof(median)), (lower80, nameof(lower80)), (upper80, nameof(upper80)),
                     (lower95, nameof(lower95)), (upper95, nameof(upper95)) })
        {
            RequireFinite(values, name);
        }

        for (var i = 0; i < median.Count; i++)
        {
            if (!(lower95[i] <= lower80[i] && lower80[i] <= median[i] && median[i] <= upper80[i] && upper80[i] <= upper95[i]))
            {
                throw new ArgumentException(
                    $"{at(i)} the bounds are not nested: 95% [{lower95[i]}, {upper95[i]}], 80% [{lower80[i]}, {upper80[i]}], median {median[i]}.", nameof(median));
            }
        }
    }
}
