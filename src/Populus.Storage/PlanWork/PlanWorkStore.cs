using Populus.Planning.Work;
using Populus.Storage.Engines;

namespace Populus.Storage.PlanWork;

/// <summary>The SQL behind <see cref="IPlanWork"/>, the same on both engines.</summary>
internal sealed class PlanWorkStore(Engine engine) : IPlanWork
{
    public IReadOnlyList<WorkItem> Items(int year, WorkScope scope, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // The department filter is part of the query: a department's scope never reads another's rows.
        var where = scope.DepartmentName is null ? "" : " AND w.department = $3";
        object?[] args = scope.DepartmentName is null ? [year, asOf] : [year, asOf, scope.DepartmentName];
        using var connection = engine.Connect();
        var points = Sql.Query(connection, null,
            "SELECT w.point_key, w.task_id, w.department, w.description, w.deadline FROM work_point w WHERE w.year = $1 AND $2 = $2" + where +
            " ORDER BY w.department, w.deadline, w.point_key",
            r => (Key: r.GetString(0), Task: r.GetString(1), Department: r.GetString(2), Description: r.GetString(3), Deadline: r.Date(4)!.Value), args);
        var reports = Sql.Query(connection, null,
                "SELECT p.point_key, p.reported_on, p.percent_complete, p.completed, p.evidence FROM work_progress p JOIN work_point w ON w.year = p.year AND w.point_key = p.point_key" +
                " WHERE p.year = $1 AND p.reported_on <= $2" + where + " ORDER BY p.point_key, p.reported_on",
                r => (Key: r.GetString(0), On: r.Date(1)!.Value, Percent: r.Double(2), Completed: r.GetBoolean(3), Evidence: r.Text(4)), args)
            .ToLookup(r => r.Key);
        var tasks = PlanTasks.List;
        var items = new List<WorkItem>(points.Count);
        foreach (var p in points)
        {
            var task = tasks.TryGet(p.Task, out var t) ? t : throw new InvalidOperationException($"work point {p.Key} names task {p.Task}, which data/plan/tasks.csv no longer lists");
            var history = reports[p.Key].ToList();
            var latest = history.Count > 0 ? history[^1] : default;
            DateOnly? completedOn = history.FirstOrDefault(h => h.Completed) is { Key: not null } done ? done.On : null;
            double? percent = history.Count > 0 ? latest.Percent : null;
            items.Add(new WorkItem(year, p.Key, task.Id, task.TitleZh, p.Department, task.LeadUnits.Contains(p.Department), p.Description, p.Deadline,
                task.IndicatorPlanIds, history.Count > 0 ? latest.On : null, percent, completedOn, history.Count > 0 ? latest.Evidence : null,
                WorkSchedule.Classify(year, p.Deadline, asOf, percent, completedOn)));
        }

        return items;
    }

    public IReadOnlyList<string> Departments(int year, WorkScope scope) =>
        [.. Items(year, scope, new DateOnly(year, 12, 31)).Select(i => i.Department).Distinct(StringComparer.Ordinal)];
}
