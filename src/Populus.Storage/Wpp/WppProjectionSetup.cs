using System.Globalization;
using Populus.Demography;
using Populus.Demography.Preparation;
using Populus.Storage.Tabular;

namespace Populus.Storage.Wpp;

/// <summary>
/// Maps one WPP 2024 location onto the generic projection assumptions: the 1 July base population, five-year period
/// schedules as trajectories, the annual e0, TFR and SRB as calibration levels, and net migrants by calendar year.
/// </summary>
/// <remarks>
/// Conventions (docs/methods.md "Projection from UN WPP 2024 inputs", [WPP2024]): steps run 1 July to 1 July, so the
/// step of year t starts at t + 0.5; a five-year period's schedule is placed at its package mid-year label (1953 for
/// 1950–1955, the centre of the July-to-July period 1950.5–1955.5); life tables use the Coale–Demeny 1a0 for each sex
/// and the Kannisto closure fitted at 60+ and extended to 130, which reproduce WPP's single-sex tables
/// (docs/validation.md, Canada).
/// </remarks>
public static class WppProjectionSetup
{
    /// <summary>The time (calendar years) of 1 July of <paramref name="year"/>, where WPP's population and the steps start.</summary>
    public static double MidYear(int year) => year + 0.5;

    /// <summary>The population on 1 July of <paramref name="year"/>.</summary>
    /// <exception cref="InvalidInputException">The extract has no population for that year.</exception>
    public static PopulationByAgeSex BasePopulation(WppLocation location, string folder, int year)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.MidYearPopulation.TryGetValue((year, Sex.Male), out var male) ||
            !location.MidYearPopulation.TryGetValue((year, Sex.Female), out var female))
        {
            throw new InvalidInputException(new InputError(Path.Combine(folder, "pop_single_age_midyear.csv"), 0, "year",
                year.ToString(CultureInfo.InvariantCulture), $"no 1 July population of location {location.LocationCode} in this year"));
        }

        return new PopulationByAgeSex(new PopulationByAge(WppLocation.SingleAges, male), new PopulationByAge(WppLocation.SingleAges, female));
    }

    /// <summary>
    /// The assumptions of <paramref name="location"/> for steps from 1 July <paramref name="from"/> to 1 July
    /// <paramref name="to"/>; every annual input must cover the calendar years <paramref name="from"/> … <paramref name="to"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">An annual series or the migration by age misses a year the steps need.</exception>
    public static RegionAssumptions Assumptions(WppLocation location, string folder, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(location);
        var errors = new List<InputError>();
        var years = Enumerable.Range(from, to - from + 1).ToArray();
        void Require(string file, string what, Func<int, bool> has)
        {
            var missing = years.Where(y => !has(y)).ToArray();
            if (missing.Length > 0)
            {
                errors.Add(new InputError(Path.Combine(folder, file), 0, "year", string.Join(" ", missing),
                    $"no {what} of location {location.LocationCode} for these years, which the projection {from}–{to} needs"));
            }
        }

        Require("e0_annual.csv", "life expectancy by sex", y => location.LifeExpectancy.ContainsKey((y, Sex.Male)) && location.LifeExpectancy.ContainsKey((y, Sex.Female)));
        Require("tfr_annual.csv", "total fertility", location.TotalFertility.ContainsKey);
        Require("srb_annual.csv", "sex ratio at birth", location.SexRatioAtBirth.ContainsKey);
        Require("net_migration_single_age.csv", "net migration by age and sex (published from 2023 on)",
            y => location.NetMigration.ContainsKey((y, Sex.Male)) && location.NetMigration.ContainsKey((y, Sex.Female)));
        if (location.AbridgedMortality.Count == 0 || location.FiveYearFertility.Count == 0)
        {
            errors.Add(new InputError(Path.Combine(folder, location.AbridgedMortality.Count == 0 ? "mx_abridged_5y.csv" : "fertility_pasfr_asfr_5y.csv"),
                0, "location_code", location.LocationCode.ToString(CultureInfo.InvariantCulture), "no five-year schedules for this location"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new RegionAssumptions
        {
            Ages = WppLocation.SingleAges,
            MaleMortality = Mortality(location, Sex.Male),
            FemaleMortality = Mortality(location, Sex.Female),
            Fertility = ScheduleTrajectory.Fertility(
                location.FiveYearFertility.Select(p => Knot(p, new FertilityRates(WppLocation.FertilityAges, p.Values))), TrajectoryMode.Interpolate),
            SexRatioAtBirth = Trajectory.FromAnnual(location.SexRatioAtBirth),
            MaleLifeTable = LifeTableConventions.Wpp2024(Sex.Male),
            FemaleLifeTable = LifeTableConventions.Wpp2024(Sex.Female),
            MaleLifeExpectancy = LifeExpectancy(location, Sex.Male),
            FemaleLifeExpectancy = LifeExpectancy(location, Sex.Female),
            TotalFertility = Trajectory.FromAnnual(location.TotalFertility),
            MaleMigrants = Migrants(location, Sex.Male),
            FemaleMigrants = Migrants(location, Sex.Female),
        };
    }

    private static ScheduleTrajectory<DeathRates> Mortality(WppLocation location, Sex sex) =>
        ScheduleTrajectory.Mortality(
            location.AbridgedMortality.Where(p => p.Sex == sex).Select(p => Knot(p, new DeathRates(WppLocation.MortalityAges, p.Values))),
            TrajectoryMode.Interpolate);

    private static KeyValuePair<double, T> Knot<T>(WppPeriodSchedule period, T schedule) => new(period.MidYear, schedule);

    private static Trajectory LifeExpectancy(WppLocation location, Sex sex) =>
        Trajectory.FromAnnual(location.LifeExpectancy.Where(kv => kv.Key.Sex == sex).Select(kv => new KeyValuePair<int, double>(kv.Key.Year, kv.Value)));

    private static AnnualCounts Migrants(WppLocation location, Sex sex) =>
        new(WppLocation.SingleAges, location.NetMigration.Where(kv => kv.Key.Sex == sex).Select(kv => new KeyValuePair<int, double[]>(kv.Key.Year, kv.Value)));
}
