using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Populus.Demography.Projection;

/// <summary>
/// The cohort-component projection engine: single-region, multiregional and multistate in one code path, for any
/// step length n equal to the age-group width (1×1 as in WPP, 5×5 as in Preston et al.).
/// </summary>
/// <remarks>
/// <para>One step from t to t+n, for every state and sex ([PHG2001] ch. 6; [WPP2024]; ccmppWPP):</para>
/// <list type="number">
/// <item>the share of external net migrants that arrives at the start (all for <see cref="MigrationTiming.Start"/>,
/// half for <see cref="MigrationTiming.HalfHalf"/>) joins P(x,t);</item>
/// <item>survival: P(x+n,t+n) = P(x,t)·S(x+n); P(ω+,t+n) = (P(ω−n,t) + P(ω+,t))·S(ω+); deaths are what survival removes;</item>
/// <item>transfers between states act on the survivors ([Rogers1995]; [KC2013]);</item>
/// <item>births B = n·Σ f(x)·(Pf(x,t) + Pf(x,t+n))/2 over women-years, with the start population after start migrants and
/// the end population after transfers and, unless timing is <see cref="MigrationTiming.End"/>, after the end share of
/// migrants (ccmppWPP "even" and [PHG2001] Box 6.2 count them; WPP's "end" migrants are never exposed);</item>
/// <item>Bf = B/(1+SRB), Bm = B − Bf; births go to child states by the <see cref="BirthAssignment"/>;
/// P(0,t+n) = B_sex·S0 in the child's state, then transfers at age 0;</item>
/// <item>the rest of the migrants join at the end. Any cell that would go negative is set to zero and the persons
/// added back are reported.</item>
/// </list>
/// <para>The engine is a reusable workspace: buffers are sized once for its state space and grid, and a step allocates
/// no arrays. States run in parallel in chunks; every value is computed by one thread in a fixed order, so results are
/// identical whatever the degree of parallelism. Not thread-safe: use one instance per thread.</para>
/// <para>Two ways to run it: <see cref="Project(int, ReadOnlySpan{T}, IReadOnlyList{ProjectionStep{T}}, IEnumerable{int}?)"/>
/// keeps the population of every year (or of the years asked for) in one result; <see cref="Begin"/> then
/// <see cref="Advance(ProjectionStepBuffer{T})"/> steps a population held in the engine's own two-year buffer, for callers
/// that read what they need after each step (stochastic trajectories) and keep nothing else.</para>
/// <para>T is the precision of every population, rate and flow: double for deterministic projections
/// (<see cref="CohortComponentProjection"/>), float for the trajectories of a stochastic projection, whose values are
/// stored in single precision anyway and whose steps then read and write half the memory (docs/benchmarks.md, session 13).
/// A result (<see cref="ProjectionResult"/>) holds doubles either way.</para>
/// </remarks>
/// <typeparam name="T">double or float.</typeparam>
public class CohortComponentProjection<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
{
    /// <summary>½, in the engine's precision.</summary>
    private static readonly T OneHalf = T.CreateTruncating(0.5);

    /// <summary>Below this many cells a step runs on one thread: the work is smaller than the cost of scheduling it.</summary>
    private const int ParallelThresholdCells = 32_768;

    private readonly int _a;
    private readonly int _block;
    private readonly int _cells;
    private readonly int _chunks;
    private readonly ParallelOptions _parallelOptions;
    private readonly Action<int> _runChunk;
    private readonly Phases _phases;
    private readonly bool _keepDeaths; // deaths are computed (into the result, or the session's last step)

    // Workspace, reused by every step and every run.
    private readonly T[] _startScratch;
    private readonly T[] _deathsScratch;
    private readonly T[] _inScratch;
    private readonly T[] _outScratch;
    private readonly T[] _birthsByMothersAgeScratch;
    private readonly T[] _birthsByMother;
    private readonly List<ClippedCount>?[] _clips;
    private readonly T[] _ring;
    private readonly T[] _stepBirths;

    // The current run and step.
    private Action<int, int> _phase = static (_, _) => { };
    private ProjectionStep<T> _step = null!;
    private int _year;
    private int _k;
    private T[] _population = [];
    private T[] _pop = [];
    private int _curBase;
    private int _nextBase;
    private int _birthsBase;
    private bool _inSession;
    private int _sessionYear;
    private int _sessionSteps;
    private T[] _births = [];
    private T[] _deaths = [];
    private T[] _external = [];
    private T[] _transfersIn = [];
    private T[] _transfersOut = [];
    private T[] _birthsByMothersAge = [];
    private T _startShare;
    private T _endShare;
    private bool _fuses; // transfers by rates and end migrants settle in one pass (FusedTransfersAndEndMigrants)

    /// <param name="states">The state space (use <see cref="StateSpace.Single"/> for one region).</param>
    /// <param name="ages">The projection grid: equal widths n from 0 and an open last group; n is the step length.</param>
    /// <param name="births">Where births go; the mother's state when null.</param>
    /// <param name="outputs">Which flows to keep by age.</param>
    /// <param name="maxDegreeOfParallelism">Threads for one step; 1 runs on the calling thread (use it when running many
    /// projections in parallel), 0 uses every core.</param>
    /// <exception cref="ArgumentException">The grid cannot carry a projection, or the birth rule belongs to another state space.</exception>
    public CohortComponentProjection(
        StateSpace states,
        AgeGroups ages,
        BirthAssignment? births = null,
        ProjectionOutputs outputs = ProjectionOutputs.All,
        int maxDegreeOfParallelism = 0)
    {
        Kernels.RequirePrecision<T>("A projection");

        Guard.NotNull(states);
        StepLength = ProjectionGrid.StepLength(ages);
        if (births is not null && !births.States.Equals(states))
        {
            Guard.ThrowArgument(nameof(births), $"The birth rule is for states {births.States}, the projection for {states}.");
        }

        if (maxDegreeOfParallelism < 0)
        {
            Guard.ThrowRange(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "must be 0 (all cores) or positive");
        }

        States = states;
        Ages = ages;
        Births = births ?? BirthAssignment.MothersState(states);
        Outputs = outputs;
        _keepDeaths = outputs.HasFlag(ProjectionOutputs.Deaths);
        _a = ages.Count;
        _block = 2 * _a;
        _cells = checked(states.Count * _block); // sizes are checked where they are made: arithmetic is not overflow-checked here
        var threads = maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        _chunks = threads == 1 || _cells < ParallelThresholdCells ? 1 : Math.Min(states.Count, threads * 4);
        _parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _runChunk = RunChunk;
        _phases = new Phases(this);
        _startScratch = new T[_cells];
        _deathsScratch = new T[_cells];
        _inScratch = new T[_cells];
        _outScratch = new T[_cells];
        _birthsByMothersAgeScratch = new T[states.Count * _a];
        _birthsByMother = new T[states.Count * 2];
        _clips = new List<ClippedCount>?[states.Count];
        _ring = new T[checked(2 * _cells)];
        _stepBirths = new T[states.Count * 2];
    }

    public StateSpace States { get; }

    public AgeGroups Ages { get; }

    /// <summary>n: years per step.</summary>
    public int StepLength { get; }

    public BirthAssignment Births { get; }

    public ProjectionOutputs Outputs { get; }

    /// <summary>Projects one population per state (in state order) through the given steps.</summary>
    /// <param name="startYear">The year of the initial population.</param>
    /// <param name="initial">One population per state.</param>
    /// <param name="steps">The steps, in order.</param>
    /// <param name="populationYears">The years whose population the result keeps (null: every year). A run of 1,000
    /// regions × 100 years keeps 163 MB of populations; keeping the years a report needs avoids writing them all.</param>
    /// <exception cref="ArgumentException">The populations or steps do not fit the state space or grid, or a kept year is not a projection year.</exception>
    public ProjectionResult Project(int startYear, IReadOnlyList<PopulationByAgeSex> initial, IReadOnlyList<ProjectionStep<T>> steps,
        IEnumerable<int>? populationYears = null)
    {
        Guard.NotNull(initial);
        if (initial.Count != States.Count)
        {
            Guard.ThrowArgument(nameof(initial), $"{initial.Count} initial populations given for {States.Count} states ({States}).");
        }

        var packed = new T[_cells];
        for (var s = 0; s < initial.Count; s++)
        {
            Guard.NotNull(initial[s], $"initial population of {States.Label(s)}");
            initial[s].Ages.RequireSame(Ages, $"initial population of {States.Label(s)}");
            TensorPrimitives.ConvertTruncating(initial[s].Male.Values, packed.AsSpan(s * _block, _a)); // to the engine's precision
            TensorPrimitives.ConvertTruncating(initial[s].Female.Values, packed.AsSpan(s * _block + _a, _a));
        }

        return Project(startYear, packed, steps, populationYears);
    }

    /// <summary>Projects an initial population laid out [state][sex][age] through the given steps.</summary>
    /// <param name="startYear">The year of the initial population.</param>
    /// <param name="initial">The population [state][sex][age].</param>
    /// <param name="steps">The steps, in order.</param>
    /// <param name="populationYears">The years whose population the result keeps (null: every year).</param>
    /// <exception cref="ArgumentException">The population has the wrong length or a negative count, a step does not fit, or a kept year is not a projection year.</exception>
    public ProjectionResult Project(int startYear, ReadOnlySpan<T> initial, IReadOnlyList<ProjectionStep<T>> steps, IEnumerable<int>? populationYears = null)
    {
        Guard.NotNull(steps);
        CheckInitial(initial);
        for (var k = 0; k < steps.Count; k++)
        {
            CheckStep(steps[k], k, startYear + k * StepLength);
        }

        var stepCount = steps.Count;
        var slots = PopulationSlots(startYear, stepCount, populationYears, out var keptCount);
        _inSession = false;
        if ((long)(stepCount + 1) * _cells > Array.MaxLength)
        {
            // The largest product of sizes below (every other flow array is smaller); arithmetic is not overflow-checked here.
            Guard.ThrowArgument(nameof(steps), $"{stepCount} steps of {_cells:N0} cells are more than one array holds.");
        }

        if (slots is null)
        {
            // Every year kept: the steps write straight into the result.
            _population = GC.AllocateUninitializedArray<T>((stepCount + 1) * _cells);
            _pop = _population;
        }
        else
        {
            _population = GC.AllocateUninitializedArray<T>(keptCount * _cells);
            _pop = _ring;
        }

        initial.CopyTo(_pop);
        KeepYear(slots, 0);
        _births = GC.AllocateUninitializedArray<T>(stepCount * States.Count * 2);
        _deaths = _keepDeaths ? GC.AllocateUninitializedArray<T>(stepCount * _cells) : [];
        var migration = Outputs.HasFlag(ProjectionOutputs.Migration);
        _external = migration ? new T[stepCount * _cells] : [];
        _transfersIn = migration ? new T[stepCount * _cells] : [];
        _transfersOut = migration ? new T[stepCount * _cells] : [];
        _birthsByMothersAge = Outputs.HasFlag(ProjectionOutputs.BirthsByMothersAge) ? new T[stepCount * States.Count * _a] : [];
        ClearClips();
        for (var k = 0; k < stepCount; k++)
        {
            RunStep(k, startYear + k * StepLength, steps[k]);
            KeepYear(slots, k + 1);
        }

        var result = new ProjectionResult(States, Ages, startYear, stepCount, Outputs, Wide(_population)!, slots, Wide(_births)!,
            Outputs.HasFlag(ProjectionOutputs.Deaths) ? Wide(_deaths) : null,
            migration ? Wide(_external) : null,
            migration ? Wide(_transfersIn) : null,
            migration ? Wide(_transfersOut) : null,
            Outputs.HasFlag(ProjectionOutputs.BirthsByMothersAge) ? Wide(_birthsByMothersAge) : null,
            CollectClips());
        _population = _pop = _births = _deaths = _external = _transfersIn = _transfersOut = _birthsByMothersAge = [];
        _step = null!;
        return result;
    }

    /// <summary>Starts stepping <paramref name="initial"/> ([state][sex][age], the population of <paramref name="startYear"/>)
    /// in the engine's own buffer; each <see cref="Advance(ProjectionStepBuffer{T})"/> moves it one step. Only the current
    /// population and the last step's events are kept: births by sex and by mother's age, and deaths when
    /// <see cref="Outputs"/> asks for them (no migration flows, whatever it says).</summary>
    /// <exception cref="ArgumentException">The population has the wrong length or a negative count.</exception>
    public void Begin(int startYear, ReadOnlySpan<T> initial)
    {
        CheckInitial(initial);
        initial.CopyTo(_ring);
        _pop = _ring;
        _population = [];
        _births = _stepBirths;
        _deaths = _external = _transfersIn = _transfersOut = _birthsByMothersAge = [];
        ClearClips();
        _sessionYear = startYear;
        _sessionSteps = 0;
        _curBase = 0;
        _inSession = true;
    }

    /// <summary>Moves the population begun with <see cref="Begin"/> one step with the rates in <paramref name="buffer"/> (checked first).</summary>
    /// <exception cref="InvalidOperationException">No population was begun.</exception>
    /// <exception cref="ArgumentException">The buffer's values are out of range or it does not fit the engine.</exception>
    public void Advance(ProjectionStepBuffer<T> buffer)
    {
        Guard.NotNull(buffer);
        RequireSession();
        Advance(buffer.Commit());
    }

    /// <summary>As <see cref="Advance(ProjectionStepBuffer{T})"/>, without checking the buffer's arrays (<see cref="ProjectionStepBuffer{T}.CommitTrusted"/>).</summary>
    internal void AdvanceTrusted(ProjectionStepBuffer<T> buffer, (int First, int End) fertileAges)
    {
        RequireSession();
        Advance(buffer.CommitTrusted(fertileAges));
    }

    /// <summary>Moves the population begun with <see cref="Begin"/> one step.</summary>
    /// <exception cref="InvalidOperationException">No population was begun.</exception>
    /// <exception cref="ArgumentException">The step does not fit the engine.</exception>
    public void Advance(ProjectionStep<T> step)
    {
        RequireSession();
        CheckStep(step, _sessionSteps, _sessionYear);
        RunStep(_sessionSteps, _sessionYear, step);
        _step = null!;
        _sessionYear += StepLength;
        _sessionSteps++;
        _curBase = _nextBase;
    }

    /// <summary>The year of <see cref="CurrentPopulation"/> (after <see cref="Begin"/>).</summary>
    public int CurrentYear => _sessionYear;

    /// <summary>The population after the last <see cref="Advance(ProjectionStep{T})"/>, [state][sex][age]; overwritten by the next step.</summary>
    public ReadOnlySpan<T> CurrentPopulation => _inSession ? _ring.AsSpan(_curBase, _cells) : throw new InvalidOperationException("Call Begin first.");

    /// <summary>The births of the last step placed in each state, [state][sex].</summary>
    public ReadOnlySpan<T> LastStepBirths => _stepBirths;

    /// <summary>The births of the last step by state and mother's age, [state][age] (after an <see cref="Advance(ProjectionStep{T})"/>).</summary>
    public ReadOnlySpan<T> LastStepBirthsByMothersAge => _birthsByMothersAgeScratch;

    /// <summary>The deaths of the last step, [state][sex][age] by the age reached at the end of the step, when
    /// <see cref="Outputs"/> asks for deaths (after <see cref="Begin"/>).</summary>
    /// <exception cref="InvalidOperationException">The engine does not keep deaths.</exception>
    public ReadOnlySpan<T> LastStepDeaths => _keepDeaths
        ? _deathsScratch
        : throw new InvalidOperationException("This engine does not keep deaths (outputs without ProjectionOutputs.Deaths).");

    /// <summary>Persons added back where a cell would have gone negative since <see cref="Begin"/>.</summary>
    public double ClippedPersonsSinceBegin
    {
        get
        {
            var total = 0.0;
            foreach (var list in _clips)
            {
                if (list is not null)
                {
                    foreach (var c in list)
                    {
                        total += c.Persons;
                    }
                }
            }

            return total;
        }
    }

    /// <summary>Every cell clipped at zero since <see cref="Begin"/>.</summary>
    public ImmutableArray<ClippedCount> ClippedSinceBegin => CollectClips();

    /// <summary>Values for a result, which holds doubles: the array itself in double precision, widened (exactly) from single.</summary>
    private static double[]? Wide(T[]? values) =>
        values is null ? null : typeof(T) == typeof(double) ? Unsafe.As<double[]>(values) : Kernels.Converted<T, double>(values);

    private void RequireSession()
    {
        if (!_inSession)
        {
            throw new InvalidOperationException("Call Begin with an initial population before Advance.");
        }
    }

    private void CheckInitial(ReadOnlySpan<T> initial)
    {
        if (initial.Length != _cells)
        {
            Guard.ThrowArgument(nameof(initial), $"initial population: {initial.Length} values given, {_cells} expected ([state][sex][age] for {States.Count} states × 2 × {_a} ages).");
        }

        if (Kernels.AllWithin(initial, T.Zero, T.MaxValue))
        {
            return; // one vector pass: a stochastic run begins every trajectory from the same population
        }

        for (var i = 0; i < initial.Length; i++)
        {
            if (!(initial[i] >= T.Zero) || T.IsInfinity(initial[i]))
            {
                Guard.ThrowRange("initial population", initial[i],
                    $"in {States.Label(i / _block)}, {(Sex)(i / _a % 2)}, age {Ages.Label(i % _a)} must be a non-negative count");
            }
        }
    }

    private void CheckStep(ProjectionStep<T> step, int k, int year)
    {
        // Messages are built only on failure: a trajectory checks every step and should allocate nothing.
        if (step is null)
        {
            Guard.ThrowArgument("steps", $"Step {k} ({year}) is null.");
        }

        if (!step.Ages.Equals(Ages))
        {
            step.Ages.RequireSame(Ages, $"step {k} ({year})");
        }
        if (step.StateCount != States.Count)
        {
            Guard.ThrowArgument("steps", $"Step {k} ({year}) has rates for {step.StateCount} states; the projection has {States.Count}.");
        }

        foreach (var t in step.Transitions)
        {
            if (!t.States.Equals(States))
            {
                Guard.ThrowArgument("steps", $"Step {k}: transitions '{t.Name}' are between states {t.States}, the projection's are {States}.");
            }
        }
    }

    /// <summary>The slot of each population year in the result, or null when every year is kept.</summary>
    private int[]? PopulationSlots(int startYear, int stepCount, IEnumerable<int>? years, out int keptCount)
    {
        keptCount = stepCount + 1;
        if (years is null)
        {
            return null;
        }

        var slots = new int[stepCount + 1];
        Array.Fill(slots, -1);
        foreach (var year in years)
        {
            var offset = year - startYear;
            if (offset < 0 || offset % StepLength != 0 || offset / StepLength > stepCount)
            {
                Guard.ThrowRange("populationYears", year, $"is not a projection year ({startYear}, {startYear + StepLength}, …, {startYear + stepCount * StepLength})");
            }

            slots[offset / StepLength] = 0;
        }

        keptCount = 0;
        for (var k = 0; k < slots.Length; k++)
        {
            if (slots[k] == 0)
            {
                slots[k] = keptCount++;
            }
        }

        return slots;
    }

    private void KeepYear(int[]? slots, int k)
    {
        if (slots is not null && slots[k] >= 0)
        {
            _ring.AsSpan(k % 2 * _cells, _cells).CopyTo(_population.AsSpan(slots[k] * _cells));
        }
    }

    private void ClearClips()
    {
        foreach (var list in _clips)
        {
            list?.Clear();
        }
    }

    private void RunStep(int k, int year, ProjectionStep<T> step)
    {
        _k = k;
        _year = year;
        _step = step;
        (_curBase, _nextBase) = _pop == _ring ? (k % 2 * _cells, (k + 1) % 2 * _cells) : (k * _cells, (k + 1) * _cells);
        _birthsBase = _inSession ? 0 : k * States.Count * 2;
        (_startShare, _endShare) = step.Timing switch
        {
            MigrationTiming.Start => (T.One, T.Zero),
            MigrationTiming.HalfHalf => (OneHalf, OneHalf),
            _ => (T.Zero, T.One),
        };
        if (step.Migrants is null)
        {
            (_startShare, _endShare) = (T.Zero, T.Zero);
        }

        _fuses = step.HasTransitions && step.OutRate is not null && step.CountOut is null && _endShare > T.Zero && step.Timing != MigrationTiming.End;

        if (!step.HasTransitions && Births.IsMothersState)
        {
            // No state depends on another: the whole step runs state by state.
            ForEachState(_phases.StepIndependent);
            return;
        }

        ForEachState(_phases.StartAndSurvive);
        if (step.HasTransitions)
        {
            ForEachState(_phases.GatherOlder);
        }

        ForEachState(_phases.SettleOlder);
        ForEachState(_phases.Newborns);
        if (step.HasTransitions)
        {
            ForEachState(_phases.GatherNewborns);
            ForEachState(_phases.SettleNewborns);
        }
    }

    /// <summary>The phases as delegates created once, so a step allocates none.</summary>
    private sealed class Phases(CohortComponentProjection<T> engine)
    {
        public readonly Action<int, int> StepIndependent = engine.StepIndependent;
        public readonly Action<int, int> StartAndSurvive = engine.StartAndSurvive;
        public readonly Action<int, int> GatherOlder = engine.GatherOlder;
        public readonly Action<int, int> SettleOlder = engine.SettleOlder;
        public readonly Action<int, int> Newborns = engine.Newborns;
        public readonly Action<int, int> GatherNewborns = engine.GatherNewborns;
        public readonly Action<int, int> SettleNewborns = engine.SettleNewborns;
    }

    private void StepIndependent(int first, int end)
    {
        StartAndSurvive(first, end);
        SettleOlder(first, end);
        Newborns(first, end);
    }

    private void ForEachState(Action<int, int> phase)
    {
        if (_chunks == 1)
        {
            phase(0, States.Count);
            return;
        }

        _phase = phase;
        Parallel.For(0, _chunks, _parallelOptions, _runChunk);
    }

    private void RunChunk(int chunk) =>
        _phase(chunk * States.Count / _chunks, (chunk + 1) * States.Count / _chunks);

    private int Current(int s, int sex) => _curBase + s * _block + sex * _a;

    private int Next(int s, int sex) => _nextBase + s * _block + sex * _a;

    private int Flow(int s, int sex) => (_k * States.Count + s) * _block + sex * _a;

    private Span<T> DeathsOf(int s, int sex) => _deaths.Length > 0
        ? _deaths.AsSpan(Flow(s, sex), _a)
        : _deathsScratch.AsSpan((s * 2 + sex) * _a, _a);

    private Span<T> InOf(int s, int sex) => _transfersIn.Length > 0
        ? _transfersIn.AsSpan(Flow(s, sex), _a)
        : _inScratch.AsSpan((s * 2 + sex) * _a, _a);

    private Span<T> OutOf(int s, int sex) => _transfersOut.Length > 0
        ? _transfersOut.AsSpan(Flow(s, sex), _a)
        : _outScratch.AsSpan((s * 2 + sex) * _a, _a);

    /// <summary>The population exposed from the start of the step: P(t) plus the start share of migrants.</summary>
    private ReadOnlySpan<T> StartOf(int s, int sex) => _startShare > T.Zero
        ? _startScratch.AsSpan((s * 2 + sex) * _a, _a)
        : _pop.AsSpan(Current(s, sex), _a);

    /// <summary>Start migrants, then survival of every cohort already born (ages n … ω+ at the end).</summary>
    private void StartAndSurvive(int first, int end)
    {
        var step = _step;
        var a = _a;
        for (var s = first; s < end; s++)
        {
            if (_external.Length > 0 && step.Migrants is not null)
            {
                step.Migrants.AsSpan(s * _block, _block).CopyTo(_external.AsSpan(Flow(s, 0), _block));
            }

            for (var sex = 0; sex < 2; sex++)
            {
                if (_startShare > T.Zero)
                {
                    var start = _startScratch.AsSpan((s * 2 + sex) * a, a);
                    if (Kernels.AddScaled(start, _pop.AsSpan(Current(s, sex), a), step.Migrants.AsSpan((s * 2 + sex) * a, a), _startShare))
                    {
                        Clip(start, s, sex, 0);
                    }
                }

                var p = StartOf(s, sex);
                var next = _pop.AsSpan(Next(s, sex), a);
                var surv = step.Survival.AsSpan((s * 2 + sex) * a, a);
                var open = p[a - 2] + p[a - 1];
                if (_keepDeaths)
                {
                    var deaths = DeathsOf(s, sex);
                    Kernels.Survive(p[..(a - 2)], surv[1..(a - 1)], next[1..(a - 1)], deaths[1..(a - 1)]);
                    next[a - 1] = open * surv[a - 1];
                    deaths[a - 1] = open - next[a - 1];
                }
                else
                {
                    // Deaths are not kept: survivors only, one pass fewer.
                    Kernels.Multiply(next[1..(a - 1)], p[..(a - 2)], surv[1..(a - 1)]);
                    next[a - 1] = open * surv[a - 1];
                }
            }
        }
    }

    /// <summary>Inflows at ages n … ω+ from every origin's survivors (which no thread changes in this phase).</summary>
    private void GatherOlder(int first, int end) => Gather(first, end, 1, _a);

    private void GatherNewborns(int first, int end) => Gather(first, end, 0, 1);

    private void Gather(int first, int end, int firstAge, int endAge)
    {
        var step = _step;
        var survivors = _pop.AsSpan(_nextBase, _cells);
        // The destinations' inflow blocks follow one another in either array: each set gathers all of them at once.
        var blocks = _transfersIn.Length > 0
            ? _transfersIn.AsSpan(Flow(first, 0), (end - first) * _block)
            : _inScratch.AsSpan(first * _block, (end - first) * _block);
        for (var d = first; d < end; d++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                var range = blocks.Slice(((d - first) * _block) + (sex * _a) + firstAge, endAge - firstAge);
                if (step.CountIn is not null)
                {
                    step.CountIn.AsSpan(d * _block + sex * _a + firstAge, endAge - firstAge).CopyTo(range);
                }
                else
                {
                    range.Clear();
                }
            }
        }

        for (var k = 0; k < step.RateSets.Length; k++)
        {
            step.RateSets[k].GatherRateInflowBlocks(first, end, survivors, blocks, firstAge, endAge, step.RateScales[k]);
        }
    }

    /// <summary>Transfers and end migrants at ages n … ω+, and the births of the state's women.</summary>
    private void SettleOlder(int first, int end)
    {
        var step = _step;
        var a = _a;
        var n = T.CreateTruncating(StepLength);
        for (var s = first; s < end; s++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                Settle(s, sex, 1, a, endMigrants: step.Timing != MigrationTiming.End);
            }

            // Women-years of exposure: the mean of the start (after start migrants) and end populations, times n.
            var (lo, hi) = (step.FertileFirst, step.FertileEnd);
            var fertility = step.Fertility.AsSpan(s * a, a);
            var womenStart = StartOf(s, 1);
            var womenEnd = _pop.AsSpan(Next(s, 1), a);
            var byAge = _birthsByMothersAge.Length > 0
                ? _birthsByMothersAge.AsSpan((_k * States.Count + s) * a, a)
                : _birthsByMothersAgeScratch.AsSpan(s * a, a);
            if (_inSession)
            {
                // The step's fertile ages may be narrower than an earlier step's: the rest of the kept row is no births.
                byAge[..lo].Clear();
                byAge[hi..].Clear();
            }

            var births = Kernels.Births(n, fertility[lo..hi], womenStart[lo..hi], womenEnd[lo..hi], byAge[lo..hi]);

            var female = births * step.FemaleShare[s];
            _birthsByMother[s * 2] = births - female;
            _birthsByMother[s * 2 + 1] = female;

            if (step.Timing == MigrationTiming.End)
            {
                AddEndMigrants(s, 0, 1, a);
                AddEndMigrants(s, 1, 1, a);
            }
        }
    }

    /// <summary>Births placed by the birth rule and survived to the first age group; end migrants at age 0 when no transfers follow.</summary>
    private void Newborns(int first, int end)
    {
        var step = _step;
        var a = _a;
        for (var c = first; c < end; c++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                var b = Births.IsMothersState ? _birthsByMother[c * 2 + sex] : Births.Gather(c, _birthsByMother, 2, sex);
                _births[_birthsBase + c * 2 + sex] = b;
                var next = _pop.AsSpan(Next(c, sex), a);
                next[0] = b * step.Survival[(c * 2 + sex) * a];
                DeathsOf(c, sex)[0] = b - next[0];
                if (!step.HasTransitions)
                {
                    AddEndMigrants(c, sex, 0, 1);
                }
            }
        }
    }

    private void SettleNewborns(int first, int end)
    {
        for (var s = first; s < end; s++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                Settle(s, sex, 0, 1, endMigrants: true);
            }
        }
    }

    /// <summary>Transfers (when the step has any), then end migrants when <paramref name="endMigrants"/>, at ages
    /// [firstAge, endAge).</summary>
    /// <remarks>Both in one pass as far as no value goes below zero; from there (or with counts, or no end migrants) one
    /// after the other, each clipping what it takes below zero. In the usual case the fused pass does every age, and
    /// the separate passes are not called at all: over no ages they cost 2–3% of a stochastic run, and for the newborns
    /// (one age a row) each pass cost more in calls than in arithmetic.</remarks>
    private void Settle(int s, int sex, int firstAge, int endAge, bool endMigrants)
    {
        var done = firstAge + (_fuses && endMigrants ? FusedTransfersAndEndMigrants(s, sex, firstAge, endAge) : 0);
        if (done == endAge)
        {
            return;
        }

        if (_step.HasTransitions)
        {
            ApplyTransfers(s, sex, done, endAge);
        }

        if (endMigrants)
        {
            AddEndMigrants(s, sex, done, endAge);
        }
    }

    /// <summary>Transfers and end migrants at ages [firstAge, endAge) in one pass (<see cref="Kernels.TransferAndAddScaled"/>); the ages done.</summary>
    private int FusedTransfersAndEndMigrants(int s, int sex, int firstAge, int endAge)
    {
        var o = (s * 2 + sex) * _a + firstAge;
        var len = endAge - firstAge;
        var outflow = _transfersOut.Length > 0 ? OutOf(s, sex).Slice(firstAge, len) : default; // not kept: not written
        return Kernels.TransferAndAddScaled(_pop.AsSpan(Next(s, sex) + firstAge, len), InOf(s, sex).Slice(firstAge, len), outflow,
            _step.OutRate.AsSpan(o, len), _step.Migrants.AsSpan(o, len), _endShare);
    }

    private void ApplyTransfers(int s, int sex, int firstAge, int endAge)
    {
        var step = _step;
        var len = endAge - firstAge;
        var o = (s * 2 + sex) * _a + firstAge;
        var next = _pop.AsSpan(Next(s, sex) + firstAge, len);
        var inflow = InOf(s, sex).Slice(firstAge, len);
        var outflow = OutOf(s, sex).Slice(firstAge, len);
        var rate = step.OutRate is null ? default : step.OutRate.AsSpan(o, len);
        var counts = step.CountOut is null ? default : step.CountOut.AsSpan(o, len);
        if (Kernels.Transfer(next, inflow, outflow, rate, counts))
        {
            Clip(next, s, sex, firstAge);
        }
    }

    private void AddEndMigrants(int s, int sex, int firstAge, int endAge)
    {
        if (_endShare == T.Zero)
        {
            return;
        }

        var len = endAge - firstAge;
        var next = _pop.AsSpan(Next(s, sex) + firstAge, len);
        if (Kernels.AddScaled(next, _step.Migrants.AsSpan((s * 2 + sex) * _a + firstAge, len), _endShare))
        {
            Clip(next, s, sex, firstAge);
        }
    }

    /// <summary>Sets negative cells to zero and records the persons added back (in the state's own list: no sharing between threads).</summary>
    private void Clip(Span<T> values, int s, int sex, int firstAge)
    {
        if (!Kernels.AnyNegative(values))
        {
            return;
        }

        for (var x = 0; x < values.Length; x++)
        {
            if (values[x] < T.Zero)
            {
                (_clips[s] ??= []).Add(new ClippedCount(_year, s, (Sex)sex, firstAge + x, -double.CreateTruncating(values[x])));
                values[x] = T.Zero;
            }
        }
    }

    private ImmutableArray<ClippedCount> CollectClips()
    {
        var all = new List<ClippedCount>();
        foreach (var list in _clips)
        {
            if (list is not null)
            {
                all.AddRange(list);
            }
        }

        var merged = ImmutableArray.CreateBuilder<ClippedCount>();
        foreach (var c in all.OrderBy(c => c.Year).ThenBy(c => c.State).ThenBy(c => c.Sex).ThenBy(c => c.AgeIndex))
        {
            if (merged.Count > 0 && merged[^1] is var last && (last.Year, last.State, last.Sex, last.AgeIndex) == (c.Year, c.State, c.Sex, c.AgeIndex))
            {
                merged[^1] = last with { Persons = last.Persons + c.Persons };
            }
            else
            {
                merged.Add(c);
            }
        }

        return merged.ToImmutable();
    }
}

/// <summary>The cohort-component projection in double precision, the engine of every deterministic projection
/// (<see cref="CohortComponentProjection{T}"/>).</summary>
/// <param name="states">The state space (use <see cref="StateSpace.Single"/> for one region).</param>
/// <param name="ages">The projection grid: equal widths n from 0 and an open last group; n is the step length.</param>
/// <param name="births">Where births go; the mother's state when null.</param>
/// <param name="outputs">Which flows to keep by age.</param>
/// <param name="maxDegreeOfParallelism">Threads for one step; 1 runs on the calling thread, 0 uses every core.</param>
public sealed class CohortComponentProjection(StateSpace states, AgeGroups ages, BirthAssignment? births = null,
    ProjectionOutputs outputs = ProjectionOutputs.All, int maxDegreeOfParallelism = 0)
    : CohortComponentProjection<double>(states, ages, births, outputs, maxDegreeOfParallelism);
