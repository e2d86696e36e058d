namespace Populus.Services.Rules;

/// <summary>One rule checked against one person: the rule (id, version, sentence), the outcome and why.</summary>
public sealed record RuleFinding(PolicyRule Rule, Outcome Outcome, string Reason)
{
    public override string ToString() => $"{Rule.Citation}: {Outcome} — {Reason}";
}
