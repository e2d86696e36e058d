using Populus.Demography;
using Populus.Demography.LifeTables;
using Populus.Planning.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>The model's mortality scaled to a life expectancy: the level reached, and kept values that depend on nothing
/// but the e0 asked.</summary>
public class MortalityLevelsTests
{
    // Whole hundredths (as every drawn e0 is, kept by index) and one that is not (kept by value).
    private static readonly double[] Levels = [76.43, 81.07, 79.5, 84.99, 76.43, 78.125];

    [Theory]
    [InlineData(Sex.Male)]
    [InlineData(Sex.Female)]
    public void ALevel_HasTheLifeExpectancyAsked_AndItsTablesSurvivalRatios(Sex sex)
    {
        var levels = new MortalityLevels(Wenzhou.Model);
        foreach (var e0 in Levels)
        {
            var (survival, mx) = levels.At(sex, e0);
            var table = LifeTable.FromRates(mx, LifeTableOptions.For(sex));
            Assert.Equal(e0, table.E0, 1e-7);
            Assert.Equal(table.SurvivalRatios().ToArray(), survival);
        }

        Assert.NotEqual(levels.At(sex, 76.43).Mx.Values.ToArray(), levels.At(sex, 81.07).Mx.Values.ToArray());
    }

    [Fact]
    public void KeptLevels_AreTheSameBits_WhateverOrderAndThreadsAskedForThem()
    {
        var forward = new MortalityLevels(Wenzhou.Model);
        var single = Levels.Select(e0 => forward.At(Sex.Female, e0)).ToArray();
        var backward = new MortalityLevels(Wenzhou.Model);
        foreach (var e0 in Levels.Reverse())
        {
            backward.At(Sex.Male, e0);
            backward.At(Sex.Female, e0);
        }

        var shared = new MortalityLevels(Wenzhou.Model);
        var concurrent = new (double[] Survival, DeathRates Mx)[Levels.Length * 8];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = shared.At(Sex.Female, Levels[i % Levels.Length]));
        for (var k = 0; k < Levels.Length; k++)
        {
            Assert.Equal(single[k].Survival, backward.At(Sex.Female, Levels[k]).Survival);
            Assert.Equal(single[k].Mx.Values.ToArray(), backward.At(Sex.Female, Levels[k]).Mx.Values.ToArray());
            for (var i = k; i < concurrent.Length; i += Levels.Length)
            {
                Assert.Equal(single[k].Survival, concurrent[i].Survival);
                Assert.Equal(single[k].Mx.Values.ToArray(), concurrent[i].Mx.Values.ToArray());
            }
        }
    }

    [Fact]
    public void AModelsLevels_AreKeptForItsLaterProjections()
    {
        var scenario = Wenzhou.Scenario("baseline");
        var e0 = scenario.At(ScenarioAssumption.FemaleLifeExpectancy, Wenzhou.Model.BaseYear + 1);
        new ScenarioProjector(Wenzhou.Model).Project(scenario, Wenzhou.Model.BaseYear + 1);
        var kept = Wenzhou.Model.Mortality.At(Sex.Female, e0);
        new ScenarioProjector(Wenzhou.Model).Project(scenario, Wenzhou.Model.BaseYear + 1); // another projector of the model
        Assert.Same(kept.Survival, Wenzhou.Model.Mortality.At(Sex.Female, e0).Survival); // not calibrated again
        Assert.Same(Wenzhou.Model.Mortality, Wenzhou.Model.Mortality);
    }

    [Fact]
    public void TheBothSexesShift_MeetsTheLevel_AndAGuessAlreadyWithinTheSettledDistanceIsTakenAsItIs()
    {
        // The base's residents by sex, the baseline's sexes of its first year, and a level of 82 (the e0 lever).
        var model = Wenzhou.Model;
        double[] Residents(Sex sex) => [.. Enumerable.Range(0, model.Ages.Count).Select(x => model.Counties.Sum(c => c.Population[sex].Values[x]))];
        var (male, female) = (Residents(Sex.Male), Residents(Sex.Female));
        var baseline = Wenzhou.Scenario("baseline");
        var year = model.BaseYear + 1;
        var (maleE0, femaleE0) = (baseline.At(ScenarioAssumption.MaleLifeExpectancy, year), baseline.At(ScenarioAssumption.FemaleLifeExpectancy, year));
        var levels = new MortalityLevels(model);
        const double Level = 82;
        const double Settled = 1e-4;

        var (shift, slope, settled) = levels.BothSexesShift(Level, maleE0, femaleE0, male, female, 0, 1, Settled);
        Assert.False(settled);
        // e0 of both sexes as the calculator's e0() builds it: the deaths of the shifted rates over all residents.
        var deaths = male.Select((p, x) => (p * levels.At(Sex.Male, maleE0 + shift).Mx.Values[x]) + (female[x] * levels.At(Sex.Female, femaleE0 + shift).Mx.Values[x])).ToArray();
        Assert.Equal(Level, LifeTable.LifeExpectancyAtBirth(model.Ages, deaths, male.Zip(female, (m, f) => m + f).ToArray(), LifeTableOptions.For(Sex.Male)), 1e-7);
        Assert.InRange(slope, 0.9, 1.1); // about one for one

        // Within the settled distance: the guess itself, without a step; ten times as far: a step to the same root.
        Assert.Equal((shift + (Settled / 2), slope, true), levels.BothSexesShift(Level, maleE0, femaleE0, male, female, shift + (Settled / 2), slope, Settled));
        var (again, _, settledAgain) = levels.BothSexesShift(Level, maleE0, femaleE0, male, female, shift + (10 * Settled), slope, Settled);
        Assert.False(settledAgain);
        Assert.Equal(shift, again, 1e-6);
    }
}
