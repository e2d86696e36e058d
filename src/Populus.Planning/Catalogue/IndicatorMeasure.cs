namespace Populus.Planning.Catalogue;

/// <summary>What an indicator measures, as far as it decides where a target set for one region can be held against
/// another.</summary>
public enum IndicatorMeasure
{
    /// <summary>A rate, ratio, share, mean or index: comparable between regions of any size, so a target set for the
    /// plan's region is a benchmark for its counties (a county's TFR against the city's 1.35).</summary>
    Rate,

    /// <summary>A count that adds up over regions (residents, talent, jobs): a target set for the plan's region (10
    /// million residents) says nothing of a county's own count, and is not held against it.</summary>
    Count,
}
