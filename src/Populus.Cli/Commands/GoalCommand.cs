using System.CommandLine;
using Populus.Demography.Stochastic;
using Populus.Planning.GoalSeeking;
using Populus.Planning.Scenarios;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus goal --indicator ID --year Y --lever net-migration|tfr|e0|retention [--scenario NAME] [--probability P]`: the level of the lever,
/// held every year after the last observed one to Y, at which the projection meets the plan's target for Y (with --probability: meets it in that share
/// of probabilistic trajectories), with its sensitivity. Exits 0 when a level
/// is found or the target is met across the range, 3 when no plausible level reaches it (<see cref="CommandExit"/>).
/// </summary>
internal static class GoalCommand
{
    public static Command Create()
    {
        var indicator = new Option<string>("--indicator") { Description = "Indicator id of the catalogue (resident_population, ageing_rate_60 …)", Required = true };
        var year = new Option<int>("--year") { Description = "Target year (a target of the indicator must fall in it)", Required = true };
        var lever = new Option<string>("--lever") { Description = "net-migration, tfr, e0 or retention", Required = true };
        lever.AcceptOnlyFromAmong([.. ScenarioGoal.Named.Keys]);
        var scenario = new Option<string>("--scenario") { Description = "Scenario whose other assumptions hold (default baseline)" };
        var region = new Option<string>("--region") { Description = "Region name or code (default: the plan's city)" };
        var probability = new Option<double?>("--probability") { Description = "Seek the level reaching the target with this probability (e.g. 0.8), over probabilistic trajectories" };
        var trajectories = new Option<int>("--trajectories") { Description = "Trajectories per lever level with --probability (default 1000, as the cockpit's probabilities; about 5 s on two cores)", DefaultValueFactory = _ => 1_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the trajectories (the same at every lever level)", DefaultValueFactory = _ => PlanMonitor.DefaultSeed };
        var db = DbOption.Create();
        var command = new Command("goal", "Goal seeking: the lever level that reaches a plan target (目标倒推)") { indicator, year, lever, scenario, region, probability, trajectories, seed, db };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var monitor = PlanMonitor.Load(store, calibrateUncertainty: parse.GetValue(probability) is not null);
            var y = parse.GetValue(year);
            var target = monitor.GoalTarget(parse.GetValue(indicator)!, y);
            var which = ScenarioGoal.Named[parse.GetValue(lever)!];
            var s = monitor.Scenario(parse.GetValue(scenario) ?? "baseline");
            var where = monitor.Region(parse.GetValue(region) ?? monitor.Model.City);
            var p = parse.GetValue(probability);
            var n = parse.GetValue(trajectories);
            if (p is not null && (n < 1 || n > StochasticProjection.MaxTrajectories))
            {
                stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--trajectories {n}: must be between 1 and {StochasticProjection.MaxTrajectories:N0}."));
                return CommandExit.Refused;
            }

            var result = monitor.SeekGoal(s, target, where, which, p, n, parse.GetValue(seed));
            if (p is not null)
            {
                stdout.WriteLine($"Probability: {n} trajectories a level (seed {parse.GetValue(seed)}): {monitor.UncertaintySources}.");
            }

            stdout.WriteLine($"Target: {target.IndicatorId} {target.Year} {target.Rule} ({target.PrintedZh}; {target.Source}), {where}, scenario '{s.Name}'.");
            stdout.WriteLine($"Lever: {result.Lever.Name}, {(monitor.LeversFrom == y ? $"in {y}" : $"held every year {monitor.LeversFrom}–{y}")}, range {TableOutput.Number(result.Lever.Minimum)}–{TableOutput.Number(result.Lever.Maximum)} {result.Lever.Unit}.");
            stdout.WriteLine($"Outcome: {result.Outcome}");
            if (result.LeverValue is { } level)
            {
                stdout.WriteLine($"Level: {TableOutput.Number(level)} {result.Lever.Unit}");
                stdout.WriteLine($"Indicator there: {TableOutput.Number(result.IndicatorValue)}");
                stdout.WriteLine($"Sensitivity: {TableOutput.Number(result.Sensitivity, 8)} per {result.Lever.Unit.Split('/')[0]}");
            }

            stdout.WriteLine(result.Message);
            return result.Outcome == GoalSeekOutcome.Unreachable ? CommandExit.AnsweredNo : CommandExit.Done;
        }));
        return command;
    }
}
