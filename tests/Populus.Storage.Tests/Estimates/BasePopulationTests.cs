using Populus.Demography;

namespace Populus.Storage.Tests.Estimates;

public class BasePopulationTests
{
    private static readonly DateOnly Census = new(2020, 11, 1);

    private static readonly string[] Counties =
        ["330302", "330303", "330304", "330305", "330324", "330326", "330327", "330328", "330329", "330381", "330382", "330383"];

    private static double Sum(PopulationByAgeSex p, int from, int? to, Sex? sex = null)
    {
        var total = 0.0;
        foreach (var s in sex is { } one ? new[] { one } : SexCodes.All)
        {
            for (var age = from; age < (to ?? p.Ages.Count); age++)
            {
                total += p[s][age];
            }
        }

        return total;
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void CityBase_MeetsTheCensusAgeGroups_OnSingleYears(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        Assert.True(store.SchemaVersion >= 3);

        var city = store.SingleYearPopulation("330300", Census)!;
        Assert.Equal(AgeGroups.SingleYear(100), city.Ages);
        Assert.Equal(1_462_497, Sum(city, 0, 15), 1e-3);
        Assert.Equal(6_530_697, Sum(city, 15, 60), 1e-3);
        Assert.Equal(1_579_709, Sum(city, 60, null), 1e-3);
        Assert.Equal(9_572_903, city.Total(), 1e-3);

        var rows = store.Population("330300", 2020).Where(r => r.ReferenceDate == Census && r.Sex != "total").ToList();
        Assert.Equal(202, rows.Count);
        Assert.All(rows, r => Assert.Equal(FigureKind.Estimated, r.Provenance.Kind));
        Assert.All(rows, r => Assert.Contains("calibrated", r.Provenance.Note, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Counties_AddUpToTheCityInEveryCell_AndMeetTheirPublishedFigures(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var city = store.SingleYearPopulation("330300", Census)!;
        var counties = Counties.ToDictionary(c => c, c => store.SingleYearPopulation(c, Census)!);

        for (var age = 0; age <= 100; age++)
        {
            Assert.Equal(city.Male[age], counties.Values.Sum(p => p.Male[age]), 1e-6 * Math.Max(1, city.Male[age]));
            Assert.Equal(city.Female[age], counties.Values.Sum(p => p.Female[age]), 1e-6 * Math.Max(1, city.Female[age]));
        }

        // 鹿城区's own bulletin: sex and broad age groups, 65+ nested in 60+.
        var lucheng = counties["330302"];
        Assert.Equal(1_167_164, lucheng.Total(), 1e-3);
        Assert.Equal(607_675, Sum(lucheng, 0, null, Sex.Male), 1e-3);
        Assert.Equal(150_080, Sum(lucheng, 0, 15), 1e-3);
        Assert.Equal(829_245, Sum(lucheng, 15, 60), 1e-3);
        Assert.Equal(187_839, Sum(lucheng, 60, null), 1e-3);
        Assert.Equal(129_354, Sum(lucheng, 65, null), 1e-3);

        // 《分县资料》 totals of the five other published units.
        Assert.Equal(863_088, counties["330326"].Total(), 1e-3);
        Assert.Equal(1_452_707, counties["330382"].Total(), 1e-3);
        Assert.Equal(464_732, counties["330383"].Total(), 1e-3);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void UnpublishedCountyTotals_AreTheResidualSharedBy2021YearEnd_MarkedEstimated(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        string[] unpublished = ["330303", "330304", "330305", "330324", "330328", "330381"];
        double[] yearEnd2021 = [732_900, 978_200, 150_300, 870_000, 288_500, 1_525_800];
        var residual = 9_572_903.0 - (1_167_164 + 863_088 + 843_962 + 265_980 + 1_452_707 + 464_732);

        for (var i = 0; i < unpublished.Length; i++)
        {
            var total = store.Population(unpublished[i], 2020).Single(r => r.ReferenceDate == Census && r.Sex == "total" && r.Age == "total");
            Assert.Equal(FigureKind.Estimated, total.Provenance.Kind);
            Assert.Contains("not published", total.Provenance.Note, StringComparison.Ordinal);
            Assert.Equal(residual * yearEnd2021[i] / yearEnd2021.Sum(), total.Persons, 1e-6);
        }

        var published = store.Population("330326", 2020).Single(r => r.ReferenceDate == Census && r.Sex == "total" && r.Age == "total" && r.Residence == "total");
        Assert.Equal(FigureKind.Observed, published.Provenance.Kind);
        Assert.Equal("S07a", published.Provenance.SourceId);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void PublishedFigures_AreStoredOnce_WithTheMoreTrustedSource(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();

        var city2021 = store.SurveyTotals("330300", 2021).ToDictionary(s => s.Measure);
        Assert.Equal(9_645_000, city2021["population"].Value);
        Assert.Equal(7_018_000, city2021["urban_population"].Value);
        Assert.Equal(65_000, city2021["births"].Value);

        // 龙湾 2023: the district's own page (S25, high) over a truncated repost (S24, low-medium).
        var longwan = store.SurveyTotals("330303", 2023).Single(s => s.Measure == "population");
        Assert.Equal(738_900, longwan.Value);
        Assert.Equal("S25", longwan.Provenance.SourceId);
        Assert.Contains("S24 gives 74.81", longwan.Provenance.Note, StringComparison.Ordinal);

        // 2024 is a derived total (2023 + reported change): stored as estimated.
        var y2024 = store.SurveyTotals("330300", 2024).Single(s => s.Measure == "population");
        Assert.Equal(FigureKind.Estimated, y2024.Provenance.Kind);

        Assert.Equal(6.0, store.Indicators("birth_rate", "330300").Single(i => i.Year == 2022).Value);
        // 鹿城: the bulletin (S06) over 《分县资料》 (S07f, 1 person more).
        var lucheng = store.Population("330302", 2020).Single(r => r.Sex == "total" && r.Age == "total" && r.Residence == "total");
        Assert.Equal(("S06", 1_167_164.0), (lucheng.Provenance.SourceId, lucheng.Persons));
    }
}
