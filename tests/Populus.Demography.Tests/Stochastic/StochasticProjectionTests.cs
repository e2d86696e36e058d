using Populus.Demography.Preparation;
using Populus.Demography.Projection;
using Populus.Demography.Stochastic;
using Populus.Demography.Tests.Projection;
using Assumptions = Populus.Demography.Tests.Preparation.Assumptions;

namespace Populus.Demography.Tests.Stochastic;

/// <summary>Three regions with internal migration, annual steps from 1 January 2021 (so step k covers calendar year 2021 + k).</summary>
public class StochasticProjectionTests
{
    private const int BaseYear = 2020;
    private const int Steps = 5;
    private static readonly StateSpace Regions = StateSpace.Regions(["Lucheng", "Ouhai", "Ruian"]);
    private static readonly AgeGroups Groups = AgeGroups.FiveYear(0, 100);

    private static readonly UncertaintyModel Model = new()
    {
        BaseYear = BaseYear,
        TotalFertility = new Ar1Process(0.1, 0.95, 0.06),
        FemaleLifeExpectancy = new Ar1Process(0.6, 0.99, 0.4),
        MaleLifeExpectancyOwn = new Ar1Process(0.2, 0.9, 0.1),
        NetMigrationRate = new Ar1Process(0.0007, 0.5, 0.0005),
        RegionalCorrelation = 0.8,
    };

    private static StateTransitions Od() => new("internal migration", Regions, Assumptions.Ages, TransitionKind.Rates,
        Synthetic.AllPairs(Enumerable.Range(0, Regions.Count), Synthetic.MigrationProfile(0.01), 1.0));

    private static double[] Initial() =>
        [.. Enumerable.Range(0, Regions.Count).SelectMany(s => Synthetic.Population(1 + 0.3 * s).Male.Values.ToArray().Concat(Synthetic.Population(1 + 0.3 * s).Female.Values.ToArray()))];

    private static StochasticProjection Projection(UncertaintyModel model, AgeGroups? groups = null)
    {
        var od = Od();
        return new StochasticProjection(Regions, [.. Enumerable.Range(0, Regions.Count).Select(_ => Assumptions.Region(calibrated: true))], Initial(),
            BaseYear + 1, BaseYear + 1, Steps, MigrationTiming.HalfHalf, model, groups ?? Groups, _ => [od]);
    }

    private static readonly Lazy<StochasticProjection> Shared = new(() => Projection(Model));

    [Fact]
    public void FertilityDrawnOutOfRange_IsRefusedAsTheStepCheckRefusesIt()
    {
        // A TFR deviation of hundreds of children scales some asfr above 1: the trajectory skips the array checks only
        // while its scalars show the values in range, so this draw must reach the full check and fail there.
        var wild = Projection(Model with { TotalFertility = new Ar1Process(300, 0.95, 100) });
        var e = Assert.ThrowsAny<Exception>(() => wild.Run(4, 1, maxDegreeOfParallelism: 1));
        var inner = e is AggregateException aggregate ? aggregate.InnerExceptions[0] : e;
        Assert.IsType<ArgumentOutOfRangeException>(inner);
        Assert.Contains("asfr", inner.Message);
    }

    [Fact]
    public void SameSeed_SameResultsForOneAndTwoThreads()
    {
        var one = Shared.Value.Run(64, 11, maxDegreeOfParallelism: 1);
        var two = Shared.Value.Run(64, 11, maxDegreeOfParallelism: 2);
        var other = Shared.Value.Run(64, 12, maxDegreeOfParallelism: 2);

        foreach (var year in one.Years)
        {
            foreach (var unit in one.Units)
            {
                for (var q = 0; q < TrajectoryResults.Probabilities.Length; q++)
                {
                    Assert.Equal(one.Quantile(year, unit, TrajectoryIndicator.Population, q), two.Quantile(year, unit, TrajectoryIndicator.Population, q));
                    Assert.Equal(one.Quantile(year, unit, Sex.Female, 6, q), two.Quantile(year, unit, Sex.Female, 6, q));
                }

                Assert.Equal(one.Mean(year, unit, TrajectoryIndicator.Births), two.Mean(year, unit, TrajectoryIndicator.Births));
            }
        }

        Assert.Equal(one.Values(2026, "total", TrajectoryIndicator.Population), two.Values(2026, "total", TrajectoryIndicator.Population));
        Assert.NotEqual(one.Values(2026, "total", TrajectoryIndicator.Population), other.Values(2026, "total", TrajectoryIndicator.Population));
    }

    /// <summary>A run after another's values were released reuses their memory: it gives the same figures as a run in
    /// fresh memory, and the released run keeps its summaries but no longer gives its values.</summary>
    [Fact]
    public void ReleasedValues_AreReusedByTheNextRun_WithoutChangingIt()
    {
        var fresh = Shared.Value.Run(40, 13, maxDegreeOfParallelism: 2);
        var expected = fresh.Values(2026, "total", TrajectoryIndicator.Population);
        var median = fresh.Quantile(2026, "total", TrajectoryIndicator.Population, 3);
        var released = Shared.Value.Run(40, 14, maxDegreeOfParallelism: 2);
        released.Dispose();
        released.Dispose(); // a second release returns nothing twice

        var reused = Shared.Value.Run(40, 13, maxDegreeOfParallelism: 2);
        Assert.Equal(expected, reused.Values(2026, "total", TrajectoryIndicator.Population));
        Assert.Equal(median, reused.Quantile(2026, "total", TrajectoryIndicator.Population, 3));
        Assert.True(released.Mean(2026, "total", TrajectoryIndicator.Population) > 0);
        Assert.Throws<ObjectDisposedException>(() => released.Values(2026, "total", TrajectoryIndicator.Population));
    }

    /// <summary>0–14, 15–64 and 65+ are summed from the output groups when these nest them (five-year groups), from
    /// the single years when they do not (ten-year groups): the indicators built on them, and the population that
    /// scales the next year's migration, agree to the precision kept.</summary>
    [Fact]
    public void BroadAgeIndicators_AreTheSameWhetherOrNotTheOutputGroupsNestThem()
    {
        var nested = Shared.Value.Run(50, 11);
        var other = Projection(Model, AgeGroups.FromStarts([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).Run(50, 11);
        var indicators = new[]
        {
            TrajectoryIndicator.Population, TrajectoryIndicator.ChildSharePercent, TrajectoryIndicator.OlderSharePercent,
            TrajectoryIndicator.OldAgeDependencyRatio, TrajectoryIndicator.Births, TrajectoryIndicator.NetMigrants,
        };
        foreach (var year in nested.Years)
        {
            foreach (var unit in nested.Units)
            {
                foreach (var indicator in indicators)
                {
                    var (a, b) = (nested.Values(year, unit, indicator), other.Values(year, unit, indicator));
                    for (var i = 0; i < a.Length; i++)
                    {
                        Assert.Equal(a[i], b[i], Math.Abs(a[i]) * 1e-5 + 1e-6);
                    }
                }
            }
        }
    }

    [Fact]
    public void Quantiles_AreOrderedAndTheTotalIsTheSumOfUnits()
    {
        var r = Shared.Value.Run(200, 3);
        foreach (var year in r.Years)
        {
            foreach (var unit in r.Units)
            {
                foreach (var indicator in new[] { TrajectoryIndicator.Population, TrajectoryIndicator.Births, TrajectoryIndicator.OlderSharePercent })
                {
                    for (var q = 1; q < TrajectoryResults.Probabilities.Length; q++)
                    {
                        Assert.True(r.Quantile(year, unit, indicator, q - 1) <= r.Quantile(year, unit, indicator, q), $"{year} {unit} {indicator} q{q}");
                    }
                }
            }

            var total = r.Values(year, "total", TrajectoryIndicator.Population);
            var units = Enumerable.Range(0, Regions.Count).Select(s => r.Values(year, Regions.Label(s), TrajectoryIndicator.Population)).ToArray();
            for (var i = 0; i < total.Length; i++)
            {
                Assert.Equal(units.Sum(u => u[i]), total[i], total[i] * 1e-6);
            }
        }
    }

    [Fact]
    public void WithoutUncertainty_EveryTrajectoryIsTheDeterministicProjection()
    {
        var regions = Enumerable.Range(0, Regions.Count).Select(_ => Assumptions.Region(calibrated: true)).ToArray();
        var od = Od();
        var steps = StepRatePreparation.Steps(regions, BaseYear + 1, Steps, MigrationTiming.HalfHalf, _ => [od]);
        var deterministic = new CohortComponentProjection(Regions, Assumptions.Ages).Project(BaseYear + 1, Initial(), steps);

        var r = Projection(UncertaintyModel.None(BaseYear)).Run(4, 1);

        foreach (var year in r.Years)
        {
            for (var s = 0; s < Regions.Count; s++)
            {
                var expected = deterministic.TotalPopulation(year, s);
                Assert.All(r.Values(year, Regions.Label(s), TrajectoryIndicator.Population), v => Assert.Equal(expected, v, expected * 1e-6));
                var births = deterministic.Births(year - 1, s, Sex.Male) + deterministic.Births(year - 1, s, Sex.Female);
                Assert.All(r.Values(year, Regions.Label(s), TrajectoryIndicator.Births), v => Assert.Equal(births, v, births * 1e-6));
            }
        }
    }

    [Fact]
    public void Median_IsCloseToTheDeterministicRun()
    {
        var none = Projection(UncertaintyModel.None(BaseYear)).Run(1, 1);
        var r = Shared.Value.Run(400, 5);
        var year = r.Years[^1];
        var central = none.Mean(year, "total", TrajectoryIndicator.Population);
        Assert.InRange(r.Quantile(year, "total", TrajectoryIndicator.Population, 3) / central, 0.995, 1.005);
        Assert.True(r.Quantile(year, "total", TrajectoryIndicator.Population, 0) < central && central < r.Quantile(year, "total", TrajectoryIndicator.Population, 6));
    }

    /// <summary>The simulated TFR and female e0 of a region have the process's marginal 80% and 95% intervals around the central path.</summary>
    [Fact]
    public void SimulatedLevels_ReproduceTheProcessIntervals()
    {
        const int N = 4000;
        var r = Shared.Value.Run(N, 21);
        var central = Projection(UncertaintyModel.None(BaseYear)).Run(1, 1);
        foreach (var (indicator, process) in new[] { (TrajectoryIndicator.TotalFertility, Model.TotalFertility), (TrajectoryIndicator.FemaleLifeExpectancy, Model.FemaleLifeExpectancy) })
        {
            foreach (var year in new[] { 2022, 2026 })
            {
                // The level recorded at a year is that of the step ending there, which covers the calendar year before.
                var sd = process.StandardDeviation(year - 1 - BaseYear);
                var c = central.Mean(year, "Ouhai", indicator);
                var values = r.Values(year, "Ouhai", indicator);
                // Coverage of the process's own 80% and 95% intervals; binomial standard errors 0.0063 and 0.0034.
                var in80 = values.Count(v => Math.Abs(v - c) <= UncertaintyCalibration.Z80 * sd) / (double)N;
                var in95 = values.Count(v => Math.Abs(v - c) <= UncertaintyCalibration.Z95 * sd) / (double)N;
                Assert.InRange(in80, 0.775, 0.825);
                Assert.InRange(in95, 0.935, 0.965);
            }
        }
    }

    [Fact]
    public void BadArguments_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shared.Value.Run(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shared.Value.Run(100_001, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Projection(Model with { RegionalCorrelation = 1.5 }));
        Assert.Throws<ArgumentException>(() => new StochasticProjection(Regions, [Assumptions.Region(true)], Initial(), 2021, 2021, 3, MigrationTiming.End, Model, Groups));
    }
}
