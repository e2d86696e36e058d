using Populus.Demography.Stochastic;
using Populus.Planning.Data;
using Populus.Planning.Probability;
using Populus.Planning.Scenarios;
using Populus.Planning.Targets;
using Populus.Storage.Wpp;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>Probabilistic runs of the Wenzhou scenario model and the probability that plan targets are met.</summary>
public class ScenarioRunTests
{
    private const string City = "温州市";
    private const int LastYear = 2030;

    private static readonly Lazy<UncertaintyModel> China = new(() => WppUncertainty.Calibrate(Path.Combine(Wenzhou.DataFolder, "wpp"), 156).Model);

    private static readonly (string, string)[] Series = [("resident_population", City), ("total_fertility_rate", City), ("life_expectancy", City), ("ageing_rate_60", City)];

    private static ScenarioRun Run(Scenario scenario, int n, ulong seed, int threads) =>
        ScenarioRun.Run(Wenzhou.Model, scenario, China.Value, Seed.Catalogue, Series, LastYear, n, seed, threads, pyramid: [City]);

    private static IReadOnlyList<TargetEvaluation> Evaluations(TargetEvaluator evaluator) =>
        [.. Seed.Book.Targets.Where(t => t.Year is 2025 or 2030 && Series.Any(s => s.Item1 == t.IndicatorId))
            .Select(t => evaluator.Evaluate(Seed.Book, t, City, 2024, null))];

    [Fact]
    public void SameSeed_GivesTheSameValuesAndProbabilities_OnOneOrTwoThreads()
    {
        var one = Run(Wenzhou.Scenario("baseline"), 12, 7, 1);
        var two = Run(Wenzhou.Scenario("baseline"), 12, 7, 2);
        foreach (var (id, region) in Series)
        {
            Assert.Equal(one.Values(id, region, LastYear), two.Values(id, region, LastYear));
        }

        var evaluator = new TargetEvaluator(new Indicators.IndicatorCalculator(Seed.Catalogue, Seed.Data()));
        var evaluations = Evaluations(evaluator);
        Assert.NotEmpty(evaluations);
        Assert.Equal(one.Probabilities(evaluator, Seed.Book, evaluations), two.Probabilities(evaluator, Seed.Book, evaluations));
        Assert.Equal(one.PyramidQuantiles(City, LastYear, Demography.Sex.Female, 3).ToArray(), two.PyramidQuantiles(City, LastYear, Demography.Sex.Female, 3).ToArray());
    }

    [Fact]
    public void ARunWithoutItsPyramid_GivesTheSameSeries_AndSaysItHasNoPyramid()
    {
        var full = Run(Wenzhou.Scenario("baseline"), 20, 11, 2);
        var bare = ScenarioRun.Run(Wenzhou.Model, Wenzhou.Scenario("baseline"), China.Value, Seed.Catalogue, Series, LastYear, 20, 11, 2);
        foreach (var (id, region) in Series)
        {
            for (var year = Wenzhou.Model.BaseYear + 1; year <= LastYear; year++)
            {
                Assert.Equal(full.Values(id, region, year), bare.Values(id, region, year));
            }
        }

        Assert.True(full.HasPyramid(City));
        Assert.False(bare.HasPyramid(City));
        var e = Assert.Throws<ArgumentException>(() => bare.PyramidQuantiles(City, LastYear, Demography.Sex.Female, 3).ToArray());
        Assert.Contains("without its pyramid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePyramid_OfEachPlaceAskedFor_IsItsTrajectorysResidentsByGroup()
    {
        var scenario = Wenzhou.Scenario("baseline");
        var county = Wenzhou.Model.Counties[3].Region;
        AgeRange[] served = [new(0, 3), new(3, 6), new(60, null)];
        var run = ScenarioRun.Run(Wenzhou.Model, scenario, China.Value, Seed.Catalogue, Series, LastYear, 1, 4, 1, pyramid: [City, county, "中心城区", "市域主中心"],
            residentsAged: served);
        var draw = new ScenarioDraw(China.Value, Wenzhou.Model.Counties.Count, LastYear);
        draw.Draw(4, 0);
        var projection = new ScenarioProjector<float>(Wenzhou.Model, countDeaths: false).Project(scenario, LastYear, draw);
        var regions = Seed.Catalogue.Regions;
        int[] Counties(params string[] names) => [.. names.Select(n => Wenzhou.Model.Counties.ToList().FindIndex(c => regions.KeyOrSelf(c.Region) == regions.KeyOrSelf(n)))];
        var central = Counties([.. regions[regions.KeyOrSelf("中心城区")].Members]);
        Assert.Equal(4, central.Length);
        Assert.DoesNotContain(-1, central);
        foreach (var (place, members) in new[] { (City, Enumerable.Range(0, Wenzhou.Model.Counties.Count).ToArray()), (county, Counties(county)), ("中心城区", central) })
        {
            Assert.True(run.HasPyramid(place));
            foreach (var year in new[] { 2021, 2026, LastYear })
            {
                foreach (var sex in new[] { Demography.Sex.Male, Demography.Sex.Female })
                {
                    for (var g = 0; g < run.AgeGroups.Count; g++)
                    {
                        var (from, to) = (run.AgeGroups.Start(g), run.AgeGroups.IsOpen(g) ? int.MaxValue : run.AgeGroups.Start(g) + run.AgeGroups.Width(g));
                        var expected = members.Sum(c => projection.Population(year, c)[sex].Values.ToArray().Where((_, age) => age >= from && age < to).Sum());
                        var quantiles = run.PyramidQuantiles(place, year, sex, g).ToArray();
                        Assert.All(quantiles, q => Assert.Equal(expected, q, expected * 1e-6)); // one trajectory: every quantile is its value
                    }
                }

                // The residents of the ages a service serves, both sexes.
                foreach (var ages in served)
                {
                    var expected = members.Sum(c => new[] { Demography.Sex.Male, Demography.Sex.Female }.Sum(sex =>
                        projection.Population(year, c)[sex].Values.ToArray().Where((_, age) => age >= ages.From && age < (ages.To ?? int.MaxValue)).Sum()));
                    Assert.All(run.ResidentsQuantiles(place, year, ages).ToArray(), q => Assert.Equal(expected, q, expected * 1e-6));
                }
            }
        }

        // A standard's demand is its residents' quantiles times the standard.
        var beds = new Services.ServiceStandard("elderly_care_beds", "养老机构床位", "Elderly-care beds", 60, null, 40, 1000, "beds", "张", "assumption", "假设", "");
        Assert.Equal(run.ResidentsQuantiles(City, LastYear, beds.Ages).ToArray().Select(r => r * 40 / 1000), Services.ServiceDemand.Quantiles(run, beds, City, LastYear));
        Assert.True(run.KeepsResidentsAged(new AgeRange(3, 6)));
        Assert.False(run.KeepsResidentsAged(new AgeRange(6, 12)));
        Assert.Contains("keeps no residents aged 6-11", Assert.Throws<ArgumentException>(() => run.ResidentsQuantiles(City, LastYear, new AgeRange(6, 12)).ToArray()).Message,
            StringComparison.Ordinal);
        // Ages that cut the open group (100+) cannot be counted from the projection.
        Assert.Throws<ArgumentException>(() => ScenarioRun.Run(Wenzhou.Model, scenario, China.Value, Seed.Catalogue, Series, LastYear, 1, 4, 1, pyramid: [City],
            residentsAged: [new AgeRange(95, 105)]));

        Assert.False(run.HasPyramid("市域主中心")); // a grouping of streets: no projection gives it
        var e = Assert.Throws<ArgumentException>(() => run.PyramidQuantiles(Wenzhou.Model.Counties[0].Region, LastYear, Demography.Sex.Male, 0).ToArray());
        Assert.Contains("keeps no pyramid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectorThatKeptEarlierTrajectoriesMortality_GivesTheProjectionOfAFreshOne()
    {
        var scenario = Wenzhou.Scenario("baseline");
        var draw = new ScenarioDraw(China.Value, Wenzhou.Model.Counties.Count, LastYear);
        var reused = new ScenarioProjector(Wenzhou.Model);
        for (var i = 0; i < 3; i++)
        {
            draw.Draw(7, i);
            reused.Project(scenario, LastYear, draw);
        }

        draw.Draw(7, 1); // its drawn e0 are now kept by the reused projector
        var again = reused.Project(scenario, LastYear, draw);
        var fresh = new ScenarioProjector(Wenzhou.Model).Project(scenario, LastYear, draw);
        Assert.Equal(fresh.PopulationArray, again.PopulationArray);
        for (var year = Wenzhou.Model.BaseYear + 1; year <= LastYear; year++)
        {
            foreach (var sex in new[] { Demography.Sex.Male, Demography.Sex.Female })
            {
                Assert.Equal(fresh.Mortality(year, sex).Values.ToArray(), again.Mortality(year, sex).Values.ToArray());
            }
        }

        draw.Draw(7, 2);
        Assert.NotEqual(fresh.PopulationArray, reused.Project(scenario, LastYear, draw).PopulationArray);
    }

    [Theory]
    [InlineData(0)] // the processes from WPP's base year, 2023: 2021–2023 are projected once
    [InlineData(-3)] // from the model's base year, 2020: no year is shared
    public void EachTrajectory_IsItsDrawProjectedFromTheBase_ThoughTheYearsNoDrawMoves_AreProjectedOnce(int baseYearShift)
    {
        var scenario = Wenzhou.Scenario("baseline");
        var processes = China.Value with { BaseYear = China.Value.BaseYear + baseYearShift };
        var run = ScenarioRun.Run(Wenzhou.Model, scenario, processes, Seed.Catalogue, Series, LastYear, 5, 9, 2);
        var draw = new ScenarioDraw(processes, Wenzhou.Model.Counties.Count, LastYear);
        for (var i = 0; i < run.Trajectories; i++)
        {
            draw.Draw(9, i);
            var projection = new ScenarioProjector<float>(Wenzhou.Model, countDeaths: false).Project(scenario, LastYear, draw); // the run's precision
            var calculator = new Indicators.IndicatorCalculator(Seed.Catalogue, new ScenarioIndicatorData(projection, Seed.Catalogue));
            foreach (var (id, region) in Series)
            {
                foreach (var year in run.Years)
                {
                    Assert.Equal((float)calculator.Recompute(id, region, year).Value, run.Values(id, region, year)[i]);
                }
            }
        }

        // Up to the processes' base year every trajectory is the scenario's own path; after it they part.
        if (processes.BaseYear > Wenzhou.Model.BaseYear)
        {
            Assert.Single(run.Values("resident_population", City, processes.BaseYear).Distinct());
        }

        Assert.True(run.Values("resident_population", City, processes.BaseYear + 1).Distinct().Count() > 1);
    }

    [Fact]
    public void TrajectoriesInSinglePrecision_FollowTheDoublePrecisionProjection()
    {
        var scenario = Wenzhou.Scenario("baseline");
        var draw = new ScenarioDraw(China.Value, Wenzhou.Model.Counties.Count, LastYear);
        draw.Draw(3, 5);
        var exact = new ScenarioProjector(Wenzhou.Model, countDeaths: false).Project(scenario, LastYear, draw);
        var single = new ScenarioProjector<float>(Wenzhou.Model, countDeaths: false).Project(scenario, LastYear, draw);
        var differ = false;
        for (var year = Wenzhou.Model.BaseYear + 1; year <= LastYear; year++)
        {
            var a = exact.PopulationAt(year);
            var b = single.PopulationAt(year);
            var total = exact.Total(year);
            for (var i = 0; i < a.Length; i++)
            {
                // Fifteen steps of single-precision rounding (6e-8 each) in a cell, and of its inflows, a share of the total.
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-6 * a[i] + 1e-10 * total, $"{year} cell {i}: {a[i]} and {b[i]}");
                differ |= a[i] != b[i];
            }

            Assert.Equal(exact.Levels(year).ReclassificationRate, single.Levels(year).ReclassificationRate, 1e-6);
            Assert.Equal(exact.Levels(year).Births, single.Levels(year).Births, 1e-6 * exact.Levels(year).Births);
        }

        Assert.True(differ); // the precisions differ: the projector did step in single precision
        Assert.Throws<NotSupportedException>(() => new ScenarioProjector<Half>(Wenzhou.Model, countDeaths: false));
    }

    [Fact]
    public void SharedYears_ThatADrawCouldMove_AreRefused()
    {
        var scenario = Wenzhou.Scenario("baseline");
        var draw = new ScenarioDraw(China.Value, Wenzhou.Model.Counties.Count, LastYear);
        draw.Draw(1, 0);
        var projector = new ScenarioProjector(Wenzhou.Model, countDeaths: false);
        var tooLong = projector.Project(scenario, China.Value.BaseYear + 1, draw);
        var e = Assert.Throws<ArgumentException>(() => projector.Project(scenario, LastYear, draw, null, tooLong));
        Assert.Contains("no later than the draw's base year", e.Message, StringComparison.Ordinal);
        var other = projector.Project(Wenzhou.Scenario("baseline").With(new ScenarioLevers(TotalFertility: 1.5)), China.Value.BaseYear, draw);
        Assert.Throws<ArgumentException>(() => projector.Project(scenario, LastYear, draw, null, other));
        var counted = new ScenarioProjector(Wenzhou.Model).Project(scenario, China.Value.BaseYear, draw);
        Assert.Throws<ArgumentException>(() => projector.Project(scenario, LastYear, draw, null, counted));
        Assert.Equal(LastYear, projector.Project(scenario, LastYear, draw, null, projector.Project(scenario, China.Value.BaseYear, draw)).LastYear);
    }

    [Fact]
    public void ARunGivenUp_Stops()
    {
        using var gaveUp = new CancellationTokenSource();
        gaveUp.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ScenarioRun.Run(Wenzhou.Model, Wenzhou.Scenario("baseline"), China.Value, Seed.Catalogue, Series, LastYear, 40, 1, pyramid: [City], cancel: gaveUp.Token));
        var evaluator = new TargetEvaluator(new Indicators.IndicatorCalculator(Seed.Catalogue, Seed.Data()));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ScenarioRun.ToJudge(Wenzhou.Model, Wenzhou.Scenario("baseline"), China.Value, Seed.Catalogue, evaluator, Seed.Book, Evaluations(evaluator), 40, 1, cancel: gaveUp.Token));
    }

    [Fact]
    public void RecycledTrajectories_FromTheSameOrOtherSharedYears_GiveTheFreshFigures()
    {
        var baseline = Wenzhou.Scenario("baseline");
        var higher = baseline.With(new ScenarioLevers(TotalFertility: 1.6));
        var draw = new ScenarioDraw(China.Value, Wenzhou.Model.Counties.Count, LastYear);
        var projector = new ScenarioProjector<float>(Wenzhou.Model, countDeaths: false);
        var shared = projector.Project(baseline, China.Value.BaseYear, draw);
        var otherShared = projector.Project(higher, China.Value.BaseYear, draw);
        draw.Draw(7, 0);
        var recycled = projector.Project(baseline, LastYear, draw, null, shared);
        // The next trajectory of the same run (its shared years kept in the recycled arrays), then one of another scenario.
        foreach (var (scenario, from, trajectory) in new[] { (baseline, shared, 1), (higher, otherShared, 2), (baseline, shared, 3) })
        {
            draw.Draw(7, trajectory);
            recycled = projector.Project(scenario, LastYear, draw, recycled, from);
            var fresh = new ScenarioProjector<float>(Wenzhou.Model, countDeaths: false).Project(scenario, LastYear, draw);
            for (var year = Wenzhou.Model.BaseYear; year <= LastYear; year++)
            {
                Assert.Equal(fresh.PopulationAt(year).ToArray(), recycled.PopulationAt(year).ToArray());
                if (year > Wenzhou.Model.BaseYear)
                {
                    Assert.Equal(fresh.BirthsByMothersAge(year, 4, ScenarioProjector.Rural).ToArray(), recycled.BirthsByMothersAge(year, 4, ScenarioProjector.Rural).ToArray());
                    Assert.Equal(fresh.Births(year, 4, ScenarioProjector.Rural, Demography.Sex.Female), recycled.Births(year, 4, ScenarioProjector.Rural, Demography.Sex.Female));
                }
            }
        }
    }

    [Fact]
    public void Trajectories_Spread_AroundTheScenario_AndDifferBySeed()
    {
        var run = Run(Wenzhou.Scenario("baseline"), 12, 1, 0);
        var tfr = run.Values("total_fertility_rate", City, LastYear);
        Assert.True(tfr.Max() - tfr.Min() > 0.01, "TFR should vary between trajectories");
        var other = Run(Wenzhou.Scenario("baseline"), 12, 2, 0);
        Assert.NotEqual(tfr, other.Values("total_fertility_rate", City, LastYear));
        var q = run.Quantiles("resident_population", City, LastYear)!;
        for (var i = 1; i < q.Length; i++)
        {
            Assert.True(q[i] >= q[i - 1], "quantiles must not decrease");
        }
    }

    [Fact]
    public void Probabilities_AreTheSharesOfTrajectoriesWhoseOwnIndicatorsMeetTheTarget()
    {
        var run = Run(Wenzhou.Scenario("baseline"), 40, 5, 2);
        var evaluator = new TargetEvaluator(new Indicators.IndicatorCalculator(Seed.Catalogue, Seed.Data()));
        var evaluations = Evaluations(evaluator);
        var probabilities = run.Probabilities(evaluator, Seed.Book, evaluations);
        var varied = false;
        for (var k = 0; k < evaluations.Count; k++)
        {
            // Judged one trajectory at a time on a copy of its indicators (Trajectory), not through the run's view.
            var e = evaluations[k];
            var each = Enumerable.Range(0, run.Trajectories).Select(i => evaluator.Meets(Seed.Book, e.Target, e.Region, e.AsOfYear, run.Trajectory(i))).ToList();
            Assert.Equal(each.Any(m => m is null) ? null : each.Count(m => m == true) / (double)run.Trajectories, probabilities[k]);
            varied |= probabilities[k] is > 0 and < 1;
        }

        Assert.True(varied); // some target is met in some trajectories only: the counts are not all or nothing
        Assert.Throws<InvalidOperationException>(() => new ProjectedIndicators("view", null, "“view”情景", (_, _, _) => 1.0).Add("x", City, 2030, 1));
    }

    [Fact]
    public void ARunToJudge_GivesTheFullRunsProbabilities_KeepingOnlyTheYearsTheTargetsRead()
    {
        var evaluator = new TargetEvaluator(new Indicators.IndicatorCalculator(Seed.Catalogue, Seed.Data()));
        var ids = Seed.Book.Targets.Select(t => t.IndicatorId).Distinct()
            .Where(id => Seed.Catalogue[id].Formula is not null && Seed.Catalogue[id].AppliesTo(Seed.Catalogue.Regions.KeyOrSelf(City))).ToList();
        var evaluations = evaluator.EvaluateAll(Seed.Book, [City], 2024, null).Where(e => ids.Contains(e.Target.IndicatorId)).ToList();
        var scenario = Wenzhou.Scenario("baseline").With(new ScenarioLevers(TotalFertility: 1.3));
        var full = ScenarioRun.Run(Wenzhou.Model, scenario, China.Value, Seed.Catalogue, ids.Select(id => (id, City)), 2035, 30, 9, 2);
        var judge = ScenarioRun.ToJudge(Wenzhou.Model, scenario, China.Value, Seed.Catalogue, evaluator, Seed.Book, evaluations, 30, 9, 2);

        var probabilities = judge.Probabilities(evaluator, Seed.Book, evaluations);
        Assert.Equal(full.Probabilities(evaluator, Seed.Book, evaluations), probabilities);
        Assert.Contains(probabilities, p => p is > 0 and < 1);
        Assert.Contains(probabilities, p => p is null); // targets a projection cannot judge stay so

        // Only what the rules read is kept, with the full run's values.
        Assert.True(judge.Holds("total_fertility_rate", City, 2030));
        Assert.False(judge.Holds("total_fertility_rate", City, 2027));
        Assert.All(Enumerable.Range(2030, 6), y => Assert.True(judge.Holds("central_city_primacy", City, y))); // rising every year since 2030
        Assert.False(judge.Holds("central_city_primacy", City, 2026));
        Assert.Equal(full.Values("central_city_primacy", City, 2032), judge.Values("central_city_primacy", City, 2032));
        Assert.Equal(full.Values("total_fertility_rate", City, 2035), judge.Values("total_fertility_rate", City, 2035));
        var e = Assert.Throws<ArgumentException>(() => judge.Values("total_fertility_rate", City, 2027));
        Assert.Contains("only in 2025, 2030, 2035", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioRun.RunKeeping(Wenzhou.Model, scenario, China.Value, Seed.Catalogue,
            [("total_fertility_rate", City, Wenzhou.Model.BaseYear)], 2, 1));
    }

    [Fact]
    public void Probabilities_AreShares_AndRiseWithTheTfrLever()
    {
        var evaluator = new TargetEvaluator(new Indicators.IndicatorCalculator(Seed.Catalogue, Seed.Data()));
        var target = Seed.Book.Targets.First(t => t.IndicatorId == "total_fertility_rate" && t.Year == 2025);
        var evaluation = evaluator.Evaluate(Seed.Book, target, City, 2024, null);
        var previous = -1.0;
        foreach (var level in new[] { 0.8, 1.35, 2.0 })
        {
            var run = Run(Wenzhou.Scenario("baseline").With(new ScenarioLevers(TotalFertility: level)), 20, 3, 0);
            var p = run.Probabilities(evaluator, Seed.Book, [evaluation])[0]!.Value;
            Assert.InRange(p, 0, 1);
            Assert.True(p >= previous, $"P(TFR 2025 {target.Rule}) fell from {previous} to {p} as the TFR lever rose to {level}");
            previous = p;
        }

        Assert.Equal(1, previous); // at 2.0, far above 1.35, every trajectory meets it
    }

    [Fact]
    public void SeriesAProjectionCannotGive_AreMissingInEveryTrajectory_AsTheCalculatorFindsThem()
    {
        var places = new ScenarioPlaces(Wenzhou.Model, Seed.Catalogue.Regions);
        var projection = new ScenarioProjector(Wenzhou.Model).Project(Wenzhou.Scenario("baseline"), LastYear);
        var calculator = new Indicators.IndicatorCalculator(Seed.Catalogue, new ScenarioIndicatorData(projection, Seed.Catalogue));
        var refused = new List<(string, string)>();
        foreach (var entry in Seed.Catalogue.Entries.Where(e => e.Formula is not null))
        {
            foreach (var region in new[] { City, Wenzhou.Model.Counties[0].Region, "中心城区" }.Select(Seed.Catalogue.Regions.KeyOrSelf))
            {
                if (!entry.AppliesTo(region))
                {
                    continue;
                }

                var years = Enumerable.Range(Wenzhou.Model.BaseYear + 1, LastYear - Wenzhou.Model.BaseYear);
                if (ScenarioIndicatorData.CanGive(entry.Formula!, region, places))
                {
                    Assert.True(years.Any(y => calculator.Recompute(entry.Id, region, y).HasValue), $"{entry.Id} for {region}: said to be given, but missing in every year");
                    continue;
                }

                refused.Add((entry.Id, Seed.Catalogue.Regions.NameOf(region)));
                foreach (var year in years)
                {
                    Assert.False(calculator.Recompute(entry.Id, region, year).HasValue, $"{entry.Id} for {region} in {year}: said never to be given, but the calculator gives it");
                }
            }
        }

        Assert.Contains(("registered_population", City), refused); // registered population: not projected
        Assert.Contains(("higher_education_share_20_59", City), refused); // education: not projected
        Assert.Contains(("main_centre_share", City), refused); // a grouping of streets
        Assert.DoesNotContain(("central_city_primacy", City), refused); // a grouping of the model's regions
        Assert.DoesNotContain(("graduate_retention_rate", City), refused); // the city's graduates are a scenario level

        var run = ScenarioRun.Run(Wenzhou.Model, Wenzhou.Scenario("baseline"), China.Value, Seed.Catalogue,
            [("main_centre_share", City), ("registered_population", City), ("resident_population", City)], LastYear, 4, 1);
        Assert.All(run.Values("main_centre_share", City, LastYear), v => Assert.True(double.IsNaN(v)));
        Assert.Null(run.Quantiles("registered_population", City, LastYear));
        Assert.NotNull(run.Quantiles("resident_population", City, LastYear));
        // A trajectory without a figure words why in Chinese with the scenario's Chinese name.
        Assert.Equal($"基准情景（baseline）的预测不含该指标（温州市，{LastYear}年）", run.Trajectory(0).Get("registered_population", City, LastYear).Note!.Chinese);
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(Wenzhou.Scenario("baseline"), 0, 1, 0));
        Assert.Throws<ArgumentException>(() => ScenarioRun.Run(Wenzhou.Model, Wenzhou.Scenario("baseline"), China.Value, Seed.Catalogue,
            [("TT02", City)], LastYear, 2, 1));
    }
}
