namespace Populus.Planning.Targets;

/// <summary>One target: an indicator, the year it is due, and the rule.</summary>
/// <param name="Year">The year it is due, or null for a standing target (no year stated: checked every year).</param>
/// <param name="BaseYear">The plan's base year (2020): the start of cumulative counts and the reference of
/// increasing/maintain rules.</param>
/// <param name="PrintedZh">The target as printed (1000(力争达到), 1.35左右, 22%以上).</param>
/// <param name="Source">plan-indicators.csv id and column, or the targets-text.csv id.</param>
public sealed record PlanTarget(string IndicatorId, int? Year, TargetRule Rule, int BaseYear, string PrintedZh, string Source)
{
    public override string ToString() => $"{IndicatorId} {(Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "standing")} {Rule} ({Source})";
}
