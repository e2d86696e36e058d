using System.Globalization;
using Populus.Demography;
using Populus.Storage.Migrations;

namespace Populus.Storage.Estimates;

/// <summary>
/// The standard schedules the estimates borrow their shapes from (docs/estimates.md): a province's census age–sex
/// table, the national census's births by mother's age, the province's sex ratio at birth, and WPP's mortality by age.
/// </summary>
internal static class StandardPatterns
{
    public const string CensusFile = "china_census.census_pop_age5_sex_by_province_2010_2020.csv";
    public const string BirthsFile = "china_census.census_births_by_mother_age_education_parity_national.csv";
    public const string BirthsBySexFile = "china_census.census_births_sex_parity_by_province_2010_2020.csv";
    public const string MortalityFile = "wpp.mx_abridged_5y.csv";

    /// <summary>A census's population by sex on the abridged grid 0, 1–4, 5–9, …, 95–99, 100+ (yearbook Table 1-5).</summary>
    /// <param name="year">The census year (2010 or 2020).</param>
    /// <param name="area">The area as the file names it (浙江, 全国).</param>
    public static PopulationByAgeSex CensusAgeSex(int year, string area)
    {
        using var table = SeedFiles.Open(CensusFile, "census_year", "area", "age_group", "age_start", "sex", "value");
        var cells = new Dictionary<(string Sex, int Age), double>();
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        foreach (var r in table.Records())
        {
            if (r.Text("census_year") == yearText && r.Text("area") == area && r.Text("age_group") != "total" && r.Text("sex") is "M" or "F")
            {
                cells[(r.Text("sex")!, r.Integer("age_start") ?? -1)] = r.Number("value") ?? 0;
            }
        }

        table.ThrowIfInvalid();
        var ages = AgeGroups.Abridged(100);
        double[] Values(string sex) => [.. Enumerable.Range(0, ages.Count).Select(i => cells.TryGetValue((sex, ages.Start(i)), out var v)
            ? v
            : throw new InvalidOperationException($"{SeedFiles.DisplayName(CensusFile)} has no {area} {year} {sex} age {ages.Label(i)}."))];
        return new PopulationByAgeSex(new PopulationByAge(ages, Values("M")), new PopulationByAge(ages, Values("F")));
    }
}
