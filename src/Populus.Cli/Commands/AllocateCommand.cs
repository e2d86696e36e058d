using System.CommandLine;
using System.Globalization;
using Populus.Demography;
using Populus.Services.Allocation;
using Populus.Services.Applications;
using Populus.Services.Points;
using Populus.Storage;
using Populus.Storage.PlanData;
using Populus.Storage.Services;
using Populus.Storage.Tabular;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus allocate run|publish|verify|simulate|demand`: allocate a round's quotas by points with reproducible
/// tie-breaking, publish it, check a run against its inputs, simulate a rule change, compare demand with the
/// projected school-age population.
/// </summary>
internal static class AllocateCommand
{
    /// <summary>Test hook (<see cref="CommitHold"/>): milliseconds to hold the run open with every placement written.</summary>
    internal const string HoldVariable = "POPULUS_ALLOCATE_HOLD_MS";

    public static Command Create()
    {
        var root = new Command("allocate", "Allocation of annual quotas (school places, subsidised housing) by points");
        root.Subcommands.Add(Run());
        root.Subcommands.Add(Publish());
        root.Subcommands.Add(Verify());
        root.Subcommands.Add(Simulate());
        root.Subcommands.Add(Demand());
        return root;
    }

    private static Command Run()
    {
        var on = new Option<string?>("--on") { Description = "The scoring day, to check it: the run ranks the round's scores as made and records their day" };
        var rules = ServiceOptions.Rules("Points table the round was scored with (default: the shipped EXAMPLE)");
        var round = new Option<string>("--round") { Required = true, Description = "The round" };
        var quota = new Option<string>("--quota") { Required = true, Description = "Quota file (quota_id, round, purpose, region, places)" };
        var seed = new Option<string>("--seed") { Required = true, Description = "The lottery seed, fixed before the round closed and published with the result" };
        var tie = new Option<string>("--tie-breakers") { Description = "Order of tie-breakers (default residence,insurance,lottery; lottery last)", DefaultValueFactory = _ => "residence,insurance,lottery" };
        var publish = new Option<bool>("--publish") { Description = "Publish the run at once" };
        var supersedes = new Option<string?>("--supersedes") { Description = "The published run this re-run replaces" };
        var reason = new Option<string?>("--reason") { Description = "Why (required for a re-run)" };
        var command = new Command("run", "Rank and place a round's applications; the run and every placement are recorded in one transaction")
            { round, quota, seed, tie, on, rules, publish, supersedes, reason };
        var (db, _, actor) = ServiceOptions.Common(command, db: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var desk = new AllocationDesk(store.Services);
            var who = ServiceOptions.ActorOf(parse, actor);
            var quotas = RoundQuotas(store, parse.GetRequiredValue(quota), parse.GetRequiredValue(round));
            var (run, result) = desk.Run(parse.GetRequiredValue(round), quotas, PointsCommand.Table(parse, rules), parse.GetValue(on) is null ? null : ServiceOptions.DayOf(parse, on),
                parse.GetRequiredValue(seed), TieBreakers.Parse(parse.GetRequiredValue(tie)), who, parse.GetValue(supersedes),
                parse.GetValue(reason) ?? "first run", CommitHold.FromEnvironment(HoldVariable, "allocate: placements written", output));
            output.WriteLine($"Run {run.RunId}: {result.Outcome.Count(o => o == AllocationOutcome.Placed)} placed, {result.Outcome.Count(o => o == AllocationOutcome.Waitlisted)} waitlisted, " +
                             $"{result.Outcome.Count(o => o == AllocationOutcome.Ineligible)} ineligible; seed {run.Seed}; inputs {run.InputsSha256}; results {run.ResultsSha256}.");
            if (parse.GetValue(publish))
            {
                desk.Publish(run.RunId, who);
                output.WriteLine($"Run {run.RunId} published.");
            }

            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Publish()
    {
        var run = new Argument<string>("run") { Description = "Run id" };
        var command = new Command("publish", "Publish a draft run (a re-run replaces the run it supersedes)") { run };
        var (db, _, actor) = ServiceOptions.Common(command, db: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            new AllocationDesk(store.Services).Publish(parse.GetRequiredValue(run), ServiceOptions.ActorOf(parse, actor));
            output.WriteLine($"Run {parse.GetRequiredValue(run)} published.");
            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Verify()
    {
        var rules = ServiceOptions.Rules("Points table the run used (default: the shipped EXAMPLE)");
        var round = new Option<string>("--round") { Required = true, Description = "The round" };
        var run = new Argument<string>("run") { Description = "Run id" };
        var command = new Command("verify", "Recompute a recorded run from its inputs and compare") { run, round, rules };
        var db = ServiceOptions.Common(command, db: true).Db;
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var (inputs, results, message) = new AllocationDesk(store.Services).Verify(parse.GetRequiredValue(round), parse.GetRequiredValue(run), PointsCommand.Table(parse, rules));
            output.WriteLine(message);
            return inputs && results ? CommandExit.Done : CommandExit.AnsweredNo;
        }));
        return command;
    }

    private static Command Simulate()
    {
        var on = ServiceOptions.On();
        var rules = ServiceOptions.Rules("Current points table (default: the shipped EXAMPLE)");
        var proposed = new Option<string>("--proposed") { Required = true, Description = "Proposed points table (JSON)" };
        var round = new Option<string>("--round") { Required = true, Description = "The round whose applications are used" };
        var quota = new Option<string>("--quota") { Required = true, Description = "Quota file" };
        var seed = new Option<string>("--seed") { Description = "Lottery seed (default 'simulation')", DefaultValueFactory = _ => "simulation" };
        var command = new Command("simulate", "How a points-table change would change who qualifies and who is placed (nothing is recorded)") { round, quota, proposed, rules, seed, on };
        var db = ServiceOptions.Common(command, db: true).Db;
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var applications = store.Services.ApplicationsToDecide(parse.GetRequiredValue(round));
            var quotas = RoundQuotas(store, parse.GetRequiredValue(quota), parse.GetRequiredValue(round));
            var table = FactsJson.Applicants(applications);
            var effect = RuleChangeSimulation.Compare(table, AllocationDesk.Preferences(applications, quotas),
                quotas, ServiceOptions.DayOf(parse, on), PointsCommand.Table(parse, rules), PointsRuleTable.Load(parse.GetRequiredValue(proposed)), TieBreakers.Default, parse.GetRequiredValue(seed));
            output.WriteLine($"{effect.Applicants} applications: {effect.QualifyNow} qualify under {effect.Current}, {effect.QualifyProposed} under {effect.Proposed}.");
            output.WriteLine($"Gain eligibility: {effect.Gain.Count}; lose: {effect.Lose.Count}; placement changes: {effect.PlacementChanged.Count}; mean score {effect.MeanScoreNow:0.0} → {effect.MeanScoreProposed:0.0}.");
            foreach (var id in effect.Gain.Take(20))
            {
                output.WriteLine($"  gains: {id}");
            }

            foreach (var id in effect.Lose.Take(20))
            {
                output.WriteLine($"  loses: {id}");
            }

            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Demand()
    {
        var round = new Option<string>("--round") { Required = true, Description = "The round (school places)" };
        var quota = new Option<string>("--quota") { Required = true, Description = "Quota file" };
        var projection = new Option<string>("--projection") { Required = true, Description = "Projected population: region, year, sex (male/female), age (single years, last open 'N+'), persons" };
        var ages = new Option<string>("--ages") { Description = "School ages, e.g. 6-11 (primary) or 6-14 (compulsory)", DefaultValueFactory = _ => "6-14" };
        var command = new Command("demand", "Applicants and places against the projected school-age population per district and year") { round, quota, projection, ages };
        var db = ServiceOptions.Common(command, db: true).Db;
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var quotas = RoundQuotas(store, parse.GetRequiredValue(quota), parse.GetRequiredValue(round));
            var (applicants, places) = SchoolDemand.ByRegion(store.Services.Applications(parse.GetRequiredValue(round)), quotas);
            var range = parse.GetRequiredValue(ages).Split('-');
            var rows = SchoolDemand.Compare(ReadProjection(parse.GetRequiredValue(projection)), applicants, places,
                int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[^1], CultureInfo.InvariantCulture));
            output.WriteLine("region,year,school_age_children,applicants,places,applicants_per_place,places_per_1000_children");
            foreach (var r in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Region},{r.Year},{r.SchoolAgeChildren:0},{r.Applicants},{r.Places},{r.ApplicantsPerPlace:0.###},{r.PlacesPer1000Children:0.##}"));
            }

            return CommandExit.Done;
        }));
        return command;
    }

    /// <summary>A quota file's quotas, each in a region of the store's city.</summary>
    internal static IReadOnlyList<Quota> Quotas(IPopulusStore store, string file)
    {
        var regions = PlanningRegions.From(store);
        return Quota.Load(file, regions, PlanningRegions.PlanRegion(store));
    }

    /// <summary>The quotas of the round in a quota file.</summary>
    /// <exception cref="ArgumentException">The file has no quota of the round (a file of another round).</exception>
    private static List<Quota> RoundQuotas(IPopulusStore store, string file, string round)
    {
        var all = Quotas(store, file);
        var quotas = all.Where(q => q.Round == round).ToList();
        return quotas.Count > 0 ? quotas
            : throw new ArgumentException($"{file} has no quota of round {round} (its round column says {string.Join(", ", all.Select(q => q.Round).Distinct())}).");
    }

    /// <summary>Reads region, year, sex, age, persons into one PopulationByAgeSex per region and year (single years, open last group).</summary>
    private static Dictionary<(string, int), PopulationByAgeSex> ReadProjection(string path)
    {
        using var table = CsvTable.Open(path, "region", "year", "sex", "age", "persons");
        var cells = new Dictionary<(string, int), SortedDictionary<int, (double Male, double Female, bool Open)>>();
        foreach (var r in table.Records())
        {
            var region = r.RequiredText("region");
            var year = r.Integer("year", 1900, 2200);
            var sex = r.Sex();
            var age = r.Age("age");
            var persons = r.Number("persons", 0);
            if (region is null || year is null || sex is null || age is null || persons is null)
            {
                continue;
            }

            var ages = cells.TryGetValue((region, year.Value), out var found) ? found : cells[(region, year.Value)] = [];
            var (m, f, _) = ages.GetValueOrDefault(age.Value.Age);
            ages[age.Value.Age] = sex == Sex.Male ? (m + persons.Value, f, age.Value.Open) : (m, f + persons.Value, age.Value.Open);
        }

        table.ThrowIfInvalid();
        return cells.ToDictionary(c => c.Key, c =>
        {
            var groups = AgeGroups.FromStarts(c.Value.Keys, c.Value.Values.Last().Open ? null : c.Value.Keys.Last() + 1);
            return new PopulationByAgeSex(new PopulationByAge(groups, [.. c.Value.Values.Select(v => v.Male)]), new PopulationByAge(groups, [.. c.Value.Values.Select(v => v.Female)]));
        });
    }
}
