namespace Populus.Planning.Work;

/// <summary>Where a yearly work point stands on a given day.</summary>
public enum WorkItemState
{
    /// <summary>Reported complete (with evidence) on or before the deadline.</summary>
    Completed,

    /// <summary>Reported complete after the deadline.</summary>
    CompletedLate,

    /// <summary>Progress keeps pace with the time elapsed.</summary>
    OnSchedule,

    /// <summary>Before the deadline but behind the time elapsed (see <see cref="WorkSchedule"/>).</summary>
    Lagging,

    /// <summary>The deadline has passed and the point is not reported complete.</summary>
    Overdue,
}
