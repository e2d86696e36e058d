using System.Globalization;
using Populus.Demography;
using Populus.Demography.Fertility;
using Populus.Demography.Graduation;
using Populus.Planning.Data;
using Populus.Planning.Scenarios;
using Populus.Storage.Tabular;
using Populus.Storage.Wpp;

namespace Populus.Storage.Scenarios;

/// <summary>
/// Builds the <see cref="ScenarioModel"/> from data/scenarios/model.csv (parameters), data/scenarios/counties.csv
/// (regions, urban shares, migration shares), the WPP 2024 age patterns of mortality and fertility (data/wpp) and
/// a base population by region.
/// </summary>
public static class ScenarioModelFile
{
    public const string ModelFile = "model.csv";

    public const string CountiesFile = "counties.csv";

    /// <summary>Why a county's share is refused.</summary>
    private static readonly Reason Share = new("a share between 0 and 1", "比例应在 0 与 1 之间");

    /// <param name="dataFolder">The data folder (with scenarios/ and wpp/).</param>
    /// <param name="bases">The base population of each region (by name), single years 0..100+; null uses the
    /// provisional base (<see cref="ProvisionalBase"/>).</param>
    /// <param name="baseSource">Provenance of <paramref name="bases"/>.</param>
    /// <exception cref="InvalidInputException">A file is missing or a cell is invalid (every problem listed).</exception>
    public static ScenarioModel Load(string dataFolder, IReadOnlyDictionary<string, PopulationByAgeSex>? bases = null, string? baseSource = null)
    {
        var folder = Path.Combine(dataFolder, "scenarios");
        var modelPath = Path.Combine(folder, ModelFile);
        var parameters = new Dictionary<string, (string Value, int Row)>(StringComparer.Ordinal);
        using (var table = CsvTable.Open(modelPath, "parameter", "value", "source"))
        {
            foreach (var r in table.Records())
            {
                if (r.RequiredText("parameter") is { } p && r.RequiredText("value") is { } v)
                {
                    parameters[p] = (v, r.Row);
                }
            }

            foreach (var required in new[] { "city", "base_year", "migrant_male_share", "graduate_age", "reference_retention", "pattern_location", "pattern_year" })
            {
                if (!parameters.ContainsKey(required))
                {
                    table.AddError(0, "parameter", required, "this parameter is required");
                }
            }

            table.ThrowIfInvalid();
        }

        double Number(string name, double min, double max)
        {
            var (text, row) = parameters[name];
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? v
                : throw new InvalidInputException(new InputError(modelPath, row, "value", text, $"{name} must be a number between {min} and {max}"));
        }

        var city = parameters["city"].Value;
        var baseYear = (int)Number("base_year", 1950, 2100);
        var location = (int)Number("pattern_location", 1, 9999);
        var patternYear = (int)Number("pattern_year", 1950, 2100);
        var counties = ReadCounties(Path.Combine(folder, CountiesFile));
        // The whole location only for the provisional base (its population); otherwise the two pattern files alone.
        var wppFolder = Path.Combine(dataFolder, "wpp");
        var whole = bases is null ? WppReader.Read(wppFolder, location) : null;
        var wpp = whole is not null ? (whole.AbridgedMortality, whole.FiveYearFertility) : WppReader.ReadPatterns(wppFolder, location);
        DeathRates Mortality(Sex sex)
        {
            var period = wpp.AbridgedMortality.FirstOrDefault(p => p.Sex == sex && p.Period.Contains(patternYear))
                ?? throw new InvalidInputException(new InputError(modelPath, parameters["pattern_year"].Row, "value", patternYear.ToString(CultureInfo.InvariantCulture), $"WPP has no {sex} death rates of location {location} for a period containing this year"));
            return MortalityGraduation.ToSingleYear(new DeathRates(WppLocation.MortalityAges, period.Values));
        }

        var fertilityPeriod = wpp.FiveYearFertility.FirstOrDefault(p => p.Period.Contains(patternYear))
            ?? throw new InvalidInputException(new InputError(modelPath, parameters["pattern_year"].Row, "value", patternYear.ToString(CultureInfo.InvariantCulture), $"WPP has no fertility of location {location} for a period containing this year"));
        var source = baseSource ?? "provisional base: WPP 2024 China 2020 age-sex structure scaled to county totals";
        var byRegion = bases ?? ProvisionalBase(dataFolder, whole!, counties.Select(c => (c.Region, c.Code)).ToList());
        var missing = counties.Where(c => !byRegion.ContainsKey(c.Region)).Select(c => c.Region).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidInputException(new InputError(Path.Combine(folder, CountiesFile), 0, "region", string.Join(", ", missing), "no base population was given for these regions"));
        }

        return new ScenarioModel
        {
            City = city,
            BaseYear = baseYear,
            BaseSource = source,
            Counties = [.. counties.Select(c => new CountyBase(c.Region, byRegion[c.Region], c.UrbanShare, c.MigrationShare, c.MigrantUrbanShare))],
            MaleMortalityPattern = Mortality(Sex.Male),
            FemaleMortalityPattern = Mortality(Sex.Female),
            FertilityPattern = FertilityGraduation.ToSingleYear(new FertilityRates(WppLocation.FertilityAges, fertilityPeriod.Values)),
            MigrantMaleShare = Number("migrant_male_share", 0, 1),
            GraduateAge = (int)Number("graduate_age", 15, 40),
            ReferenceRetention = Number("reference_retention", 0, 100),
        };
    }

    /// <summary>The calibrated census base of every region from the store (2020-11-01, single ages by sex), or null
    /// when the store lacks one of them.</summary>
    public static IReadOnlyDictionary<string, PopulationByAgeSex>? StoreBase(IPopulusStore store, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(store);
        var result = new Dictionary<string, PopulationByAgeSex>(StringComparer.Ordinal);
        foreach (var c in ReadCounties(Path.Combine(dataFolder, "scenarios", CountiesFile)))
        {
            if (store.SingleYearPopulation(c.Code, CensusDate) is not { } population)
            {
                return null;
            }

            result[c.Region] = population;
        }

        return result;
    }

    /// <summary>The reference date of the calibrated base in the store: the 2020 census.</summary>
    public static readonly DateOnly CensusDate = new(2020, 11, 1);

    /// <summary>Provenance of <see cref="StoreBase"/>.</summary>
    public const string StoreBaseSource = "2020 census base by single age, sex and county, calibrated by IPF (store)";

    /// <summary>
    /// Until the calibrated county bases are loaded: WPP 2024 China's 1 July 2020 single-age structure by sex, scaled to each
    /// region's 2021 year-end residents (S02, data/wenzhou/county_annual.csv) × the city's 2020/2021 ratio (958.7/964.5万).
    /// Wenzhou is younger than China, so age shares from this base are indicative only.
    /// </summary>
    public static IReadOnlyDictionary<string, PopulationByAgeSex> ProvisionalBase(string dataFolder, WppLocation china, IReadOnlyList<(string Region, string Code)> regions)
    {
        ArgumentNullException.ThrowIfNull(china);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var table = CsvTable.Open(Path.Combine(dataFolder, "wenzhou", "county_annual.csv"), "year", "unit_code", "indicator", "value"))
        {
            foreach (var r in table.Records())
            {
                if (r.Text("year") == "2021" && r.Text("indicator") == "resident_population_yearend" && r.Text("unit_code") is { } code && r.Number("value") is { } v)
                {
                    totals[code] = v * 10_000;
                }
            }

            table.ThrowIfInvalid();
        }

        var male = china.MidYearPopulation[(2020, Sex.Male)];
        var female = china.MidYearPopulation[(2020, Sex.Female)];
        var all = male.Sum() + female.Sum();
        var scale2020 = 958.7 / 964.5;
        var result = new Dictionary<string, PopulationByAgeSex>(StringComparer.Ordinal);
        foreach (var (region, code) in regions)
        {
            if (!totals.TryGetValue(code, out var total))
            {
                throw new InvalidInputException(new InputError(Path.Combine(dataFolder, "wenzhou", "county_annual.csv"), 0, "unit_code", code, $"no 2021 year-end population of {region} for the provisional base"));
            }

            var k = total * scale2020 / all;
            result[region] = new PopulationByAgeSex(
                new PopulationByAge(WppLocation.SingleAges, male.Select(v => v * k).ToArray()),
                new PopulationByAge(WppLocation.SingleAges, female.Select(v => v * k).ToArray()));
        }

        return result;
    }

    private sealed record CountyRow(string Region, string Code, double UrbanShare, double MigrationShare, double MigrantUrbanShare);

    private static List<CountyRow> ReadCounties(string path)
    {
        var rows = new List<CountyRow>();
        using var table = CsvTable.Open(path, "region", "code", "urban_share_base", "net_migration_share", "migrant_urban_share", "source");
        foreach (var r in table.Records())
        {
            var region = r.RequiredText("region");
            var code = r.RequiredText("code");
            var urban = r.Number("urban_share_base", 0, 1, Share);
            var share = r.Number("net_migration_share", 0, 1, Share);
            var migrantUrban = r.Number("migrant_urban_share", 0, 1, Share);
            r.RequiredText("source");
            if (region is not null && code is not null && urban is { } u && share is { } s && migrantUrban is { } m)
            {
                rows.Add(new CountyRow(region, code, u, s, m));
            }
        }

        if (table.Errors.Count == 0)
        {
            var sum = rows.Sum(r => r.MigrationShare);
            if (Math.Abs(sum - 1) > 1e-6)
            {
                table.AddError(0, "net_migration_share", sum.ToString("0.######", CultureInfo.InvariantCulture), "the regions' net migration shares must sum to 1");
            }
        }

        table.ThrowIfInvalid();
        return rows;
    }
}
