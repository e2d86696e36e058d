using Populus.Demography.Projection;

namespace Populus.Demography.Tests.Projection;

/// <summary>Accounting identities that every projection must satisfy, multiregional and multistate.</summary>
public class InvariantsTests
{
    private static readonly StateSpace RegionsByResidence = new(
        new StateDimension("region", ["Lucheng", "Ouhai", "Ruian"]),
        new StateDimension("residence", ["urban", "rural"]));

    /// <summary>Three regions × urban/rural with OD migration rates, rural→urban reclassification, an OD table of counts
    /// and external migrants.</summary>
    private static ProjectionResult ProjectRegionsByResidence(MigrationTiming timing, int maxDegreeOfParallelism = 0)
    {
        var space = RegionsByResidence;
        var ages = Synthetic.Ages;
        var residence = space.DimensionIndex("residence");
        var migration = new StateTransitions("internal migration", space, ages, TransitionKind.Rates,
            Synthetic.AllPairs(Enumerable.Range(0, space.Count), Synthetic.MigrationProfile(0.02), 1.0));
        var reclassification = new StateTransitions("urbanisation", space, ages, TransitionKind.Rates,
            Enumerable.Range(0, space.Count)
                .Where(s => space.Level(s, residence) == 1)
                .Select(s => new Transition(s, space.WithLevel(s, residence, 0), TransitionSchedule.Constant(ages, 0.01))));
        var counts = new StateTransitions("registered moves", space, ages, TransitionKind.Counts,
        [
            new Transition(space.IndexOf("Ruian", "rural"), space.IndexOf("Lucheng", "urban"), Synthetic.MoverCounts(15)),
            new Transition(space.IndexOf("Ouhai", "urban"), space.IndexOf("Ruian", "urban"), Synthetic.MoverCounts(4)),
        ]);
        var rates = Enumerable.Range(0, space.Count)
            .Select(s => Synthetic.Rates(mortality: 0.8 + 0.1 * s, tfr: 1.2 + 0.1 * s, migrants: 50 * (s - 2)))
            .ToList();
        var step = new ProjectionStep(rates, timing, [migration, reclassification, counts]);
        var initial = Enumerable.Range(0, space.Count).Select(s => Synthetic.Population(1 + 0.3 * s)).ToList();
        return new CohortComponentProjection(space, ages, maxDegreeOfParallelism: maxDegreeOfParallelism)
            .Project(2020, initial, [.. Enumerable.Repeat(step, 10)]);
    }

    [Theory]
    [InlineData(MigrationTiming.End)]
    [InlineData(MigrationTiming.Start)]
    [InlineData(MigrationTiming.HalfHalf)]
    public void Balance_ClosesForEveryStateAndInTotal(MigrationTiming timing)
    {
        var result = ProjectRegionsByResidence(timing);

        for (var year = 2020; year < 2030; year++)
        {
            for (var s = 0; s < result.States.Count; s++)
            {
                var b = result.Balance(year, s);
                Assert.True(Math.Abs(b.Residual) <= 1e-9 * b.PopulationEnd, $"{year} {result.States.Label(s)}: residual {b.Residual}");
                Assert.True(b.Births > 0 && b.Deaths > 0 && b.TransfersIn > 0 && b.TransfersOut > 0, $"{year} {result.States.Label(s)}: every component is active");
            }

            var total = result.Balance(year);
            Assert.True(Math.Abs(total.Residual) <= 1e-9 * total.PopulationEnd, $"{year} total: residual {total.Residual}");
        }

        Assert.Equal(0, result.TotalClipped);
    }

    [Fact]
    public void Transfers_SumToZeroOverStatesAtEverySexAndAge()
    {
        var result = ProjectRegionsByResidence(MigrationTiming.HalfHalf);

        for (var year = 2020; year < 2030; year++)
        {
            foreach (var sex in SexCodes.All)
            {
                for (var x = 0; x < result.Ages.Count; x++)
                {
                    var moversIn = Enumerable.Range(0, result.States.Count).Sum(s => result.TransfersIn(year, s, sex)[x]);
                    var moversOut = Enumerable.Range(0, result.States.Count).Sum(s => result.TransfersOut(year, s, sex)[x]);
                    Assert.True(moversOut > 0, "transfers happen at every age");
                    Assert.Equal(moversOut, moversIn, 1e-12 * moversOut);
                }
            }
        }
    }

    [Fact]
    public void Parallel_GivesBitIdenticalResults()
    {
        // Enough regions for the engine to split states across threads.
        var space = StateSpace.Regions(Enumerable.Range(0, 300).Select(i => $"r{i}"));
        var neighbours = Enumerable.Range(0, space.Count)
            .SelectMany(i => new[] { 1, 7, 50 }.Select(d => new Transition(i, (i + d) % space.Count, Synthetic.MigrationProfile(0.01), 1 + i % 5)));
        var od = new StateTransitions("migration", space, Synthetic.Ages, TransitionKind.Rates, neighbours);
        var step = new ProjectionStep([.. Enumerable.Range(0, space.Count).Select(i => Synthetic.Rates(1 + i % 7 * 0.05, migrants: i % 3 - 1))],
            MigrationTiming.HalfHalf, [od]);
        var initial = Enumerable.Range(0, space.Count).Select(i => Synthetic.Population(1 + i % 11)).ToList();
        var steps = Enumerable.Repeat(step, 5).ToList();

        var serial = new CohortComponentProjection(space, Synthetic.Ages, maxDegreeOfParallelism: 1).Project(2020, initial, steps);
        var parallel = new CohortComponentProjection(space, Synthetic.Ages, maxDegreeOfParallelism: 0).Project(2020, initial, steps);

        Assert.True(serial.PopulationData.SequenceEqual(parallel.PopulationData));
        Assert.Equal(serial.Balance(2024).Deaths, parallel.Balance(2024).Deaths);
    }

    [Fact]
    public void IdenticalRegions_WithoutMigration_AreEachTheSingleRegion()
    {
        const int n = 4;
        var rates = Synthetic.Rates();
        var single = new CohortComponentProjection(StateSpace.Single(), Synthetic.Ages)
            .Project(2020, [Synthetic.Population()], [.. Enumerable.Repeat(new ProjectionStep([rates]), 20)]);
        var space = StateSpace.Regions(Enumerable.Range(0, n).Select(i => $"r{i}"));
        var multi = new CohortComponentProjection(space, Synthetic.Ages)
            .Project(2020, [.. Enumerable.Repeat(Synthetic.Population(), n)], [.. Enumerable.Repeat(new ProjectionStep([.. Enumerable.Repeat(rates, n)]), 20)]);

        foreach (var year in single.Years)
        {
            Assert.Equal(n * single.TotalPopulation(year), multi.TotalPopulation(year), 1e-9 * multi.TotalPopulation(year));
            for (var r = 0; r < n; r++)
            {
                foreach (var sex in SexCodes.All)
                {
                    Assert.True(single.Population(year, 0, sex).SequenceEqual(multi.Population(year, r, sex)), $"{year} region {r} {sex}");
                }
            }
        }
    }

    [Fact]
    public void OutMigrationRates_MoveThatShareOfSurvivors()
    {
        // Rogers: a survivor of A ends the step in B with the given probability; B's own survivors stay.
        var space = StateSpace.Regions(["A", "B"]);
        var ages = Synthetic.Ages;
        var plain = new ProjectionStep([Synthetic.Rates(), Synthetic.Rates(1.3)]);
        var od = new StateTransitions("A to B", space, ages, TransitionKind.Rates, [new Transition(0, 1, TransitionSchedule.Constant(ages, 0.1))]);
        var withOd = new ProjectionStep([Synthetic.Rates(), Synthetic.Rates(1.3)], MigrationTiming.End, [od]);
        var initial = new[] { Synthetic.Population(), Synthetic.Population(0.5) };
        var engine = new CohortComponentProjection(space, ages);

        var without = engine.Project(2020, initial, [plain]);
        var moved = engine.Project(2020, initial, [withOd]);

        foreach (var sex in SexCodes.All)
        {
            for (var x = 1; x < ages.Count; x++)
            {
                var a = without.Population(2021, 0, sex)[x];
                var b = without.Population(2021, 1, sex)[x];
                Assert.Equal(0.9 * a, moved.Population(2021, 0, sex)[x], 1e-9 * a);
                Assert.Equal(b + 0.1 * a, moved.Population(2021, 1, sex)[x], 1e-9 * b);
                Assert.Equal(0.1 * a, moved.TransfersOut(2020, 0, sex)[x], 1e-9 * a);
            }
        }
    }

    [Fact]
    public void TransferCounts_MoveExactlyThoseCounts()
    {
        var space = StateSpace.Regions(["A", "B"]);
        var ages = Synthetic.Ages;
        var profile = Synthetic.MoverCounts(30);
        var od = new StateTransitions("table", space, ages, TransitionKind.Counts, [new Transition(1, 0, profile, 2)]);
        var result = new CohortComponentProjection(space, ages)
            .Project(2020, [Synthetic.Population(), Synthetic.Population()], [new ProjectionStep([Synthetic.Rates(), Synthetic.Rates()], MigrationTiming.End, [od])]);

        foreach (var sex in SexCodes.All)
        {
            for (var x = 0; x < ages.Count; x++)
            {
                Assert.Equal(2 * profile.Values(sex)[x], result.TransfersIn(2020, 0, sex)[x], 1e-12);
                Assert.Equal(2 * profile.Values(sex)[x], result.TransfersOut(2020, 1, sex)[x], 1e-12);
                Assert.Equal(0, result.TransfersOut(2020, 0, sex)[x]);
            }
        }
    }

    [Fact]
    public void Clipping_SetsNegativeCellsToZeroAndReportsThem()
    {
        var ages = Synthetic.Ages;
        var rates = Synthetic.Rates();
        var without = new CohortComponentProjection(StateSpace.Single(), ages)
            .Project(2020, [Synthetic.Population()], [new ProjectionStep([new StateRates(rates.MaleSurvival, rates.FemaleSurvival, rates.Fertility, rates.SexRatioAtBirth)])]);
        var emigrants = new double[ages.Count];
        emigrants[50] = -1e6;
        var step = new ProjectionStep(
            [new StateRates(rates.MaleSurvival, rates.FemaleSurvival, rates.Fertility, rates.SexRatioAtBirth, new NetMigrants(ages, emigrants))]);

        var result = new CohortComponentProjection(StateSpace.Single(), ages).Project(2020, [Synthetic.Population()], [step]);

        var survivors = without.Population(2021, 0, Sex.Male)[50];
        Assert.Equal(0, result.Population(2021, 0, Sex.Male)[50]);
        var clip = Assert.Single(result.Clipped);
        Assert.Equal((2020, 0, Sex.Male, 50), (clip.Year, clip.State, clip.Sex, clip.AgeIndex));
        Assert.Equal(1e6 - survivors, clip.Persons, 1e-6);
        Assert.Equal(clip.Persons, result.TotalClipped);
        Assert.Equal(clip.Persons, result.ClippedIn(2020));
        var balance = result.Balance(2020, 0);
        Assert.Equal(clip.Persons, balance.Clipped);
        Assert.True(Math.Abs(balance.Residual) <= 1e-9 * balance.PopulationEnd);
        Assert.DoesNotContain(result.PopulationData.ToArray(), v => v < 0);
    }

    [Fact]
    public void Clipping_AfterTransfersAndEndMigrants_ClipsOnlyTheCellTheMigrantsTakeBelowZero()
    {
        // Transfers by rates and half the migrants at the end: one pass while no value goes below zero, then one
        // after the other from the vector where one does.
        var space = StateSpace.Regions(["A", "B"]);
        var ages = Synthetic.Ages;
        var rates = Synthetic.Rates();
        var od = new StateTransitions("A to B", space, ages, TransitionKind.Rates, [new Transition(0, 1, TransitionSchedule.Constant(ages, 0.1))]);
        var initial = new[] { Synthetic.Population(), Synthetic.Population() };
        var engine = new CohortComponentProjection(space, ages);
        var without = engine.Project(2020, initial, [new ProjectionStep([rates, rates], MigrationTiming.HalfHalf, [od])]);
        // Emigrants at age 50 whose half is fewer than are there at the start, and more than are there at the end.
        var (atStart, atEnd) = (without.Population(2020, 0, Sex.Male)[50], without.Population(2021, 0, Sex.Male)[50]);
        Assert.True(atStart > atEnd);
        var emigrants = new double[ages.Count];
        emigrants[50] = -(atStart + atEnd);
        var withEmigrants = new StateRates(rates.MaleSurvival, rates.FemaleSurvival, rates.Fertility, rates.SexRatioAtBirth, new NetMigrants(ages, emigrants));
        var result = engine.Project(2020, initial, [new ProjectionStep([withEmigrants, rates], MigrationTiming.HalfHalf, [od])]);

        var clip = Assert.Single(result.Clipped);
        Assert.Equal((2020, 0, Sex.Male, 50), (clip.Year, clip.State, clip.Sex, clip.AgeIndex));
        Assert.Equal((atStart - atEnd) / 2, clip.Persons, 1e-9 * atStart);
        Assert.Equal(0, result.Population(2021, 0, Sex.Male)[50]);
        foreach (var x in new[] { 49, 52, 60 })
        {
            Assert.Equal(without.Population(2021, 0, Sex.Male)[x], result.Population(2021, 0, Sex.Male)[x]);
        }

        Assert.DoesNotContain(result.PopulationData.ToArray(), v => v < 0);
        var balance = result.Balance(2020, 0);
        Assert.Equal(clip.Persons, balance.Clipped);
        Assert.True(Math.Abs(balance.Residual) <= 1e-9 * balance.PopulationEnd);
    }

    [Fact]
    public void BirthAssignment_SetLevel_PutsEveryChildInTheStartingLevel()
    {
        // Education: children of mothers at any level start with none ([KC2013]).
        var space = new StateSpace(new StateDimension("region", ["A", "B"]), new StateDimension("education", ["none", "primary"]));
        var rule = BirthAssignment.SetLevel(space, "education", "none");
        var result = new CohortComponentProjection(space, Synthetic.Ages, rule)
            .Project(2020, [.. Enumerable.Range(0, 4).Select(i => Synthetic.Population(1 + i))],
                [new ProjectionStep([.. Enumerable.Range(0, 4).Select(i => Synthetic.Rates(tfr: 1 + 0.2 * i))])]);

        foreach (var region in new[] { "A", "B" })
        {
            var none = space.IndexOf(region, "none");
            var primary = space.IndexOf(region, "primary");
            var mothers = result.BirthsByMothersAge(2020, none).ToArray().Sum() + result.BirthsByMothersAge(2020, primary).ToArray().Sum();
            Assert.Equal(mothers, result.Births(2020, none, Sex.Male) + result.Births(2020, none, Sex.Female), 1e-9 * mothers);
            Assert.Equal(0, result.Births(2020, primary, Sex.Female));
            Assert.Equal(0, result.Population(2021, primary, Sex.Male)[0]);
            var balance = result.Balance(2020, none);
            Assert.True(Math.Abs(balance.Residual) <= 1e-9 * balance.PopulationEnd);
        }
    }

    [Fact]
    public void FiveYearFertility_OnSingleYearGrid_AppliesTheGroupRateToEachYear()
    {
        var ages = Synthetic.Ages;
        var fiveYear = new FertilityRates(AgeGroups.FiveYear(15, 50, open: false), [0.02, 0.08, 0.1, 0.07, 0.03, 0.01, 0.001]);
        var single = new FertilityRates(AgeGroups.SingleYearRange(15, 49), [.. Enumerable.Range(15, 35).Select(x => fiveYear.AtAge(x))]);
        StateRates With(FertilityRates f) => new(new SurvivalRatios(ages, Synthetic.Survival()), new SurvivalRatios(ages, Synthetic.Survival()), f, new SexRatioAtBirth(1.05));
        var engine = new CohortComponentProjection(StateSpace.Single(), ages);

        var a = engine.Project(2020, [Synthetic.Population()], [new ProjectionStep([With(fiveYear)])]);
        var b = engine.Project(2020, [Synthetic.Population()], [new ProjectionStep([With(single)])]);

        Assert.True(a.Births(2020, 0, Sex.Female) > 0);
        Assert.Equal(b.Births(2020, 0, Sex.Female), a.Births(2020, 0, Sex.Female));
    }

    [Fact]
    public void StateSpace_IndexAndLevelsRoundTrip()
    {
        var space = RegionsByResidence;
        Assert.Equal(6, space.Count);
        var s = space.IndexOf("Ouhai", "rural");
        Assert.Equal("Ouhai/rural", space.Label(s));
        Assert.Equal(1, space.Level(s, 0));
        Assert.Equal(space.IndexOf("Ouhai", "urban"), space.WithLevel(s, 1, 0));
        Assert.Equal(s, space.IndexOf(1, 1));
    }
}
