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
    private double[] _e0 = null!;
    private float[] _survival = null!;

    [Params(1_000, 10_000)]
    public int Trajectories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _city = CityModel.Build();
        // A trajectory's 264 reads (11 steps × 12 units × 2 sexes): e0 within ±2 years of the central levels (male, female).
        _e0 = [.. Enumerable.Range(0, 11 * CityModel.Units * 2).Select(f => (f % 2 == 0 ? 77.5 : 82.5) + ((f * 37 % 9) - 4) * 0.5)];
        _survival = new float[CityModel.Units * 2 * CityModel.Ages.Count];
    }

    [Benchmark]
    public double RunWithQuantiles() => _city.Run(Trajectories, 20_240_101).Quantile(2035, "total", TrajectoryIndicator.Population, 3);

    /// <summary>The survival ratios one trajectory reads: each family interpolated at a drawn e0.</summary>
    [Benchmark]
    public double SurvivalRowsOfOneTrajectory()
    {
        var families = _city.Families;
        var a = CityModel.Ages.Count;
        var held = 0.0;
        for (var f = 0; f < _e0.Length; f++)
        {
            held += families.Interpolate(f, _e0[f], _survival.AsSpan(f % (2 * CityModel.Units) * a, a));
        }

        return held;
    }

    [Benchmark]
    public int PrepareCity() => CityModel.Build().Years.Length;
}
