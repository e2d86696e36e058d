using Populus.Planning.Work;

namespace Populus.Storage.PlanWork;

/// <summary>A work point with its department's latest progress report and its state on the day asked.</summary>
/// <param name="Year">The work point's year.</param>
/// <param name="PointKey">The work point's key within its year.</param>
/// <param name="TaskId">The plan task (data/plan/tasks.csv).</param>
/// <param name="TaskTitleZh">The plan task the point belongs to.</param>
/// <param name="Department">The department responsible for the point.</param>
/// <param name="LeadsTask">True when the department is a lead unit (牵头单位) of the task, false when it co-operates.</param>
/// <param name="IndicatorPlanIds">The Table 6 indicators the task serves (plan ids).</param>
/// <param name="Description">What is to be done.</param>
/// <param name="Deadline">The deadline set by the lead office.</param>
/// <param name="ReportedOn">The day of the latest progress report, or null when none.</param>
/// <param name="PercentComplete">The latest reported share done, or null.</param>
/// <param name="CompletedOn">The first day a report said complete, or null.</param>
/// <param name="Evidence">The evidence of the latest report, or null.</param>
/// <param name="State">Completed, on schedule, lagging or overdue on the day asked.</param>
public sealed record WorkItem(
    int Year,
    string PointKey,
    string TaskId,
    string TaskTitleZh,
    string Department,
    bool LeadsTask,
    string Description,
    DateOnly Deadline,
    IReadOnlyList<string> IndicatorPlanIds,
    DateOnly? ReportedOn,
    double? PercentComplete,
    DateOnly? CompletedOn,
    string? Evidence,
    WorkItemState State);
