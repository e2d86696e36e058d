namespace Populus.Planning.Data;

/// <summary>
/// The figures Planning computes indicators from, for one region (or grouping) and one year. The storage layer
/// implements it over the database; <see cref="InMemoryIndicatorData"/> implements it over figures handed in
/// (seed tables in tests, a projection's output for projected indicators).
/// </summary>
/// <remarks>
/// Counts are in persons (events for births and deaths), money in CNY. Every answer carries its provenance or
/// the reason it is missing. Regions are named as in <see cref="Catalogue.RegionRegistry"/>; an implementation
/// should answer for a grouping directly when it holds the grouping's own figure (e.g. the plan's Table 5 gives
/// the main centre's population although its 76 towns are not listed) and otherwise say it has none: the
/// calculator then sums the grouping's members.
/// </remarks>
public interface IIndicatorData
{
    /// <summary>Population by age (and sex when known) at the year's reference date (year end, or census day).</summary>
    DataResult<AgeSexCounts> Population(PopulationKind kind, string region, int year);

    /// <summary>Live births in the year by mother's age group and child's sex.</summary>
    DataResult<AgeSexCounts> Births(string region, int year);

    /// <summary>Deaths in the year by age group and sex.</summary>
    DataResult<AgeSexCounts> Deaths(string region, int year);

    /// <summary>Residents by age group and highest education level completed.</summary>
    DataResult<EducationCounts> Education(string region, int year);

    /// <summary>A scalar series named in <see cref="ScalarSeries"/>.</summary>
    DataResult<double> Series(string name, string region, int year);

    /// <summary>An indicator's figure as reported by a department or publication.</summary>
    DataResult<ReportedValue> Reported(string indicatorId, string region, int year);
}
