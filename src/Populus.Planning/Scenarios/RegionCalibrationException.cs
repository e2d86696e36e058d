using static System.FormattableString;

namespace Populus.Planning.Scenarios;

/// <summary>A region's published year end a scenario cannot be calibrated to: it would move more of the region's
/// residents in one year than any migration does (<see cref="ScenarioCalibration.MaxRegionMigrantShare"/>), which points to
/// a wrong figure rather than a real year.</summary>
public sealed class RegionCalibrationException : Exception
{
    /// <param name="observed">The year's published figures.</param>
    /// <param name="region">The region whose migrants left the range.</param>
    /// <param name="scenario">The scenario calibrated.</param>
    /// <param name="migrants">The migrants it needed beyond its share, or null when the rounds did not settle.</param>
    /// <param name="residents">Its projected year-end residents.</param>
    public RegionCalibrationException(ObservedRegionYearEnds observed, string region, Scenario scenario, double? migrants, double residents)
        : base(migrants is { } m
            ? Invariant($"{observed.Year}'s published year end of {region} ({Figure(observed, region, "not published, shares the rest")}, {observed.Source}) needs {m:N0} net migrants beyond its share in scenario '{scenario.Name}', {m / residents:P1} of its residents (at most {ScenarioCalibration.MaxRegionMigrantShare:P0}): check the figures")
            : Invariant($"{observed.Year}'s published year ends of the regions ({observed.Source}) do not settle a calibration of scenario '{scenario.Name}' ({region} last): check the figures"))
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(scenario);
        Observed = observed;
        Region = region;
        Migrants = migrants;
        ReasonZh = migrants is { } z
            ? Invariant($"{observed.Year}年{region}的公布数（年末常住人口 {Figure(observed, region, "未公布，分担其余")}，{observed.Source}）要求情景“{scenario.Name}”在其份额之外净迁入 {z:N0} 人，占其常住人口 {z / residents:P1}（至多 {ScenarioCalibration.MaxRegionMigrantShare:P0}）：请核对数据")
            : Invariant($"{observed.Year}年各县（市、区）的公布数（{observed.Source}）无法校准情景“{scenario.Name}”（迭代未收敛，{region}）：请核对数据");
    }

    public ObservedRegionYearEnds Observed { get; }

    /// <summary>The region whose migrants left the range (the published one, or one of those that share the rest).</summary>
    public string Region { get; }

    /// <summary>The migrants the region needed beyond its share, or null when the rounds did not settle.</summary>
    public double? Migrants { get; }

    /// <summary>The reason in Chinese.</summary>
    public string ReasonZh { get; }

    private static string Figure(ObservedRegionYearEnds observed, string region, string unpublished) =>
        observed.Residents.TryGetValue(region, out var v) ? Invariant($"{v:N0}") : unpublished;
}
