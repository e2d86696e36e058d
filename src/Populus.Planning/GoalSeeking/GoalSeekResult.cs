namespace Populus.Planning.GoalSeeking;

/// <summary>The lever level that brings the projected indicator to the target's boundary, with its sensitivity.</summary>
/// <param name="LeverValue">The level found (Reached), or null.</param>
/// <param name="IndicatorValue">The indicator at that level, or null.</param>
/// <param name="Sensitivity">d indicator / d lever at that level (central difference), or null.</param>
/// <param name="ValueAtMinimum">The indicator at the lever's minimum.</param>
/// <param name="ValueAtMaximum">The indicator at the lever's maximum.</param>
/// <param name="Message">The answer in words.</param>
public sealed record GoalSeekResult(
    GoalSeekOutcome Outcome,
    Lever Lever,
    double Boundary,
    double? LeverValue,
    double? IndicatorValue,
    double? Sensitivity,
    double ValueAtMinimum,
    double ValueAtMaximum,
    string Message);
