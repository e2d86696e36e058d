using System.Collections.Immutable;

namespace Populus.Reports.Charts;

/// <summary>One line of a trend chart: a name, what kind of figures it holds, and values by year.</summary>
/// <remarks>
/// Series that share a <see cref="Name"/> share a colour, so one indicator can run on from observed through
/// estimated into projected years as one line changing its pattern.
/// </remarks>
public sealed class TrendSeries
{
    /// <exception cref="ArgumentException">Empty name, no points, lengths differ, a value is not finite, or years do not increase.</exception>
    public TrendSeries(string name, TrendSeriesKind kind, IEnumerable<double> years, IEnumerable<double> values)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("name must not be empty.", nameof(name)) : name;
        Kind = kind;
        Years = [.. years];
        Values = [.. values];
        if (Years.Length == 0 || Years.Length != Values.Length)
        {
            throw new ArgumentException(
                $"series \"{name}\": {Years.Length} years and {Values.Length} values; both must be equal and non-zero.", nameof(values));
        }

        ChartFrame.RequireFinite(Years, nameof(years));
        ChartFrame.RequireFinite(Values, nameof(values));
        for (var i = 1; i < Years.Length; i++)
        {
            if (!(Years[i] > Years[i - 1]))
            {
                throw new ArgumentException($"series \"{name}\": years must increase, but {Years[i]} follows {Years[i - 1]}.", nameof(years));
            }
        }
    }

    public string Name { get; }

    public TrendSeriesKind Kind { get; }

    public ImmutableArray<double> Years { get; }

    public ImmutableArray<double> Values { get; }
}
