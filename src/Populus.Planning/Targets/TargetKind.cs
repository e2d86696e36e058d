namespace Populus.Planning.Targets;

/// <summary>Every kind of target the plan states. The rules each follows are in docs/planning.md.</summary>
public enum TargetKind
{
    /// <summary>≥ value (以上, 不少于, 不低于, 达到, a bare figure).</summary>
    AtLeast,

    /// <summary>&gt; value (大于, Table 6's "&gt;").</summary>
    Above,

    /// <summary>≤ value (≤, 以内, 控制在).</summary>
    AtMost,

    /// <summary>&lt; value.</summary>
    Below,

    /// <summary>= value (an exact count, or full coverage 100 %).</summary>
    Exactly,

    /// <summary>About the value (左右): within ±<see cref="TargetRule.ApproximateBand"/> of it.</summary>
    Approximately,

    /// <summary>Of the order of the value (级): from the value to ten times it.</summary>
    OrderOfMagnitude,

    /// <summary>The sum of annual figures since the base year reaches the value ([60]).</summary>
    CumulativeAtLeast,

    /// <summary>Higher every year than the year before (逐年提高).</summary>
    IncreasingYearly,

    /// <summary>Higher at the target year than in the base year (稳步提高, 持续增加).</summary>
    Increasing,

    /// <summary>Lower at the target year than in the base year (持续减缓).</summary>
    Decreasing,

    /// <summary>Within ±<see cref="TargetRule.StableBand"/> of the level at the previous target year (保持稳定).</summary>
    Stable,

    /// <summary>Not below the previous numeric target, or the base value when there is none (保持高位).</summary>
    MaintainHigh,

    /// <summary>Not above the previous numeric target, or the base value when there is none (保持较低水平).</summary>
    MaintainLow,

    /// <summary>Sex ratio at birth near natural balance: 102–108 (接近自然平衡).</summary>
    NearNaturalBalance,

    /// <summary>Sex ratio at birth at natural balance: 103–107 (实现自然平衡).</summary>
    NaturalBalance,

    /// <summary>Better than the province's figure (优于全省平均水平).</summary>
    BetterThanProvinceAverage,

    /// <summary>Among the best <see cref="TargetRule.TopRanks"/> of the province's cities (位居全省前列).</summary>
    TopOfProvince,
}
