namespace Populus.Demography.Calibration;

/// <summary>What is known of one region when a whole population is shared among its regions.</summary>
/// <param name="Name">The region, for messages.</param>
/// <param name="Total">Its total population.</param>
/// <param name="Margins">Its own published age or sex totals (may be empty).</param>
/// <param name="Pattern">Its own age–sex pattern to start from, or null to start from the whole's pattern.</param>
public sealed record RegionMargins(string Name, double Total, IReadOnlyList<AgeSexMargin> Margins, PopulationByAgeSex? Pattern = null);
