using System.Globalization;
using System.Text;
using Populus.Planning.Catalogue;

namespace Populus.Planning.Work;

/// <summary>
/// The plan's tasks with their lead and co-operating units (data/plan/tasks.csv), checked against the plan's text.
/// </summary>
public sealed class PlanTaskList
{
    public static readonly string[] Columns =
        ["task_id", "chapter", "section", "task_zh", "lead_units", "cooperating_units", "indicator_ids", "text_zh", "responsible_units_zh", "seed_lines"];

    private readonly Dictionary<string, PlanTask> _tasks;

    private PlanTaskList(IReadOnlyList<PlanTask> tasks)
    {
        Tasks = tasks;
        _tasks = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PlanTask> Tasks { get; }

    /// <summary>Every unit named by a task, leads first, in the order they appear.</summary>
    public IReadOnlyList<string> Units => [.. Tasks.SelectMany(t => t.LeadUnits).Concat(Tasks.SelectMany(t => t.CooperatingUnits)).Distinct(StringComparer.Ordinal)];

    public bool TryGet(string id, out PlanTask task) => _tasks.TryGetValue(id, out task!);

    /// <summary>Reads the task file's text.</summary>
    /// <exception cref="CatalogueException">Every problem: a missing column, a blank or repeated id, a task without a
    /// lead unit, a unit both leading and co-operating, an indicator id outside Table 6 (1–20).</exception>
    public static PlanTaskList Parse(string csv, string source = "tasks.csv")
    {
        var text = CsvText.Parse(csv, source, Columns);
        var errors = new List<CatalogueError>();
        var tasks = new List<PlanTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in text.Rows)
        {
            var id = text.Cell(cells, "task_id");
            var entry = $"task '{id}' (line {line})";
            if (id.Length == 0 || !seen.Add(id))
            {
                errors.Add(new CatalogueError(source, entry, "task_id", id, id.Length == 0 ? "blank" : "given twice"));
                continue;
            }

            var leads = SplitList(text.Cell(cells, "lead_units"));
            var others = SplitList(text.Cell(cells, "cooperating_units"));
            if (leads.Count == 0)
            {
                errors.Add(new CatalogueError(source, entry, "lead_units", "", "every task has a lead unit (marked * in the plan)"));
            }

            foreach (var both in leads.Intersect(others, StringComparer.Ordinal))
            {
                errors.Add(new CatalogueError(source, entry, "cooperating_units", both, "the unit is also a lead unit"));
            }

            var indicators = SplitList(text.Cell(cells, "indicator_ids"));
            foreach (var bad in indicators.Where(i => !int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 20))
            {
                errors.Add(new CatalogueError(source, entry, "indicator_ids", bad, "not a Table 6 indicator (1–20)"));
            }

            tasks.Add(new PlanTask(id, text.Cell(cells, "chapter"), text.Cell(cells, "section"), text.Cell(cells, "task_zh"), leads, others, indicators,
                text.Cell(cells, "text_zh"), text.Cell(cells, "responsible_units_zh"), text.Cell(cells, "seed_lines")));
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(source, errors);
        }

        return new PlanTaskList(tasks);
    }

    /// <summary>
    /// Checks every task against the plan's text: its responsibility line (责任单位) is printed in the text, the lead
    /// units are exactly the starred units of that line, the co-operating units the others, and the task's title
    /// is printed. Returns the problems (none when the file follows the text).
    /// </summary>
    /// <remarks>The PDF-to-text conversion breaks lines and spaces inside words and writes 〔〕 or [] for the county
    /// brackets, so both texts are compared with whitespace removed and brackets made the same.</remarks>
    public IReadOnlyList<CatalogueError> CheckAgainst(string planText, string source = "tasks.csv")
    {
        ArgumentNullException.ThrowIfNull(planText);
        var plan = Normalize(planText);
        var errors = new List<CatalogueError>();
        foreach (var task in Tasks)
        {
            var entry = $"task '{task.Id}'";
            var line = Normalize(task.ResponsibleUnitsZh);
            if (!plan.Contains(line, StringComparison.Ordinal))
            {
                errors.Add(new CatalogueError(source, entry, "responsible_units_zh", task.ResponsibleUnitsZh, "not found in the plan's text"));
            }

            if (!plan.Contains(Normalize(task.TitleZh), StringComparison.Ordinal))
            {
                errors.Add(new CatalogueError(source, entry, "task_zh", task.TitleZh, "not found in the plan's text"));
            }

            var printed = SplitUnits(line);
            var starred = printed.Where(u => u.StartsWith('*')).Select(u => u[1..]).ToList();
            var plain = printed.Where(u => !u.StartsWith('*')).ToList();
            if (!starred.SequenceEqual(task.LeadUnits.Select(Normalize), StringComparer.Ordinal))
            {
                errors.Add(new CatalogueError(source, entry, "lead_units", string.Join(";", task.LeadUnits), $"the plan stars {string.Join("、", starred)}"));
            }

            if (!plain.SequenceEqual(task.CooperatingUnits.Select(Normalize), StringComparer.Ordinal))
            {
                errors.Add(new CatalogueError(source, entry, "cooperating_units", string.Join(";", task.CooperatingUnits), $"the plan names {string.Join("、", plain)}"));
            }
        }

        return errors;
    }

    /// <summary>The units of a printed line, separated by 、 outside brackets (各县〔市、区〕政府 is one unit).</summary>
    private static List<string> SplitUnits(string line)
    {
        var units = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == '、' && depth == 0))
            {
                if (i > start)
                {
                    units.Add(line[start..i]);
                }

                start = i + 1;
            }
            else if (line[i] is '〔' or '（' or '(')
            {
                depth++;
            }
            else if (line[i] is '〕' or '）' or ')')
            {
                depth--;
            }
        }

        return units;
    }

    private static List<string> SplitList(string cell) =>
        [.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Normalize(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                b.Append(c switch { '[' => '〔', ']' => '〕', _ => c });
            }
        }

        return b.ToString();
    }
}
