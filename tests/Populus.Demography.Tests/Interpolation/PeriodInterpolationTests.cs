using Populus.Demography.Interpolation;

namespace Populus.Demography.Tests.Interpolation;

public class PeriodInterpolationTests
{
    private static readonly double[] Mids = [1953, 1958, 1963];

    [Fact]
    public void Linear_PassesThroughKnotsAndIsLinearBetween()
    {
        var v = PeriodInterpolation.Interpolate(Mids, [1.0, 2.0, 4.0], [1953, 1955.5, 1958, 1960.5], InterpolationScale.Linear);
        Assert.Equal([1.0, 1.5, 2.0, 3.0], v);
    }

    [Fact]
    public void LogLinear_IsGeometricBetweenKnots()
    {
        var v = PeriodInterpolation.Interpolate(Mids, [0.01, 0.04, 0.04], [1955.5, 1960], InterpolationScale.LogLinear);
        Assert.Equal(0.02, v[0], 1e-15);
        Assert.Equal(0.04, v[1], 1e-15);
    }

    [Fact]
    public void Ends_HoldOrExtend()
    {
        double[] times = [1950.5, 1965.5];
        Assert.Equal([1.0, 4.0], PeriodInterpolation.Interpolate(Mids, [1.0, 2.0, 4.0], times, InterpolationScale.Linear));
        var extended = PeriodInterpolation.Interpolate(Mids, [1.0, 2.0, 4.0], times, InterpolationScale.Linear, EndRule.Extend);
        Assert.Equal(0.5, extended[0], 1e-12);
        Assert.Equal(5.0, extended[1], 1e-12);
        var log = PeriodInterpolation.Interpolate(Mids, [0.01, 0.02, 0.04], [1968], InterpolationScale.LogLinear, EndRule.Extend);
        Assert.Equal(0.08, log[0], 1e-15);
    }

    [Fact]
    public void CalendarYearMidpoints_AreHalfYears()
    {
        Assert.Equal([2020.5, 2021.5, 2022.5], PeriodInterpolation.CalendarYearMidpoints(2020, 2022));
    }

    [Fact]
    public void Interpolate_RejectsBadKnots()
    {
        Assert.Throws<ArgumentException>(() => PeriodInterpolation.Interpolate([1958, 1953], [1.0, 2.0], [1955], InterpolationScale.Linear));
        Assert.Throws<ArgumentException>(() => PeriodInterpolation.Interpolate([1953], [1.0, 2.0], [1955], InterpolationScale.Linear));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodInterpolation.Interpolate(Mids, [1.0, -2.0, 3.0], [1955], InterpolationScale.LogLinear));
    }

    [Fact]
    public void DeathRates_LogLinearAgeByAge_ZeroFallsBackToLinear()
    {
        var ages = AgeGroups.FiveYear(0, 10);
        var a = new DeathRates(ages, [0.01, 0.0, 0.1]);
        var b = new DeathRates(ages, [0.04, 0.002, 0.1]);
        var years = PeriodInterpolation.CalendarYearMidpoints(1955, 1955);
        var mx = PeriodInterpolation.InterpolateDeathRates([1953.0, 1958.0], [a, b], [1955.5]);
        Assert.Single(mx);
        Assert.Equal(1955.5, years[0]);
        Assert.Equal(0.02, mx[0][0], 1e-15);
        Assert.Equal(0.001, mx[0][1], 1e-15);
        Assert.Equal(0.1, mx[0][2], 1e-15);
        Assert.Throws<ArgumentException>(() => PeriodInterpolation.InterpolateDeathRates([1953.0, 1958.0], [a, new DeathRates(AgeGroups.FiveYear(0, 15), new double[4])], [1955.5]));
    }

    [Fact]
    public void FertilityRates_LinearAndFlooredAtZeroWhenExtended()
    {
        var ages = AgeGroups.FiveYear(15, 25, open: false);
        var a = new FertilityRates(ages, [0.02, 0.10]);
        var b = new FertilityRates(ages, [0.01, 0.12]);
        var f = PeriodInterpolation.InterpolateFertilityRates([2013.0, 2018.0], [a, b], [2015.5, 2033.0], EndRule.Extend);
        Assert.Equal(0.015, f[0][0], 1e-15);
        Assert.Equal(0.11, f[0][1], 1e-15);
        Assert.Equal(0.0, f[1][0]);
        Assert.Equal(0.18, f[1][1], 1e-12);
    }
}
