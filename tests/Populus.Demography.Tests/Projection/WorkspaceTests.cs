using System.Numerics.Tensors;
using Populus.Demography.Projection;

namespace Populus.Demography.Tests.Projection;

/// <summary>The engine's allocation-free ways of running: kept years only, and stepping a reusable buffer.</summary>
public class WorkspaceTests
{
    private const int States = 4;
    private static readonly AgeGroups Ages = Synthetic.Ages;
    private static readonly int A = Ages.Count;

    private static StateTransitions Od(StateSpace space, double scale = 1.0) =>
        new("internal migration", space, Ages, TransitionKind.Rates, Synthetic.AllPairs(Enumerable.Range(0, States), Synthetic.MigrationProfile(0.02), scale));

    /// <summary>Writes the arrays of step k into the buffer.</summary>
    private static void Fill(ProjectionStepBuffer buffer, int k)
    {
        var (survival, fertility, srb, migrants) = Arrays(k);
        survival.CopyTo(buffer.Survival);
        fertility.CopyTo(buffer.Fertility);
        srb.CopyTo(buffer.SexRatioAtBirth);
        migrants.CopyTo(buffer.NetMigrants);
    }

    /// <summary>The arrays of step k: levels drift with k so that every step differs.</summary>
    private static (double[] Survival, double[] Fertility, double[] Srb, double[] Migrants) Arrays(int k)
    {
        var survival = new double[States * 2 * A];
        var fertility = new double[States * A];
        var migrants = new double[States * 2 * A];
        for (var s = 0; s < States; s++)
        {
            Synthetic.Survival(1.1 - 0.01 * k + 0.05 * s).CopyTo(survival, (s * 2) * A);
            Synthetic.Survival(1.0 - 0.01 * k + 0.05 * s).CopyTo(survival, (s * 2 + 1) * A);
            var f = Synthetic.Fertility(1.2 + 0.02 * k + 0.1 * s).Values;
            f.CopyTo(fertility.AsSpan(s * A + 15));
            Synthetic.Migrants(40 * (s - 2) - 5 * k).CopyTo(migrants, (s * 2) * A);
            Synthetic.Migrants(36 * (s - 2) - 5 * k).CopyTo(migrants, (s * 2 + 1) * A);
        }

        return (survival, fertility, [.. Enumerable.Range(0, States).Select(s => 1.05 + 0.01 * s)], migrants);
    }

    private static double[] Initial() =>
        [.. Enumerable.Range(0, States).SelectMany(s => Synthetic.Population(1 + 0.2 * s).Male.Values.ToArray().Concat(Synthetic.Population(1 + 0.2 * s).Female.Values.ToArray()))];

    private static ProjectionStep[] Steps(StateSpace space, MigrationTiming timing, int count, double odScale = 1.0) =>
        [.. Enumerable.Range(0, count).Select(k =>
        {
            var (survival, fertility, srb, migrants) = Arrays(k);
            return ProjectionStep.FromArrays(Ages, States, survival, fertility, srb, migrants, timing, [Od(space, odScale)]);
        })];

    [Theory]
    [InlineData(MigrationTiming.End)]
    [InlineData(MigrationTiming.HalfHalf)]
    public void KeptYears_EqualTheFullRunBitForBit(MigrationTiming timing)
    {
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var steps = Steps(space, timing, 10);
        var full = new CohortComponentProjection(space, Ages, outputs: ProjectionOutputs.Population).Project(2020, Initial(), steps);
        var kept = new CohortComponentProjection(space, Ages, outputs: ProjectionOutputs.Population).Project(2020, Initial(), steps, [2025, 2020, 2030]);

        Assert.Equal([2020, 2025, 2030], kept.PopulationYears.ToArray());
        foreach (var year in new[] { 2020, 2025, 2030 })
        {
            for (var s = 0; s < States; s++)
            {
                Assert.Equal(full.Population(year, s, Sex.Female).ToArray(), kept.Population(year, s, Sex.Female).ToArray());
                Assert.Equal(full.Population(year, s, Sex.Male).ToArray(), kept.Population(year, s, Sex.Male).ToArray());
            }
        }

        Assert.Equal(full.Births(2027, 1, Sex.Male), kept.Births(2027, 1, Sex.Male));
        Assert.Throws<ArgumentOutOfRangeException>(() => kept.TotalPopulation(2026));
    }

    [Fact]
    public void KeptYears_RefuseAYearOutsideTheRun()
    {
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var engine = new CohortComponentProjection(space, Ages);
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Project(2020, Initial(), Steps(space, MigrationTiming.End, 3), [2024]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void BufferSteps_EqualTheProjectionBitForBit(int threads)
    {
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var steps = Steps(space, MigrationTiming.HalfHalf, 6);
        var reference = new CohortComponentProjection(space, Ages).Project(2020, Initial(), steps);

        var engine = new CohortComponentProjection(space, Ages, maxDegreeOfParallelism: threads);
        var buffer = new ProjectionStepBuffer(Ages, States, hasMigrants: true, MigrationTiming.HalfHalf, [Od(space)]);
        engine.Begin(2020, Initial());
        for (var k = 0; k < steps.Length; k++)
        {
            Fill(buffer, k);
            engine.Advance(buffer);

            Assert.Equal(2021 + k, engine.CurrentYear);
            Assert.Equal(reference.PopulationData.Slice((k + 1) * States * 2 * A, States * 2 * A).ToArray(), engine.CurrentPopulation.ToArray());
            for (var s = 0; s < States; s++)
            {
                Assert.Equal(reference.Births(2020 + k, s, Sex.Female), engine.LastStepBirths[s * 2 + 1]);
                Assert.Equal(reference.BirthsByMothersAge(2020 + k, s).ToArray(), engine.LastStepBirthsByMothersAge.Slice(s * A, A).ToArray());
                Assert.Equal(reference.Deaths(2020 + k, s, Sex.Male).ToArray(), engine.LastStepDeaths.Slice(s * 2 * A, A).ToArray());
                Assert.Equal(reference.Deaths(2020 + k, s, Sex.Female).ToArray(), engine.LastStepDeaths.Slice((s * 2 + 1) * A, A).ToArray());
            }
        }
    }

    [Fact]
    public void BufferSteps_WithoutDeathsAmongTheOutputs_HaveNoDeathsToRead()
    {
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var engine = new CohortComponentProjection(space, Ages, outputs: ProjectionOutputs.Population);
        var buffer = new ProjectionStepBuffer(Ages, States, hasMigrants: true, MigrationTiming.HalfHalf, [Od(space)]);
        engine.Begin(2020, Initial());
        Fill(buffer, 0);
        engine.Advance(buffer);
        Assert.Throws<InvalidOperationException>(() => engine.LastStepDeaths.Length);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(2.5)]
    public void RateScales_MoveAsTheSetWithItsPairsScaled(double scale)
    {
        // A buffer's set at scale 1 times RateScales = the same set with every pair's scale multiplied: the same
        // movers, summed in another order (so equal to rounding, not bit for bit).
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var steps = Steps(space, MigrationTiming.HalfHalf, 5, odScale: scale);
        var reference = new CohortComponentProjection(space, Ages).Project(2020, Initial(), steps);

        var engine = new CohortComponentProjection(space, Ages);
        var buffer = new ProjectionStepBuffer(Ages, States, hasMigrants: true, MigrationTiming.HalfHalf, [Od(space)]);
        engine.Begin(2020, Initial());
        for (var k = 0; k < steps.Length; k++)
        {
            Fill(buffer, k);
            buffer.RateScales[0] = scale;
            engine.Advance(buffer);
            var expected = reference.PopulationData.Slice((k + 1) * States * 2 * A, States * 2 * A);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], engine.CurrentPopulation[i], 1e-9 * Math.Max(1, expected[i]));
            }
        }

    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(1e6)]
    public void RateScales_RefuseNegativeScalesAndProbabilitiesAboveOne(double scale)
    {
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var engine = new CohortComponentProjection(space, Ages);
        var buffer = new ProjectionStepBuffer(Ages, States, hasMigrants: true, MigrationTiming.HalfHalf, [Od(space)]);
        engine.Begin(2020, Initial());
        Fill(buffer, 0);
        buffer.RateScales[0] = scale;
        var e = Assert.ThrowsAny<ArgumentException>(() => engine.Advance(buffer));
        Assert.Contains("internal migration", e.Message);
        Assert.Equal(Initial(), engine.CurrentPopulation.ToArray()); // refused before the step ran
    }

    [Fact]
    public void Buffer_RefusesOutOfRangeValuesAndUnsetSexRatio()
    {
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var engine = new CohortComponentProjection(space, Ages);
        var buffer = new ProjectionStepBuffer(Ages, States, hasMigrants: false);
        engine.Begin(2020, Initial());
        var (survival, fertility, srb, _) = Arrays(0);
        survival.CopyTo(buffer.Survival);
        fertility.CopyTo(buffer.Fertility);
        Assert.ThrowsAny<ArgumentException>(() => engine.Advance(buffer)); // sex ratio unset (0)

        srb.CopyTo(buffer.SexRatioAtBirth);
        buffer.Survival[7] = 1.2;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Advance(buffer));
        Assert.Contains("survival ratio", e.Message);

        buffer.Survival[7] = double.NaN;
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Advance(buffer));
        Assert.Throws<InvalidOperationException>(() => buffer.NetMigrants[0] = 1);
    }

    [Fact]
    public void Advance_BeforeBegin_Throws()
    {
        var engine = new CohortComponentProjection(StateSpace.Single(), Ages);
        Assert.Throws<InvalidOperationException>(() => engine.Advance(new ProjectionStepBuffer(Ages, 1, false)));
    }

    [Theory]
    [InlineData(MigrationTiming.HalfHalf)]
    [InlineData(MigrationTiming.End)]
    public void SinglePrecision_ProjectsAsDoublePrecision_ToSinglePrecision(MigrationTiming timing)
    {
        // Thirty steps with OD migration scaled each step, migrants and births: the engine in floats (a stochastic
        // projection's trajectories) against the same steps in doubles.
        var space = StateSpace.Regions(["a", "b", "c", "d"]);
        var single = new CohortComponentProjection<float>(space, Ages, outputs: ProjectionOutputs.Population, maxDegreeOfParallelism: 1);
        var full = new CohortComponentProjection(space, Ages, outputs: ProjectionOutputs.Population, maxDegreeOfParallelism: 1);
        var singleBuffer = new ProjectionStepBuffer<float>(Ages, States, hasMigrants: true, timing, [Od(space)]);
        var buffer = new ProjectionStepBuffer(Ages, States, hasMigrants: true, timing, [Od(space)]);
        single.Begin(2020, Kernels.Converted<double, float>(Initial()));
        full.Begin(2020, Initial());
        for (var k = 0; k < 30; k++)
        {
            Fill(buffer, k);
            var (survival, fertility, srb, migrants) = Arrays(k);
            TensorPrimitives.ConvertTruncating<double, float>(survival, singleBuffer.Survival);
            TensorPrimitives.ConvertTruncating<double, float>(fertility, singleBuffer.Fertility);
            TensorPrimitives.ConvertTruncating<double, float>(srb, singleBuffer.SexRatioAtBirth);
            TensorPrimitives.ConvertTruncating<double, float>(migrants, singleBuffer.NetMigrants);
            buffer.RateScales[0] = 0.5 + 0.05 * k;
            singleBuffer.RateScales[0] = (float)buffer.RateScales[0];
            single.Advance(singleBuffer);
            full.Advance(buffer);

            var (expected, actual) = (full.CurrentPopulation.ToArray(), single.CurrentPopulation.ToArray());
            var total = expected.Sum();
            for (var i = 0; i < expected.Length; i++)
            {
                // Each cell to a few units in the seventh digit of the total (a cell's own rounding is relative to the
                // largest terms that made it: survivors, movers and migrants).
                Assert.Equal(expected[i], actual[i], total * 1e-7 + Math.Abs(expected[i]) * 1e-5);
            }

            for (var s = 0; s < 2 * States; s++)
            {
                Assert.Equal(full.LastStepBirths[s], single.LastStepBirths[s], Math.Abs(full.LastStepBirths[s]) * 1e-5);
            }
        }

        Assert.NotEqual(full.CurrentPopulation[5], (double)single.CurrentPopulation[5]); // the precisions do differ
    }

    [Fact]
    public void OtherPrecisions_AreRefused() =>
        Assert.Throws<NotSupportedException>(() => new CohortComponentProjection<Half>(StateSpace.Single(), Ages));
}
