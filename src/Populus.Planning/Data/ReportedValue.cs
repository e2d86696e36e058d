using System.Globalization;

namespace Populus.Planning.Data;

/// <summary>A figure for an indicator as a department or publication reports it (not computed by Populus).</summary>
/// <remarks>The printed text is kept because its rounding tells how closely a recomputed value should agree
/// (see <see cref="Indicators.ConsistencyCheck"/>).</remarks>
public sealed record ReportedValue
{
    /// <exception cref="ArgumentException">A field is blank, the value is not finite, or the printed text is not a number.</exception>
    public ReportedValue(string indicatorId, string region, int year, string printed, Provenance provenance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(provenance);
        if (!double.TryParse(printed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new ArgumentException($"reported figure for {indicatorId}, {region}, {year}: '{printed}' is not a number.", nameof(printed));
        }

        IndicatorId = indicatorId;
        Region = region;
        Year = year;
        Printed = printed.Trim();
        Value = value;
        Provenance = provenance;
    }

    public string IndicatorId { get; }

    public string Region { get; }

    public int Year { get; }

    public double Value { get; }

    /// <summary>The figure as printed ("8.1", "46.58").</summary>
    public string Printed { get; }

    public Provenance Provenance { get; }

    /// <summary>Digits printed after the decimal point.</summary>
    public int Decimals
    {
        get
        {
            var mantissa = Printed.Split('e', 'E')[0];
            var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? 0 : mantissa.Length - dot - 1;
        }
    }

    /// <summary>Half a unit of the last printed digit: any true value within this of <see cref="Value"/> prints the same.</summary>
    public double RoundingHalfUnit => 0.5 * Math.Pow(10, -Decimals);
}
