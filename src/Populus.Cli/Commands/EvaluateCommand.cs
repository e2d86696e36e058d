using System.CommandLine;
using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Planning.Scenarios;
using Populus.Planning.Targets;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus evaluate [--year Y] [--scenario NAME] [--trajectories N --seed S]`: every plan target of the region as seen in year Y — achieved, on
/// track, at risk, off track or no data — with the gap, the average annual change needed and the value expected at
/// the target year (observed up to Y, the scenario's projection after it); then the early warnings. With trajectories,
/// the probability that each target ahead is met, from a probabilistic projection around the scenario.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>The plan's horizon: projections for evaluation run to it.</summary>
    private const int Horizon = 2035;

    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "The evaluation year: observed values up to it, projected after it (default: the last observed year, as in the cockpit)" };
        var scenario = new Option<string>("--scenario") { Description = "Scenario for the years after the evaluation year (default baseline)" };
        var region = new Option<string>("--region") { Description = "Region name or code (default: the plan's city)" };
        var trajectories = new Option<int>("--trajectories") { Description = "Run N probabilistic trajectories (1–100,000) and show the probability each target ahead is met" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the trajectories (same seed, same probabilities)", DefaultValueFactory = _ => PlanMonitor.DefaultSeed };
        var format = TableOutput.CreateOption();
        var db = DbOption.Create();
        var command = new Command("evaluate", "Status of the plan's targets: achieved / on track / at risk / off track / no data (目标评估)") { year, scenario, region, trajectories, seed, format, db };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var monitor = PlanMonitor.Load(store, calibrateUncertainty: parse.GetValue(trajectories) > 0);
            var y = parse.GetValue(year) ?? monitor.LastObservedYear;
            var where = monitor.Region(parse.GetValue(region) ?? monitor.Model.City);
            var s = monitor.Scenario(parse.GetValue(scenario) ?? "baseline");
            var projection = monitor.Projector.Project(s, Math.Max(Horizon, y + 1));
            var projected = ScenarioIndicatorData.Indicators(projection, monitor.Plan.Catalogue);
            var evaluator = new TargetEvaluator(monitor.Calculator);
            var evaluations = evaluator.EvaluateAll(monitor.Plan.Book, [where], y, projected);
            var n = parse.GetValue(trajectories);
            if (n < 0 || n > StochasticProjection.MaxTrajectories)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--trajectories {n}: must be between 1 and {StochasticProjection.MaxTrajectories:N0}."));
                return CommandExit.Refused;
            }

            IReadOnlyList<double?>? probabilities = null;
            IReadOnlyList<string> unmoved = [];
            if (n > 0)
            {
                var run = monitor.RunTrajectories(s, [where], Math.Max(Horizon, y + 1), n, parse.GetValue(seed), pyramid: false);
                probabilities = run.Probabilities(evaluator, monitor.Plan.Book, evaluations);
                unmoved = [.. evaluations.Where((e, i) => probabilities[i] is not null && !run.Varies(e.Target.IndicatorId, e.Region)).Select(e => e.Target.IndicatorId).Distinct()];
            }

            var how = parse.GetValue(format)!;
            string[] header = probabilities is null
                ? ["indicator", "name", "target_year", "target", "status", "latest", "latest_year", "expected", "gap", "needed_per_year", "explanation"]
                : ["indicator", "name", "target_year", "target", "status", "probability", "latest", "latest_year", "expected", "gap", "needed_per_year", "explanation"];
            TableOutput.Write(stdout, how, header, evaluations.Select((e, i) => Row(e, monitor.Plan.Catalogue[e.Target.IndicatorId].NameZh, probabilities?[i], probabilities is not null)));
            var warnings = TargetEvaluator.EarlyWarnings(evaluations);
            if (how == "table")
            {
                var book = monitor.Plan.Book;
                if (book.Region != monitor.Plan.Regions.KeyOrSelf(where))
                {
                    var names = monitor.Plan.Regions;
                    stdout.WriteLine();
                    stdout.WriteLine($"The plan sets its targets for {names.NameOf(book.Region)}: {names.NameOf(where)}'s rates are held against them as benchmarks; " +
                        "its counts (residents, talent, jobs) are not its targets and are left out.");
                }

                stdout.WriteLine();
                stdout.WriteLine($"Early warnings ({warnings.Count}), scenario '{s.Name}', as of {y}:");
                foreach (var w in warnings)
                {
                    var p = probabilities?[evaluations.ToList().IndexOf(w)];
                    var chance = p is { } v ? $", probability met {Percent(v)}" : "";
                    stdout.WriteLine($"  {Status(w.Status)}: {w.Target.IndicatorId} {monitor.Plan.Catalogue[w.Target.IndicatorId].NameZh} {w.Target.Year} {w.Target.Rule} — expected {TableOutput.Number(w.Expected?.Value)}, gap {TableOutput.Number(w.Shortfall)}{chance}");
                }

                if (probabilities is not null)
                {
                    stdout.WriteLine();
                    stdout.WriteLine($"Probabilities: {n} trajectories (seed {parse.GetValue(seed)}) around scenario '{s.Name}': {monitor.UncertaintySources}; " +
                        $"Monte Carlo standard error at most {Percent(0.5 / Math.Sqrt(n))}.");
                    if (unmoved.Count > 0)
                    {
                        stdout.WriteLine($"The same in every trajectory (no drawn process moves them; their probability is the deterministic 0 or 1): {string.Join(", ", unmoved)}.");
                    }
                }
            }

            return CommandExit.Done;
        }));
        return command;
    }

    /// <summary>One evaluation's row, its indicator named in Chinese beside the id (as `populus indicators` shows it).</summary>
    private static string?[] Row(TargetEvaluation e, string name, double? probability, bool withProbability) =>
    [
        e.Target.IndicatorId,
        name,
        e.Target.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "standing",
        e.Target.Rule.ToString(),
        Status(e.Status),
        .. withProbability ? new[] { probability is { } p ? Percent(p) : "" } : [],
        TableOutput.Number(e.Latest?.Value),
        e.Latest?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TableOutput.Number(e.Expected?.Value),
        TableOutput.Number(e.Shortfall),
        TableOutput.Number(e.RequiredAnnualChange),
        e.Explanation,
    ];

    /// <summary>A probability as a percentage with one decimal.</summary>
    internal static string Percent(double p) => (100 * p).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

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
