using System.Collections.Immutable;

namespace Populus.Reports.Charts;

/// <summary>One sex of a probabilistic pyramid: each age group's median population with its 80% and 95% intervals,
/// youngest group first.</summary>
public sealed class AgeBands
{
    /// <exception cref="ArgumentException">No groups, lengths differ, a value is negative or not finite, or in some group
    /// the bounds are not nested (lower95 ≤ lower80 ≤ median ≤ upper80 ≤ upper95).</exception>
    public AgeBands(IEnumerable<double> median, IEnumerable<double> lower80, IEnumerable<double> upper80, IEnumerable<double> lower95, IEnumerable<double> upper95)
    {
        Median = [.. median];
        Lower80 = [.. lower80];
        Upper80 = [.. upper80];
        Lower95 = [.. lower95];
        Upper95 = [.. upper95];
        var n = Median.Length;
        if (n < 1 || new[] { Lower80, Upper80, Lower95, Upper95 }.Any(a => a.Length != n))
        {
            throw new ArgumentException(
                $"age bands: {n} medians, {Lower80.Length}/{Upper80.Length} 80% and {Lower95.Length}/{Upper95.Length} 95% bounds; all must be equal and at least 1.",
                nameof(median));
        }

        ChartFrame.RequireNested(Median, Lower80, Upper80, Lower95, Upper95, i => $"age bands: in group {i}");
        if (Lower95.Any(v => v < 0))
        {
            throw new ArgumentException($"age bands: a population below zero ({Lower95.Min()}).", nameof(lower95));
        }
    }

    /// <summary>Age groups.</summary>
    public int Count => Median.Length;

    public ImmutableArray<double> Median { get; }

    public ImmutableArray<double> Lower80 { get; }

    public ImmutableArray<double> Upper80 { get; }

    public ImmutableArray<double> Lower95 { get; }

    public ImmutableArray<double> Upper95 { get; }
}
