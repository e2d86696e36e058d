using BenchmarkDotNet.Attributes;
using Populus.Demography.Stochastic;

namespace Populus.Benchmarks.Stochastic;

/// <summary>Issue 7 §6: N trajectories of 12 units × 101 ages × 2 sexes, 2024→2035 with full OD migration, summarised
/// by mean and 7 quantiles of every cell (population by year × unit and city × sex × five-year group, and indicators).
/// The central rates and survival families are prepared in setup (<see cref="PrepareCity"/> times that alone).</summary>
[MemoryDiagnoser]
public class StochasticBenchmarks
{
    private StochasticProjection _city = null!;

    [Params(1_000, 10_000)]
    public int Trajectories { get; set; }

    [GlobalSetup]
    public void Setup() => _city = CityModel.Build();

    [Benchmark]
    public double RunWithQuantiles() => _city.Run(Trajectories, 20_240_101).Quantile(2035, "total", TrajectoryIndicator.Population, 3);

    [Benchmark]
    public int PrepareCity() => CityModel.Build().Years.Length;
}
