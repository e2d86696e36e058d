using Populus.Demography;

namespace Populus.Planning.Scenarios;

/// <summary>One region of a scenario projection: its base population and how it shares in the city's migration and urbanization.</summary>
/// <param name="Region">Name as in data/plan/regions.csv (鹿城区).</param>
/// <param name="Population">Residents by single year of age and sex in the base year.</param>
/// <param name="UrbanShare">Urban share of the base population (0–1), applied at every age.</param>
/// <param name="NetMigrationShare">Share of the city's net migrants that the region receives (the shares sum to 1).</param>
/// <param name="MigrantUrbanShare">Share of the region's net migrants that settle in its urban part (0–1).</param>
public sealed record CountyBase(string Region, PopulationByAgeSex Population, double UrbanShare, double NetMigrationShare, double MigrantUrbanShare);
