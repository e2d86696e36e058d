namespace Populus.Planning.GoalSeeking;

/// <summary>What goal seeking found.</summary>
public enum GoalSeekOutcome
{
    /// <summary>A lever level inside the range meets the target's boundary.</summary>
    Reached,

    /// <summary>The target is met across the whole range; the lever is not binding.</summary>
    MetAcrossRange,

    /// <summary>No level in the plausible range meets the target.</summary>
    Unreachable,
}
