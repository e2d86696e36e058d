namespace Populus.Demography.Preparation;

/// <summary>Counts by age that occur during calendar years (net migrants of each year), summed over any interval.</summary>
/// <remarks>
/// A calendar year's flow is taken as spread evenly over the year, so an interval gets each year's counts times the
/// share of the year it covers: a July-to-July step gets half of each of the two calendar years it straddles. This is
/// the "evenly over the year" assumption of WPP's migration [WPP2024]; years with no counts contribute nothing.
/// </remarks>
public sealed class AnnualCounts
{
    private readonly SortedList<int, double[]> _byYear;

    /// <exception cref="ArgumentException">A year's counts are not on <paramref name="ages"/>, or a count is not finite.</exception>
    public AnnualCounts(AgeGroups ages, IEnumerable<KeyValuePair<int, double[]>> byYear)
    {
        Guard.NotNull(ages);
        Guard.NotNull(byYear);
        Ages = ages;
        _byYear = [];
        foreach (var (year, counts) in byYear)
        {
            Guard.NotNull(counts, $"counts of {year}");
            if (counts.Length != ages.Count)
            {
                Guard.ThrowArgument(nameof(byYear), $"Counts of {year}: {counts.Length} values for {ages.Count} age groups ({ages}).");
            }

            foreach (var c in counts)
            {
                Guard.Finite(c, $"count in {year}");
            }

            if (!_byYear.TryAdd(year, (double[])counts.Clone()))
            {
                Guard.ThrowArgument(nameof(byYear), $"Counts of {year} are given twice.");
            }
        }
    }

    public AgeGroups Ages { get; }

    /// <summary>The calendar years with counts, ascending.</summary>
    public IList<int> Years => _byYear.Keys;

    /// <summary>Whether every calendar year that [<paramref name="start"/>, <paramref name="end"/>) touches has counts.</summary>
    public bool Covers(double start, double end)
    {
        for (var year = (int)Math.Floor(start); year < end; year++)
        {
            if (!_byYear.ContainsKey(year))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The counts during [<paramref name="start"/>, <paramref name="end"/>) (times in calendar years, 2024.5 = 1 July 2024).</summary>
    /// <exception cref="ArgumentException">The interval is empty or not finite.</exception>
    public double[] Over(double start, double end)
    {
        Guard.Finite(start, nameof(start));
        Guard.Finite(end, nameof(end));
        if (end <= start)
        {
            Guard.ThrowArgument(nameof(end), $"The interval {start}–{end} is empty.");
        }

        var result = new double[Ages.Count];
        for (var year = (int)Math.Floor(start); year < end; year++)
        {
            var share = Math.Min(end, year + 1) - Math.Max(start, year);
            if (share > 0 && _byYear.TryGetValue(year, out var counts))
            {
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] += share * counts[i];
                }
            }
        }

        return result;
    }
}
