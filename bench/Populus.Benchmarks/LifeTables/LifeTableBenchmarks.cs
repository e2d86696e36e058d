using BenchmarkDotNet.Attributes;
using Populus.Demography;
using Populus.Demography.LifeTables;

namespace Populus.Benchmarks.LifeTables;

/// <summary>
/// One single-year life table of 101 ages (0–100+) from mx into reused buffers: the projection engine's inner step.
/// Goal: under 5 µs with no allocation. Rates are Gompertz–Makeham-like, close to a low-mortality country.
/// </summary>
[MemoryDiagnoser]
public class LifeTableBenchmarks
{
    private readonly AgeGroups _ages = AgeGroups.SingleYear(100);
    private readonly double[] _mx = new double[101];
    private readonly double[][] _columns = new double[7][];
    private readonly LifeTableOptions _reciprocal = LifeTableOptions.For(Sex.Female);
    private readonly LifeTableOptions _kannisto = new() { Sex = Sex.Female, Closure = OpenAgeClosure.Kannisto() };
    private DeathRates _rates = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mx[0] = 0.004;
        for (var x = 1; x <= 100; x++)
        {
            _mx[x] = 0.0002 + 0.00003 * Math.Exp(0.1 * x);
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i] = new double[101];
        }

        _rates = new DeathRates(_ages, _mx);
    }

    [Benchmark(Baseline = true, Description = "kernel, 101 ages, AK a0, 1/m closure")]
    public double KernelReciprocal()
    {
        LifeTableKernel.Compute(_ages, _mx, default, _reciprocal, Columns());
        return _columns[6][0];
    }

    [Benchmark(Description = "kernel, 101 ages, AK a0, Kannisto closure (fit 60+, to 130)")]
    public double KernelKannisto()
    {
        LifeTableKernel.Compute(_ages, _mx, default, _kannisto, Columns());
        return _columns[6][0];
    }

    [Benchmark(Description = "LifeTable.FromRates + SurvivalRatios (allocating wrapper)")]
    public double LifeTableWithRatios() => LifeTable.FromRates(_rates, _reciprocal).SurvivalRatios()[1];

    private LifeTableColumns Columns() =>
        new(_columns[0], _columns[1], _columns[2], _columns[3], _columns[4], _columns[5], _columns[6]);
}
