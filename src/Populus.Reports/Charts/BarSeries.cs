using System.Collections.Immutable;

namespace Populus.Reports.Charts;

/// <summary>One series of a grouped bar chart (e.g. "2020年"), a value per category.</summary>
public sealed class BarSeries
{
    /// <exception cref="ArgumentException">The name is empty or a value is not finite.</exception>
    public BarSeries(string name, IEnumerable<double> values)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("name must not be empty.", nameof(name)) : name;
        Values = [.. values];
        ChartFrame.RequireFinite(Values, nameof(values));
    }

    public string Name { get; }

    public ImmutableArray<double> Values { get; }
}
