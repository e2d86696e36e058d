namespace Populus.Planning.Scenarios;

/// <summary>The levels a projection applied in one calendar year (the step that ends at the end of it).</summary>
/// <param name="NetMigrants">Net migrants of the year, the graduate retention effect included.</param>
/// <param name="GraduatesRetained">Graduates who stayed (graduates × retention).</param>
/// <param name="ReclassificationRate">Probability that a rural resident is reclassified urban in the year, chosen to
/// reach the urbanization path.</param>
/// <param name="Births">Births in the year, all regions.</param>
/// <param name="Deaths">Deaths in the year (cohort deaths of the step, newborns' included), all regions; NaN in the
/// trajectories of a probabilistic run, which do not count them.</param>
/// <param name="Clipped">Persons added back where a cell would have gone negative.</param>
public sealed record ScenarioYear(
    int Year,
    double TotalFertility,
    double MaleLifeExpectancy,
    double FemaleLifeExpectancy,
    double SexRatioAtBirth,
    double NetMigrants,
    double Graduates,
    double GraduatesRetained,
    double UrbanizationPath,
    double ReclassificationRate,
    double Births = 0,
    double Deaths = 0,
    double Clipped = 0);
