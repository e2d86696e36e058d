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

    /// <summary>The largest sum of probabilities accepted in precision T: 1 + <see cref="ProbabilityTolerance"/>, or a
    /// few units in the last place where T cannot hold that (single precision: a set's totals rounded, or summed, may
    /// land an ulp above 1).</summary>
    internal static T ProbabilityLimit<T>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        T.One + T.Max(T.CreateTruncating(ProbabilityTolerance), T.CreateTruncating(4) * (T.BitIncrement(T.One) - T.One));

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

        _schedules = new double[checked(scheduleIndex.Count * 2 * a)];
        foreach (var (schedule, k) in scheduleIndex)
        {
            schedule.All.CopyTo(_schedules.AsSpan(k * 2 * a));
        }

        // Destination-major order, then schedule, then origin: a fixed summation order, and a destination's pairs that
        // share a schedule are adjacent (one run each), so the gather multiplies by the schedule once per run.
        var order = Enumerable.Range(0, list.Length).OrderBy(p => _to[p]).ThenBy(p => _scheduleOf[p]).ThenBy(p => _from[p]).ToArray();
        _inScale = [.. order.Select(p => _scale[p])];
        _inOrigin = [.. order.Select(p => _from[p] * 2 * a)];
        var runStart = new List<int>();
        var runSchedule = new List<int>();
        _inStart = new int[states.Count + 1];
        for (var i = 0; i < order.Length; i++)
        {
            var p = order[i];
            if (i == 0 || _to[order[i - 1]] != _to[p] || _scheduleOf[order[i - 1]] != _scheduleOf[p])
            {
                runStart.Add(i);
                runSchedule.Add(_scheduleOf[p] * 2 * a);
                _inStart[_to[p] + 1]++;
            }
        }

        runStart.Add(order.Length);
        _runStart = [.. runStart];
        _runSchedule = [.. runSchedule];
        for (var s = 0; s < states.Count; s++)
        {
            _inStart[s + 1] += _inStart[s];
        }

        _dense = Dense(states.Count, scheduleIndex.Count);

        _totalOut = new double[checked(states.Count * 2 * a)];
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

        _double = new(_schedules, _inScale, _dense, _totalOut, _totalIn);
        _single = new(Kernels.Converted<double, float>(_schedules), Kernels.Converted<double, float>(_inScale), _dense is null ? null : Kernels.Converted<double, float>(_dense),
            Kernels.Converted<double, float>(_totalOut), _totalIn is null ? null : Kernels.Converted<double, float>(_totalIn));
    }

    private readonly int[] _from;
    private readonly int[] _to;
    private readonly double[] _scale;
    private readonly int[] _scheduleOf;
    private readonly double[] _schedules;
    private readonly int[] _inStart; // each destination's first run, and the end
    private readonly int[] _runStart; // each run's first pair, and the end
    private readonly int[] _runSchedule; // each run's schedule's offset in _schedules
    private readonly double[] _inScale; // per pair in destination-major order: its scale
    private readonly int[] _inOrigin; // its origin's offset in a [state][sex][age] array
    private readonly double[] _totalOut;
    private readonly double[]? _totalIn;
    private readonly double[]? _dense; // [schedule][origin][destination]: each pair's scale, 0 where there is none (see Dense)
    private readonly Coefficients<double> _double; // the arrays the gathers and steps read: the set's own
    private readonly Coefficients<float> _single; // the same rounded to single precision

    /// <summary>Whether <see cref="GatherRateInflowBlocks"/> gathers this set by blocks of destinations.</summary>
    internal bool GathersByBlocks => _dense is not null;

    /// <summary>Destinations gathered together by <see cref="GatherRateInflowBlocks"/>.</summary>
    private const int DestinationBlock = 4;

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
    internal T[] TotalOut<T>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T> => In<T>().TotalOut;

    /// <summary>Counts only: persons entering each state, [state][sex][age].</summary>
    internal T[]? TotalIn<T>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T> => In<T>().TotalIn;

    /// <summary>The arrays the gathers and steps read, in the precision of a projection: the set's own (double), or
    /// copies rounded to single precision once (a stochastic projection's trajectories).</summary>
    private Coefficients<T> In<T>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return Unsafe.As<Coefficients<T>>(_double);
        }

        Kernels.RequirePrecision<T>("Transitions");
        return Unsafe.As<Coefficients<T>>(_single);
    }

    /// <summary>Schedules [schedule][sex][age], the pairs' scales in destination-major order, the dense table (or null),
    /// and the totals out and in, in one precision.</summary>
    private sealed record Coefficients<T>(T[] Schedules, T[] InScale, T[]? Dense, T[] TotalOut, T[]? TotalIn);

    /// <summary>
    /// Adds to <paramref name="inflow"/> (the destination's [sex][age] block) the movers from every origin into
    /// <paramref name="destination"/> over ages [<paramref name="firstAge"/>, <paramref name="endAge"/>), given the
    /// survivors [state][sex][age], every rate multiplied by <paramref name="setScale"/> (a step buffer's
    /// <see cref="ProjectionStepBuffer{T}.RateScales"/>).
    /// </summary>
    /// <remarks>The movers of a run of pairs that share a schedule are schedule × (Σ scale·survivors) × the set's scale
    /// (origins in ascending order), so the schedule multiplies once per run rather than once per pair: a shared schedule keeps the age
    /// dimension of an OD table rank one ([RC1981]), and the gather costs one multiply-add per pair and age. The ages
    /// run outermost, four vectors of them held in registers while the pairs are added, so the inflow is read and
    /// written once; the ages left over take a vector at a time, placed within the row and only their lanes written
    /// (the same sums lane by lane), and are added one by one only on grids of fewer ages than a vector.</remarks>
    internal void GatherRateInflow<T>(int destination, ReadOnlySpan<T> survivors, Span<T> inflow, int firstAge, int endAge, T setScale)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var (schedulesOf, inScale, _, _, _) = In<T>();
        var a = Ages.Count;
        var (firstRun, endRun) = (_inStart[destination], _inStart[destination + 1]);
        if (firstRun == endRun)
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
        ref readonly var schedules = ref MemoryMarshal.GetArrayDataReference(schedulesOf);
        for (var sex = 0; sex < 2; sex++)
        {
            var o = sex * a + firstAge;
            var x = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var width = Vector<T>.Count;
                var scaleVector = new Vector<T>(setScale);
                for (; x + 4 * width <= len; x += 4 * width)
                {
                    var at = o + x;
                    var s0 = Vector.LoadUnsafe(ref target, (nuint)at);
                    var s1 = Vector.LoadUnsafe(ref target, (nuint)(at + width));
                    var s2 = Vector.LoadUnsafe(ref target, (nuint)(at + 2 * width));
                    var s3 = Vector.LoadUnsafe(ref target, (nuint)(at + 3 * width));
                    for (var run = firstRun; run < endRun; run++)
                    {
                        var (t0, t1, t2, t3) = (Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero);
                        for (var i = _runStart[run]; i < _runStart[run + 1]; i++)
                        {
                            var scale = new Vector<T>(inScale[i]);
                            ref readonly var movers = ref Unsafe.Add(ref Unsafe.AsRef(in surv), _inOrigin[i] + at);
                            t0 += scale * Vector.LoadUnsafe(in movers);
                            t1 += scale * Vector.LoadUnsafe(in movers, (nuint)width);
                            t2 += scale * Vector.LoadUnsafe(in movers, (nuint)(2 * width));
                            t3 += scale * Vector.LoadUnsafe(in movers, (nuint)(3 * width));
                        }

                        ref readonly var schedule = ref Unsafe.Add(ref Unsafe.AsRef(in schedules), _runSchedule[run] + at);
                        s0 += Vector.LoadUnsafe(in schedule) * (t0 * scaleVector);
                        s1 += Vector.LoadUnsafe(in schedule, (nuint)width) * (t1 * scaleVector);
                        s2 += Vector.LoadUnsafe(in schedule, (nuint)(2 * width)) * (t2 * scaleVector);
                        s3 += Vector.LoadUnsafe(in schedule, (nuint)(3 * width)) * (t3 * scaleVector);
                    }

                    Vector.StoreUnsafe(s0, ref target, (nuint)at);
                    Vector.StoreUnsafe(s1, ref target, (nuint)(at + width));
                    Vector.StoreUnsafe(s2, ref target, (nuint)(at + 2 * width));
                    Vector.StoreUnsafe(s3, ref target, (nuint)(at + 3 * width));
                }

                // The ages left over, a vector at a time, placed within the row: only their lanes are written.
                if (a >= width)
                {
                    for (; x < len; x += width)
                    {
                        var start = Math.Min(o + x, (sex + 1) * a - width);
                        var left = Lanes<T>(start, o + x, Math.Min(o + x + width, o + len));
                        var before = Vector.LoadUnsafe(ref target, (nuint)start);
                        var sum = before;
                        for (var run = firstRun; run < endRun; run++)
                        {
                            var t = Vector<T>.Zero;
                            for (var i = _runStart[run]; i < _runStart[run + 1]; i++)
                            {
                                t += new Vector<T>(inScale[i]) * Vector.LoadUnsafe(in surv, (nuint)(_inOrigin[i] + start));
                            }

                            sum += Vector.LoadUnsafe(in schedules, (nuint)(_runSchedule[run] + start)) * (t * scaleVector);
                        }

                        Vector.StoreUnsafe(Vector.ConditionalSelect(left, sum, before), ref target, (nuint)start);
                    }
                }
            }

            for (; x < len; x++)
            {
                var sum = Unsafe.Add(ref target, o + x);
                for (var run = firstRun; run < endRun; run++)
                {
                    var t = T.Zero;
                    for (var i = _runStart[run]; i < _runStart[run + 1]; i++)
                    {
                        t += inScale[i] * Unsafe.Add(ref Unsafe.AsRef(in surv), _inOrigin[i] + o + x);
                    }

                    sum += Unsafe.Add(ref Unsafe.AsRef(in schedules), _runSchedule[run] + o + x) * (t * setScale);
                }

                Unsafe.Add(ref target, o + x) = sum;
            }
        }
    }

    /// <summary>
    /// The pairs' scales as one origin × destination table per schedule, when gathering destinations by blocks gives the
    /// same inflows bit for bit: every destination has pairs of every schedule (so each run the per-destination gather
    /// adds is there, and the zeros of absent pairs only add +0 to it), the set is dense (at least half of all pairs,
    /// so the zeros cost less than they save) and small enough to hold (at most 4 schedules of 256 states); else null.
    /// </summary>
    private double[]? Dense(int r, int schedules)
    {
        if (r < DestinationBlock || r > 256 || schedules > 4 || 2 * _from.Length < r * (r - 1) || _inStart[r] != r * schedules)
        {
            return null; // _inStart[r] counts the runs: one per destination and schedule when every destination has every schedule
        }

        var dense = new double[schedules * r * r];
        for (var p = 0; p < _from.Length; p++)
        {
            dense[((_scheduleOf[p] * r) + _from[p]) * r + _to[p]] = _scale[p];
        }

        return dense;
    }

    /// <summary>
    /// <see cref="GatherRateInflow"/> for every destination of [<paramref name="first"/>, <paramref name="end"/>), whose
    /// [sex][age] blocks follow one another in <paramref name="inflow"/>: the same inflows, bit for bit.
    /// </summary>
    /// <remarks>A dense set (see <see cref="Dense"/>) gathers four destinations per load of an origin's survivors, two
    /// vectors of ages for each, the sums held in registers: the per-destination gather reads every origin's survivors
    /// once per destination, which with the inflows and schedules no longer stays in the first-level cache. Each inflow
    /// is still schedule × (Σ over origins in ascending order of scale·survivors) × the set's scale, added schedule by
    /// schedule; an absent pair's zero scale adds +0. The ages left over after the pairs of vectors (and a gather of
    /// newborns, one age) take one vector placed within the row, only their lanes added: the same sums lane by lane
    /// (one by one they took ≈ 7% of the gather in the 10,000-trajectory profile). Other sets, the destinations left
    /// over and grids of fewer ages than a vector take the per-destination gather.</remarks>
    internal void GatherRateInflowBlocks<T>(int first, int end, ReadOnlySpan<T> survivors, Span<T> inflow, int firstAge, int endAge, T setScale)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var (schedulesOf, _, denseOf, _, _) = In<T>();
        var a = Ages.Count;
        var r = States.Count;
        var block = 2 * a;
        if (first < 0 || end > r || first > end || inflow.Length < (end - first) * block)
        {
            Guard.ThrowArgument(nameof(inflow), $"{Name}: destinations {first}–{end} with {inflow.Length} inflow values do not fit {r} states × 2 × {a} ages.");
        }

        var d = first;
        var width = Vector<T>.Count;
        if (denseOf is { } dense && a >= width)
        {
            // Every offset below lies within these lengths, so the unchecked loads stay inside the arrays.
            if (survivors.Length < r * block || firstAge < 0 || endAge > a)
            {
                Guard.ThrowArgument(nameof(survivors), $"{Name}: a gather of ages {firstAge}–{endAge} over {survivors.Length} survivors does not fit {r} states × 2 × {a} ages.");
            }

            var done = (endAge - firstAge) / (2 * width) * 2 * width; // ages from firstAge gathered by vectors; the rest one by one
            ref readonly var surv = ref MemoryMarshal.GetReference(survivors);
            ref readonly var schedules = ref MemoryMarshal.GetArrayDataReference(schedulesOf);
            ref readonly var scales = ref MemoryMarshal.GetArrayDataReference(dense);
            ref var target = ref MemoryMarshal.GetReference(inflow);
            var scaleVector = new Vector<T>(setScale);
            var scheduleCount = schedulesOf.Length / block;
            for (; d + DestinationBlock <= end; d += DestinationBlock)
            {
                for (var sex = 0; sex < 2; sex++)
                {
                    for (var x = 0; x < done; x += 2 * width)
                    {
                        var at = sex * a + firstAge + x;
                        for (var k = 0; k < scheduleCount; k++)
                        {
                            var (t00, t01, t10, t11) = (Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero);
                            var (t20, t21, t30, t31) = (Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero);
                            for (var origin = 0; origin < r; origin++)
                            {
                                ref readonly var movers = ref Unsafe.Add(ref Unsafe.AsRef(in surv), (origin * block) + at);
                                var v0 = Vector.LoadUnsafe(in movers);
                                var v1 = Vector.LoadUnsafe(in movers, (nuint)width);
                                ref readonly var row = ref Unsafe.Add(ref Unsafe.AsRef(in scales), ((k * r) + origin) * r + d);
                                var c0 = new Vector<T>(row);
                                var c1 = new Vector<T>(Unsafe.Add(ref Unsafe.AsRef(in row), 1));
                                var c2 = new Vector<T>(Unsafe.Add(ref Unsafe.AsRef(in row), 2));
                                var c3 = new Vector<T>(Unsafe.Add(ref Unsafe.AsRef(in row), 3));
                                t00 += c0 * v0;
                                t01 += c0 * v1;
                                t10 += c1 * v0;
                                t11 += c1 * v1;
                                t20 += c2 * v0;
                                t21 += c2 * v1;
                                t30 += c3 * v0;
                                t31 += c3 * v1;
                            }

                            ref readonly var schedule = ref Unsafe.Add(ref Unsafe.AsRef(in schedules), (k * block) + at);
                            var (s0, s1) = (Vector.LoadUnsafe(in schedule), Vector.LoadUnsafe(in schedule, (nuint)width));
                            AddMovers(ref target, ((d - first) * block) + at, width, s0 * (t00 * scaleVector), s1 * (t01 * scaleVector));
                            AddMovers(ref target, ((d + 1 - first) * block) + at, width, s0 * (t10 * scaleVector), s1 * (t11 * scaleVector));
                            AddMovers(ref target, ((d + 2 - first) * block) + at, width, s0 * (t20 * scaleVector), s1 * (t21 * scaleVector));
                            AddMovers(ref target, ((d + 3 - first) * block) + at, width, s0 * (t30 * scaleVector), s1 * (t31 * scaleVector));
                        }
                    }
                }

                for (var sex = 0; sex < 2; sex++)
                {
                    // The ages left over, a vector at a time: the vector starts no later than the row's last vector (so
                    // its loads stay in the row) and only the lanes of the ages left over are added.
                    for (var from = firstAge + done; from < endAge; from += width)
                    {
                        var start = Math.Min(from, a - width);
                        var left = Lanes<T>(start, from, Math.Min(from + width, endAge));
                        var at = sex * a + start;
                        for (var k = 0; k < scheduleCount; k++)
                        {
                            var (t0, t1, t2, t3) = (Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero);
                            for (var origin = 0; origin < r; origin++)
                            {
                                var movers = Vector.LoadUnsafe(in Unsafe.Add(ref Unsafe.AsRef(in surv), (origin * block) + at));
                                ref readonly var row = ref Unsafe.Add(ref Unsafe.AsRef(in scales), ((k * r) + origin) * r + d);
                                t0 += new Vector<T>(row) * movers;
                                t1 += new Vector<T>(Unsafe.Add(ref Unsafe.AsRef(in row), 1)) * movers;
                                t2 += new Vector<T>(Unsafe.Add(ref Unsafe.AsRef(in row), 2)) * movers;
                                t3 += new Vector<T>(Unsafe.Add(ref Unsafe.AsRef(in row), 3)) * movers;
                            }

                            var schedule = Vector.LoadUnsafe(in Unsafe.Add(ref Unsafe.AsRef(in schedules), (k * block) + at));
                            AddMovers(ref target, ((d - first) * block) + at, left, schedule * (t0 * scaleVector));
                            AddMovers(ref target, ((d + 1 - first) * block) + at, left, schedule * (t1 * scaleVector));
                            AddMovers(ref target, ((d + 2 - first) * block) + at, left, schedule * (t2 * scaleVector));
                            AddMovers(ref target, ((d + 3 - first) * block) + at, left, schedule * (t3 * scaleVector));
                        }
                    }
                }
            }
        }

        for (; d < end; d++)
        {
            GatherRateInflow(d, survivors, inflow.Slice((d - first) * block, block), firstAge, endAge, setScale);
        }
    }

    /// <summary>The lanes of a vector starting at <paramref name="start"/> that hold [<paramref name="from"/>, <paramref name="end"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Lanes<T>(int start, int from, int end)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var at = Vector<T>.Indices + new Vector<T>(T.CreateTruncating(start));
        return Vector.GreaterThanOrEqual(at, new Vector<T>(T.CreateTruncating(from))) & Vector.LessThan(at, new Vector<T>(T.CreateTruncating(end)));
    }

    /// <summary>inflow[at …] += movers in the lanes of <paramref name="lanes"/>; the other lanes are left as they are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddMovers<T>(ref T inflow, int at, Vector<T> lanes, Vector<T> movers)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var before = Vector.LoadUnsafe(ref inflow, (nuint)at);
        Vector.StoreUnsafe(Vector.ConditionalSelect(lanes, before + movers, before), ref inflow, (nuint)at);
    }

    /// <summary>inflow[at …] += first, inflow[at + width …] += second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddMovers<T>(ref T inflow, int at, int width, Vector<T> first, Vector<T> second)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector.StoreUnsafe(Vector.LoadUnsafe(ref inflow, (nuint)at) + first, ref inflow, (nuint)at);
        Vector.StoreUnsafe(Vector.LoadUnsafe(ref inflow, (nuint)(at + width)) + second, ref inflow, (nuint)(at + width));
    }

    /// <summary>Throws when some origin's probabilities of leaving sum to more than 1.</summary>
    internal static void RequireProbabilities<T>(ReadOnlySpan<T> totalOut, StateSpace states, AgeGroups ages, string what)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var limit = ProbabilityLimit<T>();
        var a = ages.Count;
        for (var i = 0; i < totalOut.Length; i++)
        {
            if (!(totalOut[i] <= limit))
            {
                var state = i / (2 * a);
                var sex = (Sex)(i / a % 2);
                Guard.ThrowArgument(what,
                    $"{what}: the probabilities of leaving {states.Label(state)} ({sex}, age {ages.Label(i % a)}) sum to {totalOut[i]}, more than 1.");
            }
        }
    }
}
