using Populus.Services.Rules;

namespace Populus.Services.Policies;

/// <summary>A policy that applies (or may apply) to a person: the rule, why, and the plan sentence it comes from.</summary>
public sealed record AppliedPolicy(RuleFinding Finding)
{
    public PolicyRule Rule => Finding.Rule;

    public Outcome Outcome => Finding.Outcome;

    public string Why => Finding.Reason;

    public string Sentence => Finding.Rule.Sentence;
}
