using Populus.Demography.Migration;

namespace Populus.Demography.Tests.Migration;

public class MigrationTests
{
    [Fact]
    public void Standard_IsTheRogersCastroFundamentalSchedule()
    {
        var s = RogersCastroSchedule.Standard;
        Assert.Equal(7, s.ParameterCount);
        // m(x) at a few ages straight from the formula with a1 = 0.02, α1 = 0.1, a2 = 0.06, μ2 = 20, α2 = 0.1, λ2 = 0.4, c = 0.003.
        Assert.Equal(0.02 + 0.06 * Math.Exp(2 - Math.Exp(8)) + 0.003, s.Rate(0), 1e-15);
        Assert.Equal(0.02 * Math.Exp(-2) + 0.06 * Math.Exp(-1) + 0.003, s.Rate(20), 1e-15);
        // Labour-force peak in the early twenties, above the childhood level and the level at 60.
        var peak = Enumerable.Range(10, 30).MaxBy(a => s.Rate(a));
        Assert.InRange(peak, 20, 25);
        Assert.True(s.Rate(peak) > s.Rate(0) && s.Rate(peak) > 3 * s.Rate(60));
    }

    [Fact]
    public void ParameterForms_AddTheirTerms()
    {
        var s = RogersCastroSchedule.Standard;
        var eleven = s.WithRetirementPeak(0.001, 65, 0.5, 0.6);
        var nine = s.WithPostRetirementRise(0.0001, 0.05);
        var thirteen = eleven.WithPostRetirementRise(0.0001, 0.05);
        Assert.Equal([7, 11, 9, 13], new[] { s, eleven, nine, thirteen }.Select(x => x.ParameterCount));
        Assert.True(eleven.Rate(65) > s.Rate(65));
        Assert.Equal(s.Rate(80) + 0.0001 * Math.Exp(4), nine.Rate(80), 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RogersCastroSchedule(-0.1, 0.1, 0.06, 20, 0.1, 0.4, 0.003));
    }

    [Theory]
    [InlineData(120000.0)]
    [InlineData(-567.724)]
    public void Distribute_SumsToTotalWithTheScheduleShape(double total)
    {
        var ages = AgeGroups.SingleYear(100);
        var m = MigrationDistribution.Distribute(total, ages, RogersCastroSchedule.Standard);
        Assert.Equal(total, m.Total(), Math.Abs(total) * 1e-12);
        Assert.Equal(RogersCastroSchedule.Standard.Rate(22) / RogersCastroSchedule.Standard.Rate(50), m.AtAge(22) / m.AtAge(50), 1e-12);
        Assert.All(m.ToArray(), x => Assert.Equal(Math.Sign(total), Math.Sign(x)));
    }

    [Fact]
    public void Distribute_OnFiveYearGroupsAddsTheSingleAges()
    {
        var five = MigrationDistribution.Distribute(1000, AgeGroups.FiveYear(0, 85), RogersCastroSchedule.Standard);
        var single = MigrationDistribution.Distribute(1000, AgeGroups.SingleYear(85), RogersCastroSchedule.Standard);
        Assert.Equal(Enumerable.Range(20, 5).Sum(single.AtAge), five.AtAge(20), 1e-9);
    }

    [Fact]
    public void SplitBySex_KeepsEachAge()
    {
        var both = MigrationDistribution.Distribute(-1000, AgeGroups.SingleYear(100), RogersCastroSchedule.Standard);
        var bySex = MigrationDistribution.SplitBySex(both, 0.52);
        Assert.Equal(-520, bySex.Male.Total(), 1e-9);
        Assert.Equal(-1000, bySex.Total(), 1e-9);
        Assert.All(Enumerable.Range(0, 101), a => Assert.Equal(both[a], bySex.Male[a] + bySex.Female[a], 1e-12));
        Assert.Same(bySex.Female, bySex[Sex.Female]);
        Assert.Throws<ArgumentOutOfRangeException>(() => MigrationDistribution.SplitBySex(both, 1.2));
    }

    [Theory]
    [InlineData(MigrationTiming.End, 0.0)]
    [InlineData(MigrationTiming.Start, 1.0)]
    [InlineData(MigrationTiming.HalfHalf, 0.5)]
    public void TimingSplit_StartPlusEndIsTheStep(MigrationTiming timing, double startShare)
    {
        var step = new NetMigrants(AgeGroups.FiveYear(0, 10), [100, -40, 7]);
        var (start, end) = timing.Split(step);
        Assert.Equal(startShare, timing.StartShare());
        for (var i = 0; i < step.Count; i++)
        {
            Assert.Equal(step[i] * startShare, start[i], 1e-12);
            Assert.Equal(step[i], start[i] + end[i], 1e-12);
        }

        var bySex = new NetMigrantsByAgeSex(step, step);
        var (s2, e2) = timing.Split(bySex);
        Assert.Equal(2 * step.Total(), s2.Total() + e2.Total(), 1e-12);
    }

    [Fact]
    public void NetMigrantsByAgeSex_RejectsMixedGrids()
    {
        Assert.Throws<ArgumentException>(() => new NetMigrantsByAgeSex(NetMigrants.None(AgeGroups.SingleYear(100)), NetMigrants.None(AgeGroups.SingleYear(90))));
    }
}
