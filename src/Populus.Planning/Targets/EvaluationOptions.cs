namespace Populus.Planning.Targets;

/// <summary>Settings of <see cref="TargetEvaluator"/>.</summary>
/// <param name="AtRiskMargin">A miss no larger than this share of the target level is 'at risk' rather than
/// 'off track' (default 2 %: 20万 on 1000万 residents, 0.4 points on an ageing rate of 20 %).</param>
public sealed record EvaluationOptions(double AtRiskMargin = 0.02)
{
    public static EvaluationOptions Default { get; } = new();
}
