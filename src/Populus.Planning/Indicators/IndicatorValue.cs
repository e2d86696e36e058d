using System.Globalization;
using Populus.Planning.Data;

namespace Populus.Planning.Indicators;

/// <summary>An indicator's value for one region and year with its provenance, or 'no data' with the reason.</summary>
public sealed record IndicatorValue
{
    private IndicatorValue(string indicatorId, string region, int year, double? value, Provenance? provenance, ValueBasis basis, Reason? note)
    {
        IndicatorId = indicatorId;
        Region = region;
        Year = year;
        Value = value;
        Provenance = provenance;
        Basis = basis;
        Note = note;
    }

    public string IndicatorId { get; }

    public string Region { get; }

    public int Year { get; }

    /// <summary>The value, or null for no data.</summary>
    public double? Value { get; }

    public Provenance? Provenance { get; }

    public ValueBasis Basis { get; }

    /// <summary>For no data, the reason; for a reported stand-in, why the computed value is missing.</summary>
    public Reason? Note { get; }

    public bool HasValue => Value is not null;

    public static IndicatorValue Of(string id, string region, int year, double value, Provenance provenance, ValueBasis basis, Reason? note = null) =>
        new(id, region, year, value, provenance, basis, note);

    public static IndicatorValue NoData(string id, string region, int year, Reason reason) =>
        new(id, region, year, null, null, ValueBasis.None, reason);

    /// <summary>This value, else <paramref name="other"/> (the projection's, say), else no data with both reasons.</summary>
    public IndicatorValue OrElse(IndicatorValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return HasValue ? this : other.HasValue ? other : NoData(IndicatorId, Region, Year, Note!.And(other.Note!));
    }

    public override string ToString() => Value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{IndicatorId} {Region} {Year} = {v:0.####} [{Basis.ToString().ToLowerInvariant()}, {Provenance}]")
        : $"{IndicatorId} {Region} {Year}: no data ({Note})";
}
