using static System.FormattableString;

namespace Populus.Planning.Scenarios;

/// <summary>
/// A scenario calibrated to the years the bureau has published since its file was written: in each such year its
/// total fertility is scaled so the projection's births are the published births, its net migration set so the
/// projection's year-end residents are the published ones (the balancing equation: migration is what the residents'
/// change leaves after births and deaths), and its urbanization set to the published rate.
/// </summary>
/// <remarks>
/// The scenario files calibrate their observed years the same way by hand (data/scenarios/assumptions.csv: "TFR 0.95
/// gave 6.03万, so 0.95 × 5.25/6.03"; net migration "year-end change minus natural increase"). Here the projection's
/// own births and deaths stand in the balance, so the year-end total is met exactly and the next years start from it.
/// Births are proportional to the TFR and residents move one for one with migrants, so a few rounds settle both.
/// Every other year of the scenario keeps its path (<see cref="YearPath.With"/>); life expectancy, which no annual
/// figure measures, keeps its path in every year.
/// </remarks>
public static class ScenarioCalibration
{
    /// <summary>Residents within this many persons of the published total, and births within this share of the published births.</summary>
    private const double ResidentsSettled = 0.5;

    private const double BirthsSettled = 1e-9;

    private const int MaxRounds = 20;

    /// <summary><paramref name="scenario"/> calibrated to <paramref name="years"/> (ascending, after the model's base year).</summary>
    /// <exception cref="ScenarioCalibrationException">A year's figures need a level outside its assumption's accepted range
    /// (<see cref="ScenarioAssumptions.All"/>), or do not settle.</exception>
    public static Scenario To(ScenarioProjector projector, Scenario scenario, IReadOnlyList<ObservedYearEnd> years)
    {
        ArgumentNullException.ThrowIfNull(projector);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(years);
        foreach (var observed in years.OrderBy(y => y.Year))
        {
            scenario = CalibratedIn(projector, scenario, observed);
        }

        return scenario;
    }

    private static Scenario CalibratedIn(ScenarioProjector projector, Scenario scenario, ObservedYearEnd observed)
    {
        var year = observed.Year;
        var note = Note(observed);
        var levels = new Dictionary<ScenarioAssumption, double>
        {
            [ScenarioAssumption.TotalFertility] = scenario.At(ScenarioAssumption.TotalFertility, year),
            [ScenarioAssumption.NetMigration] = scenario.At(ScenarioAssumption.NetMigration, year),
            [ScenarioAssumption.Urbanization] = observed.UrbanPercent ?? scenario.At(ScenarioAssumption.Urbanization, year),
        };
        for (var round = 0; round < MaxRounds; round++)
        {
            foreach (var (assumption, level) in levels)
            {
                var (min, max) = assumption.Range();
                if (!(level >= min && level <= max))
                {
                    throw new ScenarioCalibrationException(observed, scenario, assumption, level);
                }
            }

            var candidate = scenario.CalibratedIn(year, levels, note);
            var projection = projector.Project(candidate, year);
            var residentsGap = observed.Residents - projection.Total(year);
            var births = projection.Levels(year).Births;
            var birthsRatio = observed.Births is { } published && births > 0 ? published / births : 1;
            if (Math.Abs(residentsGap) < ResidentsSettled && Math.Abs(birthsRatio - 1) < BirthsSettled)
            {
                return candidate;
            }

            levels[ScenarioAssumption.TotalFertility] *= birthsRatio;
            levels[ScenarioAssumption.NetMigration] += residentsGap;
        }

        throw new ScenarioCalibrationException(observed, scenario, null, double.NaN);
    }

    private static string Note(ObservedYearEnd observed) =>
        Invariant($"calibrated to the year-end residents {observed.Residents:N0}")
        + (observed.Births is { } b ? Invariant($", births {b:N0}") : "")
        + (observed.UrbanPercent is { } u ? Invariant($", urbanization {u:0.##}%") : "")
        + $" ({observed.Source})";
}
