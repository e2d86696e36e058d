namespace Populus.Services.Rules;

/// <summary>One rule checked against one person: the rule (id, version, sentence), the outcome and why.</summary>
public sealed record RuleFinding(PolicyRule Rule, ConditionResult Result)
{
    public Outcome Outcome => Result.Outcome;

    /// <summary>Why, in the rule book's words (<see cref="ConditionResult.Reason"/>).</summary>
    public string Reason => Result.Reason;

    public override string ToString() => $"{Rule.Citation}: {Outcome} — {Reason}";
}
