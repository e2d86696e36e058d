using Populus.Demography.Preparation;

namespace Populus.Demography.Tests.Preparation;

public class TrajectoryTests
{
    [Fact]
    public void FromAnnual_AtFirstJanuary_IsMeanOfTheTwoCalendarYears()
    {
        var e0 = Trajectory.FromAnnual(new Dictionary<int, double> { [2023] = 75.0, [2024] = 76.0, [2025] = 78.0 });
        Assert.Equal(75.5, e0.At(2024.0), 12);
        Assert.Equal(77.0, e0.At(2025.0), 12);
        Assert.Equal(76.0, e0.At(2024.5), 12);
    }

    [Fact]
    public void FromAnnual_BeyondTheYears_HoldsTheEndValues()
    {
        var tfr = Trajectory.FromAnnual(new Dictionary<int, double> { [2023] = 1.0, [2024] = 1.2 });
        Assert.Equal(1.0, tfr.At(2000), 12);
        Assert.Equal(1.2, tfr.At(2100), 12);
    }

    [Fact]
    public void Step_HoldsEachValueUntilTheNextKnot()
    {
        var srb = new Trajectory([new(2020, 1.10), new(2025, 1.06)], TrajectoryMode.Step);
        Assert.Equal(1.10, srb.At(2020.5));
        Assert.Equal(1.10, srb.At(2024.99));
        Assert.Equal(1.06, srb.At(2025.0));
        Assert.Equal(1.10, srb.At(2010), 12);
    }

    [Fact]
    public void Constructor_RefusesRepeatedTimesAndEmptyInput()
    {
        Assert.Throws<ArgumentException>(() => new Trajectory([new(2020, 1), new(2020, 2)], TrajectoryMode.Interpolate));
        Assert.Throws<ArgumentException>(() => new Trajectory([], TrajectoryMode.Step));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trajectory([new(2020, double.NaN)], TrajectoryMode.Step));
    }
}
