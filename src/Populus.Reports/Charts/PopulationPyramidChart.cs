using System.Globalization;
using Populus.Demography;
using ScottPlot;

namespace Populus.Reports.Charts;

/// <summary>
/// A population pyramid: males to the left, females to the right, one bar an age group, youngest at the bottom; an
/// optional second population is drawn as an outline over the first for comparison (another year, a projection).
/// </summary>
/// <remarks>
/// Bars must stand for equal age spans or the shape lies, so the grid must be single years or five-year groups.
/// An abridged grid (0, 1–4, 5–9, …) is drawn with 0 and 1–4 merged into 0–4, the usual practice. The open group
/// is drawn as wide as the others.
/// </remarks>
public sealed class PopulationPyramidChart
{
    internal static readonly Color MaleColor = Color.FromHex("#4E79A7");
    internal static readonly Color FemaleColor = Color.FromHex("#E15759");

    public required string Title { get; init; }

    public required PyramidSeries Population { get; init; }

    /// <summary>Drawn as an outline; must be on the same age grid.</summary>
    public PyramidSeries? Comparison { get; init; }

    /// <summary>Counts are divided by this before drawing (10,000 for 万人).</summary>
    public double Divisor { get; init; } = 10_000;

    public string ValueAxisLabel { get; init; } = "人口（万人）";

    public string AgeAxisLabel { get; init; } = "年龄（岁）";

    public string MaleLabel { get; init; } = "男";

    public string FemaleLabel { get; init; } = "女";

    /// <exception cref="ArgumentException">The grids differ or are not of equal widths, or the divisor is not positive.</exception>
    /// <exception cref="CjkFontNotFoundException">No CJK font is installed.</exception>
    public ChartImage Render(ChartSize? size = null)
    {
        using var plot = BuildPlot();
        return ChartFrame.Render(plot, size ?? ChartSize.Default);
    }

    internal Plot BuildPlot()
    {
        if (!(Divisor > 0) || double.IsInfinity(Divisor))
        {
            throw new ArgumentOutOfRangeException(nameof(Divisor), Divisor, $"Divisor = {Divisor}: must be positive and finite.");
        }

        var primary = Bars(Population.Population);
        var comparison = Comparison is null ? null : Bars(Comparison.Population);
        if (Comparison is not null && !Comparison.Population.Ages.Equals(Population.Population.Ages))
        {
            throw new ArgumentException(
                $"Comparison: its age groups ({Comparison.Population.Ages}) differ from the population's " +
                $"({Population.Population.Ages}); a pyramid compares like with like.", nameof(Comparison));
        }

        var plot = Frame(Title, ValueAxisLabel, AgeAxisLabel, MaleLabel, FemaleLabel);

        plot.Add.Bars(primary.Select((g, i) => Bar(i, -g.Male, MaleColor, null)).ToArray()).Horizontal = true;
        plot.Add.Bars(primary.Select((g, i) => Bar(i, g.Female, FemaleColor, null)).ToArray()).Horizontal = true;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{Population.Name} {MaleLabel}", FillColor = MaleColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{Population.Name} {FemaleLabel}", FillColor = FemaleColor });
        if (comparison is not null)
        {
            plot.Add.Bars(comparison.SelectMany((g, i) => new[] { Bar(i, -g.Male, null, Colors.Black), Bar(i, g.Female, null, Colors.Black) })
                .ToArray()).Horizontal = true;
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = Comparison!.Name, FillColor = Colors.Transparent, OutlineColor = Colors.Black, OutlineWidth = 2,
            });
        }

        Finish(plot, [.. primary.Select(g => g.Label)], primary.Concat(comparison ?? []).Max(g => Math.Max(g.Male, g.Female)));
        return plot;
    }

    /// <summary>A pyramid's frame: males to the left of zero, females to the right, the value axis labelled both ways.</summary>
    internal static Plot Frame(string title, string valueAxisLabel, string ageAxisLabel, string maleLabel, string femaleLabel) =>
        ChartFrame.Create(title, $"← {maleLabel}　　{valueAxisLabel}　　{femaleLabel} →", ageAxisLabel);

    /// <summary>A pyramid's axes: symmetric about zero to the widest bar, counts shown unsigned, one age label a bar (or
    /// every few, to fit), the zero line, and the legend.</summary>
    internal static void Finish(Plot plot, IReadOnlyList<string> ageLabels, double widest)
    {
        var reach = widest > 0 ? widest * 1.08 : 1;
        plot.Axes.SetLimits(-reach, reach, -0.6, ageLabels.Count - 0.4 + ageLabels.Count * 0.12);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Math.Abs(v).ToString("#,0.##", CultureInfo.InvariantCulture),
        };

        // At most about 21 age labels fit the height at 20 px; single years show every 5th or 10th.
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var step = (int)Math.Ceiling(ageLabels.Count / 21.0);
        for (var i = 0; i < ageLabels.Count; i += step)
        {
            ticks.AddMajor(i, ageLabels[i]);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Add.VerticalLine(0, 1, Colors.Black);
        ChartFrame.Finish(plot, Alignment.UpperRight);
    }

    /// <summary>Refuses a grid whose groups from <paramref name="first"/> (the open one aside) span different widths:
    /// bars must stand for equal age spans or the shape lies.</summary>
    internal static void RequireEqualWidths(AgeGroups ages, int first, string paramName)
    {
        var width = ages.Width(first);
        for (var i = first; i < ages.Count; i++)
        {
            if (!ages.IsOpen(i) && ages.Width(i) != width)
            {
                throw new ArgumentException(
                    $"{paramName}: age group {ages.Label(i)} spans {ages.Width(i)} years where the others span {width}; " +
                    "a pyramid needs single years, five-year or abridged groups.", paramName);
            }
        }
    }

    private static Bar Bar(int position, double value, Color? fill, Color? outline) => new()
    {
        Position = position,
        Value = value,
        ValueBase = 0,
        Size = 0.9,
        FillColor = fill ?? Colors.Transparent,
        LineColor = outline ?? Colors.Transparent,
        LineWidth = outline is null ? 0 : 2,
    };

    private List<AgeBar> Bars(PopulationByAgeSex population)
    {
        var ages = population.Ages;
        var male = population.Male.Values;
        var female = population.Female.Values;
        var bars = new List<AgeBar>(ages.Count);
        var first = 0;
        if (ages.IsAbridged)
        {
            bars.Add(new AgeBar("0-4", (male[0] + male[1]) / Divisor, (female[0] + female[1]) / Divisor));
            first = 2;
        }

        RequireEqualWidths(ages, first, nameof(Population));
        for (var i = first; i < ages.Count; i++)
        {
            bars.Add(new AgeBar(ages.Label(i), male[i] / Divisor, female[i] / Divisor));
        }

        return bars;
    }

    private sealed record AgeBar(string Label, double Male, double Female);
}
