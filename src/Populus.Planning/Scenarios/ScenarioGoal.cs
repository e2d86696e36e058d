using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.GoalSeeking;
using Populus.Planning.Indicators;
using Populus.Planning.Targets;

namespace Populus.Planning.Scenarios;

/// <summary>The levers of a scenario that goal seeking may move.</summary>
public enum ScenarioLever
{
    NetMigration,
    TotalFertility,
    LifeExpectancy,
    GraduateRetention,
}

/// <summary>
/// Goal seeking on a scenario projection: the level of one lever, held from the scenario's first year for levers
/// (<see cref="Scenario.LeversFrom"/>) to the target year, at which the projected indicator meets the target
/// (<see cref="GoalSeeker"/>).
/// </summary>
public static class ScenarioGoal
{
    /// <summary>The levers by the names the command line and the API take.</summary>
    public static readonly IReadOnlyDictionary<string, ScenarioLever> Named = new Dictionary<string, ScenarioLever>(StringComparer.Ordinal)
    {
        ["net-migration"] = ScenarioLever.NetMigration,
        ["tfr"] = ScenarioLever.TotalFertility,
        ["e0"] = ScenarioLever.LifeExpectancy,
        ["retention"] = ScenarioLever.GraduateRetention,
    };

    /// <summary>The lever's plausible range for goal seeking (<see cref="Lever"/> defaults; retention 0–100 %).</summary>
    public static Lever Range(ScenarioLever lever) => lever switch
    {
        ScenarioLever.NetMigration => Lever.NetMigration(),
        ScenarioLever.TotalFertility => Lever.TotalFertility(),
        ScenarioLever.LifeExpectancy => Lever.LifeExpectancy(),
        _ => new Lever("graduate retention rate", "毕业生留温率", "%", 0, 100),
    };

    /// <summary>The levers with <paramref name="lever"/> set to <paramref name="level"/>.</summary>
    public static ScenarioLevers Levers(ScenarioLever lever, double level) => lever switch
    {
        ScenarioLever.NetMigration => new ScenarioLevers(NetMigration: level),
        ScenarioLever.TotalFertility => new ScenarioLevers(TotalFertility: level),
        ScenarioLever.LifeExpectancy => new ScenarioLevers(LifeExpectancy: level),
        _ => new ScenarioLevers(GraduateRetention: level),
    };

    /// <summary>The levers held while goal seeking moves <paramref name="sought"/>: <paramref name="levers"/> without it.</summary>
    public static ScenarioLevers Holding(ScenarioLevers levers, ScenarioLever sought)
    {
        ArgumentNullException.ThrowIfNull(levers);
        return sought switch
        {
            ScenarioLever.NetMigration => levers with { NetMigration = null },
            ScenarioLever.TotalFertility => levers with { TotalFertility = null },
            ScenarioLever.LifeExpectancy => levers with { LifeExpectancy = null },
            _ => levers with { GraduateRetention = null },
        };
    }

    /// <summary>The projection as a function: lever level → the indicator in <paramref name="region"/> at the target year.</summary>
    /// <exception cref="ArgumentException">The target has no year, or its year is not after the base year.</exception>
    public static Func<double, double> Model(ScenarioProjector projector, Scenario scenario, IndicatorCatalogue catalogue, PlanTarget target, string region, ScenarioLever lever)
    {
        ArgumentNullException.ThrowIfNull(projector);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Year is not { } year || year <= projector.Model.BaseYear)
        {
            throw new GoalSeekRefusedException(new Reason($"goal seeking projects to the target year; {target} has none after the base year {projector.Model.BaseYear}",
                $"目标倒推须预测到目标年份；{target} 没有基年 {projector.Model.BaseYear} 之后的目标年份"), nameof(target));
        }

        return level =>
        {
            var projection = projector.Project(scenario.With(Levers(lever, level)), year);
            var value = new IndicatorCalculator(catalogue, new ScenarioIndicatorData(projection, catalogue)).Recompute(target.IndicatorId, region, year);
            return value.HasValue ? value.Value : throw new GoalSeekRefusedException(NotProjected(catalogue[target.IndicatorId], region).Because(value.MissingReason), nameof(target));
        };
    }

    /// <summary>Why there is no level to seek: the projection gives no value of the indicator in the region (one that
    /// needs education counts, or a grouping without a figure of its own).</summary>
    public static Reason NotProjected(IndicatorEntry indicator, string region) =>
        new($"the projection does not give {indicator.Id} for {region}", $"人口预测不提供{region}的{indicator.NameZh}，无法倒推");

    /// <summary>Seeks the level of <paramref name="lever"/> that meets <paramref name="target"/> under <paramref name="scenario"/>.</summary>
    public static GoalSeekResult Seek(ScenarioProjector projector, Scenario scenario, IndicatorCatalogue catalogue, PlanTarget target, string region, ScenarioLever lever) =>
        GoalSeeker.Seek(target, Range(lever), Model(projector, scenario, catalogue, target, region, lever), accuracy: 1e-6);
}
