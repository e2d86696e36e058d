using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Storage.Tabular;

namespace Populus.Storage.Wpp;

/// <summary>
/// Calibrates the random processes of a probabilistic projection to WPP 2024's published 80% and 95% bounds of
/// projected TFR, e0 by sex and total net migration of one location (docs/methods.md "Probabilistic projection").
/// </summary>
/// <remarks>
/// TFR and e0 are fitted on their own scale (children per woman, years): their published intervals are close to
/// symmetric around the medium variant, as the normal deviations of <see cref="Ar1Process"/> are. Net migration is
/// fitted as a rate, the bounds divided by the location's population at 1 July of the year from the deterministic
/// projection of its inputs (<see cref="WppProjection"/>), so that the same process can be applied to a region of any
/// size. Female e0 is fitted alone; male e0 as β·(female deviation) + its own process (<see cref="UncertaintyCalibration.FitLinked"/>).
/// The base year (horizon 0) is the year before the first year with bounds: WPP's last estimate year.
/// </remarks>
public static class WppUncertainty
{
    /// <summary>The fitted processes of one location, with the fit of each.</summary>
    public sealed record Calibration(int LocationCode, string Location, UncertaintyModel Model, CalibrationFit TotalFertility,
        CalibrationFit FemaleLifeExpectancy, CalibrationFit MaleLifeExpectancy, CalibrationFit NetMigrationRate);

    /// <summary>Fits the processes of <paramref name="locationCode"/> from the extract in <paramref name="folder"/>.</summary>
    /// <param name="folder">A WPP 2024 extract (as data/wpp).</param>
    /// <param name="locationCode">The location whose bounds are fitted.</param>
    /// <param name="regionalCorrelation">ρ between the regions the model is later applied to (not calibrated here).</param>
    /// <exception cref="InvalidInputException">A file is missing or malformed, or the location has no bounds.</exception>
    public static Calibration Calibrate(string folder, int locationCode, double regionalCorrelation = 0.9)
    {
        var errors = new List<InputError>();
        string? name = null;
        var tfr = Bounds(folder, "tfr_annual.csv", locationCode, null, errors, ref name);
        var female = Bounds(folder, "e0_annual.csv", locationCode, "F", errors, ref name);
        var male = Bounds(folder, "e0_annual.csv", locationCode, "M", errors, ref name);
        var migration = Bounds(folder, "net_migration_total_annual.csv", locationCode, null, errors, ref name);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var baseYear = tfr.Min(b => b.Year) - 1;
        var lastYear = migration.Max(b => b.Year);
        var deterministic = WppProjection.Run(folder, locationCode, baseYear, lastYear);
        var rates = migration.Select(b =>
        {
            var p = deterministic.Result.TotalPopulation(b.Year);
            return new IntervalBounds(b.Year, b.Year - baseYear, b.Centre / p, b.Lower80 / p, b.Upper80 / p, b.Lower95 / p, b.Upper95 / p);
        }).ToArray();

        IntervalBounds[] WithHorizons(IEnumerable<IntervalBounds> bounds) => [.. bounds.Select(b => b with { Horizon = b.Year - baseYear })];
        var tfrFit = UncertaintyCalibration.Fit(WithHorizons(tfr));
        var femaleFit = UncertaintyCalibration.Fit(WithHorizons(female));
        var maleFit = UncertaintyCalibration.FitLinked(femaleFit.Process, WithHorizons(male));
        var migrationFit = UncertaintyCalibration.Fit(rates);
        var model = new UncertaintyModel
        {
            BaseYear = baseYear,
            TotalFertility = tfrFit.Process,
            FemaleLifeExpectancy = femaleFit.Process,
            MaleLifeExpectancyOwn = maleFit.Process,
            MaleLoading = maleFit.Loading,
            NetMigrationRate = migrationFit.Process,
            RegionalCorrelation = regionalCorrelation,
        };
        return new Calibration(locationCode, name!, model, tfrFit, femaleFit, maleFit, migrationFit);
    }

    /// <summary>The medium-variant value and bounds of every projected year of one series (horizons filled in later).</summary>
    private static List<IntervalBounds> Bounds(string folder, string file, int locationCode, string? sex, List<InputError> errors, ref string? name)
    {
        var code = locationCode.ToString(CultureInfo.InvariantCulture);
        string[] columns = sex is null
            ? ["location_code", "location", "year", "value", "lo80", "hi80", "lo95", "hi95"]
            : ["location_code", "location", "year", "sex", "value", "lo80", "hi80", "lo95", "hi95"];
        var result = new List<IntervalBounds>();
        using var table = CsvTable.Open(Path.Combine(folder, file), columns);
        foreach (var r in table.Records())
        {
            if (r.Text("location_code") != code || (sex is not null && r.Text("sex") != sex) || string.IsNullOrEmpty(r.Text("lo80")))
            {
                continue;
            }

            name ??= r.Text("location");
            if (r.Integer("year", 1900, 2200) is { } year && r.Number("value") is { } value && r.Number("lo80") is { } lo80 &&
                r.Number("hi80") is { } hi80 && r.Number("lo95") is { } lo95 && r.Number("hi95") is { } hi95)
            {
                result.Add(new IntervalBounds(year, 0, value, lo80, hi80, lo95, hi95));
            }
        }

        errors.AddRange(table.Errors);
        if (table.Errors.Count == 0 && result.Count == 0)
        {
            errors.Add(new InputError(Path.Combine(folder, file), 0, "location_code", code, $"no projected bounds (lo80 … hi95){(sex is null ? "" : $" for sex {sex}")} for this location"));
        }

        return result;
    }
}
