namespace Populus.Planning.Scenarios;

/// <summary>What the statistics bureau publishes of a city's year (its annual sample survey and bulletin) that a scenario
/// is calibrated to: the residents at the year end, and where published, the year's births and the urban share.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Residents">Resident population at the year end (persons).</param>
/// <param name="Births">Live births of the year (persons), or null when not published.</param>
/// <param name="UrbanPercent">Urban share of the residents at the year end (%), or null when not published.</param>
/// <param name="Source">Where the figures come from (source ids), for the scenario's notes.</param>
public sealed record ObservedYearEnd(int Year, double Residents, double? Births, double? UrbanPercent, string Source);
