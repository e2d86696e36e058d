using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
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

    /// <summary>Tolerance on the both-sexes e0 a shift gives (years): far below the 0.01 year a level is read to.</summary>
    private const double ShiftAccuracy = 1e-7;

    /// <summary>Secant steps before a shift is given up: e0 of both sexes is smooth in it, so a few suffice.</summary>
    private const int MaxShiftSteps = 20;

    /// <summary>The whole hundredths of a year kept by index (0 to 120 years): every e0 a trajectory draws is one.</summary>
    private const int Hundredths = 12_000;

    private readonly ConcurrentDictionary<(Sex, double), Level> _kept = new(); // levels at other e0
    private readonly Level?[][] _byHundredth = [new Level?[Hundredths], new Level?[Hundredths]]; // [sex][e0 × 100]
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
        // A drawn e0 (a whole hundredth) is found by one array read: the dictionary's lookup of (sex, e0), two in each
        // trajectory-year, cost about 3% of a slider request of 1,000 trajectories.
        var hundredth = Math.Round(e0 * 100);
        var slot = hundredth >= 0 && hundredth < Hundredths && hundredth / 100 == e0 ? (int)hundredth : -1;
        var level = slot >= 0 ? Volatile.Read(ref _byHundredth[(int)sex][slot]) : _kept.GetValueOrDefault((sex, e0));
        if (level is null)
        {
            var options = sex == Sex.Male ? _male : _female;
            var (mx, _) = LifeExpectancyCalibration.ScaleTo(sex == Sex.Male ? model.MaleMortalityPattern : model.FemaleMortalityPattern, e0, options);
            var survival = LifeTable.FromRates(mx, options).SurvivalRatios().ToArray();
            level = new Level(survival, Demography.Projection.Kernels.Converted<double, float>(survival), mx);
            // Another thread may have kept the same level meanwhile: the same bits, so either serves.
            if (Volatile.Read(ref _count) < MaxKept
                && (slot >= 0 ? Interlocked.CompareExchange(ref _byHundredth[(int)sex][slot], level, null) is null : _kept.TryAdd((sex, e0), level)))
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

    /// <summary>
    /// The shift δ of both sexes' e0 — male <paramref name="maleE0"/> + δ, female <paramref name="femaleE0"/> + δ — at
    /// which the life table of both sexes together has e0 = <paramref name="level"/>, with the conventions of the
    /// indicator calculator's e0(): the deaths the two sexes' rates give over <paramref name="male"/> and
    /// <paramref name="female"/> residents (by the grid's ages) divided by all residents, under the male infant rules.
    /// That e0 is not the mean of the sexes': more boys are born and men's higher mortality weighs more than half, so
    /// sexes half their gap below and above the level give about 0.2 years less.
    /// </summary>
    /// <remarks>e0 of both sexes rises with δ about one for one, so the root is found by secant steps from
    /// <paramref name="guess"/>, the first with <paramref name="slope"/> (the last slope found, which changes little from
    /// one year to the next; 1 when there is none): two steps from the shift just applied as a rule. When the guess's
    /// e0 is already within <paramref name="settled"/> years of the level (by the slope), the guess is returned, settled,
    /// without a step: a step would calibrate two levels (<see cref="At{T}"/>) for a shift not applied. Each trial level is
    /// one of <see cref="At{T}"/>, kept: the last trial is the level then applied, and the next year's first.</remarks>
    /// <returns>The shift, the slope of e0 in it at the last step (the next search's first), and whether the guess was settled.</returns>
    /// <exception cref="ArgumentException">No shift gives the level (a sex's e0 that no multiple of its pattern reaches).</exception>
    public (double Shift, double Slope, bool Settled) BothSexesShift(double level, double maleE0, double femaleE0, double[] male, double[] female, double guess, double slope,
        double settled)
    {
        var ages = model.Ages;
        var deaths = new double[ages.Count];
        var residents = new double[ages.Count];
        TensorPrimitives.Add(male, female, residents);
        double Gap(double shift)
        {
            TensorPrimitives.Multiply(male, At<double>(Sex.Male, maleE0 + shift).Mx.Values, deaths);
            TensorPrimitives.MultiplyAdd(female, At<double>(Sex.Female, femaleE0 + shift).Mx.Values, deaths, deaths);
            return LifeTable.LifeExpectancyAtBirth(ages, deaths, residents, _male) - level;
        }

        var (shift, gap) = (guess, Gap(guess));
        if (Math.Abs(gap / slope) <= settled)
        {
            return (guess, slope, true);
        }

        for (var i = 0; i < MaxShiftSteps && Math.Abs(gap) > ShiftAccuracy; i++)
        {
            var next = shift - (gap / slope);
            var nextGap = Gap(next);
            slope = next != shift && nextGap != gap ? (nextGap - gap) / (next - shift) : slope;
            (shift, gap) = (next, nextGap);
        }

        return Math.Abs(gap) <= ShiftAccuracy ? (shift, slope, false)
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"No shift of the sexes' life expectancies (female–male gap {femaleE0 - maleE0:0.##} years) gives a both-sexes life expectancy of {level:0.##} years."), nameof(level));
    }

    /// <summary>One level: its survival ratios in double and single precision and its death rates.</summary>
    private sealed record Level(double[] Survival, float[] Single, DeathRates Mx);
}
