using BenchmarkDotNet.Attributes;
using Populus.Demography;
using Populus.Demography.Fertility;
using Populus.Demography.Graduation;

namespace Populus.Benchmarks.Graduation;

/// <summary>Cost of the graduations the WPP pipeline runs once per country, sex and five-year period.</summary>
[MemoryDiagnoser]
public class GraduationBenchmarks
{
    private readonly double[] _counts = Enumerable.Range(0, 20).Select(g => 100000.0 * Math.Exp(-0.03 * 5 * g)).ToArray();
    private readonly DeathRates _mx = new(AgeGroups.Abridged(100), Enumerable.Range(0, 22).Select(i => i == 0 ? 0.02 : 0.0003 * Math.Exp(0.09 * 5 * i)).Select(m => Math.Min(m, 1.0)).ToArray());
    private readonly FertilityRates _asfr = new(AgeGroups.FiveYear(15, 50, open: false), [0.01, 0.06, 0.1, 0.07, 0.03, 0.006, 0.0005]);
    private readonly double[] _singles = new double[100];

    [Benchmark(Baseline = true)]
    public double Sprague20Groups()
    {
        Sprague.Split(_counts, _singles);
        return _singles[0];
    }

    [Benchmark]
    public DeathRates MortalityAbridgedToSingle() => MortalityGraduation.ToSingleYear(_mx);

    [Benchmark]
    public FertilityRates FertilityFiveYearToSingle() => FertilityGraduation.ToSingleYear(_asfr);
}
