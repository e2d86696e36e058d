using Populus.Demography;
using Populus.Demography.LifeTables;
using Populus.Planning.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>The model's mortality scaled to a life expectancy: the level reached, and kept values that depend on nothing
/// but the e0 asked.</summary>
public class MortalityLevelsTests
{
    private static readonly double[] Levels = [76.43, 81.07, 79.5, 84.99, 76.43];

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
}
