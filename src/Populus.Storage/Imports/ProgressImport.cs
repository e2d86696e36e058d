using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Engines;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Progress reports of the departments on their work points: the day, the share done, whether the point is
/// complete, and the evidence (a document number, link or file name). A department reports only its own points.
/// </summary>
internal sealed class ProgressImport : ImportKind
{
    public override string Name => "progress";

    public override string Summary => "departments' progress reports on their work points, with evidence (工作进展)";


    public override string SummaryZh => "各部门工作要点进展报告及佐证（工作进展）";

    public override string[] RequiredColumns => ["year", "point_key", "department", "reported_on", "percent_complete", "completed", "evidence"];

    public override int Load(ImportSession session)
    {
        var points = Sql.Query(session.Connection, session.Transaction, "SELECT year, point_key, department FROM work_point",
                r => (Key: (r.Int(0)!.Value, r.GetString(1)), Department: r.GetString(2)))
            .ToDictionary(p => p.Key, p => p.Department);
        var stored = Sql.Query(session.Connection, session.Transaction, "SELECT year, point_key, reported_on FROM work_progress",
            r => (r.Int(0)!.Value, r.GetString(1), r.Date(2)!.Value)).ToHashSet();
        var rows = new List<object?[]>();
        var first = new Dictionary<(int, string, DateOnly), int>();
        var today = session.Today;
        foreach (var record in session.Table.Records())
        {
            var year = WorkCells.Year(record);
            var key = WorkCells.PointKey(record);
            var department = record.RequiredText("department");
            var reported = record.Date("reported_on");
            if (reported is { } on && on > today)
            {
                record.Fail("reported_on", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PersonsImport.AfterToday(today));
                reported = null;
            }

            var percent = record.Number("percent_complete", 0, 100, new Reason("a share done is between 0 and 100", "完成比例应在 0 与 100 之间"));
            var completed = record.YesNo("completed");
            var evidence = record.RequiredText("evidence");
            if (year is { } y && key is not null)
            {
                if (!points.TryGetValue((y, key), out var owner))
                {
                    record.Fail("point_key", key, new Reason($"no work point {key} of {y} is stored; import the work points first (populus import workpoints)", $"数据库中没有{y}年的工作要点 {key}；请先导入工作要点（数据类型 workpoints）"));
                    key = null;
                }
                else if (department is not null && department != owner)
                {
                    record.Fail("department", department, new Reason($"work point {key} belongs to {owner}; a department reports only on its own points", $"工作要点 {key} 属于{owner}；各部门只报送本部门的要点"));
                    department = null;
                }
            }

            if (completed == true && percent is { } p && p < 100)
            {
                record.Fail("percent_complete", p.ToString(CultureInfo.InvariantCulture), new Reason("a completed point is 100 % done", "已完成的要点完成比例应为 100%"));
                percent = null;
            }

            if (year is { } yr && reported is { } day && day.Year < yr)
            {
                record.Fail("reported_on", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), new Reason($"before the work point's year {yr}", $"早于工作要点所属年份 {yr}"));
                reported = null;
            }

            if (year is null || key is null || department is null || reported is null || percent is null || completed is null || evidence is null)
            {
                continue;
            }

            var id = (year.Value, key, reported.Value);
            if (first.TryGetValue(id, out var earlier) || stored.Contains(id))
            {
                record.Fail("reported_on", reported.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    stored.Contains(id) ? new Reason("a report on this point for this day is already stored", "该要点当日的报告已入库")
                        : new Reason($"row {earlier} reports on the same point and day", $"第 {earlier} 行报送的是同一要点、同一日期"));
                continue;
            }

            first[id] = record.Row;
            rows.Add([year.Value, key, department, reported.Value, percent.Value, completed.Value, evidence, record.Text("note")]);
        }

        return WorkPointsImport.Store(session, "work_progress",
            ["year", "point_key", "department", "reported_on", "percent_complete", "completed", "evidence", "note"], rows);
    }
}
