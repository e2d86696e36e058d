using Populus.Planning.GoalSeeking;
using Populus.Planning.Probability;
using Populus.Planning.Targets;

namespace Populus.Planning.Tests;

public class TargetProbabilityTests
{
    private static TargetRule Rule(string text) => TargetRule.TryParse(text, out var rule, out var reason) ? rule! : throw new InvalidOperationException(reason);

    /// <summary>Normal-looking values: 1000 draws at evenly spaced normal quantiles around <paramref name="centre"/>.</summary>
    private static double[] Spread(double centre, double sd)
    {
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1);
        return [.. Enumerable.Range(0, 1000).Select(i => centre + sd * normal.InverseCumulativeDistribution((i + 0.5) / 1000))];
    }

    [Fact]
    public void DegenerateCases_AreZeroOrOne()
    {
        double[] same = [.. Enumerable.Repeat(1000.0, 50)];
        Assert.Equal(1, TargetProbability.Of(Rule(">=1000"), same));
        Assert.Equal(0, TargetProbability.Of(Rule(">1000"), same));
        Assert.Equal(1, TargetProbability.Of(Rule("<=1000"), same));
        Assert.Equal(0, TargetProbability.Of(Rule("<999"), same));
        Assert.Equal(1, TargetProbability.Of(Rule("approx 1010"), same));
        Assert.Equal(0, TargetProbability.Of(Rule("approx 1100"), same));
    }

    [Fact]
    public void Probability_IsMonotoneInTheTargetLevel()
    {
        var values = Spread(1000, 20);
        var previousAtLeast = 1.0;
        var previousAtMost = 0.0;
        for (var level = 940.0; level <= 1060; level += 5)
        {
            var atLeast = TargetProbability.Of(Rule($">={level}"), values);
            var atMost = TargetProbability.Of(Rule($"<={level}"), values);
            Assert.True(atLeast <= previousAtLeast && atMost >= previousAtMost, $"level {level}");
            (previousAtLeast, previousAtMost) = (atLeast, atMost);
        }

        Assert.Equal(0.5, TargetProbability.Of(Rule(">=1000"), values), 3);
        Assert.Equal(0.9, TargetProbability.Of(Rule($">={1000 - 20 * 1.2815515655446004}"), values), 2);
    }

    [Fact]
    public void RelativeRules_CompareEachTrajectoryWithItsOwnReference()
    {
        double[] values = [1.0, 2.0, 3.0, 4.0];
        double[] reference = [2.0, 2.0, 2.0, 2.0];
        Assert.Equal(0.5, TargetProbability.Of(Rule("increasing"), values, reference));
        Assert.Equal(0.25, TargetProbability.Of(Rule("decreasing"), values, reference));
        Assert.Equal(0.25, TargetProbability.Of(Rule("stable"), values, reference));
        Assert.Equal(0.75, TargetProbability.Of(Rule("maintain-high"), values, reference));
        Assert.Throws<ArgumentException>(() => TargetProbability.Of(Rule("increasing"), values));
        Assert.Throws<ArgumentException>(() => TargetProbability.Of(Rule("top-of-province"), values, reference));
        Assert.Throws<ArgumentException>(() => TargetProbability.Of(Rule(">=1"), [double.NaN]));
        Assert.Throws<ArgumentException>(() => TargetProbability.Of(Rule(">=1"), []));
    }

    [Fact]
    public void GoalSeeking_FindsTheLeverForAnEightyPercentChance()
    {
        // Population 2025 (万人) = 957.29 + 5·m/10,000 + noise with sd 10 (the same noise at every m: common random numbers).
        var noise = Spread(0, 10);
        IReadOnlyList<double> Model(double m) => [.. noise.Select(e => 957.29 + (5 * m / 10_000) + e)];
        var target = Seed.Book.For("resident_population").Single(t => t.Year == 2025); // >= 1000

        var r = ProbabilisticGoalSeeker.Seek(target, Lever.NetMigration(), Model, 0.8);

        Assert.Equal(GoalSeekOutcome.Reached, r.Outcome);
        var probability = TargetProbability.Of(target.Rule, Model(r.LeverValue!.Value));
        Assert.InRange(probability, 0.79, 0.81);
        // Deterministically 85,420 a year is enough; an 80% chance needs about 0.84 sd (8.4 万) more, 16,800 a year.
        Assert.InRange(r.LeverValue!.Value, 85_420 + 16_000, 85_420 + 17_600);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProbabilisticGoalSeeker.Seek(target, Lever.NetMigration(), Model, 1.0));
    }
}
