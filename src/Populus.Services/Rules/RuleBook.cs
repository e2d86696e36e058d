using System.Globalization;
using Populus.Storage.Tabular;

namespace Populus.Services.Rules;

/// <summary>
/// Every version of every policy rule, read from a CSV file (data/services/policy-rules.csv). The settlement check,
/// the talent classifier and "policies that apply to me" all read the same book.
/// </summary>
public sealed class RuleBook
{
    /// <summary>The columns a rule file must have.</summary>
    public static readonly string[] RequiredColumns =
        ["rule_id", "version", "effective_from", "policy", "condition", "benefit_zh", "benefit_en"];

    private RuleBook(string source, IReadOnlyList<PolicyRule> rules)
    {
        Source = source;
        Rules = rules;
    }

    /// <summary>The file the rules came from.</summary>
    public string Source { get; }

    /// <summary>Every version of every rule, in file order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>The rules shipped with Populus (data/services/policy-rules.csv).</summary>
    public static RuleBook Default() => Parse("data/services/policy-rules.csv", ShippedData.Text("policy-rules.csv"));

    /// <summary>Reads a rule file.</summary>
    /// <exception cref="InvalidInputException">Every problem in the file (unknown attribute or value, overlapping versions of one rule, …).</exception>
    public static RuleBook Load(string path) => Parse(path, File.ReadAllText(path));

    /// <inheritdoc cref="Load"/>
    public static RuleBook Parse(string fileName, string text)
    {
        using var table = CsvTable.FromReader(fileName, new StringReader(text), RequiredColumns);
        var rules = new List<(int Row, PolicyRule Rule)>();
        foreach (var record in table.Records())
        {
            var id = record.RequiredText("rule_id");
            var version = record.Integer("version", 1, 10_000);
            var from = record.Date("effective_from");
            var to = record.Date("effective_to", required: false);
            var policy = record.RequiredText("policy");
            var conditionText = record.RequiredText("condition");
            Condition? condition = null;
            if (conditionText is not null)
            {
                condition = Condition.TryParse(conditionText, out var reason);
                if (condition is null)
                {
                    record.Fail("condition", conditionText, reason);
                }
            }

            var seedLine = record.Text("seed_line") is null ? null : record.Integer("seed_line", 1, 100_000);
            if (from is { } f && to is { } t && t < f)
            {
                record.Fail("effective_to", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "ends before effective_from");
            }

            var benefitZh = record.RequiredText("benefit_zh");
            var benefitEn = record.RequiredText("benefit_en");
            if (id is null || version is null || from is null || policy is null || condition is null || benefitZh is null || benefitEn is null)
            {
                continue;
            }

            rules.Add((record.Row, new PolicyRule(id, version.Value, from.Value, to, policy, condition, benefitZh, benefitEn,
                record.Text("department") ?? "", record.Text("sentence_zh") ?? "", seedLine, record.Text("note") ?? "")));
        }

        foreach (var group in rules.GroupBy(r => r.Rule.Id, StringComparer.Ordinal))
        {
            var versions = group.OrderBy(r => r.Rule.EffectiveFrom).ToList();
            foreach (var dup in group.GroupBy(r => r.Rule.Version).Where(g => g.Count() > 1))
            {
                table.AddError(dup.Last().Row, "version", dup.Key.ToString(CultureInfo.InvariantCulture),
                    $"rule {group.Key} has version {dup.Key} twice (row {dup.First().Row}); a changed rule is a new version");
            }

            for (var i = 1; i < versions.Count; i++)
            {
                var previous = versions[i - 1].Rule;
                if (previous.EffectiveTo is null || previous.EffectiveTo >= versions[i].Rule.EffectiveFrom)
                {
                    table.AddError(versions[i].Row, "effective_from", versions[i].Rule.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        $"rule {group.Key}: version {versions[i].Rule.Version} starts while version {previous.Version} (row {versions[i - 1].Row}) is in force; end the earlier version first (effective_to)");
                }
            }
        }

        table.ThrowIfInvalid();
        if (rules.Count == 0)
        {
            throw new InvalidInputException(new InputError(fileName, 0, null, null, "the file has no rules"));
        }

        return new RuleBook(fileName, [.. rules.Select(r => r.Rule)]);
    }

    /// <summary>The version of each rule in force on <paramref name="day"/>, optionally of one policy family only.</summary>
    public IEnumerable<PolicyRule> InForce(DateOnly day, string? policy = null) =>
        Rules.Where(r => r.InForceOn(day) && (policy is null || string.Equals(r.Policy, policy, StringComparison.Ordinal)));
}
