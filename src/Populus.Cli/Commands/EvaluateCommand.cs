using System.CommandLine;
using Populus.Planning.Scenarios;
using Populus.Planning.Targets;
using Populus.Storage;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus evaluate --year Y [--scenario NAME]`: every plan target of the region as seen in year Y — achieved, on
/// track, at risk, off track or no data — with the gap, the average annual change needed and the value expected at
/// the target year (observed up to Y, the scenario's projection after it); then the early warnings.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>The plan's horizon: projections for evaluation run to it.</summary>
    private const int Horizon = 2035;

    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "The evaluation year: observed values up to it, projected after it", Required = true };
        var scenario = new Option<string>("--scenario") { Description = "Scenario for the years after the evaluation year (default baseline)" };
        var region = new Option<string>("--region") { Description = "Region name or code (温州市 by default)" };
        var format = TableOutput.CreateOption();
        var db = DbOption.Create();
        var command = new Command("evaluate", "Status of the plan's targets: achieved / on track / at risk / off track / no data (目标评估)") { year, scenario, region, format, db };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                using var store = PopulusStore.Open(parse.GetValue(db));
                var monitor = PlanMonitor.Load(store);
                var y = parse.GetValue(year);
                var where = monitor.Region(parse.GetValue(region) ?? monitor.Model.City);
                var s = monitor.Scenario(parse.GetValue(scenario) ?? "baseline");
                var projection = monitor.Projector.Project(s, Math.Max(Horizon, y + 1));
                var projected = ScenarioIndicatorData.Indicators(projection, monitor.Plan.Catalogue);
                var evaluations = new TargetEvaluator(monitor.Calculator).EvaluateAll(monitor.Plan.Book, [where], y, projected);
                var how = parse.GetValue(format)!;
                var header = new[] { "indicator", "target_year", "target", "status", "latest", "latest_year", "expected", "gap", "needed_per_year", "explanation" };
                TableOutput.Write(stdout, how, header, evaluations.Select(Row));
                var warnings = TargetEvaluator.EarlyWarnings(evaluations);
                if (how == "table")
                {
                    stdout.WriteLine();
                    stdout.WriteLine($"Early warnings ({warnings.Count}), scenario '{s.Name}', as of {y}:");
                    foreach (var w in warnings)
                    {
                        stdout.WriteLine($"  {Status(w.Status)}: {w.Target.IndicatorId} {w.Target.Year} {w.Target.Rule} — expected {TableOutput.Number(w.Expected?.Value)}, gap {TableOutput.Number(w.Shortfall)}");
                    }
                }

                return 0;
            }
            catch (InvalidInputException e)
            {
                stderr.WriteLine(e.Message);
                return 2;
            }
            catch (StoreOpenException e)
            {
                stderr.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static string?[] Row(TargetEvaluation e) =>
    [
        e.Target.IndicatorId,
        e.Target.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "standing",
        e.Target.Rule.ToString(),
        Status(e.Status),
        TableOutput.Number(e.Latest?.Value),
        e.Latest?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TableOutput.Number(e.Expected?.Value),
        TableOutput.Number(e.Shortfall),
        TableOutput.Number(e.RequiredAnnualChange),
        e.Explanation,
    ];

    /// <summary>The status as the plan's users read it.</summary>
    internal static string Status(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "achieved",
        TargetStatus.OnTrack => "on track",
        TargetStatus.AtRisk => "at risk",
        TargetStatus.OffTrack => "off track",
        _ => "no data",
    };
}
