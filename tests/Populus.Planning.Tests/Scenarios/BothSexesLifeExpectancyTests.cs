using Populus.Demography;
using Populus.Demography.Stochastic;
using Populus.Planning.Probability;
using Populus.Planning.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>A both-sexes e0 (the plan scenario's, the e0 lever) means the e0 monitoring computes from the projection:
/// one life table over both sexes' deaths and residents (docs/planning.md "Life expectancy of both sexes").</summary>
public class BothSexesLifeExpectancyTests
{
    private const string City = "温州市";

    /// <summary>The shift settles to 1e-4 years, so the projection reproduces the level to about that; weights of the
    /// start-of-year residents instead of the year-end ones e0() reads would miss it by 0.002–0.004.</summary>
    private const double Tolerance = 2e-4;

    /// <summary>A trajectory rounds each sex's e0 to 0.01 year and steps in single precision.</summary>
    private const double TrajectoryTolerance = 0.01;

    private static readonly Lazy<ScenarioProjection> Plan = new(() => new ScenarioProjector(Wenzhou.Model).Project(Wenzhou.Scenario("plan"), 2030));

    private static double E0(ScenarioProjection p, int year) =>
        ScenarioIndicatorData.Indicators(p, Seed.Catalogue, year, year).Get("life_expectancy", City, year).Value!.Value;

    [Theory]
    [InlineData(2025)]
    [InlineData(2030)]
    public void ThePlanScenario_ProjectsItsOwnLifeExpectancyTargets(int year)
    {
        // The targets as the plan states them (plan-indicators.csv, Table 6: ≥82 by 2025, ≥82.5 by 2030).
        var target = Seed.Book.For("life_expectancy").Single(t => t.Year == year).Rule.Value!.Value;
        Assert.Equal(target, E0(Plan.Value, year), Tolerance);
        // Each sex keeps the scenario's female–male gap (the baseline's, which the plan takes), both moved by one shift.
        var levels = Plan.Value.Levels(year);
        var baseline = Wenzhou.Scenario("baseline");
        var gap = baseline.At(ScenarioAssumption.FemaleLifeExpectancy, year) - baseline.At(ScenarioAssumption.MaleLifeExpectancy, year);
        Assert.Equal(gap, levels.FemaleLifeExpectancy - levels.MaleLifeExpectancy, 9);
    }

    [Fact]
    public void TheLifeExpectancyLever_At82_ProjectsALifeExpectancyOf82()
    {
        var p = new ScenarioProjector(Wenzhou.Model).Project(Wenzhou.Scenario("baseline").With(new ScenarioLevers(LifeExpectancy: 82)), 2027);
        Assert.Equal(82, E0(p, 2024), Tolerance);
        Assert.Equal(82, E0(p, 2027), Tolerance);
        Assert.Equal("lever set to 82; each sex keeps the scenario's female–male gap", p.Scenario.Source(ScenarioAssumption.LifeExpectancy));
    }

    [Fact]
    public void TheLifeExpectancyLever_FromAYear_LeavesTheYearsBeforeOnTheSexesOwnPaths()
    {
        var projector = new ScenarioProjector(Wenzhou.Model);
        var baseline = Wenzhou.Scenario("baseline").WithLeversFrom(2025);
        var own = projector.Project(baseline, 2027);
        var p = projector.Project(baseline.With(new ScenarioLevers(LifeExpectancy: 85)), 2027);
        Assert.Equal(E0(own, 2024), E0(p, 2024), 12);
        Assert.Equal(own.Total(2024), p.Total(2024));
        Assert.Equal(85, E0(p, 2025), Tolerance);
        Assert.Equal(85, E0(p, 2027), Tolerance);
    }

    [Fact]
    public void AScenarioOfTheSexes_StillProjectsTheSexesItStates()
    {
        // 'low' gives its own e0_male and e0_female rows.
        var low = Wenzhou.Scenario("low");
        Assert.False(low.Gives(ScenarioAssumption.LifeExpectancy));
        var p = new ScenarioProjector(Wenzhou.Model).Project(low, 2030);
        Assert.Equal(low.At(ScenarioAssumption.MaleLifeExpectancy, 2030), E0(p, 2030, Sex.Male), 6);
        Assert.Equal(low.At(ScenarioAssumption.FemaleLifeExpectancy, 2030), E0(p, 2030, Sex.Female), 6);
    }

    /// <summary>The city's e0 of one sex from the projection's deaths and residents, as the calculator's e0(sex) builds it.</summary>
    private static double E0(ScenarioProjection p, int year, Sex sex)
    {
        var data = new ScenarioIndicatorData(p, Seed.Catalogue);
        var deaths = data.Deaths(City, year).Value.BySex![sex];
        var residents = data.Population(Data.PopulationKind.Resident, City, year).Value.BySex![sex];
        return Demography.LifeTables.LifeTable.LifeExpectancyAtBirth(deaths.Ages, deaths.Values, residents.Values, Demography.LifeTables.LifeTableOptions.For(sex));
    }

    [Fact]
    public void AProbabilisticRun_DrawsTheSexesAroundTheShiftFoundOnce()
    {
        // Without uncertainty every trajectory is the central path: the both-sexes level, to the 0.01 year a drawn e0 is rounded to.
        var run = ScenarioRun.Run(Wenzhou.Model, Wenzhou.Scenario("plan"), UncertaintyModel.None(2023), Seed.Catalogue, [("life_expectancy", City)], 2030, 4, 1, 1);
        Assert.All(run.Values("life_expectancy", City, 2030), v => Assert.Equal(Seed.Book.For("life_expectancy").Single(t => t.Year == 2030).Rule.Value!.Value, v, TrajectoryTolerance));
        // A trajectory is not given the both-sexes level to solve again in its own hot loop.
        var draw = new ScenarioDraw(UncertaintyModel.None(2023), Wenzhou.Model.Counties.Count, 2030);
        draw.Draw(1, 0);
        var e = Assert.Throws<ArgumentException>(() => new ScenarioProjector(Wenzhou.Model).Project(Wenzhou.Scenario("plan"), 2030, draw));
        Assert.Contains("Scenario.BySex", e.Message, StringComparison.Ordinal);
        var bySex = Wenzhou.Scenario("plan").BySex(Plan.Value.Years);
        Assert.Equal(Plan.Value.Levels(2030).MaleLifeExpectancy, bySex.At(ScenarioAssumption.MaleLifeExpectancy, 2030));
        Assert.Equal("plan", bySex.Name);
    }
}
