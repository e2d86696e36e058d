using System.CommandLine;
using Populus.Services.People;
using Populus.Services.Policies;
using Populus.Services.Rules;

namespace Populus.Cli.Commands;

/// <summary>`populus policies --person person.json`: every policy of the plan that applies (or may apply) to a person, with why and the plan sentence.</summary>
internal static class PoliciesCommand
{
    public static Command Create()
    {
        var person = new Option<string>("--person") { Description = "JSON file of the person's attributes (docs/services.md)", Required = true };
        var rules = ServiceOptions.Rules("Policy rule file (default: the shipped data/services/policy-rules.csv)");
        var on = ServiceOptions.On();
        var command = new Command("policies", "Policies that apply to a person (政策精准推送), each with the plan sentence it comes from") { person, rules, on };
        ServiceOptions.Common(command);
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            var book = parse.GetValue(rules) is { } file ? RuleBook.Load(file) : RuleBook.Default();
            var day = ServiceOptions.DayOf(parse, on);
            var answer = new PolicyFinder(book).Find(PersonReader.Load(parse.GetRequiredValue(person), day), day);
            output.WriteLine($"On {answer.Day:yyyy-MM-dd}: {answer.Applies.Count} apply, {answer.MayApply.Count} may apply; talent category {Codes<TalentCategory>.Code(answer.TalentCategory)}.");
            foreach (var (title, list) in new[] { ("Applies", answer.Applies), ("May apply", answer.MayApply) })
            {
                foreach (var p in list)
                {
                    output.WriteLine($"{title}: {p.Rule.Citation} ({p.Rule.Policy}) {p.Rule.BenefitZh} — {p.Rule.BenefitEn}");
                    output.WriteLine($"  why: {p.Why}");
                    if (p.Sentence.Length > 0)
                    {
                        output.WriteLine($"  plan (line {p.Rule.SeedLine}, {p.Rule.Department}): {p.Sentence}");
                    }
                }
            }

            return CommandExit.Done;
        }));
        return command;
    }
}
