using BenchmarkDotNet.Attributes;
using Populus.Demography;
using Populus.Demography.Projection;

namespace Populus.Benchmarks.Projection;

/// <summary>
/// The cohort-component engine at the sizes the issue names: one region over 100 years; 1,000 regions × 101 ages ×
/// 2 sexes × 100 years without and with a sparse OD matrix (10 destinations a region, one shared age profile scaled
/// per pair), keeping every year or only the last; and one stochastic trajectory of 12 regions × 11 years with a full
/// OD matrix, stepped through a reusable <see cref="ProjectionStepBuffer"/>. Inputs are built in setup; the timed
/// methods project.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private static readonly AgeGroups Ages = AgeGroups.SingleYear(100);
    private const int A = 101;

    private CohortComponentProjection _single = null!;
    private double[] _singleInitial = null!;
    private ProjectionStep[] _singleSteps = null!;

    private CohortComponentProjection _regions = null!;
    private double[] _regionsInitial = null!;
    private ProjectionStep[] _regionsSteps = null!;
    private ProjectionStep[] _regionsOdSteps = null!;

    private CohortComponentProjection _trajectory = null!;
    private double[] _trajectoryInitial = null!;
    private double[] _trajectorySurvival = null!;
    private double[] _trajectoryFertility = null!;
    private double[] _trajectorySrb = null!;
    private double[] _trajectoryMigrants = null!;
    private ProjectionStepBuffer _trajectoryBuffer = null!;

    /// <summary>Population only, or every flow by age as well.</summary>
    [Params(ProjectionOutputs.Population, ProjectionOutputs.All)]
    public ProjectionOutputs Outputs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _single = new CohortComponentProjection(StateSpace.Single(), Ages, outputs: Outputs);
        _singleInitial = Initial(1);
        _singleSteps = [.. Enumerable.Repeat(Step(1, MigrationTiming.End, null), 100)];

        var regions = StateSpace.Regions(Enumerable.Range(0, 1000).Select(i => $"r{i}"));
        _regions = new CohortComponentProjection(regions, Ages, outputs: Outputs);
        _regionsInitial = Initial(regions.Count);
        _regionsSteps = [.. Enumerable.Repeat(Step(regions.Count, MigrationTiming.End, null), 100)];
        var profile = Profile(0.002);
        var od = new StateTransitions("migration", regions, Ages, TransitionKind.Rates,
            Enumerable.Range(0, regions.Count).SelectMany(o => Enumerable.Range(1, 10)
                .Select(k => new Transition(o, (o + k * k * 7) % regions.Count, profile, 1 + (o + k) % 3))));
        _regionsOdSteps = [.. Enumerable.Repeat(Step(regions.Count, MigrationTiming.End, od), 100)];

        var twelve = StateSpace.Regions(Enumerable.Range(0, 12).Select(i => $"r{i}"));
        _trajectory = new CohortComponentProjection(twelve, Ages, outputs: Outputs, maxDegreeOfParallelism: 1);
        _trajectoryInitial = Initial(12);
        _trajectorySurvival = Survival(12);
        _trajectoryFertility = Fertility(12);
        _trajectorySrb = [.. Enumerable.Repeat(1.06, 12)];
        _trajectoryMigrants = Migrants(12);
        var trajectoryOd = new StateTransitions("migration", twelve, Ages, TransitionKind.Rates,
            Enumerable.Range(0, 12).SelectMany(o => Enumerable.Range(0, 12).Where(d => d != o)
                .Select(d => new Transition(o, d, profile, 1 + (o * d) % 4))));
        _trajectoryBuffer = new ProjectionStepBuffer(Ages, 12, hasMigrants: true, MigrationTiming.End, [trajectoryOd]);
    }

    [Benchmark]
    public double SingleRegion100Years() => _single.Project(2024, _singleInitial, _singleSteps).TotalPopulation(2124);

    [Benchmark]
    public double Regions1000x100YearsNoOd() => _regions.Project(2024, _regionsInitial, _regionsSteps).TotalPopulation(2124);

    [Benchmark]
    public double Regions1000x100YearsSparseOd() => _regions.Project(2024, _regionsInitial, _regionsOdSteps).TotalPopulation(2124);

    /// <summary>The same run keeping only the last year's population (the all-years array is 163 MB).</summary>
    [Benchmark]
    public double Regions1000x100YearsNoOdLastYearOnly() => _regions.Project(2024, _regionsInitial, _regionsSteps, [2124]).TotalPopulation(2124);

    /// <summary>One of the 10,000 trajectories of the stochastic issue: 11 steps, each writing its rates into the reusable
    /// buffer (as a trajectory does) and advancing on one thread.</summary>
    [Benchmark]
    public double Trajectory12Regions11YearsFullOd()
    {
        _trajectory.Begin(2024, _trajectoryInitial);
        for (var k = 0; k < 11; k++)
        {
            _trajectorySurvival.CopyTo(_trajectoryBuffer.Survival);
            _trajectoryFertility.CopyTo(_trajectoryBuffer.Fertility);
            _trajectorySrb.CopyTo(_trajectoryBuffer.SexRatioAtBirth);
            _trajectoryMigrants.CopyTo(_trajectoryBuffer.NetMigrants);
            _trajectory.Advance(_trajectoryBuffer);
        }

        var total = 0.0;
        foreach (var v in _trajectory.CurrentPopulation)
        {
            total += v;
        }

        return total;
    }

    private static ProjectionStep Step(int states, MigrationTiming timing, StateTransitions? od) =>
        ProjectionStep.FromArrays(Ages, states, Survival(states), Fertility(states), [.. Enumerable.Repeat(1.06, states)], Migrants(states),
            timing, od is null ? null : [od]);

    private static double[] Initial(int states) => Fill(states * 2 * A, (s, sex, x) => (1000 + s % 17) * Math.Exp(-0.012 * x));

    private static double[] Survival(int states) => Fill(states * 2 * A, (s, sex, x) =>
        x == 0 ? 0.995 : Math.Exp(-Math.Min(0.0004 * Math.Exp((0.085 + 0.002 * sex) * x), 3.0)));

    private static double[] Migrants(int states) => Fill(states * 2 * A, (s, sex, x) => (s % 5 - 2) * Math.Exp(-Math.Pow((x - 25) / 10.0, 2)));

    private static double[] Fertility(int states)
    {
        var f = new double[states * A];
        for (var s = 0; s < states; s++)
        {
            for (var x = 15; x < 50; x++)
            {
                f[s * A + x] = 0.08 * Math.Exp(-Math.Pow((x - 29) / 5.5, 2));
            }
        }

        return f;
    }

    private static TransitionSchedule Profile(double peak)
    {
        var v = Enumerable.Range(0, A).Select(x => peak * (0.2 + Math.Exp(-Math.Pow((x - 22) / 8.0, 2)))).ToArray();
        return new TransitionSchedule(Ages, v, v);
    }

    private static double[] Fill(int length, Func<int, int, int, double> value)
    {
        var v = new double[length];
        for (var i = 0; i < length; i++)
        {
            v[i] = value(i / (2 * A), i / A % 2, i % A);
        }

        return v;
    }
}
