namespace Populus.Planning.Scenarios;

/// <summary>The year-end residents the bureau publishes of a city's regions (its county-level units) in one year, which
/// a scenario's regions are calibrated to (<see cref="ScenarioCalibration"/>); a year may publish some regions only.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Residents">Resident population at the year end (persons) of each region published, by the scenario
/// model's region name.</param>
/// <param name="CityResidents">The city's year-end residents of the year as published or estimated (persons), or null
/// when there is no figure: the whole the regions' figures are shares of.</param>
/// <param name="Source">Where the figures come from (source ids), for the scenario's notes.</param>
public sealed record ObservedRegionYearEnds(int Year, IReadOnlyDictionary<string, double> Residents, double? CityResidents, string Source)
{
    /// <summary>The same year, source and figures (the residents compared by content: a monitor tells a changed year by it).</summary>
    public bool Equals(ObservedRegionYearEnds? other) =>
        other is not null && Year == other.Year && CityResidents.Equals(other.CityResidents) && Source == other.Source && Residents.Count == other.Residents.Count
        && Residents.All(r => other.Residents.TryGetValue(r.Key, out var v) && v.Equals(r.Value));

    public override int GetHashCode() => HashCode.Combine(Year, Source, Residents.Count);
}
