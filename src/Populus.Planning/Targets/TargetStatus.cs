namespace Populus.Planning.Targets;

/// <summary>Where a target stands in the evaluation year.</summary>
public enum TargetStatus
{
    /// <summary>The target year has passed (or the target is standing) and the observed value meets it.</summary>
    Achieved,

    /// <summary>The target year is ahead and the projected value meets it.</summary>
    OnTrack,

    /// <summary>The target year is ahead and the projection misses it by no more than the at-risk margin.</summary>
    AtRisk,

    /// <summary>The projection misses it by more than the margin, or the observed value missed it.</summary>
    OffTrack,

    /// <summary>The value, projection or comparison figures needed are missing; the explanation says which.</summary>
    NoData,
}
