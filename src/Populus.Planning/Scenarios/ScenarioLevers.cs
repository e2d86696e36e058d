namespace Populus.Planning.Scenarios;

/// <summary>
/// Levels set from code (the cockpit's sliders, goal seeking) that replace a scenario's path of the same assumption
/// by a constant from the scenario's first year for levers (<see cref="Scenario.LeversFrom"/>). Null leaves the
/// scenario's own path.
/// </summary>
/// <param name="TotalFertility">TFR, children per woman.</param>
/// <param name="LifeExpectancy">Life expectancy at birth of both sexes as monitoring computes it (years): the
/// scenario's both-sexes e0 (<see cref="ScenarioAssumption.LifeExpectancy"/>), its sexes keeping their female–male gap.</param>
/// <param name="NetMigration">Annual net migration into the city (persons/year).</param>
/// <param name="GraduateRetention">Graduate retention rate (%).</param>
public sealed record ScenarioLevers(
    double? TotalFertility = null,
    double? LifeExpectancy = null,
    double? NetMigration = null,
    double? GraduateRetention = null)
{
    /// <summary>No lever moved: the scenario as written.</summary>
    public static ScenarioLevers None { get; } = new();
}
