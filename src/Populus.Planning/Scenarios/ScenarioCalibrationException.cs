using static System.FormattableString;

namespace Populus.Planning.Scenarios;

/// <summary>A published year a scenario cannot be calibrated to: the figures would need a level no scenario file may
/// state (a TFR of 7, a million net migrants), which points to a wrong figure rather than a real year.</summary>
public sealed class ScenarioCalibrationException : Exception
{
    public ScenarioCalibrationException(ObservedYearEnd observed, Scenario scenario, ScenarioAssumption? assumption, double level)
        : base(Describe(observed, scenario, assumption, level))
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(scenario);
        Observed = observed;
        Assumption = assumption;
        Level = level;
        var figures = Invariant($"年末常住人口 {observed.Residents:N0}") + (observed.Births is { } b ? Invariant($"，出生 {b:N0}") : "");
        ReasonZh = assumption is { } a
            ? Invariant($"{observed.Year}年的公布数（{figures}，{observed.Source}）要求情景“{scenario.Name}”的 {a.Name()} 为 {level:0.###}，超出允许范围 {a.Range().Minimum}–{a.Range().Maximum}：请核对数据")
            : Invariant($"{observed.Year}年的公布数（{figures}，{observed.Source}）无法校准情景“{scenario.Name}”（迭代未收敛）：请核对数据");
    }

    public ObservedYearEnd Observed { get; }

    /// <summary>The assumption whose level left its range, or null when the rounds did not settle.</summary>
    public ScenarioAssumption? Assumption { get; }

    public double Level { get; }

    /// <summary>The reason in Chinese.</summary>
    public string ReasonZh { get; }

    private static string Describe(ObservedYearEnd observed, Scenario scenario, ScenarioAssumption? assumption, double level)
    {
        var figures = Invariant($"year-end residents {observed.Residents:N0}") + (observed.Births is { } b ? Invariant($", births {b:N0}") : "");
        return assumption is { } a
            ? Invariant($"{observed.Year}'s published figures ({figures}, {observed.Source}) need {a.Name()} {level:0.###} in scenario '{scenario.Name}', outside {a.Range().Minimum}–{a.Range().Maximum}: check the figures")
            : Invariant($"{observed.Year}'s published figures ({figures}, {observed.Source}) do not settle a calibration of scenario '{scenario.Name}': check the figures");
    }
}
