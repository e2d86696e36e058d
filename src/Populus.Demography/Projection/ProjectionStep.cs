using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;

namespace Populus.Demography.Projection;

/// <summary>
/// Everything one projection step needs for every state: survival, fertility, sex ratio at birth, external net
/// migrants, when migrants arrive, and the transitions between states. Packed once into [state][sex][age] arrays so
/// the engine reads contiguous memory; one instance can serve many steps when rates are constant.
/// </summary>
/// <typeparam name="T">The engine's precision: double (<see cref="ProjectionStep"/>) or float.</typeparam>
public class ProjectionStep<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
{
    private protected ProjectionStep(
        T[] survival,
        AgeGroups ages,
        int stateCount,
        T[] fertility,
        T[] femaleShare,
        T[]? migrants,
        MigrationTiming timing,
        IEnumerable<StateTransitions>? transitions)
    {
        Ages = ages;
        StepLength = ProjectionGrid.StepLength(ages);
        StateCount = stateCount;
        Survival = survival;
        Fertility = fertility;
        FemaleShare = femaleShare;
        Migrants = migrants;
        if (!Enum.IsDefined(timing))
        {
            Guard.ThrowRange(nameof(timing), timing, "is not a migration timing");
        }

        Timing = timing;
        FindFertileAges();
        Transitions = transitions is null ? [] : [.. transitions];
        foreach (var t in Transitions)
        {
            Guard.NotNull(t, nameof(transitions));
            t.Ages.RequireSame(ages, "transitions");
            if (t.States.Count != stateCount)
            {
                Guard.ThrowArgument(nameof(transitions), $"Transitions '{t.Name}' are between {t.States.Count} states; the step has {stateCount}.");
            }
        }

        RateSets = [.. Transitions.Where(t => t.Kind == TransitionKind.Rates)];
        RateScales = [.. RateSets.Select(_ => T.One)];
        var countSets = Transitions.Where(t => t.Kind == TransitionKind.Counts).ToArray();
        _unscaledOutRate = Combine([.. RateSets.Select(t => t.TotalOut<T>())]);
        OutRate = _unscaledOutRate;
        CountOut = Combine([.. countSets.Select(t => t.TotalOut<T>())]);
        CountIn = Combine([.. countSets.Select(t => t.TotalIn<T>()!)]);
        if (RateSets.Length > 1)
        {
            // Each set was checked alone; together they compete for the same survivors.
            StateTransitions.RequireProbabilities(OutRate, RateSets[0].States, ages, "transition rates of one step");
        }
    }

    /// <summary>The projection grid; its width is the step length.</summary>
    public AgeGroups Ages { get; }

    /// <summary>n: the step length in years, equal to the width of the age groups.</summary>
    public int StepLength { get; }

    public int StateCount { get; }

    public MigrationTiming Timing { get; }

    public ImmutableArray<StateTransitions> Transitions { get; }

    /// <summary>Survival ratios [state][sex][age].</summary>
    internal T[] Survival { get; }

    /// <summary>Fertility on the projection grid [state][age].</summary>
    internal T[] Fertility { get; }

    /// <summary>The age groups [FertileFirst, FertileEnd) outside which no state has fertility: the births loop skips the rest.</summary>
    internal int FertileFirst { get; private set; }

    internal int FertileEnd { get; private set; }

    /// <summary>1/(1+SRB) by state: the female share of births.</summary>
    internal T[] FemaleShare { get; }

    /// <summary>External net migrants [state][sex][age], or null for none.</summary>
    internal T[]? Migrants { get; }

    /// <summary>Sum over rate sets of the probability of leaving (each set's times its <see cref="RateScales"/>), [state][sex][age], or null.</summary>
    internal T[]? OutRate { get; private set; }

    /// <summary>A multiplier of every rate of each of <see cref="RateSets"/>: 1, unless a <see cref="ProjectionStepBuffer"/> sets it.</summary>
    internal T[] RateScales { get; }

    /// <summary>Sum over count sets of persons leaving / entering, [state][sex][age], or null.</summary>
    internal T[]? CountOut { get; }

    internal T[]? CountIn { get; }

    internal ImmutableArray<StateTransitions> RateSets { get; }

    private readonly T[]? _unscaledOutRate;
    private T[]? _scaledOutRate;

    internal bool HasTransitions => !Transitions.IsEmpty;

    /// <summary>Net external migrants of a state and sex (zeros when none were given).</summary>
    public ReadOnlySpan<T> NetMigrants(int state, Sex sex) =>
        Migrants is null ? new T[Ages.Count] : Migrants.AsSpan((state * 2 + (int)sex) * Ages.Count, Ages.Count);

    /// <summary>A step over arrays the caller overwrites for every step (<see cref="ProjectionStepBuffer"/>).</summary>
    internal static ProjectionStep<T> OverBuffers(AgeGroups ages, int stateCount, T[] survival, T[] fertility, T[] femaleShare,
        T[]? migrants, MigrationTiming timing, IEnumerable<StateTransitions>? transitions) =>
        new(survival, ages, stateCount, fertility, femaleShare, migrants, timing, transitions);

    /// <summary>Checks the arrays of a step laid out [state][sex][age] and writes the female share of births of each state.</summary>
    /// <exception cref="ArgumentException">A length does not match, or a value is out of range.</exception>
    internal static void Check(
        AgeGroups ages,
        int stateCount,
        ReadOnlySpan<T> survival,
        ReadOnlySpan<T> fertility,
        ReadOnlySpan<T> sexRatioAtBirth,
        ReadOnlySpan<T> netMigrants,
        Span<T> femaleShare)
    {
        ProjectionGrid.StepLength(ages);
        if (stateCount < 1)
        {
            Guard.ThrowRange(nameof(stateCount), stateCount, "must be at least 1");
        }

        var a = ages.Count;
        RequireLength(survival, stateCount * 2 * a, nameof(survival), "[state][sex][age]");
        RequireLength(fertility, stateCount * a, nameof(fertility), "[state][age]");
        RequireLength(sexRatioAtBirth, stateCount, nameof(sexRatioAtBirth), "one a state");
        if (!netMigrants.IsEmpty)
        {
            RequireLength(netMigrants, stateCount * 2 * a, nameof(netMigrants), "[state][sex][age]");
        }

        // One vectorisable pass first; the slow loop that names the offending cell runs only on failure.
        if (!Kernels.AllWithin(survival, T.Zero, T.One))
        {
            for (var i = 0; i < survival.Length; i++)
            {
                if (!(survival[i] >= T.Zero && survival[i] <= T.One))
                {
                    Guard.ThrowRange($"survival ratio (state {i / (2 * a)}, {(Sex)(i / a % 2)}, age {ages.Label(i % a)})", double.CreateTruncating(survival[i]), "must be between 0 and 1");
                }
            }
        }

        var maximum = T.CreateTruncating(FertilityRates.MaximumRate);
        if (!Kernels.AllWithin(fertility, T.Zero, maximum))
        {
            for (var i = 0; i < fertility.Length; i++)
            {
                if (!(fertility[i] >= T.Zero && fertility[i] <= maximum))
                {
                    Guard.ThrowRange($"asfr (state {i / a}, age {ages.Label(i % a)})", double.CreateTruncating(fertility[i]), $"must be between 0 and {FertilityRates.MaximumRate}");
                }
            }
        }

        for (var s = 0; s < stateCount; s++)
        {
            if (fertility[s * a] != T.Zero)
            {
                Guard.ThrowArgument(nameof(fertility), $"Fertility at ages {ages.Label(0)} (state {s}) must be zero: those are the step's own births.");
            }

            femaleShare[s] = FemaleShareOf(sexRatioAtBirth[s]);
        }

        if (!Kernels.AllFinite(netMigrants))
        {
            foreach (var m in netMigrants)
            {
                Guard.Finite(double.CreateTruncating(m), "net migrants");
            }
        }
    }

    /// <summary>Sums the rate sets' probabilities of leaving with their current <see cref="RateScales"/> (the sets' own
    /// sum when every scale is 1).</summary>
    /// <exception cref="ArgumentException">A scale is negative or not finite, or an origin's probabilities of leaving
    /// sum to more than 1.</exception>
    internal void ApplyRateScales()
    {
        var unscaled = true;
        var atMostOne = true;
        for (var k = 0; k < RateScales.Length; k++)
        {
            if (!(RateScales[k] >= T.Zero && RateScales[k] <= T.MaxValue))
            {
                Guard.ThrowRange($"scale of the transition rates '{RateSets[k].Name}'", double.CreateTruncating(RateScales[k]), "must be a non-negative finite number");
            }

            unscaled &= RateScales[k] == T.One;
            atMostOne &= RateScales[k] <= T.One;
        }

        if (unscaled)
        {
            OutRate = _unscaledOutRate;
            return;
        }

        var sum = _scaledOutRate ??= new T[_unscaledOutRate!.Length];
        if (RateSets.Length == 1)
        {
            TensorPrimitives.Multiply(RateSets[0].TotalOut<T>(), RateScales[0], sum);
        }
        else
        {
            Array.Clear(sum);
            for (var k = 0; k < RateSets.Length; k++)
            {
                Kernels.AddScaled(sum, RateSets[k].TotalOut<T>(), RateScales[k]);
            }
        }

        // The sets' rates are non-negative and their unscaled sum was checked when the step was made, so scales of at
        // most 1 keep it a probability; a larger scale can take it above 1.
        if (!atMostOne && !Kernels.AllWithin(sum, T.Zero, StateTransitions.ProbabilityLimit<T>()))
        {
            StateTransitions.RequireProbabilities(sum, RateSets[0].States, Ages,
                $"transition rates '{string.Join("', '", RateSets.Select(t => t.Name))}' scaled by {string.Join(", ", RateScales)}");
        }

        OutRate = sum;
    }

    /// <summary>Finds the age groups outside which no state has fertility (after the fertility array changed).</summary>
    internal void FindFertileAges() => (FertileFirst, FertileEnd) = FertileAges(Fertility, Ages.Count);

    /// <summary>Sets the fertile age groups to a range known to hold every non-zero rate (<see cref="FertileAges"/> of
    /// rates with the same zeros).</summary>
    internal void SetFertileAges((int First, int End) range) => (FertileFirst, FertileEnd) = range;

    /// <summary>The age groups [first, end) outside which no state's fertility [state][age] is non-zero.</summary>
    internal static (int First, int End) FertileAges(ReadOnlySpan<T> fertility, int ageCount)
    {
        var a = ageCount;
        var (first, end) = (a, 1);
        for (var s = 0; s < fertility.Length / a; s++)
        {
            var f = fertility.Slice(s * a, a);
            var lo = f.IndexOfAnyExcept(T.Zero);
            if (lo >= 0)
            {
                first = Math.Min(first, lo);
                end = Math.Max(end, f.LastIndexOfAnyExcept(T.Zero) + 1);
            }
        }

        return (Math.Min(first, end), end);
    }

    /// <summary>1/(1+SRB) in the step's precision.</summary>
    internal static T FemaleShareOf(T sexRatioAtBirth) => T.CreateTruncating(new SexRatioAtBirth(double.CreateTruncating(sexRatioAtBirth)).FemaleShare);

    private static void RequireLength(ReadOnlySpan<T> values, int expected, string name, string layout)
    {
        if (values.Length != expected)
        {
            Guard.ThrowArgument(name, $"{name}: {values.Length} values given, {expected} expected ({layout}).");
        }
    }

    /// <summary>The element-wise sum of the sets' arrays: null for none, the set's own (read-only) array for one.</summary>
    private static T[]? Combine(T[][] arrays)
    {
        if (arrays.Length <= 1)
        {
            return arrays.Length == 0 ? null : arrays[0];
        }

        var sum = new T[arrays[0].Length];
        foreach (var values in arrays)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += values[i];
            }
        }

        return sum;
    }
}

/// <summary>A projection step in double precision, the steps of every deterministic projection
/// (<see cref="ProjectionStep{T}"/>).</summary>
public sealed class ProjectionStep : ProjectionStep<double>
{
    private ProjectionStep(double[] survival, AgeGroups ages, int stateCount, double[] fertility, double[] femaleShare, double[]? migrants,
        MigrationTiming timing, IEnumerable<StateTransitions>? transitions)
        : base(survival, ages, stateCount, fertility, femaleShare, migrants, timing, transitions)
    {
    }

    /// <summary>A step from each state's rates, in state order.</summary>
    /// <exception cref="ArgumentException">No state is given, or the states' grids differ, or a transition set does not fit.</exception>
    public ProjectionStep(IReadOnlyList<StateRates> states, MigrationTiming timing = MigrationTiming.End, IEnumerable<StateTransitions>? transitions = null)
        : this(Pack(states, out var ages, out var fertility, out var femaleShare, out var migrants), ages, states.Count, fertility, femaleShare, migrants, timing, transitions)
    {
    }

    /// <summary>
    /// A step from arrays laid out [state][sex][age] (sex: male then female), for callers that build many steps (the WPP
    /// pipeline, stochastic trajectories). Values are copied and checked.
    /// </summary>
    /// <param name="ages">The projection grid (equal widths from 0, open last group).</param>
    /// <param name="stateCount">Number of states.</param>
    /// <param name="survival">Survival ratios, [state][sex][age], each in [0, 1].</param>
    /// <param name="fertility">Fertility on the projection grid, [state][age], in [0, 1], zero in the first group.</param>
    /// <param name="sexRatioAtBirth">Males per female birth, one a state.</param>
    /// <param name="netMigrants">External net migrants [state][sex][age], or empty for none.</param>
    /// <param name="timing">When migrants arrive.</param>
    /// <param name="transitions">Moves between states, or null.</param>
    /// <exception cref="ArgumentException">A length does not match, or a value is out of range.</exception>
    public static ProjectionStep FromArrays(
        AgeGroups ages,
        int stateCount,
        ReadOnlySpan<double> survival,
        ReadOnlySpan<double> fertility,
        ReadOnlySpan<double> sexRatioAtBirth,
        ReadOnlySpan<double> netMigrants,
        MigrationTiming timing = MigrationTiming.End,
        IEnumerable<StateTransitions>? transitions = null)
    {
        var femaleShare = new double[Math.Max(stateCount, 0)];
        Check(ages, stateCount, survival, fertility, sexRatioAtBirth, netMigrants, femaleShare);
        return new ProjectionStep(survival.ToArray(), ages, stateCount, fertility.ToArray(), femaleShare,
            netMigrants.IsEmpty ? null : netMigrants.ToArray(), timing, transitions);
    }

    private static double[] Pack(IReadOnlyList<StateRates> states, out AgeGroups ages, out double[] fertility, out double[] femaleShare, out double[]? migrants)
    {
        Guard.NotNull(states);
        if (states.Count == 0)
        {
            Guard.ThrowArgument(nameof(states), "A projection step needs the rates of at least one state.");
        }

        Guard.NotNull(states[0], "rates of state 0");
        ages = states[0].Ages;
        var a = ages.Count;
        var survival = new double[checked(states.Count * 2 * a)];
        fertility = new double[states.Count * a];
        femaleShare = new double[states.Count];
        migrants = states.Any(s => s?.MaleMigrants is not null || s?.FemaleMigrants is not null) ? new double[survival.Length] : null;
        for (var s = 0; s < states.Count; s++)
        {
            var r = states[s];
            Guard.NotNull(r, $"rates of state {s}");
            r.Ages.RequireSame(ages, $"survival ratios of state {s}");
            r.MaleSurvival.Values.CopyTo(survival.AsSpan((s * 2) * a));
            r.FemaleSurvival.Values.CopyTo(survival.AsSpan((s * 2 + 1) * a));
            r.FertilityOnGrid.CopyTo(fertility.AsSpan(s * a));
            femaleShare[s] = r.SexRatioAtBirth.FemaleShare;
            r.MaleMigrants?.Values.CopyTo(migrants.AsSpan((s * 2) * a));
            r.FemaleMigrants?.Values.CopyTo(migrants.AsSpan((s * 2 + 1) * a));
        }

        return survival;
    }
}
