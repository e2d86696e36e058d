namespace Populus.Services.Allocation;

/// <summary>What an application got in a run.</summary>
public enum AllocationOutcome
{
    /// <summary>A place in one of its preferred quotas.</summary>
    Placed,

    /// <summary>Eligible, but every preferred quota was full when its turn came.</summary>
    Waitlisted,

    /// <summary>Below the pass mark or vetoed: not ranked.</summary>
    Ineligible,
}
