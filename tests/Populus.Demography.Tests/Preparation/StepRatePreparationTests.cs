using Populus.Demography.Preparation;
using Populus.Demography.Projection;

namespace Populus.Demography.Tests.Preparation;

public class StepRatePreparationTests
{
    [Fact]
    public void Prepare_JulyToJulyStep_IsCalibratedToTheLevelsAtFirstJanuary()
    {
        var p = StepRatePreparation.Prepare(Assumptions.Region(calibrated: true), 2020.5);
        Assert.Equal(74.5, p.MaleLifeExpectancy, 6);
        Assert.Equal(79.5, p.FemaleLifeExpectancy, 6);
        Assert.Equal(1.2, p.TotalFertility, 10);
        Assert.Equal(1.09, p.Rates.SexRatioAtBirth.MalesPerFemale, 12);
        Assert.All(p.Rates.MaleMigrants!.Values.ToArray(), m => Assert.Equal(3.0, m, 12));
        Assert.All(p.Rates.FemaleMigrants!.Values.ToArray(), m => Assert.Equal(-2.0, m, 12));
    }

    [Fact]
    public void Prepare_Uncalibrated_UsesTheInterpolatedSchedules()
    {
        var p = StepRatePreparation.Prepare(Assumptions.Region(calibrated: false), 2020.5);
        Assert.Equal(1.0, p.MaleMortalityFactor);
        // Linear between TFR 1.8 (2018) and 1.4 (2023) at 2021.0: 1.8 − 0.4·3/5.
        Assert.Equal(1.56, p.TotalFertility, 10);
        Assert.True(p.FemaleLifeExpectancy > p.MaleLifeExpectancy);
    }

    [Fact]
    public void Prepare_SurvivalRatiosAreProbabilities_AndFertilityIsSingleYear()
    {
        var p = StepRatePreparation.Prepare(Assumptions.Region(calibrated: true), 2020.5);
        Assert.All(p.Rates.MaleSurvival.Values.ToArray(), s => Assert.InRange(s, 0, 1));
        Assert.Equal(AgeGroups.SingleYearRange(15, 49), p.Rates.Fertility.Ages);
    }

    [Fact]
    public void Steps_FeedTheEngine_AndBalance()
    {
        var region = Assumptions.Region(calibrated: true);
        var prepared = new List<IReadOnlyList<PreparedRates>>();
        var steps = StepRatePreparation.Steps([region], 2020.5, 3, MigrationTiming.End, prepared: prepared);
        Assert.Equal(3, steps.Count);
        Assert.Equal(3, prepared.Count);
        var start = new PopulationByAgeSex(new PopulationByAge(Assumptions.Ages, Enumerable.Repeat(100.0, 101).ToArray()),
            new PopulationByAge(Assumptions.Ages, Enumerable.Repeat(100.0, 101).ToArray()));
        var result = new CohortComponentProjection(StateSpace.Single(), Assumptions.Ages).Project(2020, [start], steps);
        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            Assert.Equal(0, result.Balance(year).Residual, 6);
        }
    }

    [Fact]
    public void Prepare_RefusesMortalityShortOfTheGrid()
    {
        var short85 = new Dictionary<double, DeathRates> { [2020] = new(AgeGroups.Abridged(85), Enumerable.Repeat(0.01, AgeGroups.Abridged(85).Count).ToArray()) };
        var region = Assumptions.Region(calibrated: false);
        var bad = new RegionAssumptions
        {
            Ages = region.Ages,
            MaleMortality = ScheduleTrajectory.Mortality(short85, TrajectoryMode.Step),
            FemaleMortality = region.FemaleMortality,
            Fertility = region.Fertility,
            SexRatioAtBirth = region.SexRatioAtBirth,
            MaleLifeTable = region.MaleLifeTable,
            FemaleLifeTable = region.FemaleLifeTable,
        };
        var ex = Assert.Throws<ArgumentException>(() => StepRatePreparation.Prepare(bad, 2020));
        Assert.Contains("age 100", ex.Message);
    }
}
