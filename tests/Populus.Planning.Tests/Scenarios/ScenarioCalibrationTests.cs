using Populus.Planning.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>A scenario calibrated to a year the bureau published after its file: the projection meets the year's
/// published residents and births, and every other year keeps the scenario's path.</summary>
public sealed class ScenarioCalibrationTests
{
    private static readonly ScenarioAssumption[] Calibrated = [ScenarioAssumption.TotalFertility, ScenarioAssumption.NetMigration, ScenarioAssumption.Urbanization];

    [Fact]
    public void YearPath_With_ChangesOnlyTheYear()
    {
        var path = new YearPath([new(2020, 1.0), new(2030, 2.0)]);
        var moved = path.With(2025, 5);
        Assert.Equal(5, moved.At(2025));
        foreach (var year in new[] { 2010, 2020, 2021, 2024, 2026, 2029, 2030, 2040 })
        {
            Assert.Equal(path.At(year), moved.At(year), 12);
        }

        // At a year the path gives, and next to one.
        Assert.Equal(7, path.With(2030, 7).At(2030));
        Assert.Equal(path.At(2029), path.With(2030, 7).At(2029), 12);
        Assert.Equal(path.At(2031), path.With(2030, 7).At(2031), 12);
        Assert.Equal(path.At(2022), path.With(2021, 7).At(2022), 12);
    }

    [Fact]
    public void Baseline_MeetsThePublishedYearEnd_AndKeepsEveryOtherYear()
    {
        var baseline = Wenzhou.Scenario("baseline");
        var observed = new ObservedYearEnd(2025, 9_900_000, 51_000, 76.1, "TEST-2025");
        var projector = new ScenarioProjector(Wenzhou.Model);
        var calibrated = ScenarioCalibration.To(projector, baseline, [observed]);

        var projection = projector.Project(calibrated, 2030);
        Assert.Equal(observed.Residents, projection.Total(2025), 0.5);
        Assert.Equal(observed.Births!.Value, projection.Levels(2025).Births, observed.Births.Value * 1e-8);
        Assert.Equal(76.1, calibrated.At(ScenarioAssumption.Urbanization, 2025));

        // The levels moved to meet the figures: the baseline's own 2025 gives other residents and births.
        var own = projector.Project(baseline, 2025);
        Assert.True(Math.Abs(own.Total(2025) - observed.Residents) > 1_000, $"the baseline's own 2025: {own.Total(2025)}");
        Assert.NotEqual(baseline.At(ScenarioAssumption.TotalFertility, 2025), calibrated.At(ScenarioAssumption.TotalFertility, 2025));

        foreach (var assumption in Enum.GetValues<ScenarioAssumption>().Where(a => calibrated.Gives(a)))
        {
            foreach (var year in new[] { 2021, 2023, 2024, 2026, 2027, 2030, 2035 })
            {
                Assert.Equal(baseline.At(assumption, year), calibrated.At(assumption, year), 10);
            }

            Assert.Equal(Calibrated.Contains(assumption) ? $"{baseline.Source(assumption)}; 2025: calibrated to the year-end residents 9,900,000, births 51,000, urbanization 76.1% (TEST-2025)"
                : baseline.Source(assumption), calibrated.Source(assumption));
        }

        // The years before are projected as before.
        Assert.Equal(own.Total(2024), projection.Total(2024), 6);
    }

    /// <summary>The scenario file calibrates the baseline's TFR of 2021 and 2023 to the bulletins' births by hand
    /// (data/scenarios/assumptions.csv: 0.97 from 6.5万 births, S02; 0.83 from 5.25万, S04). Calibrating to those births
    /// here finds the same levels.</summary>
    [Theory]
    [InlineData(2021, 9_645_000, 65_000)]
    [InlineData(2023, 9_761_000, 52_500)]
    public void TheFilesHandCalibratedFertility_IsFoundAgain(int year, double residents, double births)
    {
        var baseline = Wenzhou.Scenario("baseline");
        var calibrated = ScenarioCalibration.To(new ScenarioProjector(Wenzhou.Model), baseline, [new ObservedYearEnd(year, residents, births, null, "bulletin")]);
        Assert.Equal(baseline.At(ScenarioAssumption.TotalFertility, year), calibrated.At(ScenarioAssumption.TotalFertility, year), 0.01);
    }

    [Fact]
    public void WithoutBirthsOrUrbanization_OnlyNetMigrationMoves()
    {
        var baseline = Wenzhou.Scenario("baseline");
        var projector = new ScenarioProjector(Wenzhou.Model);
        var calibrated = ScenarioCalibration.To(projector, baseline, [new ObservedYearEnd(2025, 9_950_000, null, null, "TEST")]);
        Assert.Equal(9_950_000, projector.Project(calibrated, 2025).Total(2025), 0.5);
        Assert.Equal(baseline.At(ScenarioAssumption.TotalFertility, 2025), calibrated.At(ScenarioAssumption.TotalFertility, 2025));
        Assert.Equal(baseline.At(ScenarioAssumption.Urbanization, 2025), calibrated.At(ScenarioAssumption.Urbanization, 2025));
        Assert.NotEqual(baseline.At(ScenarioAssumption.NetMigration, 2025), calibrated.At(ScenarioAssumption.NetMigration, 2025));
    }

    [Fact]
    public void TwoYears_EachMet()
    {
        var projector = new ScenarioProjector(Wenzhou.Model);
        var calibrated = ScenarioCalibration.To(projector, Wenzhou.Scenario("high-migration"),
            [new ObservedYearEnd(2026, 9_930_000, 50_000, null, "T26"), new ObservedYearEnd(2025, 9_900_000, 52_000, null, "T25")]);
        var projection = projector.Project(calibrated, 2026);
        Assert.Equal(9_900_000, projection.Total(2025), 0.5);
        Assert.Equal(9_930_000, projection.Total(2026), 0.5);
        Assert.Equal(52_000, projection.Levels(2025).Births, 1e-3);
        Assert.Equal(50_000, projection.Levels(2026).Births, 1e-3);
    }

    [Theory]
    [InlineData(19_900_000, 52_000, ScenarioAssumption.NetMigration)] // ten million residents more in a year
    [InlineData(9_900_000, 520_000, ScenarioAssumption.TotalFertility)] // ten times the births
    [InlineData(9_900_000, 52_000, ScenarioAssumption.Urbanization, 176.1)] // a rate of more than all
    public void ImplausibleFigures_AreRefusedNamingTheLevelTheyNeed(double residents, double births, ScenarioAssumption needing, double? urban = null)
    {
        var observed = new ObservedYearEnd(2025, residents, births, urban, "TYPO");
        var e = Assert.Throws<ScenarioCalibrationException>(() => ScenarioCalibration.To(new ScenarioProjector(Wenzhou.Model), Wenzhou.Scenario("baseline"), [observed]));
        Assert.Equal(needing, e.Assumption);
        Assert.Contains("TYPO", e.Message, StringComparison.Ordinal);
        Assert.Contains(needing.Name(), e.Message, StringComparison.Ordinal);
        Assert.Contains("请核对数据", e.ReasonZh, StringComparison.Ordinal);
    }
}
