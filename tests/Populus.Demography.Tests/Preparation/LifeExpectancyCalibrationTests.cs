using Populus.Demography.LifeTables;
using Populus.Demography.Preparation;

namespace Populus.Demography.Tests.Preparation;

public class LifeExpectancyCalibrationTests
{
    private static readonly LifeTableOptions Options = LifeTableConventions.Wpp2024(Sex.Female);

    private static DeathRates Single(double level) => ScheduleTrajectory.Mortality([new(2020, Assumptions.AbridgedMortality(level))], TrajectoryMode.Step).At(2020);

    [Theory]
    [InlineData(60.0)]
    [InlineData(75.0)]
    [InlineData(88.0)]
    public void ScaleTo_HitsTheTarget(double target)
    {
        var (rates, factor) = LifeExpectancyCalibration.ScaleTo(Single(1.0), target, Options);
        Assert.Equal(target, LifeTable.FromRates(rates, Options).E0, 7);
        Assert.True(factor > 0);
    }

    [Fact]
    public void ScaleTo_KeepsTheAgePatternAndMovesTheFactorTheRightWay()
    {
        var mx = Single(1.0);
        var e0 = LifeTable.FromRates(mx, Options).E0;
        var (lower, k) = LifeExpectancyCalibration.ScaleTo(mx, e0 - 2, Options);
        Assert.True(k > 1, $"a lower e0 needs higher rates; factor {k}");
        for (var x = 0; x < mx.Count; x++)
        {
            Assert.Equal(k, lower[x] / mx[x], 10);
        }

        Assert.Equal(1.0, LifeExpectancyCalibration.ScaleTo(mx, e0, Options).Factor, 8);
    }

    [Fact]
    public void ScaleTo_RefusesImpossibleTargets()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LifeExpectancyCalibration.ScaleTo(Single(1.0), 150, Options));
        var zero = new DeathRates(Assumptions.Ages, new double[Assumptions.Ages.Count]);
        Assert.ThrowsAny<ArgumentException>(() => LifeExpectancyCalibration.ScaleTo(zero, 70, LifeTableOptions.For(Sex.Female)));
    }
}
