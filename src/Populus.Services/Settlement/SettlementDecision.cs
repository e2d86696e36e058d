using Populus.Services.Rules;

namespace Populus.Services.Settlement;

/// <summary>
/// The answer to "may this person settle (落户) in the city's urban areas first and find work later?": eligible,
/// not eligible, or not known (a needed attribute is missing), with the rule that decided and every rule checked.
/// </summary>
/// <param name="Day">The day the rules in force were taken from.</param>
/// <param name="Outcome">Met: eligible; NotMet: no rule applies; NotKnown: a rule might apply once <see cref="Missing"/> are given.</param>
/// <param name="Basis">The first rule met (in rule-file order); null when none is.</param>
/// <param name="Findings">Every settlement rule in force, with its outcome and reason.</param>
/// <param name="Address">The settlement-address rules (tenants need the owner's consent) when the person rents.</param>
public sealed record SettlementDecision(
    DateOnly Day,
    Outcome Outcome,
    RuleFinding? Basis,
    IReadOnlyList<RuleFinding> Findings,
    IReadOnlyList<RuleFinding> Address,
    IReadOnlyList<string> Missing)
{
    /// <summary>One sentence for people: the decision, the rule and the reason.</summary>
    public string Summary => Outcome switch
    {
        Outcome.Met => $"Eligible under {Basis!.Rule.Citation} ({Basis.Rule.BenefitEn}): {Basis.Reason}.",
        Outcome.NotKnown => $"Not known: give {string.Join(", ", Missing)} (rules {string.Join(", ", Findings.Where(f => f.Outcome == Outcome.NotKnown).Select(f => f.Rule.Citation))} may apply).",
        _ => Findings.Count == 0
            ? $"No settlement rule is in force on {Day:yyyy-MM-dd}."
            : $"Not eligible on {Day:yyyy-MM-dd}: " + string.Join("; ", Findings.Select(f => $"{f.Rule.Citation}: {f.Reason}")) + ".",
    };
}
