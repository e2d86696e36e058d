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
/// A year that publishes its regions' (county-level units') year ends moves the year's net migrants between regions
/// until each published region's projected year end is its published share of the city's (<see cref="Scenario.RedistributedIn"/>),
/// as the annual estimates share migration among counties; the city's total, births and urbanization path stay as they were.
/// </remarks>
public static class ScenarioCalibration
{
    /// <summary>Residents within this many persons of the published total, and births within this share of the published births.</summary>
    private const double ResidentsSettled = 0.5;

    private const double BirthsSettled = 1e-9;

    private const int MaxRounds = 20;

    /// <summary>The most net migrants beyond its share a region may need in a year, as a share of its residents: more
    /// than a tenth of a county's residents moving in one year is no migration but a wrong figure (or a boundary change,
    /// which the store records as one).</summary>
    public const double MaxRegionMigrantShare = 0.1;

    /// <summary><paramref name="scenario"/> calibrated to the city's <paramref name="years"/> and the regions'
    /// <paramref name="regions"/> (after the model's base year), year by year: in a year with both, the city and then its
    /// regions, in turn until both hold.</summary>
    /// <exception cref="ScenarioCalibrationException">A year's figures need a level outside its assumption's accepted range
    /// (<see cref="ScenarioAssumptions.All"/>), or do not settle.</exception>
    /// <exception cref="RegionCalibrationException">A region's figure needs more migrants than <see cref="MaxRegionMigrantShare"/>.</exception>
    /// <exception cref="ArgumentException">A region is not one of the model's.</exception>
    public static Scenario To(ScenarioProjector projector, Scenario scenario, IReadOnlyList<ObservedYearEnd> years, IReadOnlyList<ObservedRegionYearEnds>? regions = null)
    {
        ArgumentNullException.ThrowIfNull(projector);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(years);
        regions ??= [];
        foreach (var year in years.Select(y => y.Year).Concat(regions.Select(r => r.Year)).Distinct().Order())
        {
            var city = years.FirstOrDefault(y => y.Year == year);
            var published = regions.FirstOrDefault(r => r.Year == year && r.Residents.Count > 0);
            for (var pass = 0; ; pass++)
            {
                if (city is not null)
                {
                    scenario = CalibratedIn(projector, scenario, city);
                }

                if (published is not null)
                {
                    scenario = RedistributedIn(projector, scenario, published);
                }

                // Moving migrants between regions leaves the city's total as it was but for a few persons (a both-sexes
                // e0 is searched again on the year's residents): the city is met again, from the levels found.
                if (city is null || published is null || Math.Abs(city.Residents - projector.Project(scenario, year).Total(year)) < ResidentsSettled)
                {
                    break;
                }

                if (pass == MaxRounds)
                {
                    throw new ScenarioCalibrationException(city, scenario, null, double.NaN);
                }
            }
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

    /// <summary>
    /// <paramref name="scenario"/> with the regions' net migrants of the year moved so that each published region's
    /// projected year end is its published share of the city's, the city's total unchanged: the rule of the annual
    /// estimates (<see cref="Demography.Estimation.ComponentsOfChange"/>). When every region is published their figures
    /// are scaled to the city's projected total (they differ from the city's figure by rounding); otherwise each is
    /// scaled by the city's projected total over its published one (1 in a scenario that meets it: a scenario off the
    /// observed path, as the plan's target path, keeps the published split rather than the figures), and the regions not
    /// published give or take the difference in proportion to their residents, beyond their shares.
    /// </summary>
    private static Scenario RedistributedIn(ScenarioProjector projector, Scenario scenario, ObservedRegionYearEnds observed)
    {
        var regions = projector.Model.Counties.Select(c => c.Region).ToArray();
        if (observed.Residents.Keys.FirstOrDefault(r => !regions.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"{observed.Year}'s published year end of '{unknown}': not a region of the model ({string.Join(", ", regions)}).", nameof(observed));
        }

        var year = observed.Year;
        var note = Invariant($"regions' migrants moved so that their year ends are the published shares of the city's of {string.Join(", ", regions.Where(observed.Residents.ContainsKey))}")
            + (observed.Residents.Count < regions.Length ? "; the others share the rest in proportion to their residents" : "")
            + $" ({observed.Source})";
        var published = regions.Select(r => observed.Residents.TryGetValue(r, out var v) ? v : (double?)null).ToArray();
        var moved = regions.Select(r => scenario.RedistributedMigrants(year).GetValueOrDefault(r)).ToArray();
        var gaps = new double[regions.Length];
        for (var round = 0; round < MaxRounds; round++)
        {
            var candidate = scenario.RedistributedIn(year, regions.Select((r, c) => (r, c)).ToDictionary(x => x.r, x => moved[x.c]), note);
            var projection = projector.Project(candidate, year);
            var residents = regions.Select((_, c) => projection.Total(year, c)).ToArray();
            var scale = observed.Residents.Count == regions.Length ? residents.Sum() / published.Sum(p => p!.Value)
                : observed.CityResidents is { } city ? residents.Sum() / city : 1;
            var assigned = 0.0;
            for (var c = 0; c < regions.Length; c++)
            {
                gaps[c] = published[c] is { } p ? (p * scale) - residents[c] : 0;
                assigned += gaps[c];
            }

            var rest = residents.Where((_, c) => published[c] is null).Sum();
            for (var c = 0; c < regions.Length; c++)
            {
                if (published[c] is null)
                {
                    gaps[c] = -assigned * residents[c] / rest;
                }
            }

            if (gaps.All(g => Math.Abs(g) < ResidentsSettled))
            {
                return candidate;
            }

            for (var c = 0; c < regions.Length; c++)
            {
                moved[c] += gaps[c];
            }

            // The region moved most for its size names the figure to check (the published one, not those sharing the rest).
            var most = Enumerable.Range(0, regions.Length).MaxBy(c => Math.Abs(moved[c]) / residents[c]);
            if (Math.Abs(moved[most]) > MaxRegionMigrantShare * residents[most])
            {
                throw new RegionCalibrationException(observed, regions[most], scenario, moved[most], residents[most]);
            }
        }

        var worst = Array.IndexOf(gaps, gaps.MaxBy(Math.Abs));
        throw new RegionCalibrationException(observed, regions[worst], scenario, null, double.NaN);
    }

    private static string Note(ObservedYearEnd observed) =>
        Invariant($"calibrated to the year-end residents {observed.Residents:N0}")
        + (observed.Births is { } b ? Invariant($", births {b:N0}") : "")
        + (observed.UrbanPercent is { } u ? Invariant($", urbanization {u:0.##}%") : "")
        + $" ({observed.Source})";
}
