using Populus.Services.People;
using Populus.Services.Rules;
using Populus.Services.Talent;

namespace Populus.Services.Policies;

/// <summary>
/// "Policies that apply to me" (政策精准推送): every rule of the book in force on a day whose condition the person
/// meets, and those that may apply once a missing attribute is given, each with the plan sentence it comes from.
/// </summary>
/// <remarks>
/// The talent category is resolved first (<see cref="TalentClassifier"/>), so rules about talent benefits see F
/// when the F rules give it. The F rules themselves are listed as the finding that gave the category.
/// </remarks>
public sealed class PolicyFinder(RuleBook rules)
{
    private readonly TalentClassifier _talent = new(rules);

    public PolicyAnswer Find(Person person, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (category, basis) = _talent.Classify(person, day);
        var resolved = person with { TalentCategory = category };
        var applies = new List<AppliedPolicy>();
        var mayApply = new List<AppliedPolicy>();
        foreach (var rule in rules.InForce(day))
        {
            if (rule.Policy == TalentClassifier.Policy)
            {
                continue;
            }

            var finding = Settlement.SettlementCheck.Find(rule, resolved, day);
            (finding.Outcome switch { Outcome.Met => applies, Outcome.NotKnown => mayApply, _ => null })?.Add(new AppliedPolicy(finding));
        }

        if (basis is not null)
        {
            applies.Insert(0, new AppliedPolicy(basis));
        }

        return new PolicyAnswer(day, category, applies, mayApply);
    }
}

/// <summary>The policies that apply on <paramref name="Day"/>, those that may (missing attributes), and the talent category used.</summary>
public sealed record PolicyAnswer(DateOnly Day, TalentCategory TalentCategory, IReadOnlyList<AppliedPolicy> Applies, IReadOnlyList<AppliedPolicy> MayApply);
