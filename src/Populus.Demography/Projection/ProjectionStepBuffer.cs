using System.Numerics;

namespace Populus.Demography.Projection;

/// <summary>
/// A projection step whose rates the caller overwrites before every <see cref="CohortComponentProjection{T}.Advance(ProjectionStepBuffer{T})"/>:
/// the arrays are allocated once, so a run of many steps (a stochastic trajectory, a long annual projection) builds no
/// step objects and copies nothing. Layouts are those of <see cref="ProjectionStep.FromArrays"/>.
/// </summary>
/// <remarks>The values are checked each time the engine reads them, as <see cref="ProjectionStep.FromArrays"/> checks
/// them (one vectorised pass). Not thread-safe: one buffer per engine.</remarks>
/// <typeparam name="T">The engine's precision: double (<see cref="ProjectionStepBuffer"/>) or float.</typeparam>
public class ProjectionStepBuffer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
{
    private readonly T[] _survival;
    private readonly T[] _fertility;
    private readonly T[] _sexRatioAtBirth;
    private readonly T[] _femaleShare;
    private readonly T[]? _migrants;
    private readonly ProjectionStep<T> _step;

    /// <param name="ages">The projection grid.</param>
    /// <param name="stateCount">Number of states.</param>
    /// <param name="hasMigrants">Whether the steps carry external net migrants.</param>
    /// <param name="timing">When migrants arrive.</param>
    /// <param name="transitions">Moves between states, the same for every step of the buffer.</param>
    /// <exception cref="ArgumentException">The grid cannot carry a projection, or the transitions do not fit.</exception>
    public ProjectionStepBuffer(AgeGroups ages, int stateCount, bool hasMigrants, MigrationTiming timing = MigrationTiming.End,
        IEnumerable<StateTransitions>? transitions = null)
    {
        Guard.NotNull(ages);
        ProjectionGrid.StepLength(ages);
        if (stateCount < 1)
        {
            Guard.ThrowRange(nameof(stateCount), stateCount, "must be at least 1");
        }

        var a = ages.Count;
        _survival = new T[checked(stateCount * 2 * a)];
        _fertility = new T[stateCount * a];
        _sexRatioAtBirth = new T[stateCount];
        _femaleShare = new T[stateCount];
        _migrants = hasMigrants ? new T[stateCount * 2 * a] : null;
        _step = ProjectionStep<T>.OverBuffers(ages, stateCount, _survival, _fertility, _femaleShare, _migrants, timing, transitions);
    }

    public AgeGroups Ages => _step.Ages;

    public int StateCount => _step.StateCount;

    /// <summary>Survival ratios [state][sex][age], each in [0, 1].</summary>
    public Span<T> Survival => _survival;

    /// <summary>Fertility on the projection grid [state][age], zero in the first group.</summary>
    public Span<T> Fertility => _fertility;

    /// <summary>Males per female birth, one a state (unset: 0, refused by the engine).</summary>
    public Span<T> SexRatioAtBirth => _sexRatioAtBirth;

    /// <summary>External net migrants [state][sex][age].</summary>
    /// <exception cref="InvalidOperationException">The buffer was made without migrants.</exception>
    public Span<T> NetMigrants => _migrants ?? throw new InvalidOperationException("This step buffer was made without migrants (hasMigrants: false).");

    /// <summary>A multiplier of every rate of each transition set of kind <see cref="TransitionKind.Rates"/>, in the order
    /// the sets were given (count sets have none); 1 until set. A transition whose intensity is found anew each step
    /// (a reclassification rate that brings an urban share to its path) keeps its set and changes the scale.</summary>
    public Span<T> RateScales => _step.RateScales;

    /// <summary>Checks the current values and returns the step that reads them.</summary>
    internal ProjectionStep<T> Commit()
    {
        ProjectionStep<T>.Check(Ages, StateCount, _survival, _fertility, _sexRatioAtBirth, _migrants, _femaleShare);
        _step.FindFertileAges();
        _step.ApplyRateScales();
        return _step;
    }

    /// <summary>Returns the step that reads the current values without the array passes of <see cref="Commit"/>, for a
    /// caller whose values are clamped interpolations and finite scalings of tables already checked (a stochastic
    /// trajectory), and which checks the few scalars that could still put them out of range.</summary>
    /// <param name="fertileAges">Age groups that hold every non-zero fertility rate (those of the table the rates scale).</param>
    internal ProjectionStep<T> CommitTrusted((int First, int End) fertileAges)
    {
        for (var s = 0; s < _sexRatioAtBirth.Length; s++)
        {
            _femaleShare[s] = ProjectionStep<T>.FemaleShareOf(_sexRatioAtBirth[s]);
        }

        _step.SetFertileAges(fertileAges);
        _step.ApplyRateScales();
        return _step;
    }
}

/// <summary>A step buffer in double precision, for the engine of deterministic projections (<see cref="ProjectionStepBuffer{T}"/>).</summary>
/// <param name="ages">The projection grid.</param>
/// <param name="stateCount">Number of states.</param>
/// <param name="hasMigrants">Whether the steps carry external net migrants.</param>
/// <param name="timing">When migrants arrive.</param>
/// <param name="transitions">Moves between states, the same for every step of the buffer.</param>
public sealed class ProjectionStepBuffer(AgeGroups ages, int stateCount, bool hasMigrants, MigrationTiming timing = MigrationTiming.End,
    IEnumerable<StateTransitions>? transitions = null)
    : ProjectionStepBuffer<double>(ages, stateCount, hasMigrants, timing, transitions);
