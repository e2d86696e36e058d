using Populus.Services.People;
using Populus.Services.Rules;
using Populus.Services.Settlement;

namespace Populus.Services.Talent;

/// <summary>
/// A person's talent category: the one recognised by the talent system (A–F, given on the person), else F when a
/// rule of policy <c>talent-f</c> is met. The plan adds F "covering university students and skilled workers"
/// (专栏 4 item 2) without printing its criteria; the shipped F rules are an example for the city to replace.
/// </summary>
public sealed class TalentClassifier(RuleBook rules)
{
    public const string Policy = "talent-f";

    /// <summary>The category and the rule that gave it (null when it was recognised, or none applies).</summary>
    public (TalentCategory Category, RuleFinding? Basis) Classify(Person person, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.TalentCategory is { } recognised and not TalentCategory.None)
        {
            return (recognised, null);
        }

        var basis = rules.InForce(day, Policy).Select(r => SettlementCheck.Find(r, person, day)).FirstOrDefault(f => f.Outcome == Outcome.Met);
        return basis is null ? (TalentCategory.None, null) : (TalentCategory.F, basis);
    }
}
