using Populus.Services.People;
using Populus.Services.Rules;

namespace Populus.Services.Settlement;

/// <summary>
/// Settlement eligibility under the low-threshold talent settlement policy (零门槛落户, plan task 3.8.1): the rules of
/// policy <c>settlement</c> in the rule book, each an alternative way to qualify, and the <c>settlement-address</c>
/// rules for where a tenant may register.
/// </summary>
public sealed class SettlementCheck(RuleBook rules)
{
    public const string Policy = "settlement";

    public const string AddressPolicy = "settlement-address";

    public SettlementDecision Check(Person person, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(person);
        var findings = rules.InForce(day, Policy).Select(r => Find(r, person, day)).ToList();
        var basis = findings.FirstOrDefault(f => f.Outcome == Outcome.Met);
        var missing = basis is null
            ? findings.Where(f => f.Outcome == Outcome.NotKnown).SelectMany(f => f.Result.Missing).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        var outcome = basis is not null ? Outcome.Met : missing.Count > 0 ? Outcome.NotKnown : Outcome.NotMet;
        var address = person.Housing == Housing.Rented
            ? rules.InForce(day, AddressPolicy).Select(r => Find(r, person, day)).ToList()
            : [];
        return new SettlementDecision(day, outcome, basis, findings, address, missing);
    }

    internal static RuleFinding Find(PolicyRule rule, Person person, DateOnly day) => new(rule, rule.Condition.Evaluate(person, day));
}
