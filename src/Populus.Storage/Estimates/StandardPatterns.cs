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

    /// <summary>WPP 2024 death rates of one location and five-year period by sex, on 0, 1–4, …, 95–99, 100+, graduated to single years.</summary>
    /// <param name="location">The WPP location code (156 = China).</param>
    /// <param name="period">The period as WPP writes it ("2020-2025").</param>
    public static (DeathRates Male, DeathRates Female) Mortality(int location, string period)
    {
        using var table = SeedFiles.Open(MortalityFile, "location_code", "period", "sex", "age_start", "value");
        var cells = new Dictionary<(string Sex, int Age), double>();
        var code = location.ToString(CultureInfo.InvariantCulture);
        foreach (var r in table.Records())
        {
            if (r.Text("location_code") == code && r.Text("period") == period && r.Text("sex") is "M" or "F")
            {
                cells[(r.Text("sex")!, r.Integer("age_start") ?? -1)] = r.Number("value") ?? 0;
            }
        }

        table.ThrowIfInvalid();
        var ages = AgeGroups.Abridged(100);
        DeathRates Of(string sex) => Populus.Demography.Graduation.MortalityGraduation.ToSingleYear(new DeathRates(ages, [.. Enumerable.Range(0, ages.Count)
            .Select(i => cells.TryGetValue((sex, ages.Start(i)), out var v)
                ? v
                : throw new InvalidOperationException($"{SeedFiles.DisplayName(MortalityFile)} has no location {location} {period} {sex} age {ages.Label(i)}."))]));
        return (Of("M"), Of("F"));
    }

    /// <summary>
    /// The age pattern of fertility of the national 2020 census: births in the 12 months before the census by mother's
    /// five-year age group (long-form sample, Table 6-2) over women of the group (Table 1-5), graduated to single years.
    /// </summary>
    /// <remarks>The births are a ~10% sample and the women a full count, so the level is meaningless: only the shape is used.</remarks>
    public static FertilityRates CensusFertilityPattern()
    {
        var births = new Dictionary<int, double>();
        using (var table = SeedFiles.Open(BirthsFile, "residence", "education", "mother_age", "measure", "value"))
        {
            foreach (var r in table.Records())
            {
                if (r.Text("period") == "2019.11.1-2020.10.31" && r.Text("residence") == "all" && r.Text("education") == "不区分" && r.Text("measure") == "total" &&
                    r.Text("mother_age") is { Length: 5 } group && group[2] == '-')
                {
                    births[int.Parse(group[..2], CultureInfo.InvariantCulture)] = r.Number("value") ?? 0;
                }
            }

            table.ThrowIfInvalid();
        }

        var women = CensusAgeSex(2020, "全国").Female;
        var ages = AgeGroups.FiveYear(15, 50, open: false);
        var rates = Enumerable.Range(0, ages.Count).Select(i => births[ages.Start(i)] / women.AtAge(ages.Start(i))).ToArray();
        return Populus.Demography.Fertility.FertilityGraduation.ToSingleYear(new FertilityRates(ages, rates));
    }

    /// <summary>Males per female among the births of the 12 months before the 2020 census in one area (Table 6-1).</summary>
    public static SexRatioAtBirth CensusSexRatioAtBirth(string area)
    {
        using var table = SeedFiles.Open(BirthsBySexFile, "period", "residence", "area", "parity", "measure", "value");
        double? male = null, female = null;
        foreach (var r in table.Records())
        {
            if (r.Text("period") == "2019.11.1-2020.10.31" && r.Text("residence") == "all" && r.Text("area") == area && r.Text("parity") == "all")
            {
                if (r.Text("measure") == "M")
                {
                    male = r.Number("value");
                }
                else if (r.Text("measure") == "F")
                {
                    female = r.Number("value");
                }
            }
        }

        table.ThrowIfInvalid();
        return male is { } m && female is { } f && f > 0
            ? new SexRatioAtBirth(m / f)
            : throw new InvalidOperationException($"{SeedFiles.DisplayName(BirthsBySexFile)} has no 2020 births by sex for {area}.");
    }
}
