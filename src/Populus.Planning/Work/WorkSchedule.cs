namespace Populus.Planning.Work;

/// <summary>
/// Classifies a work point as completed, on schedule, lagging or overdue from its deadline, the day of the check
/// and the latest progress its department reported.
/// </summary>
/// <remarks>
/// Work points run from 1 January of their year to their deadline. A point is lagging when the reported completion
/// is more than <see cref="LagMargin"/> percentage points behind the share of that period elapsed (linear
/// expectation: 60 % of the time gone, less than 35 % done), or when nothing has been reported after half the period:
/// the plan asks for supervision during the year, so a point must not wait for its deadline to show as behind.
/// </remarks>
public static class WorkSchedule
{
    /// <summary>Percentage points by which progress may trail the elapsed time before a point is lagging.</summary>
    public const double LagMargin = 25;

    /// <param name="year">The work point's year (its period starts on 1 January).</param>
    /// <param name="deadline">The deadline set by the lead office.</param>
    /// <param name="asOf">The day of the check.</param>
    /// <param name="percentComplete">The latest reported completion (0–100), or null when none was reported.</param>
    /// <param name="completedOn">The day completion was reported, or null.</param>
    public static WorkItemState Classify(int year, DateOnly deadline, DateOnly asOf, double? percentComplete, DateOnly? completedOn)
    {
        if (completedOn is { } done)
        {
            return done <= deadline ? WorkItemState.Completed : WorkItemState.CompletedLate;
        }

        if (asOf > deadline)
        {
            return WorkItemState.Overdue;
        }

        var expected = ExpectedPercent(year, deadline, asOf);
        return percentComplete is { } p
            ? p < expected - LagMargin ? WorkItemState.Lagging : WorkItemState.OnSchedule
            : expected > 50 ? WorkItemState.Lagging : WorkItemState.OnSchedule;
    }

    /// <summary>The share of the period from 1 January of <paramref name="year"/> to the deadline elapsed on <paramref name="asOf"/>, in percent (0–100).</summary>
    public static double ExpectedPercent(int year, DateOnly deadline, DateOnly asOf)
    {
        var start = new DateOnly(year, 1, 1);
        var length = Math.Max(1, deadline.DayNumber - start.DayNumber);
        return Math.Clamp(100.0 * (asOf.DayNumber - start.DayNumber) / length, 0, 100);
    }
}
