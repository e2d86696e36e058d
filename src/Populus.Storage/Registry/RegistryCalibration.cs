using Populus.Demography;
using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Registry;

/// <summary>
/// The published figures a synthetic registry of the plan's city is calibrated to, read from the data folder: the
/// province's 2020 census age × sex (5-year groups; Zhejiang's, area 浙江), the city's 2021 county populations and
/// urbanization rates, the province's 2020 education shares, and the city's registered (hukou) versus resident
/// population. The city and its units come from wenzhou/county_units_codes.csv (Wenzhou in the embedded data).
/// </summary>
public sealed class RegistryCalibration
{
    /// <summary>Lower bounds of the census age groups: 0, 1–4, 5–9, …, 95–99, 100+.</summary>
    internal static readonly int[] GroupStarts = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100];

    /// <summary>The open group 100+ is spread over 100–104.</summary>
    internal const int MaxAge = 104;

    private const string CensusFile = "china_census/census_pop_age5_sex_by_province_2010_2020.csv";
    private const string CountyFile = "wenzhou/county_annual.csv";
    private const string CodesFile = "wenzhou/county_units_codes.csv";
    private const string ProvinceFile = "wenzhou/zhejiang_cities_census.csv";
    private const string CityFile = "wenzhou/wenzhou_annual.csv";

    private RegistryCalibration(double[,] ageSex, string city, IReadOnlyList<County> counties, double tertiary, double senior, double migrant)
    {
        AgeSexGroups = ageSex;
        City = city;
        Counties = counties;
        TertiaryShare = tertiary;
        SeniorSecondaryShare = senior;
        OutsideHukouShare = migrant;
    }

    /// <summary>Zhejiang 2020 census persons by sex (row: Male, Female) and age group (<see cref="GroupStarts"/>).</summary>
    internal double[,] AgeSexGroups { get; }

    /// <summary>The city's code: the prefecture-level city (地级市) of the codes file (330300 in the embedded data).</summary>
    public string City { get; }

    /// <summary>The city's county-level units with their 2021 year-end resident population and urbanization.</summary>
    public IReadOnlyList<County> Counties { get; }

    /// <summary>Share of Zhejiang residents (all ages) with junior college education or above in 2020 (大专及以上).</summary>
    public double TertiaryShare { get; }

    /// <summary>Share of Zhejiang residents (all ages) with senior secondary education (高中含中专) in 2020.</summary>
    public double SeniorSecondaryShare { get; }

    /// <summary>
    /// Share of the city's residents whose hukou is outside the city: 1 − registered / resident population (2022, both
    /// year-end). A net figure: it assumes few of the city's hukou holders live elsewhere, so it is a lower bound.
    /// </summary>
    public double OutsideHukouShare { get; }

    /// <summary>Reads the calibration figures from a data folder (holding wenzhou/ and china_census/).</summary>
    /// <exception cref="InvalidInputException">A file is missing or a figure is absent or malformed; every problem is listed.</exception>
    public static RegistryCalibration Load(string dataFolder)
    {
        var ageSex = ReadAgeSex(Path.Combine(dataFolder, CensusFile));
        var (cityCode, counties) = ReadCounties(Path.Combine(dataFolder, CountyFile), Path.Combine(dataFolder, CodesFile));
        // GB/T 2260: a code's first two digits are its province's.
        var province = ReadIndicators(Path.Combine(dataFolder, ProvinceFile), "code", cityCode[..2] + "0000", null,
            "resident_population_2020", "university_educated_2020", "senior_high_educated_2020");
        var city = ReadIndicators(Path.Combine(dataFolder, CityFile), null, null, "2022",
            "resident_population_yearend", "registered_population_yearend");
        return new RegistryCalibration(ageSex, cityCode, counties,
            province["university_educated_2020"] / province["resident_population_2020"],
            province["senior_high_educated_2020"] / province["resident_population_2020"],
            1 - (city["registered_population_yearend"] / city["resident_population_yearend"]));
    }

    /// <summary>A county-level unit of the city.</summary>
    /// <param name="Code">GB/T 2260 code.</param>
    /// <param name="Name">Chinese name.</param>
    /// <param name="Population">Resident population at the end of 2021, persons.</param>
    /// <param name="UrbanShare">Urbanization rate 2021, 0–1.</param>
    public sealed record County(int Code, string Name, double Population, double UrbanShare);

    private static double[,] ReadAgeSex(string path)
    {
        var counts = new double[2, GroupStarts.Length];
        var seen = new bool[2, GroupStarts.Length];
        using var table = CsvTable.Open(path, "census_year", "area", "age_group", "age_start", "sex", "value");
        foreach (var row in table.Records())
        {
            if (row.Text("census_year") != "2020" || row.Text("area") != "浙江" || row.Text("age_group") == "total"
                || !SexCodes.TryParse(row.Text("sex"), out var sex))
            {
                continue;
            }

            var start = row.Integer("age_start", 0, 100);
            var value = row.Number("value", 0);
            var group = start is { } s ? Array.IndexOf(GroupStarts, s) : -1;
            if (start is not null && group < 0)
            {
                row.Fail("age_start", start.ToString(), "not a census age group start");
            }

            if (group >= 0 && value is { } v)
            {
                counts[(int)sex, group] = v;
                seen[(int)sex, group] = true;
            }
        }

        for (var s = 0; s < 2; s++)
        {
            for (var g = 0; g < GroupStarts.Length; g++)
            {
                if (!seen[s, g])
                {
                    table.AddError(0, "age_start", GroupStarts[g].ToString(), $"no 2020 浙江 row for sex {(Sex)s} and this age group");
                }
            }
        }

        table.ThrowIfInvalid();
        return counts;
    }

    /// <summary>The city's county-level units (2021 population and urbanization) and the city's code: the one row of the codes
    /// file that is a prefecture-level city (地级市), as the store seeds it (<see cref="Imports.RegionIndex.PlanRegion"/>).</summary>
    private static (string City, List<County> Counties) ReadCounties(string path, string codesPath)
    {
        var names = new Dictionary<int, string>();
        string city;
        using (var codes = CsvTable.Open(codesPath, "code_gb2260", "name_zh", "unit_type", "parent_code"))
        {
            var units = codes.Records().Select(r => (Code: r.RequiredText("code_gb2260"), Name: r.RequiredText("name_zh"), Type: r.Text("unit_type"),
                Parent: r.Text("parent_code"), Number: r.Integer("code_gb2260", 100000, 999999))).ToList();
            var cities = units.Where(u => u.Type == "地级市").Select(u => u.Code).ToList();
            if (cities.Count != 1)
            {
                codes.AddError(0, "unit_type", "地级市", new Reason($"{cities.Count} prefecture-level cities ({string.Join(", ", cities)}); the file describes one city and its county-level units",
                    $"有 {cities.Count} 个地级市（{string.Join("、", cities)}）；本文件应描述一个城市及其县级单位"));
            }

            codes.ThrowIfInvalid();
            city = cities[0]!;
            foreach (var unit in units.Where(u => u.Parent == city && u.Number is not null))
            {
                names[unit.Number!.Value] = unit.Name ?? "";
            }
        }

        var population = new Dictionary<int, double>();
        var urban = new Dictionary<int, double>();
        using var table = CsvTable.Open(path, "year", "unit_code", "indicator", "value", "unit");
        foreach (var row in table.Records())
        {
            if (row.Text("year") != "2021" || row.Text("unit_code") is not { } codeText
                || !int.TryParse(codeText, out var code) || !names.ContainsKey(code))
            {
                continue;
            }

            switch (row.Text("indicator"))
            {
                case "resident_population_yearend" when row.Number("value", 0) is { } v:
                    if (row.Text("unit") != "10k persons")
                    {
                        row.Fail("unit", row.Text("unit"), "expected 10k persons");
                    }

                    population[code] = v * 10_000;
                    break;
                case "urbanization_rate" when row.Number("value", 0, 100) is { } u:
                    urban[code] = u / 100;
                    break;
            }
        }

        foreach (var code in names.Keys.Where(c => !population.ContainsKey(c) || !urban.ContainsKey(c)))
        {
            table.AddError(0, "unit_code", code.ToString(), "no 2021 resident_population_yearend and urbanization_rate for this county");
        }

        table.ThrowIfInvalid();
        return (city, names.Keys.Order().Select(c => new County(c, names[c], population[c], urban[c])).ToList());
    }

    private static Dictionary<string, double> ReadIndicators(string path, string? keyColumn, string? key, string? year, params string[] indicators)
    {
        var found = new Dictionary<string, double>();
        var required = keyColumn is null ? new[] { "year", "indicator", "value" } : new[] { keyColumn, "indicator", "value" };
        using var table = CsvTable.Open(path, required);
        foreach (var row in table.Records())
        {
            if ((keyColumn is not null && row.Text(keyColumn) != key) || (year is not null && row.Text("year") != year))
            {
                continue;
            }

            var indicator = row.Text("indicator");
            if (indicator is not null && indicators.Contains(indicator) && row.Number("value", 0) is { } v)
            {
                found[indicator] = v;
            }
        }

        foreach (var missing in indicators.Where(i => !found.ContainsKey(i)))
        {
            table.AddError(0, "indicator", missing, $"required figure not found{(year is null ? "" : $" for {year}")}");
        }

        table.ThrowIfInvalid();
        return found;
    }
}
