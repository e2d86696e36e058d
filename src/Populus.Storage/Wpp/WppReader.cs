using Populus.Demography;
using Populus.Storage.Tabular;

namespace Populus.Storage.Wpp;

/// <summary>Reads one location from a folder laid out as the project's WPP 2024 extract (see its README).</summary>
public static class WppReader
{
    /// <summary>Reads every input of <paramref name="locationCode"/>; problems in any file are reported together.</summary>
    /// <exception cref="InvalidInputException">A file is missing, a cell is malformed, or the location has no data.</exception>
    public static WppLocation Read(string folder, int locationCode)
    {
        var errors = new List<InputError>();
        string? name = null;

        var population = ReadSingleAge(folder, "pop_single_age_midyear.csv", locationCode, errors, ref name);
        var migration = ReadSingleAge(folder, "net_migration_single_age.csv", locationCode, errors, ref name);
        var mortality = ReadPeriods(folder, "mx_abridged_5y.csv", "value", WppLocation.MortalityAges, locationCode, bySex: true, errors);
        var fertility = ReadPeriods(folder, "fertility_pasfr_asfr_5y.csv", "asfr", WppLocation.FertilityAges, locationCode, bySex: false, errors);
        var tfr = ReadAnnual(folder, "tfr_annual.csv", locationCode, errors);
        var srb = ReadAnnual(folder, "srb_annual.csv", locationCode, errors);
        var e0 = ReadAnnualBySex(folder, "e0_annual.csv", locationCode, errors);

        if (errors.Count == 0 && population.Count == 0)
        {
            errors.Add(new InputError(Path.Combine(folder, "pop_single_age_midyear.csv"), 0, "location_code",
                locationCode.ToString(System.Globalization.CultureInfo.InvariantCulture), "no rows for this location"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new WppLocation
        {
            LocationCode = locationCode,
            LocationName = name ?? locationCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MidYearPopulation = population,
            NetMigration = migration,
            AbridgedMortality = mortality,
            FiveYearFertility = fertility,
            TotalFertility = tfr,
            SexRatioAtBirth = srb,
            LifeExpectancy = e0,
        };
    }

    /// <summary>The age patterns of <paramref name="locationCode"/> alone: abridged death rates and five-year fertility by
    /// period, what a scenario model takes from WPP, without the single-age population and migration files (10 MB of the
    /// extract's 12, read on every start of the plan monitor otherwise).</summary>
    /// <exception cref="InvalidInputException">A file is missing, a cell is malformed, or the location has no death rates.</exception>
    public static (IReadOnlyList<WppPeriodSchedule> AbridgedMortality, IReadOnlyList<WppPeriodSchedule> FiveYearFertility) ReadPatterns(string folder, int locationCode)
    {
        var errors = new List<InputError>();
        var mortality = ReadPeriods(folder, "mx_abridged_5y.csv", "value", WppLocation.MortalityAges, locationCode, bySex: true, errors);
        var fertility = ReadPeriods(folder, "fertility_pasfr_asfr_5y.csv", "asfr", WppLocation.FertilityAges, locationCode, bySex: false, errors);
        if (errors.Count == 0 && mortality.Count == 0)
        {
            errors.Add(new InputError(Path.Combine(folder, "mx_abridged_5y.csv"), 0, "location_code",
                locationCode.ToString(System.Globalization.CultureInfo.InvariantCulture), "no rows for this location"));
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : (mortality, fertility);
    }

    private static IEnumerable<CsvRecord> Rows(CsvTable table, int locationCode) =>
        table.Records().Where(r => r.Text("location_code") == locationCode.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Dictionary<(int, Sex), double[]> ReadSingleAge(
        string folder, string file, int locationCode, List<InputError> errors, ref string? name)
    {
        var result = new Dictionary<(int, Sex), double[]>();
        using var table = CsvTable.Open(Path.Combine(folder, file), "location_code", "location", "year", "sex", "age", "value");
        foreach (var r in Rows(table, locationCode))
        {
            name ??= r.Text("location");
            var year = r.Integer("year", 1900, 2200);
            var sex = r.Sex();
            var age = r.Integer("age", 0, 100);
            var value = r.Number("value");
            if (year is null || sex is null || age is null || value is null)
            {
                continue;
            }

            var key = (year.Value, sex.Value);
            if (!result.TryGetValue(key, out var values))
            {
                values = new double[101];
                Array.Fill(values, double.NaN);
                result[key] = values;
            }

            values[age.Value] = value.Value;
        }

        foreach (var ((year, sex), values) in result)
        {
            var missing = Enumerable.Range(0, 101).Where(a => double.IsNaN(values[a])).ToList();
            if (missing.Count > 0)
            {
                table.AddError(0, "age", string.Join(" ", missing), $"{year} {sex.Code()}: these ages are missing (0..100 needed)");
            }
        }

        errors.AddRange(table.Errors);
        return result;
    }

    private static List<WppPeriodSchedule> ReadPeriods(
        string folder, string file, string valueColumn, AgeGroups ages, int locationCode, bool bySex, List<InputError> errors)
    {
        var schedules = new Dictionary<(Period, Sex), (int Mid, double[] Values)>();
        var required = new List<string> { "location_code", "period", "mid_year", "age_start", valueColumn };
        if (bySex)
        {
            required.Add("sex");
        }

        using var table = CsvTable.Open(Path.Combine(folder, file), [.. required]);
        foreach (var r in Rows(table, locationCode))
        {
            if (bySex && r.Text("sex") == "B")
            {
                continue;
            }

            var periodText = r.RequiredText("period");
            var mid = r.Integer("mid_year", 1900, 2200);
            var start = r.Integer("age_start", 0, 130);
            var value = r.Number(valueColumn, 0, 10);
            Sex sex = Sex.Female;
            if (bySex && r.Sex() is { } s)
            {
                sex = s;
            }

            if (!Period.TryParse(periodText, out var period))
            {
                r.Fail("period", periodText, "expected a period such as 2020-2025");
                continue;
            }

            if (mid is null || start is null || value is null)
            {
                continue;
            }

            var index = ages.IndexOf(start.Value);
            if (index < 0 || ages.Start(index) != start.Value)
            {
                r.Fail("age_start", start.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"not a group start of {ages}");
                continue;
            }

            if (!schedules.TryGetValue((period, sex), out var entry))
            {
                var values = new double[ages.Count];
                Array.Fill(values, double.NaN);
                entry = (mid.Value, values);
                schedules[(period, sex)] = entry;
            }

            entry.Values[index] = value.Value;
        }

        foreach (var ((period, sex), entry) in schedules)
        {
            if (entry.Values.Any(double.IsNaN))
            {
                table.AddError(0, "age_start", null, $"period {period} {sex.Code()}: some age groups of {ages} are missing");
            }
        }

        errors.AddRange(table.Errors);
        return [.. schedules.OrderBy(kv => kv.Key.Item1.StartYear).ThenBy(kv => kv.Key.Item2)
            .Select(kv => new WppPeriodSchedule(kv.Key.Item1, kv.Value.Mid, kv.Key.Item2, kv.Value.Values))];
    }

    private static Dictionary<int, double> ReadAnnual(string folder, string file, int locationCode, List<InputError> errors)
    {
        var result = new Dictionary<int, double>();
        using var table = CsvTable.Open(Path.Combine(folder, file), "location_code", "year", "value");
        foreach (var r in Rows(table, locationCode))
        {
            if (r.Integer("year", 1900, 2200) is { } year && r.Number("value", 0, 1000) is { } value)
            {
                result[year] = value;
            }
        }

        errors.AddRange(table.Errors);
        return result;
    }

    private static Dictionary<(int, Sex), double> ReadAnnualBySex(string folder, string file, int locationCode, List<InputError> errors)
    {
        var result = new Dictionary<(int, Sex), double>();
        using var table = CsvTable.Open(Path.Combine(folder, file), "location_code", "year", "sex", "value");
        foreach (var r in Rows(table, locationCode))
        {
            if (r.Text("sex") == "B")
            {
                continue;
            }

            if (r.Integer("year", 1900, 2200) is { } year && r.Sex() is { } sex && r.Number("value", 0, 130) is { } value)
            {
                result[(year, sex)] = value;
            }
        }

        errors.AddRange(table.Errors);
        return result;
    }
}
