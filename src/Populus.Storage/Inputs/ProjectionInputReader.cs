using System.Globalization;
using Populus.Demography;
using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Inputs;

/// <summary>
/// Reads a folder of projection inputs (docs/inputs.md): population.csv, mortality.csv, fertility.csv, srb.csv, and
/// optionally migration.csv and od_migration.csv. Every problem in every file is reported together; nothing is
/// returned unless all files are valid and agree on their regions.
/// </summary>
public static class ProjectionInputReader
{
    /// <summary>Why a death rate is refused: outside [0, <see cref="DeathRates.MaximumRate"/>] (also the life-table command's).</summary>
    internal static readonly Reason DeathRateRange =
        new($"a death rate must be between 0 and {DeathRates.MaximumRate}", $"死亡率应在 0 与 {DeathRates.MaximumRate} 之间");

    /// <summary>Why a sex ratio at birth is refused: neither per female (about 1.05) nor per 100 females (about 105).</summary>
    private static readonly Reason SexRatioScale = new("a sex ratio at birth is males per female (about 1.05) or per 100 females (about 105)",
        "出生性别比为每名女婴对应的男婴数（约 1.05）或每 100 名女婴对应的男婴数（约 105）");

    private const string Population = "population.csv";
    private const string Mortality = "mortality.csv";
    private const string Fertility = "fertility.csv";
    private const string Srb = "srb.csv";
    private const string Migration = "migration.csv";
    private const string OdMigration = "od_migration.csv";

    /// <exception cref="InvalidInputException">Any file is missing or invalid, or the files disagree.</exception>
    public static ProjectionInputs Read(string folder)
    {
        var errors = new List<InputError>();
        var path = (string file) => Path.Combine(folder, file);

        var population = ReadPopulation(path(Population), errors, out var regions, out var singleAges);
        var regionSet = regions.ToHashSet(StringComparer.Ordinal);
        var mortality = ReadMortality(path(Mortality), regionSet, errors);
        var fertility = ReadFertility(path(Fertility), regionSet, errors);
        var srb = ReadSrb(path(Srb), regionSet, errors);
        var migration = File.Exists(path(Migration))
            ? ReadMigration(path(Migration), regionSet, singleAges, errors)
            : [];
        var od = File.Exists(path(OdMigration))
            ? ReadOriginDestination(path(OdMigration), regionSet, singleAges, errors)
            : [];

        foreach (var region in regions)
        {
            foreach (var sex in SexCodes.All)
            {
                if (!mortality.ContainsKey((region, sex)))
                {
                    errors.Add(new InputError(path(Mortality), 0, "region", region, $"no {sex.ToString().ToLowerInvariant()} death rates for a region of {Population}"));
                }
            }

            if (!fertility.ContainsKey(region))
            {
                errors.Add(new InputError(path(Fertility), 0, "region", region, $"no fertility rates for a region of {Population}"));
            }

            if (!srb.ContainsKey(region))
            {
                errors.Add(new InputError(path(Srb), 0, "region", region, $"no sex ratio at birth for a region of {Population}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new ProjectionInputs
        {
            Regions = regions,
            BasePopulation = population,
            Mortality = mortality,
            Fertility = fertility,
            SexRatioAtBirth = srb,
            NetMigration = migration,
            OriginDestination = od,
        };
    }

    private static Dictionary<string, PopulationByAgeSex> ReadPopulation(
        string file, List<InputError> errors, out List<string> regions, out AgeGroups? ages)
    {
        regions = [];
        ages = null;
        var cells = new Dictionary<(string, Sex), SortedDictionary<int, (double Value, bool Open, int Row)>>();
        using (var table = CsvTable.Open(file, "region", "sex", "age", "value"))
        {
            foreach (var r in table.Records())
            {
                var region = r.RequiredText("region");
                var sex = r.Sex();
                var age = r.Age("age");
                var value = r.Number("value", 0, double.MaxValue, new Reason("a population count cannot be negative", "人口数不能为负"));
                if (region is null || sex is null || age is null || value is null)
                {
                    continue;
                }

                if (!regions.Contains(region))
                {
                    regions.Add(region);
                }

                var byAge = cells.TryGetValue((region, sex.Value), out var d) ? d : cells[(region, sex.Value)] = [];
                if (!byAge.TryAdd(age.Value.Age, (value.Value, age.Value.Open, r.Row)))
                {
                    r.Fail("age", age.Value.Age.ToString(CultureInfo.InvariantCulture), $"{region} {sex.Value.Code()}: this age is given twice");
                }
            }

            var result = new Dictionary<string, PopulationByAgeSex>();
            int? omega = null;
            foreach (var region in regions)
            {
                var bySex = new PopulationByAge?[2];
                foreach (var sex in SexCodes.All)
                {
                    if (!cells.TryGetValue((region, sex), out var byAge))
                    {
                        table.AddError(0, "sex", sex.Code(), $"region {region} has no rows for this sex");
                        continue;
                    }

                    var top = byAge.Keys.Max();
                    omega ??= top;
                    if (top != omega)
                    {
                        table.AddError(byAge[top].Row, "age", top.ToString(CultureInfo.InvariantCulture),
                            $"region {region} {sex.Code()} ends at age {top} but the file's first region ends at {omega}; every region needs the same open age");
                        continue;
                    }

                    var missing = Enumerable.Range(0, top + 1).Where(a => !byAge.ContainsKey(a)).ToList();
                    if (missing.Count > 0)
                    {
                        table.AddError(0, "age", string.Join(" ", missing), $"region {region} {sex.Code()}: these ages are missing (0..{top} needed)");
                        continue;
                    }

                    foreach (var (age, cell) in byAge.Where(kv => kv.Value.Open && kv.Key != top))
                    {
                        table.AddError(cell.Row, "age", $"{age}+", "only the last age can be open");
                    }

                    bySex[(int)sex] = new PopulationByAge(AgeGroups.SingleYear(top), byAge.Values.Select(c => c.Value).ToArray());
                }

                if (bySex[0] is { } m && bySex[1] is { } f)
                {
                    result[region] = new PopulationByAgeSex(m, f);
                }
            }

            if (omega is { } w)
            {
                ages = AgeGroups.SingleYear(w);
            }

            errors.AddRange(table.Errors);
            return result;
        }
    }

    private static Dictionary<(string, Sex), YearSeries<DeathRates>> ReadMortality(string file, HashSet<string> regions, List<InputError> errors)
    {
        var groups = new Dictionary<(string Region, Sex Sex), Dictionary<int, SortedDictionary<int, (double, int Row)>>>();
        using var table = CsvTable.Open(file, "region", "year", "sex", "age", "mx");
        foreach (var r in table.Records())
        {
            var region = ReadRegion(r, regions);
            var year = r.Integer("year", 1800, 2300);
            var sex = r.Sex();
            var age = r.Age("age");
            var mx = r.Number("mx", 0, DeathRates.MaximumRate, DeathRateRange);
            if (region is null || year is null || sex is null || age is null || mx is null)
            {
                continue;
            }

            var byYear = groups.TryGetValue((region, sex.Value), out var y) ? y : groups[(region, sex.Value)] = [];
            var byAge = byYear.TryGetValue(year.Value, out var a) ? a : byYear[year.Value] = [];
            if (!byAge.TryAdd(age.Value.Age, (mx.Value, r.Row)))
            {
                r.Fail("age", age.Value.Age.ToString(CultureInfo.InvariantCulture), $"{region} {year} {sex.Value.Code()}: this age is given twice");
            }
        }

        var result = new Dictionary<(string, Sex), YearSeries<DeathRates>>();
        foreach (var (key, byYear) in groups)
        {
            var series = new List<KeyValuePair<int, DeathRates>>();
            foreach (var (year, byAge) in byYear)
            {
                var ages = AgeGroups.FromStarts(byAge.Keys);
                if (ages.FirstAge != 0 || !(ages.IsSingleYear || ages.IsAbridged))
                {
                    table.AddError(byAge.Values.First().Row, "age", string.Join(" ", byAge.Keys),
                        $"{key.Region} {year} {key.Sex.Code()}: ages must be single years 0,1,2,…,ω or abridged 0,1,5,10,…,ω (the last is the open group)");
                    continue;
                }

                series.Add(new(year, new DeathRates(ages, byAge.Values.Select(v => v.Item1).ToArray())));
            }

            result[key] = new YearSeries<DeathRates>(series);
        }

        errors.AddRange(table.Errors);
        return result;
    }

    private static Dictionary<string, YearSeries<FertilityRates>> ReadFertility(string file, HashSet<string> regions, List<InputError> errors)
    {
        var groups = new Dictionary<string, Dictionary<int, SortedDictionary<int, (double, int Row)>>>();
        using var table = CsvTable.Open(file, "region", "year", "age", "asfr");
        foreach (var r in table.Records())
        {
            var region = ReadRegion(r, regions);
            var year = r.Integer("year", 1800, 2300);
            var age = r.Integer("age", 5, 60);
            var asfr = r.Number("asfr", 0, FertilityRates.MaximumRate, new Reason("births per woman per year must be between 0 and 1", "每名妇女每年的生育率应在 0 与 1 之间"));
            if (region is null || year is null || age is null || asfr is null)
            {
                continue;
            }

            var byYear = groups.TryGetValue(region, out var y) ? y : groups[region] = [];
            var byAge = byYear.TryGetValue(year.Value, out var a) ? a : byYear[year.Value] = [];
            if (!byAge.TryAdd(age.Value, (asfr.Value, r.Row)))
            {
                r.Fail("age", age.Value.ToString(CultureInfo.InvariantCulture), $"{region} {year}: this age is given twice");
            }
        }

        var result = new Dictionary<string, YearSeries<FertilityRates>>();
        foreach (var (region, byYear) in groups)
        {
            var series = new List<KeyValuePair<int, FertilityRates>>();
            foreach (var (year, byAge) in byYear)
            {
                var starts = byAge.Keys.ToArray();
                var step = starts.Length > 1 ? starts[1] - starts[0] : 1;
                var regular = (step == 1 || step == 5) && starts.Zip(starts.Skip(1)).All(p => p.Second - p.First == step);
                if (!regular)
                {
                    table.AddError(byAge.Values.First().Row, "age", string.Join(" ", starts),
                        $"{region} {year}: ages must be consecutive single years (15,16,…,49) or five-year group starts (15,20,…,45)");
                    continue;
                }

                var ages = AgeGroups.FromStarts(starts, starts[^1] + step);
                series.Add(new(year, new FertilityRates(ages, byAge.Values.Select(v => v.Item1).ToArray())));
            }

            result[region] = new YearSeries<FertilityRates>(series);
        }

        errors.AddRange(table.Errors);
        return result;
    }

    private static Dictionary<string, YearSeries<ProjectionInputs.SexRatio>> ReadSrb(string file, HashSet<string> regions, List<InputError> errors)
    {
        var groups = new Dictionary<string, Dictionary<int, ProjectionInputs.SexRatio>>();
        using var table = CsvTable.Open(file, "region", "year", "value");
        foreach (var r in table.Records())
        {
            var region = ReadRegion(r, regions);
            var year = r.Integer("year", 1800, 2300);
            var value = r.Number("value", 0.5, 200, SexRatioScale);
            if (region is null || year is null || value is null)
            {
                continue;
            }

            if (value is > 2 and < 50)
            {
                r.Fail("value", value.Value.ToString(CultureInfo.InvariantCulture), SexRatioScale);
                continue;
            }

            // Ratios per 100 females (the plan's and WPP's indicator tables) and per female (WPP's input files) are both accepted.
            var ratio = value > 2 ? SexRatioAtBirth.FromPer100(value.Value) : new SexRatioAtBirth(value.Value);
            var byYear = groups.TryGetValue(region, out var y) ? y : groups[region] = [];
            if (!byYear.TryAdd(year.Value, new ProjectionInputs.SexRatio(ratio)))
            {
                r.Fail("year", year.Value.ToString(CultureInfo.InvariantCulture), $"{region}: this year is given twice");
            }
        }

        errors.AddRange(table.Errors);
        return groups.ToDictionary(kv => kv.Key, kv => new YearSeries<ProjectionInputs.SexRatio>(kv.Value));
    }

    private static Dictionary<(string, Sex), YearSeries<NetMigrants>> ReadMigration(
        string file, HashSet<string> regions, AgeGroups? ages, List<InputError> errors)
    {
        var groups = new Dictionary<(string Region, Sex Sex), Dictionary<int, double[]>>();
        using var table = CsvTable.Open(file, "region", "year", "sex", "age", "net");
        foreach (var r in table.Records())
        {
            var region = ReadRegion(r, regions);
            var year = r.Integer("year", 1800, 2300);
            var sex = r.Sex();
            var age = AgeOnPopulationGrid(r, ages);
            var net = r.Number("net");
            if (region is null || year is null || sex is null || age is null || net is null || ages is null)
            {
                continue;
            }

            var byYear = groups.TryGetValue((region, sex.Value), out var y) ? y : groups[(region, sex.Value)] = [];
            var values = byYear.TryGetValue(year.Value, out var v) ? v : byYear[year.Value] = new double[ages.Count];
            values[age.Value] += net.Value;
        }

        errors.AddRange(table.Errors);
        return ages is null
            ? []
            : groups.ToDictionary(
                kv => kv.Key,
                kv => new YearSeries<NetMigrants>(kv.Value.Select(y => new KeyValuePair<int, NetMigrants>(y.Key, new NetMigrants(ages, y.Value)))));
    }

    private static List<OriginDestinationRate> ReadOriginDestination(
        string file, HashSet<string> regions, AgeGroups? ages, List<InputError> errors)
    {
        var result = new List<OriginDestinationRate>();
        using var table = CsvTable.Open(file, "origin", "destination", "year", "sex", "age", "rate");
        foreach (var r in table.Records())
        {
            var origin = ReadRegion(r, regions, "origin");
            var destination = ReadRegion(r, regions, "destination");
            var year = r.Integer("year", 1800, 2300);
            var sex = r.Sex();
            var age = AgeOnPopulationGrid(r, ages);
            var rate = r.Number("rate", 0, 1, new Reason("an annual out-migration rate must be between 0 and 1", "年迁出率应在 0 与 1 之间"));
            if (origin is null || destination is null || year is null || sex is null || age is null || rate is null)
            {
                continue;
            }

            if (origin == destination)
            {
                r.Fail("destination", destination, "origin and destination are the same region");
                continue;
            }

            result.Add(new OriginDestinationRate(origin, destination, year.Value, sex.Value, age.Value, rate.Value));
        }

        errors.AddRange(table.Errors);
        return result;
    }

    /// <summary>
    /// The age of a migration.csv or od_migration.csv row, on the population's single-year grid: written as
    /// population.csv writes it (`37`, or `100+` for the open group), at most the population's open age.
    /// </summary>
    private static int? AgeOnPopulationGrid(CsvRecord r, AgeGroups? ages)
    {
        var age = r.Age("age");
        if (age is null || ages is null || age.Value.Age <= ages.OpenAge)
        {
            return age?.Age;
        }

        r.Fail("age", age.Value.Age.ToString(CultureInfo.InvariantCulture), $"beyond the population's open age {ages.OpenAge}");
        return null;
    }

    private static string? ReadRegion(CsvRecord r, HashSet<string> regions, string column = "region")
    {
        var region = r.RequiredText(column);
        if (region is not null && !regions.Contains(region))
        {
            r.Fail(column, region, $"not a region of {Population}");
            return null;
        }

        return region;
    }
}
