using System.Globalization;
using Populus.Demography;
using Populus.Planning.Data;
using Populus.Planning.Scenarios;
using Populus.Planning.Services;
using Populus.Planning.Targets;
using Populus.Storage.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

public class ScenarioProjectionTests
{
    private const string City = "温州市";

    private static readonly Lazy<ScenarioProjection> Baseline = new(() => new ScenarioProjector(Wenzhou.Model).Project(Wenzhou.Scenario("baseline"), 2035));

    private static ScenarioProjection Project(ScenarioLevers levers, int to = 2035) =>
        new ScenarioProjector(Wenzhou.Model).Project(Wenzhou.Scenario("baseline").With(levers), to);

    private static double Indicator(ScenarioProjection p, string id, int year, string region = City) =>
        ScenarioIndicatorData.Indicators(p, Seed.Catalogue, year, year).Get(id, region, year).Value!.Value;

    [Fact]
    public void Project_BaseYear_IsTheModelBase()
    {
        var p = Baseline.Value;
        Assert.Equal(Wenzhou.Model.Counties.Sum(c => c.Population.Total()), p.Total(2020), 6);
        var lucheng = p.IndexOf("鹿城区");
        Assert.Equal(Wenzhou.Model.Counties[lucheng].UrbanShare, p.Total(2020, lucheng, ScenarioProjector.Urban) / p.Total(2020, lucheng), 12);
    }

    [Fact]
    public void Project_EveryYearBalances()
    {
        var p = Baseline.Value;
        foreach (var y in p.Years)
        {
            var change = p.Total(y.Year) - p.Total(y.Year - 1);
            var components = y.Births - y.Deaths + y.NetMigrants + y.Clipped;
            Assert.Equal(components, change, 1e-6 * p.Total(y.Year));
            Assert.True(y.Births > 0 && y.Deaths > 0, $"{y.Year}: births {y.Births}, deaths {y.Deaths}");
        }
    }

    [Fact]
    public void Project_UrbanizationFollowsThePath()
    {
        var p = Baseline.Value;
        foreach (var y in p.Years)
        {
            var share = 100 * p.Total(y.Year, null, ScenarioProjector.Urban) / p.Total(y.Year);
            Assert.InRange(share, y.UrbanizationPath - 0.1, y.UrbanizationPath + 0.1);
        }
    }

    [Fact]
    public void Project_ReclassificationOnlyMovesResidents()
    {
        // Urban and rural share every rate, so the urbanization path changes where residents live, not how many.
        var given = Enum.GetValues<ScenarioAssumption>().Where(a => Wenzhou.Scenario("baseline").Gives(a)).ToList();
        var faster = new Scenario("fast-urban", "", given.ToDictionary(a => a, a => a == ScenarioAssumption.Urbanization
            ? YearPath.Constant(95) : Wenzhou.Scenario("baseline").Path(a)), given.ToDictionary(a => a, _ => "test"));
        var p = new ScenarioProjector(Wenzhou.Model).Project(faster, 2035);
        Assert.Equal(Baseline.Value.Total(2035), p.Total(2035), 1e-6 * p.Total(2035));
        Assert.True(p.Total(2035, null, ScenarioProjector.Urban) > Baseline.Value.Total(2035, null, ScenarioProjector.Urban));
    }

    [Fact]
    public void Project_CountiesAddUpToTheCity()
    {
        var p = Baseline.Value;
        var sum = Enumerable.Range(0, 12).Sum(c => p.Total(2030, c));
        Assert.Equal(p.Total(2030), sum, 1e-9 * sum);
        var central = Indicator(p, "resident_population", 2030, "中心城区");
        var members = new[] { "鹿城区", "龙湾区", "瓯海区", "洞头区" }.Sum(m => Indicator(p, "resident_population", 2030, m));
        Assert.Equal(members, central, 1e-9);
    }

    [Fact]
    public void IndicatorData_SumsAGroupingOfItsRegions_AndSaysSo()
    {
        var data = new ScenarioIndicatorData(Baseline.Value, Seed.Catalogue);
        var central = data.Population(PopulationKind.Urban, "中心城区", 2030);
        var members = new[] { "鹿城区", "龙湾区", "瓯海区", "洞头区" }.Sum(m => data.Population(PopulationKind.Urban, m, 2030).Value.Total.Total());
        Assert.Equal(members, central.Value.Total.Total(), 1e-9 * members);
        Assert.Equal(DataStatus.Projected, central.Provenance!.Status);
        Assert.Contains("baseline", central.Provenance.Source, StringComparison.Ordinal);
        Assert.Contains("sum of the members of 中心城区", central.Provenance.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("sum of the members", data.Population(PopulationKind.Resident, City, 2030).Provenance!.Source, StringComparison.Ordinal);

        var births = data.Births("中心城区", 2030).Value.Total.Total();
        var memberBirths = new[] { "鹿城区", "龙湾区", "瓯海区", "洞头区" }.Sum(m => data.Births(m, 2030).Value.Total.Total());
        Assert.Equal(memberBirths, births, 1e-9 * births);
    }

    [Fact]
    public void IndicatorData_HasNoHukouOrEducation_AndSaysWhy()
    {
        var data = new ScenarioIndicatorData(Baseline.Value, Seed.Catalogue);
        var registered = data.Population(PopulationKind.Registered, City, 2030);
        Assert.False(registered.HasValue);
        Assert.Contains("registered population", registered.MissingReason!.English, StringComparison.Ordinal);
        Assert.False(data.Education(City, 2030).HasValue);
        Assert.False(data.Population(PopulationKind.Resident, City, 2036).HasValue); // after the projection
        Assert.False(data.Births(City, Baseline.Value.BaseYear).HasValue); // the base year's births are not projected
        Assert.True(data.Population(PopulationKind.Resident, City, Baseline.Value.BaseYear).HasValue);
    }

    [Fact]
    public void Project_IntoARecycledProjection_GivesTheFreshFigures()
    {
        var projector = new ScenarioProjector(Wenzhou.Model);
        var higher = Wenzhou.Scenario("baseline").With(new ScenarioLevers(TotalFertility: 1.6));
        var first = projector.Project(Wenzhou.Scenario("baseline"), 2030);
        var recycled = projector.Project(higher, 2030, null, first);
        var fresh = new ScenarioProjector(Wenzhou.Model).Project(higher, 2030);
        for (var year = fresh.BaseYear; year <= 2030; year++)
        {
            for (var c = 0; c < 12; c++)
            {
                Assert.Equal(fresh.Total(year, c), recycled.Total(year, c));
            }
        }

        Assert.Equal(fresh.BirthsByMothersAge(2030, 3, ScenarioProjector.Urban).ToArray(), recycled.BirthsByMothersAge(2030, 3, ScenarioProjector.Urban).ToArray());
        Assert.Equal(fresh.Levels(2030), recycled.Levels(2030));
        var longer = projector.Project(higher, 2031, null, recycled); // other years: new arrays
        Assert.Equal(2031, longer.LastYear);
        Assert.Equal(fresh.Total(2030), longer.Total(2030));
    }

    [Fact]
    public void IndicatorData_Recycled_GivesTheFreshFigures()
    {
        var higher = Wenzhou.Scenario("baseline").With(new ScenarioLevers(TotalFertility: 1.6));
        var next = new ScenarioProjector(Wenzhou.Model).Project(higher, 2030);
        var recycled = new ScenarioIndicatorData(Project(ScenarioLevers.None, 2030), Seed.Catalogue);
        var fresh = new ScenarioIndicatorData(next, Seed.Catalogue);
        var asked = new Func<ScenarioIndicatorData, DataResult<AgeSexCounts>>[]
        {
            d => d.Population(PopulationKind.Resident, City, 2030),
            d => d.Population(PopulationKind.Urban, "中心城区", 2029),
            d => d.Population(PopulationKind.Resident, "瑞安市", 2030),
            d => d.Births(City, 2030),
            d => d.Deaths("中心城区", 2030),
        };
        var before = asked.Select(a => a(recycled).Value.Total.Values.ToArray()).ToList(); // every table lends its arrays

        recycled.Recycle(next);
        for (var i = 0; i < asked.Length; i++)
        {
            var (again, expected) = (asked[i](recycled), asked[i](fresh));
            Assert.NotEqual(before[i], again.Value.Total.Values.ToArray()); // the other scenario's figures, not the kept ones
            Assert.Equal(expected.Value.Total.Values.ToArray(), again.Value.Total.Values.ToArray());
            Assert.Equal(expected.Value.BySex!.Male.Values.ToArray(), again.Value.BySex!.Male.Values.ToArray());
            Assert.Equal(expected.Value.BySex!.Female.Values.ToArray(), again.Value.BySex!.Female.Values.ToArray());
            Assert.Equal(expected.Provenance, again.Provenance); // the new scenario's name
        }

        var calculator = new Planning.Indicators.IndicatorCalculator(Seed.Catalogue, recycled);
        var reference = new Planning.Indicators.IndicatorCalculator(Seed.Catalogue, fresh);
        foreach (var id in new[] { "total_fertility_rate", "life_expectancy", "ageing_rate_60", "central_city_primacy", "urbanization_rate" })
        {
            Assert.Equal(reference.Recompute(id, City, 2030).Value, calculator.Recompute(id, City, 2030).Value);
        }

        var otherModel = ScenarioModelFile.Load(Wenzhou.DataFolder);
        var other = new ScenarioProjector(otherModel).Project(Wenzhou.Scenario("baseline"), 2030);
        Assert.Throws<ArgumentException>(() => recycled.Recycle(other));
    }

    [Fact]
    public void Project_WithoutCountingDeaths_GivesTheSameFigures_AndNoDeathCount()
    {
        var counted = Baseline.Value;
        var uncounted = new ScenarioProjector(Wenzhou.Model, countDeaths: false).Project(Wenzhou.Scenario("baseline"), counted.LastYear);
        for (var year = counted.BaseYear + 1; year <= counted.LastYear; year++)
        {
            Assert.Equal(counted.PopulationAt(year).ToArray(), uncounted.PopulationAt(year).ToArray());
            Assert.Equal(counted.Levels(year) with { Deaths = 0 }, uncounted.Levels(year) with { Deaths = 0 });
            Assert.True(counted.Levels(year).Deaths > 0);
            Assert.True(double.IsNaN(uncounted.Levels(year).Deaths));
        }
    }

    [Fact]
    public void Levers_MoveTheIndicatorsTheRightWay()
    {
        var baseline = Baseline.Value;
        double Pop(ScenarioProjection p) => p.Total(2035);
        var moreChildren = Project(new ScenarioLevers(TotalFertility: 1.8));
        Assert.True(Pop(moreChildren) > Pop(baseline));
        Assert.True(Indicator(moreChildren, "ageing_rate_60", 2035) < Indicator(baseline, "ageing_rate_60", 2035));
        Assert.True(Indicator(moreChildren, "total_fertility_rate", 2035) > Indicator(baseline, "total_fertility_rate", 2035));

        var longerLives = Project(new ScenarioLevers(LifeExpectancy: 88));
        Assert.True(Pop(longerLives) > Pop(baseline));
        Assert.True(Indicator(longerLives, "ageing_rate_60", 2035) > Indicator(baseline, "ageing_rate_60", 2035));
        Assert.True(Indicator(longerLives, "life_expectancy", 2035) > Indicator(baseline, "life_expectancy", 2035));

        var moreMigrants = Project(new ScenarioLevers(NetMigration: 150_000));
        Assert.True(Pop(moreMigrants) > Pop(baseline));
        Assert.True(Indicator(moreMigrants, "ageing_rate_60", 2035) < Indicator(baseline, "ageing_rate_60", 2035));

        var moreGraduates = Project(new ScenarioLevers(GraduateRetention: 60));
        Assert.True(Pop(moreGraduates) > Pop(baseline));
        Assert.Equal(60, Indicator(moreGraduates, "graduate_retention_rate", 2035), 9);
    }

    [Fact]
    public void ProjectedIndicators_ReproduceTheAssumptionsAndSayTheyAreProjected()
    {
        var p = Baseline.Value;
        var s = Wenzhou.Scenario("baseline");
        var projected = ScenarioIndicatorData.Indicators(p, Seed.Catalogue, 2030, 2030);
        var srb = projected.Get("sex_ratio_at_birth", City, 2030);
        Assert.Equal(DataStatus.Projected, srb.Provenance!.Status);
        Assert.Equal("baseline", srb.Provenance.Source);
        Assert.Equal(s.At(ScenarioAssumption.SexRatioAtBirth, 2030), srb.Value!.Value, 9);
        Assert.Equal(s.At(ScenarioAssumption.Urbanization, 2030), projected.Get("urbanization_rate", City, 2030).Value!.Value, 0.1);
        // Expected deaths (mx × year-end residents) over the year-end residents rebuild the applied life tables exactly.
        var data = new ScenarioIndicatorData(p, Seed.Catalogue);
        var deaths = data.Deaths("鹿城区", 2030).Value.BySex!.Male;
        var residents = data.Population(PopulationKind.Resident, "鹿城区", 2030).Value.BySex!.Male;
        var table = Demography.LifeTables.LifeTable.FromDeathsAndExposure(deaths.Ages, deaths.Values, residents.Values, Demography.LifeTables.LifeTableOptions.For(Sex.Male));
        Assert.Equal(s.At(ScenarioAssumption.MaleLifeExpectancy, 2030), table.E0, 6);
        Assert.Equal(s.At(ScenarioAssumption.TotalFertility, 2030), projected.Get("total_fertility_rate", City, 2030).Value!.Value, 0.03);
        Assert.False(projected.Get("registered_population", City, 2030).HasValue);
        Assert.Contains("has no registered_population", projected.Get("registered_population", City, 2030).Note!.English, StringComparison.Ordinal);
        // A region asked for by code is named in both languages.
        Assert.Equal(("the projection 'baseline' has no registered_population for 鹿城区 in 2030", "基准情景（baseline）的预测不含该指标（鹿城区，2030年）"),
            (projected.Get("registered_population", "330302", 2030).Note!.English, projected.Get("registered_population", "330302", 2030).Note!.Chinese));
        // In Chinese the scenario is named as the interface names it, not by its code alone.
        Assert.Equal("基准情景（baseline）的预测不含该指标（温州市，2030年）", projected.Get("registered_population", City, 2030).Note!.Chinese);
        Assert.Equal("“x”情景的预测不含该指标（温州市，2030年）", new ProjectedIndicators("x").Get("registered_population", City, 2030).Note!.Chinese);
    }
}

public class ScenarioEvaluationTests
{
    private const string City = "温州市";

    private static readonly Lazy<ScenarioProjector> Projector = new(() => new ScenarioProjector(Wenzhou.Model));

    [Fact]
    public void Evaluate2025_WithScenario_GivesAStatusForPopulationTargets()
    {
        var p = Projector.Value.Project(Wenzhou.Scenario("baseline"), 2035);
        var projected = ScenarioIndicatorData.Indicators(p, Seed.Catalogue);
        var evaluator = new TargetEvaluator(new Indicators.IndicatorCalculator(Seed.Catalogue, Seed.Data()));
        var evaluations = evaluator.EvaluateAll(Seed.Book, [City], 2024, projected);
        var population = evaluations.Single(e => e.Target.IndicatorId == "resident_population" && e.Target.Year == 2025);
        Assert.NotEqual(TargetStatus.NoData, population.Status);
        Assert.Equal(projected.Get("resident_population", City, 2025).Value, population.Expected!.Value);
        Assert.Equal(population.Shortfall == 0, population.Status == TargetStatus.OnTrack);
        var ageing = evaluations.Single(e => e.Target.IndicatorId == "ageing_rate_60" && e.Target.Year == 2025);
        Assert.Equal(ageing.Expected!.Value < 20, ageing.Status == TargetStatus.OnTrack);
        var warnings = TargetEvaluator.EarlyWarnings(evaluations);
        Assert.All(warnings, w => Assert.True(w.Status is TargetStatus.AtRisk or TargetStatus.OffTrack));
        Assert.Equal(evaluations.Count(e => e.IsEarlyWarning), warnings.Count);
    }

    [Fact]
    public void Goal_TenMillionBy2025_NetMigrationLever()
    {
        var target = Seed.Book.For("resident_population").Single(t => t.Year == 2025);
        var result = ScenarioGoal.Seek(Projector.Value, Wenzhou.Scenario("baseline"), Seed.Catalogue, target, City, ScenarioLever.NetMigration);
        Assert.Equal(GoalSeeking.GoalSeekOutcome.Reached, result.Outcome);
        Assert.Equal(1000, result.IndicatorValue!.Value, 1e-3);
        // Independent check: project at the level found.
        var at = Projector.Value.Project(Wenzhou.Scenario("baseline").With(new ScenarioLevers(NetMigration: result.LeverValue)), 2025);
        Assert.Equal(10_000_000, at.Total(2025), 10.0);
        // Five years of migrants: each extra migrant a year adds about five residents (10k persons / 10,000).
        Assert.InRange(result.Sensitivity!.Value * 10_000, 4.5, 5.5);
    }

    [Fact]
    public void Goal_AgeingBelow20By2025_ConsistentAtTheRangeEnds()
    {
        var target = Seed.Book.For("ageing_rate_60").Single(t => t.Year == 2025);
        foreach (var lever in new[] { ScenarioLever.NetMigration, ScenarioLever.TotalFertility })
        {
            var result = ScenarioGoal.Seek(Projector.Value, Wenzhou.Scenario("baseline"), Seed.Catalogue, target, City, lever);
            switch (result.Outcome)
            {
                case GoalSeeking.GoalSeekOutcome.Reached:
                    Assert.Equal(20, result.IndicatorValue!.Value, 1e-4);
                    Assert.True(result.Sensitivity < 0, "more migrants or births lower the share aged 60+");
                    break;
                case GoalSeeking.GoalSeekOutcome.Unreachable:
                    Assert.True(result.ValueAtMinimum >= 20 && result.ValueAtMaximum >= 20);
                    Assert.Contains("cannot be reached", result.Message, StringComparison.Ordinal);
                    break;
                default:
                    Assert.True(result.ValueAtMinimum < 20 && result.ValueAtMaximum < 20);
                    break;
            }
        }
    }

    [Fact]
    public void Demand_CityIsTheSumOfCountiesAndFollowsTheRates()
    {
        var p = Projector.Value.Project(Wenzhou.Scenario("baseline"), 2030);
        var standards = ServiceStandardFile.Read(RepoData.Path("plan/service-demand.csv"));
        Assert.All(standards, st => Assert.NotEqual(st.Unit, st.UnitZh)); // every unit also in Chinese
        var rows = ServiceDemand.Compute(p, standards, ServiceDemand.RegionsAndCity(p), 2021, 2030);
        Assert.Equal(13 * 10 * standards.Count, rows.Count);
        foreach (var group in rows.GroupBy(r => (r.Year, r.Standard.Id)))
        {
            var city = group.Single(r => r.Region == City).Demand;
            Assert.Equal(city, group.Where(r => r.Region != City).Sum(r => r.Demand), 1e-9 * Math.Max(1, city));
        }

        var infant = rows.Single(r => r.Region == City && r.Year == 2025 && r.Standard.Id == "infant_care_places");
        Assert.Equal(5.5 * p.Total(2025) / 1000, infant.Demand, 1e-6);
        var school = rows.Where(r => r.Region == City && r.Year == 2025 && r.Standard.Id is "primary_enrolment" or "junior_enrolment").Sum(r => r.Residents);
        var byAge = p.Population(2025);
        Assert.Equal(Enumerable.Range(6, 9).Sum(a => byAge.Male[a] + byAge.Female[a]), school, 1e-6);
    }

    [Fact]
    public void ServiceStandards_CarryTheirSources()
    {
        var standards = ServiceStandardFile.Read(RepoData.Path("plan/service-demand.csv"));
        var infant = standards.Single(s => s.Id == "infant_care_places");
        Assert.Equal((5.5, 1000.0), (infant.Rate, infant.Per));
        Assert.Contains("5.5个", infant.SentenceZh, StringComparison.Ordinal);
        Assert.All(standards, s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));

        // The employment ratio is what its source says it is: employed persons 2020 (Table 1, 万人) over residents 15-59
        // (Table 3, 2020 census), to the four places printed.
        string[] Row(string file, Func<string[], bool> which) => File.ReadLines(RepoData.Path("plan/tables/" + file)).Skip(1).Select(l => l.Split(',')).Single(which);
        var employed = double.Parse(Row("table1-labour-productivity-2015-2020.csv", f => f[1] == "2020" && f[2] == "employed_persons")[4], CultureInfo.InvariantCulture) * 10_000;
        var working = double.Parse(Row("table3-age-structure-2010-2020.csv", f => f[1] == "2020" && f[3] == "15-59" && f[5] == "population")[7], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(employed / working, 4), standards.Single(s => s.Id == "labour_supply").Rate, 10);
    }
}
