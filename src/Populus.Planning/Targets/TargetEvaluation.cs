using Populus.Planning.Data;
using Populus.Planning.Indicators;

namespace Populus.Planning.Targets;

/// <summary>The state of one target for one region as seen in <see cref="AsOfYear"/>.</summary>
/// <param name="Latest">The latest value up to the evaluation year (observed, reported or estimated: a TFR between censuses from
/// the annual estimates), or null.</param>
/// <param name="Expected">The value at the target year: observed when it has passed, else the projection's.</param>
/// <param name="Shortfall">How far the (expected) value is from meeting the rule, in the indicator's unit
/// (0 when met); null when not evaluable.</param>
/// <param name="RequiredAnnualChange">Average change a year from the latest value needed to reach the target's
/// boundary by the target year (for cumulative targets: the annual figure needed); null when not applicable.</param>
/// <param name="Explanation">Why the status is what it is, in (English) words.</param>
/// <param name="NoDataReason">For <see cref="TargetStatus.NoData"/>, why the target cannot be judged, in English and Chinese.</param>
/// <param name="Benchmark">True when the target is the plan region's, held against another region as a benchmark
/// (<see cref="TargetBook.IsBenchmark"/>): a county's rate against the city's target.</param>
public sealed record TargetEvaluation(
    PlanTarget Target,
    string Region,
    int AsOfYear,
    TargetStatus Status,
    IndicatorValue? Latest,
    IndicatorValue? Expected,
    double? Shortfall,
    double? RequiredAnnualChange,
    string Explanation,
    Reason? NoDataReason = null,
    bool Benchmark = false)
{
    /// <summary>True when a projection says the target will be missed (at risk or off track, target year ahead).</summary>
    public bool IsEarlyWarning => Status is TargetStatus.AtRisk or TargetStatus.OffTrack && (Target.Year ?? AsOfYear) > AsOfYear;
}
