using Populus.Storage.PlanData;
using Populus.Storage.Registry;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.PlanData;

/// <summary>
/// Populus for a city other than Wenzhou: the plan's city comes from the data (the store's regions, the data folder's
/// region codes), so a made-up city 339900 holding Wenzhou's county-level units and figures is estimated, and its
/// registry calibrated, with no Wenzhou code assumed (docs/another-region.md).
/// </summary>
public class AnotherCityTests
{
    private const string City = "339900";

    private static string Data(string path) => Path.Combine(DataFolder.Locate(), path);

    /// <summary>Wenzhou's six-digit codes (3303xx) as the made-up city's (3399xx); other numbers are left alone.</summary>
    private static string Recode(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\b3303(\d\d)\b", "3399$1");

    /// <summary>A test store with its tables (a PostgreSQL schema is migrated when first opened).</summary>
    private static TestStore Migrated(string engine)
    {
        var t = TestStore.Create(engine);
        using (t.Open())
        {
        }

        return t;
    }

    /// <summary>A value of data/wenzhou/wenzhou_annual.csv (万人 in persons).</summary>
    private static double Published(int year, string indicator)
    {
        using var table = CsvTable.Open(Data("wenzhou/wenzhou_annual.csv"), "year", "indicator", "value");
        return table.Records().Where(r => r.Text("year") == $"{year}" && r.Text("indicator") == indicator).Select(r => Math.Round(r.Number("value")!.Value * 10_000)).Single();
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void AStoreWhoseCountiesBelongToAnotherCity_EstimatesThatCity(string engine)
    {
        using var t = Migrated(engine);
        // The made-up city takes Wenzhou's county-level units and its city-level figures; 330300 stays, without units.
        t.Execute($"INSERT INTO region (code, name_zh, name_en, level) VALUES ('{City}', '样例市', 'Example City', 'city')");
        t.Execute($"UPDATE region SET parent_code = '{City}' WHERE parent_code = '330300'");
        foreach (var table in new[] { "survey_total", "indicator_value", "population" })
        {
            t.Execute($"UPDATE {table} SET region_code = '{City}' WHERE region_code = '330300'");
        }

        using var store = t.Open();
        Assert.Equal(City, PlanningRegions.PlanRegion(store));
        store.Estimate(2021);

        var population = store.PopulationEstimates(2021);
        double Sum(string region, DateOnly date) => population.Where(p => p.RegionCode == region && p.ReferenceDate == date).Sum(p => p.Persons);
        Assert.Equal(Published(2021, "resident_population_yearend"), Sum(City, new DateOnly(2021, 12, 31)), 1e-3);
        Assert.Equal(Published(2020, "resident_population_yearend"), Sum(City, new DateOnly(2020, 12, 31)), 1e-3);
        Assert.DoesNotContain(population, p => p.RegionCode == "330300");
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void AStoreWithTwoCitiesOfCounties_HasNoPlanRegion_AndSaysWhy(string engine)
    {
        using var t = Migrated(engine);
        t.Execute($"INSERT INTO region (code, name_zh, name_en, level) VALUES ('{City}', '样例市', 'Example City', 'city')");
        t.Execute($"UPDATE region SET parent_code = '{City}' WHERE code = '330302'");

        using var store = t.Open();
        var refused = Assert.Throws<InvalidOperationException>(() => PlanningRegions.PlanRegion(store));
        Assert.Contains("样例市 339900", refused.Message, StringComparison.Ordinal);
        Assert.Contains("温州市 330300", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADataFolderOfAnotherCity_CalibratesTheRegistryToItsCounties()
    {
        // The calibration files, with the city's codes 3303xx made 3399xx (the province, 33, stays: its figures are read too).
        var folder = Directory.CreateTempSubdirectory("populus-another-city-").FullName;
        try
        {
            foreach (var file in new[] { "wenzhou/county_units_codes.csv", "wenzhou/county_annual.csv", "wenzhou/wenzhou_annual.csv",
                         "wenzhou/zhejiang_cities_census.csv", "china_census/census_pop_age5_sex_by_province_2010_2020.csv" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, file))!);
                var text = File.ReadAllText(Data(file));
                // The census counts persons by province name: a count may read like a code (湖南's 330326), so it is copied as is.
                File.WriteAllText(Path.Combine(folder, file), file.StartsWith("china_census/", StringComparison.Ordinal) ? text : Recode(text));
            }

            var calibration = RegistryCalibration.Load(folder);

            Assert.Equal(City, calibration.City);
            using var codes = CsvTable.Open(Data("wenzhou/county_units_codes.csv"), "code_gb2260", "parent_code");
            var units = codes.Records().Where(r => r.Text("parent_code") == "330300").Select(r => int.Parse(Recode(r.Text("code_gb2260")!))).Order().ToList();
            Assert.Equal(units, calibration.Counties.Select(c => c.Code));
            using var annual = CsvTable.Open(Data("wenzhou/county_annual.csv"), "year", "unit_code", "indicator", "value");
            var lucheng = annual.Records().Single(r => r.Text("year") == "2021" && r.Text("unit_code") == "330302" && r.Text("indicator") == "resident_population_yearend");
            Assert.Equal(lucheng.Number("value")!.Value * 10_000, calibration.Counties.Single(c => c.Code == 339902).Population, 1e-6);

            var persons = new RegistryGenerator(calibration, 2_000, seed: 1).Generate().Select(p => p.Person).ToList();
            Assert.All(persons, p => Assert.StartsWith("3399", p.ResidenceRegion.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
