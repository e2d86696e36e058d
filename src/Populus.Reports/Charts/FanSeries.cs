using System.Collections.Immutable;

namespace Populus.Reports.Charts;

/// <summary>A probabilistic projection summarised by year: the median and the 80% and 95% intervals.</summary>
public sealed class FanSeries
{
    /// <exception cref="ArgumentException">
    /// Lengths differ, fewer than two years, years do not increase, a value is not finite, or at some year the bounds are
    /// not nested (lower95 ≤ lower80 ≤ median ≤ upper80 ≤ upper95).
    /// </exception>
    public FanSeries(IEnumerable<double> years, IEnumerable<double> median, IEnumerable<double> lower80,
        IEnumerable<double> upper80, IEnumerable<double> lower95, IEnumerable<double> upper95)
    {
        Years = [.. years];
        Median = [.. median];
        Lower80 = [.. lower80];
        Upper80 = [.. upper80];
        Lower95 = [.. lower95];
        Upper95 = [.. upper95];
        var n = Years.Length;
        if (n < 2 || new[] { Median, Lower80, Upper80, Lower95, Upper95 }.Any(a => a.Length != n))
        {
            throw new ArgumentException(
                $"fan: {n} years, {Median.Length} medians, {Lower80.Length}/{Upper80.Length} 80% and " +
                $"{Lower95.Length}/{Upper95.Length} 95% bounds; all must be equal and at least 2.", nameof(years));
        }

        ChartFrame.RequireFinite(Years, nameof(years));
        for (var i = 1; i < n; i++)
        {
            if (!(Years[i] > Years[i - 1]))
            {
                throw new ArgumentException($"fan: years must increase, but {Years[i]} follows {Years[i - 1]}.", nameof(years));
            }
        }

        ChartFrame.RequireNested(Median, Lower80, Upper80, Lower95, Upper95, i => $"fan: at {Years[i]}");
    }

    public ImmutableArray<double> Years { get; }

    public ImmutableArray<double> Median { get; }

    public ImmutableArray<double> Lower80 { get; }

    public ImmutableArray<double> Upper80 { get; }

    public ImmutableArray<double> Lower95 { get; }

    public ImmutableArray<double> Upper95 { get; }
}
