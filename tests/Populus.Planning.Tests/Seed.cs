using System.Globalization;
using Populus.Demography;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Targets;

namespace Populus.Planning.Tests;

/// <summary>The default catalogue and targets, and an <see cref="InMemoryIndicatorData"/> fed from the plan's own
/// tables (Tables 1, 3, 4, 5, Table 6's base values) and the 2010/2020 census county figures.</summary>
internal static class Seed
{
    /// <summary>Wenzhou's code: Planning keys regions by the store's codes (names are accepted too).</summary>
    public const string City = "330300";

    private static readonly Lazy<RegionRegistry> LazyRegions = new(StoreRegions);
    private static readonly Lazy<IndicatorCatalogue> LazyCatalogue = new(() => IndicatorCatalogue.Parse(RepoData.Text("plan/indicator-catalogue.csv"), Regions));
    private static readonly Lazy<TargetBook> LazyBook = new(() => TargetBook.Parse(Catalogue, RepoData.Text("plan/plan-indicators.csv"), RepoData.Text("plan/targets-text.csv"), City));

    public static RegionRegistry Regions => LazyRegions.Value;

    /// <summary>The regions and groupings of a new store: Planning has no region list of its own.</summary>
    private static RegionRegistry StoreRegions()
    {
        var folder = Path.Combine(Path.GetTempPath(), "populus-planning-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            using var store = Populus.Storage.PopulusStore.Open(Path.Combine(folder, "store.duckdb"));
            return Populus.Storage.PlanData.PlanningRegions.From(store);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static IndicatorCatalogue Catalogue => LazyCatalogue.Value;

    public static TargetBook Book => LazyBook.Value;

    /// <summary>The plan's three broad age groups 0–14, 15–59, 60+.</summary>
    public static AgeGroups BroadAges { get; } = AgeGroups.FromStarts([0, 15, 60]);

    /// <summary>One open group 0+: a total without an age breakdown.</summary>
    public static AgeGroups AllAges { get; } = AgeGroups.FromStarts([0]);

    public static InMemoryIndicatorData Data()
    {
        var data = new InMemoryIndicatorData(Catalogue);
        foreach (var figure in Book.BaseFigures)
        {
            data.AddReported(figure);
        }

        // Table 3: population by broad age group, 2010 and 2020 censuses; its shares and dependency ratios as reported.
        var table3 = Csv.Read("plan/tables/table3-age-structure-2010-2020.csv");
        foreach (var year in new[] { 2010, 2020 })
        {
            var rows = table3.Where(r => r["year"] == year.ToString(CultureInfo.InvariantCulture)).ToList();
            double Count(string group) => double.Parse(rows.Single(r => r["age_group"] == group && r["indicator"] == "population")["value"], CultureInfo.InvariantCulture);
            var source = Provenance.Observed($"plan Table 3 ({year} census)");
            data.AddPopulation(PopulationKind.Resident, City, year, AgeSexCounts.BothSexes(new PopulationByAge(BroadAges, [Count("0-14"), Count("15-59"), Count("60+")])), source);
            var share60 = rows.Single(r => r["age_group"] == "60+" && r["indicator"] == "share")["value"];
            var dependency = rows.Single(r => r["indicator"] == "dependency_ratio")["value"];
            if (year == 2010)
            {
                data.AddReported(new ReportedValue("ageing_rate_60", City, year, share60, source));
                data.AddReported(new ReportedValue("dependency_ratio", City, year, dependency, source));
            }
        }

        // Table 1: GDP (亿元) and employed persons (万人) in base units; the printed productivity as reported.
        foreach (var r in Csv.Read("plan/tables/table1-labour-productivity-2015-2020.csv"))
        {
            var year = int.Parse(r["year"], CultureInfo.InvariantCulture);
            var value = double.Parse(r["value"], CultureInfo.InvariantCulture);
            var source = Provenance.Observed("plan Table 1");
            switch (r["indicator"])
            {
                case "gdp":
                    data.AddSeries(ScalarSeries.Gdp, City, year, value * 1e8, source);
                    break;
                case "employed_persons":
                    data.AddSeries(ScalarSeries.EmployedPersons, City, year, value * 1e4, source);
                    break;
                default:
                    data.AddReported(new ReportedValue("labour_productivity", City, year, r["value"], source));
                    break;
            }
        }

        // Table 4: graduate retention as reported by 市教育局 (no counts are printed). 2020 equals the Table 6 base.
        foreach (var r in Csv.Read("plan/tables/table4-graduate-retention-2014-2021.csv").Where(r => r["year"] != "2020"))
        {
            data.AddReported(new ReportedValue("graduate_retention_rate", City, int.Parse(r["year"], CultureInfo.InvariantCulture), r["value"], Provenance.Observed("plan Table 4 (市教育局)")));
        }

        // Table 5: the main and sub-centre populations (万人), 2020.
        foreach (var r in Csv.Read("plan/tables/table5-metropolitan-centres-2020.csv").Where(r => r["indicator"] == "resident_population"))
        {
            var persons = double.Parse(r["value"], CultureInfo.InvariantCulture) * 1e4;
            data.AddPopulation(PopulationKind.Resident, r["zone_zh"], 2020, AgeSexCounts.BothSexes(new PopulationByAge(AllAges, [persons])), Provenance.Observed("plan Table 5"));
        }

        // Census 2010 county totals (2010 boundaries; 洞头县 is today's 洞头区) and 鹿城区 2020 by broad age group.
        foreach (var r in Csv.Read("wenzhou/census2010_county.csv").Where(r => r["indicator"] is "resident_population_rounded_100" && r["unit_name"] != "鹿城区"))
        {
            var name = r["unit_name"] == "洞头县 (old code)" ? "洞头区" : r["unit_name"];
            data.AddPopulation(PopulationKind.Resident, name, 2010, AgeSexCounts.BothSexes(new PopulationByAge(AllAges, [double.Parse(r["value"], CultureInfo.InvariantCulture)])), Provenance.Observed($"census 2010 county ({r["source_id"]})"));
        }

        var lucheng2010 = Csv.Read("wenzhou/census2010_county.csv").Single(r => r["unit_name"] == "鹿城区" && r["indicator"] == "resident_population");
        data.AddPopulation(PopulationKind.Resident, "鹿城区", 2010, AgeSexCounts.BothSexes(new PopulationByAge(AllAges, [double.Parse(lucheng2010["value"], CultureInfo.InvariantCulture)])), Provenance.Observed("census 2010 county (S06)"));
        var lucheng = Csv.Read("wenzhou/census2020_county.csv").Where(r => r["unit_name"] == "鹿城区").ToDictionary(r => r["indicator"], r => double.Parse(r["value"], CultureInfo.InvariantCulture));
        data.AddPopulation(PopulationKind.Resident, "鹿城区", 2020, AgeSexCounts.BothSexes(new PopulationByAge(BroadAges, [lucheng["age_0_14"], lucheng["age_15_59"], lucheng["age_60_plus"]])), Provenance.Observed("census 2020 鹿城区 bulletin (S06)"));
        return data;
    }
}
