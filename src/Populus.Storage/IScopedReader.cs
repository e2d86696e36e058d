namespace Populus.Storage;

/// <summary>
/// Reads of the store's figures limited to a <see cref="DataScope"/>: a county viewer's every read goes through
/// one of these. The scope is a condition of each SQL statement; on PostgreSQL a county-scoped read also runs as the
/// role populus_county_reader with app.region set, so row-level security hides other counties' rows even if a
/// statement forgot the condition.
/// </summary>
public interface IScopedReader
{
    DataScope Scope { get; }

    /// <summary>The regions of the scope: every region, or the county and its townships.</summary>
    IReadOnlyList<Region> Regions();

    /// <summary>The groups whose members all lie in the scope (every group for <see cref="DataScope.All"/>).</summary>
    IReadOnlyList<RegionGroup> Groups();

    /// <summary>Population rows matching the query, within the scope.</summary>
    IReadOnlyList<PopulationFigure> Population(PopulationQuery query);

    /// <summary>The reference dates for which population figures are stored (for a region, or any region of the scope).</summary>
    IReadOnlyList<DateOnly> PopulationDates(string? regionCode = null);

    /// <summary>A population cell for a region, or the sum over a group's members (see <see cref="IPopulusStore.PopulationOf"/>).</summary>
    /// <exception cref="DataScopeException">The region, or a member of the group, lies outside the scope.</exception>
    AggregateFigure PopulationOf(string regionOrGroup, DateOnly referenceDate, PopulationCell? cell = null);

    /// <summary>Reported indicator figures, optionally of one indicator, region or year.</summary>
    IReadOnlyList<IndicatorFigure> Indicators(string? indicator = null, string? regionCode = null, int? year = null);

    /// <summary>Births and deaths, optionally of one region or year.</summary>
    IReadOnlyList<VitalEventFigure> VitalEvents(string? regionCode = null, int? year = null);

    /// <summary>Sample-survey totals, optionally of one measure (population, urban_population, births, deaths), region or year.</summary>
    IReadOnlyList<SurveyTotalFigure> SurveyTotals(string? measure = null, string? regionCode = null, int? year = null);

    /// <summary>The stored vintages of the annual estimates, oldest first (what each holds, not its figures).</summary>
    IReadOnlyList<EstimateVintage> Vintages();

    /// <summary>A vintage's estimated population by single age and sex, optionally of one region.</summary>
    IReadOnlyList<PopulationEstimateFigure> PopulationEstimates(int vintage, string? regionCode = null);

    /// <summary>A vintage's components of change (births, deaths, net migration), optionally of one region.</summary>
    IReadOnlyList<ComponentEstimateFigure> ComponentEstimates(int vintage, string? regionCode = null);
}

/// <summary>Which population rows to read. Nulls mean "any".</summary>
/// <param name="Year">The reference year.</param>
/// <param name="RegionCodes">Regions (codes); null for every region of the scope.</param>
/// <param name="Sex">male, female or total.</param>
/// <param name="AgeBands">Age bands; a row is returned when its age group lies inside one of them. Null returns
/// every row including the all-ages total; with bands the total row is left out.</param>
/// <param name="Residence">total, urban or rural.</param>
/// <param name="Education">total or an education level.</param>
public sealed record PopulationQuery(
    int? Year = null,
    IReadOnlyList<string>? RegionCodes = null,
    string? Sex = null,
    IReadOnlyList<AgeBand>? AgeBands = null,
    string Residence = "total",
    string Education = "total");

/// <summary>Ages <see cref="From"/> to <see cref="To"/> in completed years, both included; <see cref="To"/> null for "and over".</summary>
public readonly record struct AgeBand(int From, int? To)
{
    /// <summary>Parses "15-59", "60+" or "25".</summary>
    public static bool TryParse(string text, out AgeBand band)
    {
        band = default;
        var s = text.Trim();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var none = System.Globalization.NumberStyles.None;
        if (s.EndsWith('+') && int.TryParse(s[..^1], none, inv, out var open))
        {
            band = new AgeBand(open, null);
            return true;
        }

        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(s[..dash], none, inv, out var lo) && int.TryParse(s[(dash + 1)..], none, inv, out var hi) && hi >= lo)
        {
            band = new AgeBand(lo, hi);
            return true;
        }

        if (int.TryParse(s, none, inv, out var single))
        {
            band = new AgeBand(single, single);
            return true;
        }

        return false;
    }

    public override string ToString() => To is { } to ? (to == From ? $"{From}" : $"{From}-{to}") : $"{From}+";
}

/// <summary>A read asked for a region outside the reader's <see cref="DataScope"/>.</summary>
public sealed class DataScopeException(string message) : Exception(message);
