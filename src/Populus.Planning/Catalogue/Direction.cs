namespace Populus.Planning.Catalogue;

/// <summary>Which way an indicator improves: used for "better than the province" and "among the province's
/// best" targets and for ranking.</summary>
public enum Direction
{
    /// <summary>No better direction (counts of facilities against an exact number, ratios with a band).</summary>
    None = 0,

    /// <summary>Higher is better (life expectancy, urbanization).</summary>
    Higher = 1,

    /// <summary>Lower is better (ageing rate, birth-defect incidence).</summary>
    Lower = 2,
}
