using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Populus.Demography;
using Populus.Demography.LifeTables;
using Populus.Demography.Preparation;

namespace Populus.Planning.Scenarios;

/// <summary>
/// A scenario model's mortality patterns scaled to a life expectancy at birth, by sex: the death rates k·m(x) whose
/// life table has that e0 (<see cref="LifeExpectancyCalibration"/>) and the survival ratios of that table, calibrated
/// once for each e0 asked and kept. Safe to share between threads: every projector and probabilistic run of a model
/// shares the model's (<see cref="ScenarioModel.Mortality"/>).
/// </summary>
/// <remarks>
/// Every level is calibrated the same way, by bracketing from k = 1, so what is kept for an e0 depends on nothing but
/// the pattern and that e0 — not on which trajectory or thread asked for it first, nor on the scenario's central
/// level a drawn e0 moves around. The survival ratios are kept in double precision and, rounded once, in single
/// precision, for the probabilistic run's projectors (<see cref="ScenarioProjector{T}"/>). A run's trajectories draw e0 to 0.01 year (<see cref="Probability.ScenarioDraw.LifeExpectancies"/>)
/// within a few years of the central path, so a few hundred levels of each sex serve thousands of trajectory-years.
/// </remarks>
internal sealed class MortalityLevels(ScenarioModel model)
{
    /// <summary>The most levels kept (≈ 1.7 KB each, ≈ 28 MB in all): the bound on the memory a model keeps. Further levels
    /// are calibrated each time they are asked.</summary>
    private const int MaxKept = 16_384;

    private readonly ConcurrentDictionary<(Sex, double), (double[] Survival, float[] Single, DeathRates Mx)> _kept = new();
    private readonly LifeTableOptions _male = LifeTableOptions.For(Sex.Male);
    private readonly LifeTableOptions _female = LifeTableOptions.For(Sex.Female);
    private int _count; // levels kept (ConcurrentDictionary.Count takes every lock)

    /// <summary>The survival ratios and death rates of <paramref name="sex"/> at life expectancy <paramref name="e0"/>.</summary>
    /// <exception cref="ArgumentException">No multiple of the pattern reaches <paramref name="e0"/>.</exception>
    public (double[] Survival, DeathRates Mx) At(Sex sex, double e0) => At<double>(sex, e0);

    /// <summary>As <see cref="At(Sex, double)"/>, the survival ratios in <typeparamref name="T"/> (double, or float rounded once).</summary>
    /// <exception cref="ArgumentException">No multiple of the pattern reaches <paramref name="e0"/>.</exception>
    public (T[] Survival, DeathRates Mx) At<T>(Sex sex, double e0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!_kept.TryGetValue((sex, e0), out var level))
        {
            var options = sex == Sex.Male ? _male : _female;
            var (mx, _) = LifeExpectancyCalibration.ScaleTo(sex == Sex.Male ? model.MaleMortalityPattern : model.FemaleMortalityPattern, e0, options);
            var survival = LifeTable.FromRates(mx, options).SurvivalRatios().ToArray();
            level = (survival, Demography.Projection.Kernels.Converted<double, float>(survival), mx);
            // Another thread may have kept the same level meanwhile: the same bits, so either serves.
            if (Volatile.Read(ref _count) < MaxKept && _kept.TryAdd((sex, e0), level))
            {
                Interlocked.Increment(ref _count);
            }
        }

        if (typeof(T) == typeof(double))
        {
            return (Unsafe.As<T[]>(level.Survival), level.Mx);
        }

        Demography.Projection.Kernels.RequirePrecision<T>("Survival ratios");
        return (Unsafe.As<T[]>(level.Single), level.Mx);
    }
}
