namespace Populus.Planning.Data;

/// <summary>How a figure came about. Ordered from most to least certain, so a value combined from several
/// inputs takes the weakest status of them.</summary>
public enum DataStatus
{
    /// <summary>Counted or reported by a statistical office or department (census, bulletin, yearbook, plan table).</summary>
    Observed = 0,

    /// <summary>Derived by the platform or a source from observed figures (interpolated, fitted, reconciled).</summary>
    Estimated = 1,

    /// <summary>The output of a projection under a named scenario.</summary>
    Projected = 2,
}
