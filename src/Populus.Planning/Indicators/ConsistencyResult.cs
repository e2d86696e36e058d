using System.Globalization;
using Populus.Planning.Data;

namespace Populus.Planning.Indicators;

/// <summary>A reported figure against the value recomputed from the same publication's inputs.</summary>
/// <param name="Tolerance">Half a unit of the reported figure's last printed digit.</param>
/// <param name="Consistent">|recomputed − reported| ≤ tolerance.</param>
public sealed record ConsistencyResult(
    string IndicatorId,
    string Region,
    int Year,
    ReportedValue Reported,
    double Recomputed,
    double Tolerance,
    bool Consistent)
{
    public double Difference => Reported.Value - Recomputed;

    public string Message => Consistent
        ? string.Create(CultureInfo.InvariantCulture, $"{IndicatorId} {Region} {Year}: reported {Reported.Printed} agrees with the recomputed {Recomputed:0.####} (tolerance ±{Tolerance:0.####}).")
        : string.Create(CultureInfo.InvariantCulture, $"{IndicatorId} {Region} {Year}: reported {Reported.Printed} does not follow from its inputs, which give {Recomputed:0.####} (difference {Difference:0.####}, tolerance ±{Tolerance:0.####}; source {Reported.Provenance.Source}).");
}
