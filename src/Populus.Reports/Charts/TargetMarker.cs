namespace Populus.Reports.Charts;

/// <summary>A plan target drawn as a marker with its label, e.g. (2025, 1000, "2025年目标 1000万").</summary>
public sealed class TargetMarker
{
    /// <exception cref="ArgumentException">The label is empty or a coordinate is not finite.</exception>
    public TargetMarker(double year, double value, string label)
    {
        if (!double.IsFinite(year) || !double.IsFinite(value))
        {
            throw new ArgumentException($"target ({year}, {value}): both coordinates must be finite.", nameof(value));
        }

        Year = year;
        Value = value;
        Label = string.IsNullOrWhiteSpace(label) ? throw new ArgumentException("label must not be empty.", nameof(label)) : label;
    }

    public double Year { get; }

    public double Value { get; }

    public string Label { get; }
}
