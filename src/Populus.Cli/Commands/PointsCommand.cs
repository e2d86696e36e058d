using System.CommandLine;
using System.Globalization;
using Populus.Services.Applications;
using Populus.Services.Identity;
using Populus.Services.Points;
using Populus.Storage;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus points …`: receive applications (whole file or nothing), score a round against a points table, show an
/// itemised score, object to an item, review an objection.
/// </summary>
internal static class PointsCommand
{
    public static Command Create()
    {
        var root = new Command("points", "Points (积分): itemised scores, objections and reviews, with an audit trail");
        root.Subcommands.Add(Score());
        root.Subcommands.Add(Show());
        root.Subcommands.Add(Object());
        root.Subcommands.Add(Review());
        return root;
    }

    internal static PointsRuleTable Table(ParseResult parse, Option<string?> rules) =>
        parse.GetValue(rules) is { } file ? PointsRuleTable.Load(file) : PointsRuleTable.Example();

    private static Command Score()
    {
        var on = new Option<string?>("--on")
        {
            Required = true,
            Description = "The scoring day (yyyy-mm-dd) whose facts count, on or after every application's submission (e.g. the round's closing day)",
        };
        var rules = ServiceOptions.Rules("Points table (JSON; default: the shipped EXAMPLE data/services/points-rules.example.json)");
        var applications = new Option<string?>("--applications") { Description = "A file of applications to receive first (CSV, XLSX or Parquet; docs/services.md)" };
        var quota = new Option<string?>("--quota") { Description = "The round's quota file, to check every preference of the applications received against it" };
        var round = new Option<string>("--round") { Description = "The round to score (e.g. 2025-school)", Required = true };
        var command = new Command("score", "Receive applications (optional) and score every application of a round") { round, applications, quota, rules, on };
        var (db, keys, actor) = ServiceOptions.Common(command, db: true, keys: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var office = new PointsOffice(store.Services);
            var who = ServiceOptions.ActorOf(parse, actor);
            if (parse.GetValue(applications) is { } file)
            {
                var quotas = parse.GetValue(quota) is { } quotaFile ? AllocateCommand.Quotas(store, quotaFile) : null;
                var received = office.Receive(file, IdentityKey.Open(KeyFolder.Open(parse.GetValue(keys))), who, quotas, ServiceOptions.DayOf(parse, on));
                output.WriteLine($"{file}: received {received.Count} applications.");
            }

            var table = Table(parse, rules);
            var sheets = office.ScoreRound(parse.GetRequiredValue(round), table, ServiceOptions.DayOf(parse, on), who);
            output.WriteLine($"Scored {sheets.Count} applications of round {parse.GetRequiredValue(round)} with {table.Citation} (pass mark {table.PassMark.ToString(CultureInfo.InvariantCulture)}): " +
                             $"{sheets.Count(s => s.Passed)} pass, {sheets.Count(s => s.Vetoed)} vetoed.");
            if (table.Label.Contains("EXAMPLE", StringComparison.Ordinal))
            {
                output.WriteLine("Note: the points table is the shipped EXAMPLE; the city replaces it with its own (--rules).");
            }

            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Show()
    {
        var application = new Argument<string>("application") { Description = "Application id" };
        var command = new Command("show", "An application's latest score, item by item, and its objections") { application };
        var db = ServiceOptions.Common(command, db: true).Db;
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var id = parse.GetRequiredValue(application);
            var score = new PointsOffice(store.Services).Latest(id) ?? throw new InvalidOperationException($"Application {id} has no score.");
            output.WriteLine($"{id}: {score.Total.ToString("0.##", CultureInfo.InvariantCulture)} points ({score.Table}, day {score.Day:yyyy-MM-dd}, revision {score.Revision}: {score.Reason})" +
                             (score.Vetoed ? " — VETOED" : score.Passed ? " — passes" : " — below the pass mark"));
            foreach (var item in score.Items)
            {
                WriteItem(output, item);
            }

            foreach (var o in store.Services.Objections(id))
            {
                output.WriteLine($"  objection {o.ObjectionId} on {o.ItemId}: {o.State}{(o.Outcome is null ? "" : " — " + o.Outcome)}" +
                                 (o.CorrectedFacts is null ? "" : "; facts corrected (scored on them from then on)"));
            }

            return CommandExit.Done;
        }));
        return command;
    }

    /// <summary>One item of a score: id, group, points, the note in English with its evidence, and under it the note in
    /// Chinese (a score stored before notes were worded in Chinese has none), as the CLI prints a refusal's two languages.</summary>
    private static void WriteItem(TextWriter output, ItemScore item)
    {
        output.WriteLine($"  {item.ItemId,-20} {item.Group,-9} {item.Points,7:0.##}  {item.Note}  [evidence: {item.Evidence}]");
        if (item.NoteZh is { } zh)
        {
            output.WriteLine($"  {"",-20} {"",-9} {"",7}  {zh}");
        }
    }

    private static Command Object()
    {
        var application = new Argument<string>("application") { Description = "Application id" };
        var item = new Option<string>("--item") { Description = "The item objected to (an id shown by `points show`)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the item is wrong", Required = true };
        var command = new Command("object", "Object to one item of a score") { application, item, reason };
        var (db, _, actor) = ServiceOptions.Common(command, db: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var id = new PointsOffice(store.Services).Object(parse.GetRequiredValue(application), parse.GetRequiredValue(item), parse.GetRequiredValue(reason),
                ServiceOptions.ActorOf(parse, actor));
            output.WriteLine($"Objection {id} recorded.");
            return CommandExit.Done;
        }));
        return command;
    }

    private static Command Review()
    {
        var rules = ServiceOptions.Rules("Points table the score was made with (default: the shipped EXAMPLE)");
        var objection = new Argument<string>("objection") { Description = "Objection id" };
        var application = new Option<string>("--application") { Description = "The application objected to", Required = true };
        var uphold = new Option<bool>("--uphold") { Description = "Uphold the objection (default: dismiss)" };
        var outcome = new Option<string>("--outcome") { Description = "The decision in words, for the applicant and the audit trail", Required = true };
        var facts = new Option<string?>("--facts")
        {
            Description = "Corrected facts, to score again when upheld: a JSON object of the fields to correct, written as the applications file's columns " +
                          "({\"insurance_months\": \"2021-01..2025-04\"}; docs/services.md, Points)",
        };
        var command = new Command("review", "Decide an objection; an upheld one with corrected facts is scored again") { objection, application, uphold, outcome, facts, rules };
        var (db, _, actor) = ServiceOptions.Common(command, db: true, actor: true);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var office = new PointsOffice(store.Services);
            var corrected = parse.GetValue(facts) is { } f ? office.Corrected(parse.GetRequiredValue(application), File.ReadAllText(f), f) : null;
            var sheet = office.Review(parse.GetRequiredValue(objection), parse.GetRequiredValue(application), parse.GetValue(uphold),
                parse.GetRequiredValue(outcome), ServiceOptions.ActorOf(parse, actor), corrected, corrected is null ? null : Table(parse, rules));
            output.WriteLine(sheet is null ? "Decision recorded; the score stands." : $"Decision recorded; new score {sheet.Total.ToString("0.##", CultureInfo.InvariantCulture)}.");
            var objected = store.Services.Objections(parse.GetRequiredValue(application)).FirstOrDefault(o => o.ObjectionId == parse.GetRequiredValue(objection))?.ItemId;
            if (sheet?.Items.FirstOrDefault(i => i.ItemId == objected) is { } item)
            {
                WriteItem(output, item);
            }

            return CommandExit.Done;
        }));
        return command;
    }
}
