using Populus.Planning.Data;
using Populus.Storage.Engines;
using Populus.Storage.PlanWork;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// The yearly work points (年度工作要点) the lead office sets for the plan's tasks: one row a point, with the task it
/// belongs to, the department responsible (a lead or co-operating unit of that task) and its deadline.
/// </summary>
internal sealed class WorkPointsImport : ImportKind
{
    public override string Name => "workpoints";

    public override string Summary => "yearly work points of the plan's tasks: task, responsible department, deadline (年度工作要点)";


    public override string SummaryZh => "规划任务的年度工作要点：任务、责任部门、完成时限（年度工作要点）";

    public override string[] RequiredColumns => ["year", "point_key", "task_id", "department", "description", "deadline"];

    public override int Load(ImportSession session)
    {
        var tasks = PlanTasks.List;
        var rows = new List<object?[]>();
        var first = new Dictionary<(int, string), int>();
        foreach (var record in session.Table.Records())
        {
            var year = WorkCells.Year(record);
            var key = WorkCells.PointKey(record);
            var taskId = record.RequiredText("task_id");
            var department = record.RequiredText("department");
            var description = record.RequiredText("description");
            var deadline = record.Date("deadline");
            Planning.Work.PlanTask? task = null;
            if (taskId is not null && !tasks.TryGet(taskId, out task))
            {
                record.Fail("task_id", taskId, new Reason("not a task of the plan (data/plan/tasks.csv: 3.1.1 … 4.4)", "不是规划中的任务（任务编号 3.1.1 … 4.4）"));
            }

            if (task is not null && department is not null && !task.Involves(department))
            {
                record.Fail("department", department, new Reason(
                    $"not a unit of task {task.Id} (lead: {string.Join("、", task.LeadUnits)}; co-operating: {string.Join("、", task.CooperatingUnits)})",
                    $"不是任务 {task.Id} 的责任单位（牵头：{string.Join("、", task.LeadUnits)}；配合：{string.Join("、", task.CooperatingUnits)}）"));
                department = null;
            }

            if (year is { } y && deadline is { } d && d.Year != y)
            {
                record.Fail("deadline", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new Reason($"a work point of {y} is due within {y}", $"{y}年的工作要点应在{y}年内完成"));
                deadline = null;
            }

            if (year is null || key is null || task is null || department is null || description is null || deadline is null)
            {
                continue;
            }

            if (first.TryGetValue((year.Value, key), out var earlier))
            {
                record.Fail("point_key", key, new Reason($"row {earlier} has the same year and key", $"第 {earlier} 行的年份和编号与此相同"));
                continue;
            }

            first[(year.Value, key)] = record.Row;
            rows.Add([year.Value, key, task.Id, department, description, deadline.Value]);
        }

        foreach (var (stored, batch) in Sql.Query(session.Connection, session.Transaction,
                     "SELECT w.year, w.point_key, b.batch_key FROM work_point w JOIN import_batch b ON b.id = w.batch_id",
                     r => ((r.Int(0)!.Value, r.GetString(1)), r.GetString(2))))
        {
            if (first.TryGetValue(stored, out var row))
            {
                session.Table.AddError(row, "point_key", stored.Item2, new Reason($"this work point is already stored (batch '{batch}'); a point is set once", $"该工作要点已入库（批次“{batch}”），同一要点只设定一次"));
            }
        }

        return Store(session, "work_point", ["year", "point_key", "task_id", "department", "description", "deadline"], rows);
    }

    /// <summary>Stores the checked rows with the batch, or throws every problem found.</summary>
    internal static int Store(ImportSession session, string table, string[] columns, List<object?[]> rows)
    {
        session.Table.ThrowIfInvalid();
        if (rows.Count == 0)
        {
            session.Table.AddError(0, null, null, CsvTable.NoDataRows);
            session.Table.ThrowIfInvalid();
        }

        var batchId = session.BatchId(rows.Count);
        session.Engine.BulkInsert(session.Connection, session.Transaction, table, ["batch_id", .. columns], rows.Select(r => (object?[])[batchId, .. r]));
        return rows.Count;
    }
}
