using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Populus.Demography.Projection;

/// <summary>
/// Moves between states during a step: internal migration between regions, reclassification from rural to urban,
/// progression to a higher education level. A sparse set of origin–destination pairs, each with age–sex values.
/// </summary>
/// <remarks>
/// <para>Rogers' multiregional model ([Rogers1995]) projects every region with the probabilities that a survivor ends
/// the step in each other region; the Wittgenstein Centre multistate projections ([KC2013]) treat education
/// transitions the same way. Both are this type with <see cref="TransitionKind.Rates"/>; an observed OD table of movers
/// is <see cref="TransitionKind.Counts"/>.</para>
/// <para>Storage is compressed by destination so that a destination's inflow is a gather over its own pairs, computed
/// by one thread in a fixed order: the projection stays deterministic when states run in parallel.</para>
/// </remarks>
public sealed class StateTransitions
{
    /// <summary>Tolerance on a probability sum above 1 before it counts as an input error.</summary>
    internal const double ProbabilityTolerance = 1e-12;

    /// <exception cref="ArgumentException">A pair leaves and enters the same state, names a state outside the space,
    /// appears twice, uses a schedule on another grid, has a negative scale, or (for rates) an origin's probabilities
    /// of leaving sum to more than 1 at some age.</exception>
    public StateTransitions(string name, StateSpace states, AgeGroups ages, TransitionKind kind, IEnumerable<Transition> transitions)
    {
        Guard.NotNull(name);
        Guard.NotNull(states);
        Guard.NotNull(ages);
        Guard.NotNull(transitions);
        Name = name;
        States = states;
        Ages = ages;
        Kind = kind;

        var list = transitions.ToArray();
        var a = ages.Count;
        var scheduleIndex = new Dictionary<TransitionSchedule, int>(ReferenceEqualityComparer.Instance);
        var pairs = new HashSet<(int, int)>();
        _from = new int[list.Length];
        _to = new int[list.Length];
        _scale = new double[list.Length];
        _scheduleOf = new int[list.Length];
        for (var p = 0; p < list.Length; p++)
        {
            var t = list[p];
            Guard.NotNull(t.Schedule, $"{name}: transition {p} schedule");
            states.CheckState(t.From);
            states.CheckState(t.To);
            if (t.From == t.To)
            {
                Guard.ThrowArgument(nameof(transitions), $"{name}: a transition from {states.Label(t.From)} to itself.");
            }

            if (!pairs.Add((t.From, t.To)))
            {
                Guard.ThrowArgument(nameof(transitions), $"{name}: the pair {states.Label(t.From)} → {states.Label(t.To)} is given twice.");
            }

            if (!(t.Scale >= 0 && t.Scale <= double.MaxValue))
            {
                Guard.ThrowRange($"{name}: scale of {states.Label(t.From)} → {states.Label(t.To)}", t.Scale, "must be a non-negative finite number");
            }
            t.Schedule.Ages.RequireSame(ages, $"{name}: schedule of {states.Label(t.From)} → {states.Label(t.To)}");
            if (!scheduleIndex.TryGetValue(t.Schedule, out var k))
            {
                k = scheduleIndex.Count;
                scheduleIndex.Add(t.Schedule, k);
            }

            _from[p] = t.From;
            _to[p] = t.To;
            _scale[p] = t.Scale;
            _scheduleOf[p] = k;
        }

        _schedules = new double[scheduleIndex.Count * 2 * a];
        foreach (var (schedule, k) in scheduleIndex)
        {
            schedule.All.CopyTo(_schedules.AsSpan(k * 2 * a));
        }

        // Destination-major order, origins ascending within a destination: a fixed summation order.
        var order = Enumerable.Range(0, list.Length).OrderBy(p => _to[p]).ThenBy(p => _from[p]).ToArray();
        _inScale = [.. order.Select(p => _scale[p])];
        _inSchedule = [.. order.Select(p => _scheduleOf[p] * 2 * a)];
        _inOrigin = [.. order.Select(p => _from[p] * 2 * a)];
        _inStart = new int[states.Count + 1];
        foreach (var p in order)
        {
            _inStart[_to[p] + 1]++;
        }

        for (var s = 0; s < states.Count; s++)
        {
            _inStart[s + 1] += _inStart[s];
        }

        _totalOut = new double[states.Count * 2 * a];
        for (var p = 0; p < list.Length; p++)
        {
            var dst = _totalOut.AsSpan(_from[p] * 2 * a, 2 * a);
            var src = _schedules.AsSpan(_scheduleOf[p] * 2 * a, 2 * a);
            for (var i = 0; i < dst.Length; i++)
            {
                dst[i] += _scale[p] * src[i];
            }
        }

        if (kind == TransitionKind.Counts)
        {
            _totalIn = new double[states.Count * 2 * a];
            for (var p = 0; p < list.Length; p++)
            {
                var dst = _totalIn.AsSpan(_to[p] * 2 * a, 2 * a);
                var src = _schedules.AsSpan(_scheduleOf[p] * 2 * a, 2 * a);
                for (var i = 0; i < dst.Length; i++)
                {
                    dst[i] += _scale[p] * src[i];
                }
            }
        }
        else
        {
            RequireProbabilities(_totalOut, states, ages, name);
        }
    }

    private readonly int[] _from;
    private readonly int[] _to;
    private readonly double[] _scale;
    private readonly int[] _scheduleOf;
    private readonly double[] _schedules;
    private readonly int[] _inStart;
    private readonly double[] _inScale; // per pair in destination-major order: its scale
    private readonly int[] _inSchedule; // its schedule's offset in _schedules
    private readonly int[] _inOrigin; // its origin's offset in a [state][sex][age] array
    private readonly double[] _totalOut;
    private readonly double[]? _totalIn;

    /// <summary>What the set describes ("internal migration", "urbanisation").</summary>
    public string Name { get; }

    public StateSpace States { get; }

    public AgeGroups Ages { get; }

    public TransitionKind Kind { get; }

    /// <summary>Number of origin–destination pairs.</summary>
    public int PairCount => _from.Length;

    /// <summary>
    /// Rates: total probability of leaving each state, [state][sex][age]. Counts: persons leaving each state.
    /// </summary>
    internal double[] TotalOutArray => _totalOut;

    /// <summary>Counts only: persons entering each state, [state][sex][age].</summary>
    internal double[]? TotalInArray => _totalIn;

    /// <summary>
    /// Adds to <paramref name="inflow"/> (the destination's [sex][age] block) the movers from every origin into
    /// <paramref name="destination"/> over ages [<paramref name="firstAge"/>, <paramref name="endAge"/>), given the
    /// survivors [state][sex][age].
    /// </summary>
    /// <remarks>Each inflow value adds the origins' movers in ascending origin order, inflow + scale·schedule·survivors
    /// at a time. The ages run outermost, a vector of them held in a register while the origins are added, so the
    /// inflow is read and written once rather than once per origin; the order of the additions is unchanged.</remarks>
    internal void GatherRateInflow(int destination, ReadOnlySpan<double> survivors, Span<double> inflow, int firstAge, int endAge)
    {
        var a = Ages.Count;
        var (begin, end) = (_inStart[destination], _inStart[destination + 1]);
        if (begin == end)
        {
            return;
        }

        // Every offset below lies within these lengths, so the unchecked loads stay inside the arrays.
        if (survivors.Length < States.Count * 2 * a || inflow.Length < 2 * a || firstAge < 0 || endAge > a || firstAge >= endAge)
        {
            Guard.ThrowArgument(nameof(survivors), $"{Name}: a gather of ages {firstAge}–{endAge} over {survivors.Length} survivors into {inflow.Length} values does not fit {States.Count} states × 2 × {a} ages.");
        }

        var len = endAge - firstAge;
        ref readonly var surv = ref MemoryMarshal.GetReference(survivors);
        ref var target = ref MemoryMarshal.GetReference(inflow);
        ref readonly var schedules = ref MemoryMarshal.GetArrayDataReference(_schedules);
        for (var sex = 0; sex < 2; sex++)
        {
            var o = sex * a + firstAge;
            var x = 0;
            if (Vector.IsHardwareAccelerated)
            {
                // Four vectors of ages at a time: each is a chain of additions over the origins, four chains in flight.
                var width = Vector<double>.Count;
                for (; x + 4 * width <= len; x += 4 * width)
                {
                    var at = o + x;
                    var s0 = Vector.LoadUnsafe(ref target, (nuint)at);
                    var s1 = Vector.LoadUnsafe(ref target, (nuint)(at + width));
                    var s2 = Vector.LoadUnsafe(ref target, (nuint)(at + 2 * width));
                    var s3 = Vector.LoadUnsafe(ref target, (nuint)(at + 3 * width));
                    for (var i = begin; i < end; i++)
                    {
                        var scale = new Vector<double>(_inScale[i]);
                        ref readonly var schedule = ref Unsafe.Add(ref Unsafe.AsRef(in schedules), _inSchedule[i] + at);
                        ref readonly var movers = ref Unsafe.Add(ref Unsafe.AsRef(in surv), _inOrigin[i] + at);
                        s0 += scale * Vector.LoadUnsafe(in schedule) * Vector.LoadUnsafe(in movers);
                        s1 += scale * Vector.LoadUnsafe(in schedule, (nuint)width) * Vector.LoadUnsafe(in movers, (nuint)width);
                        s2 += scale * Vector.LoadUnsafe(in schedule, (nuint)(2 * width)) * Vector.LoadUnsafe(in movers, (nuint)(2 * width));
                        s3 += scale * Vector.LoadUnsafe(in schedule, (nuint)(3 * width)) * Vector.LoadUnsafe(in movers, (nuint)(3 * width));
                    }

                    Vector.StoreUnsafe(s0, ref target, (nuint)at);
                    Vector.StoreUnsafe(s1, ref target, (nuint)(at + width));
                    Vector.StoreUnsafe(s2, ref target, (nuint)(at + 2 * width));
                    Vector.StoreUnsafe(s3, ref target, (nuint)(at + 3 * width));
                }

                for (; x + width <= len; x += width)
                {
                    var sum = Vector.LoadUnsafe(ref target, (nuint)(o + x));
                    for (var i = begin; i < end; i++)
                    {
                        var schedule = Vector.LoadUnsafe(in schedules, (nuint)(_inSchedule[i] + o + x));
                        var movers = Vector.LoadUnsafe(in surv, (nuint)(_inOrigin[i] + o + x));
                        sum += new Vector<double>(_inScale[i]) * schedule * movers;
                    }

                    Vector.StoreUnsafe(sum, ref target, (nuint)(o + x));
                }
            }

            for (; x < len; x++)
            {
                var sum = Unsafe.Add(ref target, o + x);
                for (var i = begin; i < end; i++)
                {
                    sum += _inScale[i] * Unsafe.Add(ref Unsafe.AsRef(in schedules), _inSchedule[i] + o + x) * Unsafe.Add(ref Unsafe.AsRef(in surv), _inOrigin[i] + o + x);
                }

                Unsafe.Add(ref target, o + x) = sum;
            }
        }
    }

    /// <summary>Throws when some origin's probabilities of leaving sum to more than 1.</summary>
    internal static void RequireProbabilities(ReadOnlySpan<double> totalOut, StateSpace states, AgeGroups ages, string what)
    {
        var a = ages.Count;
        for (var i = 0; i < totalOut.Length; i++)
        {
            if (!(totalOut[i] <= 1 + ProbabilityTolerance))
            {
                var state = i / (2 * a);
                var sex = (Sex)(i / a % 2);
                Guard.ThrowArgument(what,
                    $"{what}: the probabilities of leaving {states.Label(state)} ({sex}, age {ages.Label(i % a)}) sum to {totalOut[i]}, more than 1.");
            }
        }
    }
}
