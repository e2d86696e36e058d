using Populus.Planning.GoalSeeking;
using Populus.Planning.Targets;

namespace Populus.Planning.Tests;

public class GoalSeekerTests
{
    private static PlanTarget Target(string id, int year) => Seed.Book.For(id).Single(t => t.Year == year);

    /// <summary>Resident population in 2025 (万人) from the 2020 base 957.29 plus five years of net migration m a year.</summary>
    private static double Population2025(double m) => 957.29 + (5 * m / 10_000);

    [Fact]
    public void NetMigrationFor10Million_IsSolvedWithItsSensitivity()
    {
        var r = GoalSeeker.Seek(Target("resident_population", 2025), Lever.NetMigration(), Population2025);
        Assert.Equal(GoalSeekOutcome.Reached, r.Outcome);
        Assert.Equal((1000 - 957.29) * 10_000 / 5, r.LeverValue!.Value, 1e-3);
        Assert.Equal(5 / 10_000.0, r.Sensitivity!.Value, 1e-12);
        Assert.Equal(1000, r.IndicatorValue!.Value, 1e-6);
    }

    [Fact]
    public void AgeingBelow20_NeedsTfrAboveAThreshold()
    {
        // Invented but monotone: each extra child per woman lowers the 2025 ageing rate by 1.5 points from 21.
        var r = GoalSeeker.Seek(Target("ageing_rate_60", 2025), Lever.TotalFertility(), tfr => 21 - (1.5 * (tfr - 0.7)));
        Assert.Equal(0.7 + (1 / 1.5), r.LeverValue!.Value, 1e-6);
        Assert.Equal(-1.5, r.Sensitivity!.Value, 1e-9);
    }

    [Fact]
    public void TargetOutOfReach_SaysSoWithTheClosestValue()
    {
        var r = GoalSeeker.Seek(Target("resident_population", 2025), Lever.NetMigration(maximum: 50_000), Population2025);
        Assert.Equal(GoalSeekOutcome.Unreachable, r.Outcome);
        Assert.Null(r.LeverValue);
        Assert.Contains("cannot be reached with annual net migration alone", r.Message, StringComparison.Ordinal);
        Assert.Contains("closest 982.29 at 50000", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetMetEverywhere_ReportsTheLeverAsNotBinding()
    {
        var r = GoalSeeker.Seek(Target("resident_population", 2025), Lever.NetMigration(100_000, 200_000), Population2025);
        Assert.Equal(GoalSeekOutcome.MetAcrossRange, r.Outcome);
        Assert.Contains("not binding", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonMonotoneModel_FindsTheFirstCrossing()
    {
        // Life expectancy lever with a peaked response: crosses 82 first at e0 = 80.
        var r = GoalSeeker.Seek(Target("life_expectancy", 2025), Lever.LifeExpectancy(), e0 => 84 - ((e0 - 82) * (e0 - 82) / 2));
        Assert.Equal(80, r.LeverValue!.Value, 1e-6);
        Assert.True(r.Sensitivity > 0);
    }

    [Fact]
    public void TheModel_IsAskedOnceForEachLevel()
    {
        var asked = new List<double>();
        var r = GoalSeeker.Seek(Target("resident_population", 2025), Lever.NetMigration(), m =>
        {
            asked.Add(m);
            return Population2025(m);
        });
        Assert.Equal(GoalSeekOutcome.Reached, r.Outcome);
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Contains(r.LeverValue!.Value, asked);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void ACoarserScan_FindsTheSameCrossingOfAMonotoneModel_AskingFewerLevels(int scanPoints)
    {
        var (fine, coarse) = (0, 0);
        var target = Target("resident_population", 2025);
        var a = GoalSeeker.Seek(target, Lever.NetMigration(), m => { fine++; return Population2025(m); });
        var b = GoalSeeker.Seek(target, Lever.NetMigration(), m => { coarse++; return Population2025(m); }, scanPoints: scanPoints);
        Assert.Equal(a.LeverValue!.Value, b.LeverValue!.Value, 1e-3);
        Assert.True(coarse < fine, $"{coarse} levels asked with {scanPoints} intervals, {fine} with {GoalSeeker.ScanPoints}");
        Assert.Throws<ArgumentOutOfRangeException>(() => GoalSeeker.Seek(target, Lever.NetMigration(), Population2025, scanPoints: 0));
    }

    [Fact]
    public void NonNumericTarget_IsRefused_InEnglishAndChinese()
    {
        var e = Assert.Throws<GoalSeekRefusedException>(() => GoalSeeker.Seek(Target("registered_population", 2030), Lever.NetMigration(), Population2025));
        Assert.Contains("increasing-yearly", e.Reason.English, StringComparison.Ordinal);
        Assert.Contains("目标倒推需要带数值的目标", e.Reason.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteProjection_IsRefused_NamingTheLeverInChinese()
    {
        var e = Assert.Throws<GoalSeekRefusedException>(() => GoalSeeker.Seek(Target("resident_population", 2025), Lever.NetMigration(), _ => double.NaN));
        Assert.StartsWith("年净迁移人数为 ", e.Reason.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyLeverRange_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Lever("x", "某", "u", 5, 5));
}
