namespace Populus.Services.Rules;

/// <summary>
/// One version of one rule: who it applies to (<see cref="Condition"/>), what it gives, from when to when, and the
/// plan sentence it comes from. Rules are data (data/services/policy-rules.csv): changing a rule is adding a
/// version with a new effective date, never editing code.
/// </summary>
/// <param name="Id">Stable identifier shared by every version (SETTLE-COLLEGE).</param>
/// <param name="Version">1, 2, …; one version of an id is in force on any day.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">Last day in force; null while in force.</param>
/// <param name="Policy">The family the rule belongs to (settlement, employment-subsidy, …).</param>
/// <param name="BenefitZh">What the rule gives, in Chinese; <paramref name="BenefitEn"/> in English.</param>
/// <param name="Department">The lead unit of the task the sentence stands in.</param>
/// <param name="Sentence">The plan sentence, verbatim; empty for rules that are the city's own reading (marked in <paramref name="Note"/>).</param>
/// <param name="SeedLine">The line of the plan text (data/plan/wenzhou-population-plan-2021-2035.txt).</param>
public sealed record PolicyRule(
    string Id,
    int Version,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Policy,
    Condition Condition,
    string BenefitZh,
    string BenefitEn,
    string Department,
    string Sentence,
    int? SeedLine,
    string Note)
{
    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>"SETTLE-COLLEGE v1" — how decisions cite the rule.</summary>
    public string Citation => $"{Id} v{Version}";
}
