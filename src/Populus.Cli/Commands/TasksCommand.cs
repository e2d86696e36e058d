using System.CommandLine;
using System.Globalization;
using Populus.Planning.Work;
using Populus.Storage;
using Populus.Storage.PlanWork;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus tasks [--department D] [--year Y] [--as-of DATE] [--all]`: the plan's work points that are overdue or
/// lagging (all with --all), per department, with the indicators their tasks serve. A department sees only its own.
/// </summary>
internal static class TasksCommand
{
    public static Command Create()
    {
        var department = new Option<string>("--department") { Description = "Only this department's work points (default: every department, as the lead office)" };
        var year = new Option<int?>("--year") { Description = "The work points' year (default: this year)" };
        var asOf = new Option<string>("--as-of") { Description = "The day of the check, yyyy-mm-dd (default: today, or 31 December of a past year)" };
        var all = new Option<bool>("--all") { Description = "Show every work point, not only overdue and lagging ones" };
        var format = TableOutput.CreateOption();
        var db = DbOption.Create();
        var command = new Command("tasks", "Overdue and lagging work points of the plan's tasks by department (任务督办)") { department, year, asOf, all, format, db };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            var today = DateOnly.FromDateTime(DateTime.Today);
            var y = parse.GetValue(year) ?? today.Year;
            DateOnly day;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                {
                    stderr.WriteLine($"--as-of {text}: not a date (write yyyy-mm-dd).");
                    return CommandExit.Refused;
                }
            }
            else
            {
                day = y < today.Year ? new DateOnly(y, 12, 31) : today;
            }

            using var store = PopulusStore.Open(parse.GetValue(db));
            var scope = parse.GetValue(department) is { } d ? WorkScope.Department(d) : WorkScope.LeadOffice;
            var items = store.Work.Items(y, scope, day).Where(i => parse.GetValue(all) || i.State is WorkItemState.Overdue or WorkItemState.Lagging);
            TableOutput.Write(stdout, parse.GetValue(format)!,
                ["department", "point", "task", "deadline", "state", "percent", "reported_on", "indicators", "description"],
                items.Select(i => new string?[]
                {
                    i.Department, i.PointKey, i.TaskId + (i.LeadsTask ? " (lead)" : ""), i.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    State(i.State), TableOutput.Number(i.PercentComplete, 0), i.ReportedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    string.Join(";", i.IndicatorPlanIds), i.Description,
                }));
            return CommandExit.Done;
        }));
        return command;
    }

    private static string State(WorkItemState state) => state switch
    {
        WorkItemState.Completed => "completed",
        WorkItemState.CompletedLate => "completed late",
        WorkItemState.OnSchedule => "on schedule",
        WorkItemState.Lagging => "lagging",
        _ => "overdue",
    };
}
