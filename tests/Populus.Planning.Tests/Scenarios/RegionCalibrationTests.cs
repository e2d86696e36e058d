using Populus.Planning.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>A year that publishes its regions' year ends: the scenario's net migrants of the year are moved between
/// regions so that each published region starts the next year from its figure (its published share of the city's), the
/// city's total, births and every other year as before.</summary>
public sealed class RegionCalibrationTests
{
    private static readonly ObservedYearEnd City2025 = new(2025, 9_900_000, 51_000, null, "TEST-CITY");

    /// <summary>The baseline calibrated to the city's 2025 only, projected to 2026, and its projector.</summary>
    private static (ScenarioProjector Projector, Scenario Scenario, ScenarioProjection Projection) CityOnly()
    {
        var projector = new ScenarioProjector(Wenzhou.Model);
        var scenario = ScenarioCalibration.To(projector, Wenzhou.Scenario("baseline"), [City2025]);
        return (projector, scenario, projector.Project(scenario, 2026));
    }

    private static int Index(string region) => Wenzhou.Model.Counties.Select(c => c.Region).ToList().IndexOf(region);

    [Fact]
    public void EveryRegionPublished_MeetsItsShareOfTheCity_AndTheCityKeepsItsFigures()
    {
        var (projector, cityOnly, before) = CityOnly();
        // Each region's figure as the city-only projection gives it, 20,000 residents moved from 瑞安市 to 鹿城区 and the
        // whole 0.1% above the city's, as rounded figures add up to more or less than the whole.
        var published = Wenzhou.Model.Counties.Select((c, i) => (c.Region, Value: before.Total(2025, i) * 1.001)).ToDictionary(x => x.Region, x => x.Value);
        published["鹿城区"] += 20_000;
        published["瑞安市"] -= 20_000;
        var calibrated = ScenarioCalibration.To(projector, Wenzhou.Scenario("baseline"), [City2025],
            [new ObservedRegionYearEnds(2025, published, 9_900_000, "TEST-REGIONS")]);
        var after = projector.Project(calibrated, 2026);

        var sum = published.Values.Sum();
        for (var c = 0; c < Wenzhou.Model.Counties.Count; c++)
        {
            var region = Wenzhou.Model.Counties[c].Region;
            Assert.Equal(published[region] * 9_900_000 / sum, after.Total(2025, c), 0.5);
            Assert.Equal(before.Total(2024, c), after.Total(2024, c), 6); // the years before as they were
        }

        Assert.Equal(9_900_000, after.Total(2025), 0.5);
        Assert.Equal(before.Levels(2025).Births, after.Levels(2025).Births, 1e-6 * before.Levels(2025).Births);
        Assert.Equal(before.Total(2026), after.Total(2026), 1e-6 * before.Total(2026));
        // The next year starts from the region's own figure: 鹿城区 keeps most of the 20,000 it gained.
        Assert.True(after.Total(2026, Index("鹿城区")) - before.Total(2026, Index("鹿城区")) > 19_000);
        foreach (var assumption in Enum.GetValues<ScenarioAssumption>().Where(a => calibrated.Gives(a)))
        {
            Assert.Equal(cityOnly.Path(assumption).At(2025), calibrated.Path(assumption).At(2025));
        }

        Assert.Equal(0, calibrated.RedistributedMigrants(2025).Values.Sum(), 1);
        Assert.Empty(calibrated.RedistributedMigrants(2024));
        Assert.EndsWith("2025: regions' migrants moved so that their year ends are the published shares of the city's of " +
            string.Join(", ", Wenzhou.Model.Counties.Select(c => c.Region)) + " (TEST-REGIONS)", calibrated.Source(ScenarioAssumption.NetMigration), StringComparison.Ordinal);
    }

    [Fact]
    public void SomeRegionsPublished_TheOthersShareTheRestInProportionToTheirResidents()
    {
        var (projector, _, before) = CityOnly();
        var published = new Dictionary<string, double> { ["洞头区"] = before.Total(2025, Index("洞头区")) - 6_000, ["苍南县"] = before.Total(2025, Index("苍南县")) + 1_000 };
        var calibrated = ScenarioCalibration.To(projector, Wenzhou.Scenario("baseline"), [City2025], [new ObservedRegionYearEnds(2025, published, 9_900_000, "TEST")]);
        var after = projector.Project(calibrated, 2025);

        foreach (var (region, value) in published)
        {
            Assert.Equal(value, after.Total(2025, Index(region)), 0.5);
        }

        // The 5,000 the two gave up, taken by the others in proportion to their residents.
        var others = Enumerable.Range(0, Wenzhou.Model.Counties.Count).Where(c => !published.ContainsKey(Wenzhou.Model.Counties[c].Region)).ToList();
        var othersBefore = others.Sum(c => before.Total(2025, c));
        foreach (var c in others)
        {
            Assert.Equal(5_000 * before.Total(2025, c) / othersBefore, after.Total(2025, c) - before.Total(2025, c), 0.05 * 5_000 * before.Total(2025, c) / othersBefore);
        }

        Assert.Equal(9_900_000, after.Total(2025), 0.5);
        Assert.Contains("the others share the rest in proportion to their residents", calibrated.Source(ScenarioAssumption.NetMigration), StringComparison.Ordinal);
    }

    /// <summary>A scenario off the city's published path (here the baseline not calibrated to the city's year end) keeps
    /// the published split: each published region at its share of the city's figure, times the scenario's city.</summary>
    [Fact]
    public void AScenarioOffTheCitysPath_MeetsThePublishedShares()
    {
        var projector = new ScenarioProjector(Wenzhou.Model);
        var baseline = Wenzhou.Scenario("baseline");
        var own = projector.Project(baseline, 2025);
        var calibrated = ScenarioCalibration.To(projector, baseline, [], [new ObservedRegionYearEnds(2025, new Dictionary<string, double> { ["鹿城区"] = 1_250_000 }, 9_900_000, "TEST")]);
        var after = projector.Project(calibrated, 2025);
        Assert.Equal(1_250_000 * own.Total(2025) / 9_900_000, after.Total(2025, Index("鹿城区")), 0.5);
        Assert.Equal(own.Total(2025), after.Total(2025), 1e-6 * own.Total(2025));
    }

    [Fact]
    public void ALeverKeepsTheRegionsOfThePublishedYear()
    {
        var (projector, _, before) = CityOnly();
        var published = new Dictionary<string, double> { ["洞头区"] = before.Total(2025, Index("洞头区")) - 6_000 };
        var calibrated = ScenarioCalibration.To(projector, Wenzhou.Scenario("baseline"), [City2025], [new ObservedRegionYearEnds(2025, published, 9_900_000, "TEST")])
            .WithLeversFrom(2026);
        var moved = calibrated.With(new ScenarioLevers(NetMigration: 150_000, TotalFertility: 1.2));
        var projection = projector.Project(moved, 2026);
        Assert.Equal(published["洞头区"], projection.Total(2025, Index("洞头区")), 0.5);
        Assert.Equal(calibrated.RedistributedMigrants(2025), moved.RedistributedMigrants(2025));
        Assert.Equal(calibrated.RedistributedMigrants(2025), calibrated.BySex(projection.Years).RedistributedMigrants(2025));
    }

    [Fact]
    public void AnImplausibleRegionFigure_IsRefusedNamingTheRegion()
    {
        var (projector, _, before) = CityOnly();
        var observed = new ObservedRegionYearEnds(2025, new Dictionary<string, double> { ["洞头区"] = before.Total(2025, Index("洞头区")) * 10 }, 9_900_000, "TYPO");
        var e = Assert.Throws<RegionCalibrationException>(() => ScenarioCalibration.To(projector, Wenzhou.Scenario("baseline"), [City2025], [observed]));
        Assert.Equal("洞头区", e.Region);
        Assert.True(e.Migrants > ScenarioCalibration.MaxRegionMigrantShare * before.Total(2025, Index("洞头区")));
        Assert.Contains("TYPO", e.Message, StringComparison.Ordinal);
        Assert.Contains("请核对数据", e.ReasonZh, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRegion_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => ScenarioCalibration.To(new ScenarioProjector(Wenzhou.Model), Wenzhou.Scenario("baseline"), [],
            [new ObservedRegionYearEnds(2025, new Dictionary<string, double> { ["鹿城"] = 1_200_000 }, null, "TEST")]));
        Assert.Contains("'鹿城'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Wenzhou.Scenario("baseline").RedistributedIn(2025, new Dictionary<string, double> { ["鹿城区"] = 1_000 }, "unbalanced"));
    }
}
