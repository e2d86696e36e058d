using System.CommandLine;
using Populus.Planning.Indicators;
using Populus.Planning.Scenarios;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus indicators [--year Y] [--region R] [--scenario NAME]`: every catalogue indicator that applies to the region,
/// with value, unit and provenance, or 'no data' with the reason. Observed and reported figures first; where they give none
/// (after the base year), the scenario's projection (default baseline), marked projected.
/// </summary>
internal static class IndicatorsCommand
{
    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "The year (default: the last observed year)" };
        var region = new Option<string>("--region") { Description = "Region name or code (default: the plan's city; or a county-level unit or grouping, e.g. 330302, 鹿城区, 中心城区)" };
        var scenario = new Option<string>("--scenario") { Description = "Scenario whose projection gives the years after the observed ones (default baseline)" };
        var format = TableOutput.CreateOption();
        var db = DbOption.Create();
        var command = new Command("indicators", "Plan indicators for a year and region, with provenance (规划指标)") { year, region, scenario, format, db };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var monitor = PlanMonitor.Load(store);
            var y = parse.GetValue(year) ?? monitor.LastObservedYear;
            var where = monitor.Region(parse.GetValue(region) ?? monitor.Model.City);
            Planning.Targets.ProjectedIndicators? projected = null;
            if (y > monitor.Model.BaseYear)
            {
                var s = monitor.Scenario(parse.GetValue(scenario) ?? "baseline");
                projected = ScenarioIndicatorData.Indicators(monitor.Projector.Project(s, y), monitor.Plan.Catalogue, y, y);
            }

            var rows = new List<string?[]>();
            foreach (var entry in monitor.Plan.Catalogue.Entries.Where(e => e.AppliesTo(monitor.Plan.Regions.CodeOf(where))))
            {
                var v = monitor.Shown(entry.Id, where, y, projected);
                rows.Add([entry.Id, entry.NameZh, TableOutput.Number(v.Value), entry.Unit,
                    v.HasValue ? v.Provenance!.Status.ToString().ToLowerInvariant() : "no data",
                    v.HasValue ? v.Provenance!.Source + (v.Note is null ? "" : $" ({v.Note.English})") : v.Note!.English]);
            }

            TableOutput.Write(stdout, parse.GetValue(format)!, ["indicator", "name", "value", "unit", "provenance", "source_or_reason"], rows);
            return CommandExit.Done;
        }));
        return command;
    }
}
