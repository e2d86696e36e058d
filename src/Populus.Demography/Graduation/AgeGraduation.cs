using System.Collections.Immutable;

namespace Populus.Demography.Graduation;

/// <summary>Splits counts in five-year (or abridged) groups into single years, the open age group kept.</summary>
/// <remarks>
/// The wrapper around <see cref="Sprague"/> and <see cref="Beers"/> that DemoTools' <c>graduate()</c> is around its
/// methods: it reads the grid, keeps the open group, and repairs negatives. A group whose split has a negative value
/// is repaired by setting the negatives to zero and rescaling the group's other single years to the group total,
/// which keeps the total and the shape of the rest; the group is reported in
/// <see cref="GraduatedCounts.RepairedGroups"/> so the caller can warn. The result does not depend on the first
/// age: the formulas act on group positions only.
/// </remarks>
public static class AgeGraduation
{
    /// <summary>Single-year counts from five-year groups, or from abridged groups (0, 1–4, 5–9, …).</summary>
    /// <remarks>
    /// Abridged input: 0 and 1–4 are merged for the split, then age 0 takes its own count and ages 1–4 are rescaled to
    /// the 1–4 count, so both totals are kept.
    /// </remarks>
    /// <exception cref="ArgumentException">The grid is neither five-year nor abridged, or has fewer than five closed five-year groups.</exception>
    public static GraduatedCounts ToSingleYear(PopulationByAge counts, GraduationMethod method = GraduationMethod.Sprague)
    {
        Guard.NotNull(counts);
        var ages = counts.Ages;
        var abridged = ages.Count >= 3 && ages.Width(0) == 1 && ages.Width(1) == 4;
        var closed = ages.IsOpenEnded ? ages.Count - 1 : ages.Count;
        var v = counts.Values;
        double[] groups;
        int first;
        if (abridged)
        {
            closed -= 1;
            groups = new double[closed];
            groups[0] = v[0] + v[1];
            v.Slice(2, closed - 1).CopyTo(groups.AsSpan(1));
            first = ages.Start(0);
        }
        else
        {
            groups = v[..closed].ToArray();
            first = ages.FirstAge;
        }

        for (var i = abridged ? 2 : 0; i < ages.Count; i++)
        {
            if (!ages.IsOpen(i) && ages.Width(i) != 5)
            {
                Guard.ThrowArgument(nameof(counts), $"Graduation needs five-year groups; {ages.Label(i)} is {ages.Width(i)} years wide.");
            }
        }

        var singles = Split(groups, method);
        if (abridged)
        {
            SetFirstYear(singles, v[0], v[1]);
        }

        var repaired = RepairNegatives(singles, groups, first);
        var openAge = first + singles.Length;
        double[] values;
        AgeGroups grid;
        if (ages.IsOpenEnded)
        {
            values = [.. singles, v[^1]];
            grid = AgeGroups.FromStarts(Enumerable.Range(first, singles.Length + 1));
        }
        else
        {
            values = singles;
            grid = AgeGroups.SingleYearRange(first, openAge - 1);
        }

        return new GraduatedCounts(PopulationByAge.Trusted(grid, values), repaired);
    }

    private static double[] Split(double[] groups, GraduationMethod method) => method switch
    {
        GraduationMethod.Sprague => Sprague.Split(groups),
        GraduationMethod.BeersOrdinary => Beers.SplitOrdinary(groups),
        GraduationMethod.BeersModified => Beers.SplitModified(groups),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown graduation method."),
    };

    /// <summary>Age 0 takes its own count; ages 1–4 keep their split shape, rescaled to the 1–4 count.</summary>
    private static void SetFirstYear(double[] singles, double age0, double ages1To4)
    {
        singles[0] = age0;
        var s = singles[1] + singles[2] + singles[3] + singles[4];
        for (var a = 1; a < 5; a++)
        {
            singles[a] = s > 0 ? singles[a] * ages1To4 / s : ages1To4 / 4;
        }
    }

    private static ImmutableArray<string> RepairNegatives(double[] singles, double[] groups, int first)
    {
        var repaired = ImmutableArray.CreateBuilder<string>();
        for (var g = 0; g < groups.Length; g++)
        {
            var part = singles.AsSpan(5 * g, 5);
            var hasNegative = false;
            var positive = 0.0;
            foreach (var x in part)
            {
                hasNegative |= x < 0;
                positive += Math.Max(0.0, x);
            }

            if (!hasNegative)
            {
                continue;
            }

            // The group total of this split (not the input total: Beers modified smooths totals on purpose).
            var total = 0.0;
            foreach (var x in part)
            {
                total += x;
            }

            for (var j = 0; j < part.Length; j++)
            {
                part[j] = positive > 0 ? Math.Max(0.0, part[j]) * Math.Max(0.0, total) / positive : Math.Max(0.0, total) / 5;
            }

            repaired.Add($"{first + 5 * g}-{first + 5 * g + 4}");
        }

        return repaired.ToImmutable();
    }
}
