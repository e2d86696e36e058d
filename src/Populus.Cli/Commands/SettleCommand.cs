using System.CommandLine;
using Populus.Services.People;
using Populus.Services.Rules;
using Populus.Services.Settlement;

namespace Populus.Cli.Commands;

/// <summary>`populus settle check --person person.json`: settlement eligibility (零门槛落户) with the rule that applied and why.</summary>
internal static class SettleCommand
{
    public static Command Create()
    {
        var person = new Option<string>("--person") { Description = "JSON file of the person's attributes (docs/services.md)", Required = true };
        var rules = ServiceOptions.Rules("Policy rule file (default: the shipped data/services/policy-rules.csv)");
        var on = ServiceOptions.On();
        var check = new Command("check", "May this person register (落户) in the urban areas first and find work later?") { person, rules, on };
        ServiceOptions.Common(check);
        check.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            var book = parse.GetValue(rules) is { } file ? RuleBook.Load(file) : RuleBook.Default();
            var day = ServiceOptions.DayOf(parse, on);
            var decision = new SettlementCheck(book).Check(PersonReader.Load(parse.GetRequiredValue(person), day), day);
            output.WriteLine(decision.Summary);
            foreach (var f in decision.Findings.Concat(decision.Address))
            {
                output.WriteLine($"  {f.Rule.Citation} [{f.Outcome}] {f.Reason}");
            }

            if (decision.Basis is { } basis)
            {
                output.WriteLine($"  plan (line {basis.Rule.SeedLine}): {basis.Rule.Sentence}");
            }

            return decision.Outcome == Outcome.Met ? CommandExit.Done : CommandExit.AnsweredNo;
        }));
        return new Command("settle", "Settlement (落户) eligibility under the plan's rules") { check };
    }
}
