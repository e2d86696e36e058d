using System.Globalization;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Storage.PlanData;
using Populus.Storage.Scenarios;

namespace Populus.Storage.Tests.PlanData;

/// <summary>The store's census tables and year-end totals as planning data where the monitor's own figures leave a year open.</summary>
public class StorePopulationTests
{
    /// <summary>A published county figure (data/wenzhou/census2020_county.csv), read here on its own.</summary>
    private static double Census2020(string unit, string indicator) =>
        File.ReadLines(TestData.SharedPath("data/wenzhou/census2020_county.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == unit && f[3] == indicator).Select(f => double.Parse(f[4], CultureInfo.InvariantCulture)).Single();

    /// <summary>A county's year-end residents in 10k persons (data/wenzhou/county_annual.csv) and its source.</summary>
    private static (double Value, string Source) YearEnd(string unit, int year) => CountyAnnual(unit, year, "resident_population_yearend");

    /// <summary>A county's figure of a year (data/wenzhou/county_annual.csv), as printed there, and its source.</summary>
    private static (double Value, string Source) CountyAnnual(string unit, int year, string indicator) =>
        File.ReadLines(TestData.SharedPath("data/wenzhou/county_annual.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == year.ToString(CultureInfo.InvariantCulture) && f[1] == unit && f[3] == indicator)
            .Select(f => (double.Parse(f[4], CultureInfo.InvariantCulture), f[6])).Single();

    private static (IndicatorCatalogue Catalogue, RegionRegistry Regions) Plan(IPopulusStore store)
    {
        var regions = PlanningRegions.From(store);
        return (IndicatorCatalogue.Parse(File.ReadAllText(TestData.RepoPath("data/plan/indicator-catalogue.csv")), regions), regions);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ACountysCensusAndYearEndTotals_AnswerItsYears_WhileTheCitysReportedFiguresStand(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var (catalogue, regions) = Plan(store);
        var data = new InMemoryIndicatorData(catalogue);
        data.AddReported(new ReportedValue("resident_population", "330300", 2020, "957.29", Populus.Planning.Data.Provenance.Observed("plan Table 6 base 2020")));
        Assert.True(StorePopulation.Read(store.For(DataScope.All), regions).AddTo(data) > 0);
        var calculator = new IndicatorCalculator(catalogue, data);

        // 鹿城区 2020: computed from the census bulletin's broad groups (S06).
        var total = Census2020("330302", "resident_population");
        var residents = calculator.Compute("resident_population", "鹿城区", 2020);
        Assert.Equal(ValueBasis.Computed, residents.Basis);
        Assert.Equal(total / 10_000, residents.Value!.Value, 9);
        Assert.Contains("S06", residents.Provenance!.Source, StringComparison.Ordinal);
        // Every group of the table is a count of the bulletin's or the difference of two (60-64 = 60+ − 65+): observed.
        Assert.Equal(DataStatus.Observed, residents.Provenance.Status);
        var ageing = calculator.Compute("ageing_rate_60", "330302", 2020);
        Assert.Equal((100 * Census2020("330302", "age_60_plus") / total, DataStatus.Observed), (ageing.Value!.Value, ageing.Provenance!.Status));
        Assert.Equal(100 * Census2020("330302", "urban_population_fenxian") / total, calculator.Compute("urbanization_rate", "330302", 2020).Value!.Value, 9);

        // 2021, a year without a table: the annual survey's year-end totals (observed), residents without an age
        // structure, and 中心城区's the sum over its four members.
        var (yearEnd, source) = YearEnd("330302", 2021);
        var surveyed = calculator.Compute("resident_population", "330302", 2021);
        Assert.Equal((yearEnd, DataStatus.Observed), (surveyed.Value!.Value, surveyed.Provenance!.Status));
        Assert.StartsWith(source, surveyed.Provenance.Source, StringComparison.Ordinal);
        Assert.False(calculator.Compute("ageing_rate_60", "330302", 2021).HasValue);
        var centre = new[] { "330302", "330303", "330304", "330305" }.Sum(unit => YearEnd(unit, 2021).Value);
        Assert.Equal(centre, calculator.Compute("resident_population", "中心城区", 2021).Value!.Value, 9);

        // The city's 2020 census table (plan Table 3's groups) is the plan's 957.29万 to its printed digits: the same
        // count, so it joins the report and gives the year its age structure.
        var city = calculator.Compute("resident_population", "330300", 2020);
        Assert.Equal(957.29, city.Value!.Value, 0.005);
        Assert.Equal(DataStatus.Observed, city.Provenance!.Status);
        Assert.True(data.Population(PopulationKind.Resident, "330300", 2020).HasValue);
        // A report the table does not give (another count) stands, and the table is left out.
        var other = new InMemoryIndicatorData(catalogue);
        other.AddReported(new ReportedValue("resident_population", "330300", 2020, "958.1", Populus.Planning.Data.Provenance.Observed("TEST")));
        StorePopulation.Read(store.For(DataScope.All), regions).AddTo(other);
        Assert.False(other.Population(PopulationKind.Resident, "330300", 2020).HasValue);
        // A year the plan reports nothing for: the census's own table (plan Table 3, 2010) answers.
        Assert.True(data.Population(PopulationKind.Resident, "330300", 2010).HasValue);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void AYearsSurveyUrbanTotal_IsItsUrbanPopulation_JoiningAReportedRateItGives(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var (catalogue, regions) = Plan(store);
        var (urban, source) = CountyAnnual("330324", 2022, "urban_population");
        var residents = YearEnd("330324", 2022).Value;
        var (printed, _) = CountyAnnual("330324", 2022, "urbanization_rate");

        // 永嘉县 2022: no census table, the annual survey's urban and total residents (county_annual.csv); the reported
        // rate is their quotient to its printed digits, so the counts join it.
        foreach (var report in new double?[] { null, printed })
        {
            var data = new InMemoryIndicatorData(catalogue);
            if (report is { } rate)
            {
                data.AddReported(new ReportedValue("urbanization_rate", "330324", 2022, rate.ToString("0.0", CultureInfo.InvariantCulture), Populus.Planning.Data.Provenance.Observed(source)));
            }

            StorePopulation.Read(store.For(DataScope.All), regions).AddTo(data);
            var value = new IndicatorCalculator(catalogue, data).Compute("urbanization_rate", "永嘉县", 2022);
            Assert.Equal((100 * urban / residents, DataStatus.Observed, ValueBasis.Computed), (value.Value!.Value, value.Provenance!.Status, value.Basis));
            Assert.StartsWith(source, value.Provenance.Source, StringComparison.Ordinal);
        }

        // A reported rate the counts do not give stands.
        var other = new InMemoryIndicatorData(catalogue);
        other.AddReported(new ReportedValue("urbanization_rate", "330324", 2022, "61.0", Populus.Planning.Data.Provenance.Observed("TEST")));
        StorePopulation.Read(store.For(DataScope.All), regions).AddTo(other);
        Assert.False(other.Population(PopulationKind.Urban, "330324", 2022).HasValue);
        Assert.Equal(61.0, new IndicatorCalculator(catalogue, other).Compute("urbanization_rate", "永嘉县", 2022).Value!.Value);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ACountyReader_AddsItsOwnCountysFiguresOnly(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var (catalogue, regions) = Plan(store);

        var totals = store.For(DataScope.County("330302")).SurveyTotals(measure: "population");
        Assert.NotEmpty(totals);
        Assert.All(totals, s => Assert.Equal(("330302", "population"), (s.RegionCode, s.Measure)));
        Assert.Contains(store.For(DataScope.All).SurveyTotals(measure: "population"), s => s.RegionCode == "330303");

        var data = new InMemoryIndicatorData(catalogue);
        StorePopulation.Read(store.For(DataScope.County("330302")), regions).AddTo(data);
        Assert.True(data.Population(PopulationKind.Resident, "330302", 2021).HasValue);
        Assert.False(data.Population(PopulationKind.Resident, "330303", 2021).HasValue); // 龙湾区's 2021 total is stored, but not in the reader's scope
        Assert.False(data.Population(PopulationKind.Resident, "330326", 2020).HasValue); // nor 平阳县's census total
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void WithAVintage_ACountysAgesBetweenCensusesAreTheEstimates_ItsPublishedResidentsStayObserved(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Estimate(2023);
        var (catalogue, regions) = Plan(store);
        var data = new InMemoryIndicatorData(catalogue);
        StorePopulation.Read(store.For(DataScope.All), regions).AddTo(data);
        var calculator = new IndicatorCalculator(catalogue, data);

        // 2021: the vintage's year end gives 鹿城区's age structure, estimated.
        var cells = store.PopulationEstimates(2023, "330302").Where(e => e.ReferenceDate == new DateOnly(2021, 12, 31)).ToList();
        var over60 = cells.Where(e => int.Parse(e.Age.TrimEnd('+'), CultureInfo.InvariantCulture) >= 60).Sum(e => e.Persons);
        var ageing = calculator.Compute("ageing_rate_60", "330302", 2021);
        Assert.Equal(100 * over60 / cells.Sum(e => e.Persons), ageing.Value!.Value, 9);
        Assert.Equal(DataStatus.Estimated, ageing.Provenance!.Status);
        Assert.StartsWith("EST-V2023", ageing.Provenance.Source, StringComparison.Ordinal);
        // Its residents are the published year-end total, observed, before the estimate's sum.
        var residents = calculator.Compute("resident_population", "330302", 2021);
        Assert.Equal((YearEnd("330302", 2021).Value, ValueBasis.Reported, DataStatus.Observed), (residents.Value!.Value, residents.Basis, residents.Provenance!.Status));
        Assert.StartsWith("observed figure used; computed from estimated data (EST-V2023", residents.Note!.English, StringComparison.Ordinal);
        // The census year keeps the census's own table.
        Assert.StartsWith("S06", calculator.Compute("ageing_rate_60", "330302", 2020).Provenance!.Source, StringComparison.Ordinal);

        // A county reader reads its own county's estimates only.
        var scoped = store.For(DataScope.County("330302")).PopulationEstimates(2023);
        Assert.NotEmpty(scoped);
        Assert.All(scoped, e => Assert.Equal("330302", e.RegionCode));
        Assert.Equal([2023], store.For(DataScope.County("330302")).Vintages().Select(v => v.Vintage));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ACountysReportedBirthsAndDeaths_GiveItsFertilityInfantMortalityAndE0_WithTheVintagesPopulation(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Estimate(2023);
        // The health commission's births of 2023 by the mother's age and the child's sex, and deaths by age (test figures).
        var births = new[] { (15, 40.0, 36.0), (20, 600, 560), (25, 2100, 1900), (30, 1700, 1550), (35, 700, 640), (40, 150, 140), (45, 10, 9) };
        var rows = births.SelectMany(b => new[] { $"2023,330302,birth,male,{b.Item1}-{b.Item1 + 4},{b.Item2},observed,TEST", $"2023,330302,birth,female,{b.Item1}-{b.Item1 + 4},{b.Item3},observed,TEST" })
            .Concat(["2023,330302,death,total,0,21,observed,TEST", "2023,330302,death,total,1-4,9,observed,TEST", "2023,330302,death,total,5-84,3391,observed,TEST", "2023,330302,death,total,85+,2900,observed,TEST"])
            // 2022's deaths by single year of age, the vintage's own groups (0 … 99, 100+), both sexes: a Gompertz rate
            // (0.00005·e^0.1a, at most 0.8) on the vintage's residents at the end of 2022.
            .Concat(store.PopulationEstimates(2023, "330302").Where(e => e.ReferenceDate == new DateOnly(2022, 12, 31))
                .GroupBy(e => e.Age).Select(g => (g.Key, Persons: g.Sum(e => e.Persons)))
                .Select(a => $"2022,330302,death,total,{a.Key},{Math.Round(Math.Min(0.8, 0.00005 * Math.Exp(0.1 * int.Parse(a.Key.TrimEnd('+'), CultureInfo.InvariantCulture))) * a.Persons, 0).ToString(CultureInfo.InvariantCulture)},observed,TEST"));
        store.Import("vital-events", TableFiles.Write(t.File("events.csv"), "year,region,event,sex,age,count,figure_kind,source_id\n" + string.Join("\n", rows) + "\n"));
        var (catalogue, regions) = Plan(store);
        var data = new InMemoryIndicatorData(catalogue);
        StorePopulation.Read(store.For(DataScope.All), regions).AddTo(data);
        var calculator = new IndicatorCalculator(catalogue, data);

        // TFR = Σ 5 × births / women of each group, the women from the vintage's 31 December 2023.
        var women = store.PopulationEstimates(2023, "330302").Where(e => e.ReferenceDate == new DateOnly(2023, 12, 31) && e.Sex == "female")
            .ToDictionary(e => int.Parse(e.Age.TrimEnd('+'), CultureInfo.InvariantCulture), e => e.Persons);
        var expected = births.Sum(b => 5 * (b.Item2 + b.Item3) / Enumerable.Range(b.Item1, 5).Sum(a => women[a]));
        var tfr = calculator.Compute("total_fertility_rate", "330302", 2023);
        Assert.Equal(expected, tfr.Value!.Value, 9);
        Assert.Equal(DataStatus.Estimated, tfr.Provenance!.Status); // observed births over estimated women
        Assert.Equal(100 * births.Sum(b => b.Item2) / births.Sum(b => b.Item3), calculator.Compute("sex_ratio_at_birth", "330302", 2023).Value!.Value, 9);
        Assert.Equal(1000 * 21 / births.Sum(b => b.Item2 + b.Item3), calculator.Compute("infant_mortality", "330302", 2023).Value!.Value, 9);
        // Deaths on the population's own single years give e0 (of both sexes: no sex split here).
        var e0 = calculator.Compute("life_expectancy", "330302", 2022);
        Assert.True(e0.HasValue, e0.Note?.English);
        Assert.InRange(e0.Value!.Value, 60, 95);
        Assert.Contains("TEST", e0.Provenance!.Source, StringComparison.Ordinal);
        Assert.Contains("EST-V2023", e0.Provenance.Source, StringComparison.Ordinal);
        Assert.False(calculator.Compute("life_expectancy", "330302", 2023).HasValue); // deaths in groups unlike the population's
        // No other county's.
        Assert.False(calculator.Compute("total_fertility_rate", "330303", 2023).HasValue);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void WithAVintage_TheCitysFertilityBetweenCensuses_IsEstimatedFromThePublishedBirths_NotItsSexRatioNorACountysNorAYearWithoutBirths(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Estimate(2024);
        var (catalogue, regions) = Plan(store);
        var data = new InMemoryIndicatorData(catalogue);
        StorePopulation.Read(store.For(DataScope.All), regions).AddTo(data);
        var calculator = new IndicatorCalculator(catalogue, data);

        // 2023: the bureau's 5.25万 births (wenzhou_annual.csv) over the mothers' ages, and the women of the year end.
        var published = File.ReadLines(TestData.SharedPath("data/wenzhou/wenzhou_annual.csv")).Skip(1).Select(l => l.Split(','))
            .Single(f => f[0] == "2023" && f[1] == "births");
        var births = store.ComponentEstimates(2024, "330300").Where(c => c.Component == "births" && c.PeriodStart == new DateOnly(2023, 1, 1))
            .GroupBy(c => int.Parse(c.Age, CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Sum(c => c.Persons));
        Assert.Equal(double.Parse(published[2], CultureInfo.InvariantCulture) * 1e4, births.Values.Sum(), 6);
        var women = store.PopulationEstimates(2024, "330300").Where(e => e.ReferenceDate == new DateOnly(2023, 12, 31) && e.Sex == "female")
            .ToDictionary(e => int.Parse(e.Age.TrimEnd('+'), CultureInfo.InvariantCulture), e => e.Persons);
        var tfr = calculator.Compute("total_fertility_rate", "330300", 2023);
        Assert.Equal(births.Sum(b => b.Value / women[b.Key]), tfr.Value!.Value, 9);
        Assert.Equal(DataStatus.Estimated, tfr.Provenance!.Status);
        Assert.StartsWith("EST-V2024", tfr.Provenance.Source, StringComparison.Ordinal);
        // 2021 and 2022 likewise (a count, then a crude rate). The census year's period (1 November to 31 December) is
        // not a year's births: 2020 is left to the plan's reported base.
        Assert.All(new[] { 2021, 2022 }, y => Assert.Equal(DataStatus.Estimated, calculator.Compute("total_fertility_rate", "330300", y).Provenance!.Status));
        Assert.False(calculator.Compute("total_fertility_rate", "330300", 2020).HasValue);

        // The child's sex is the standard ratio, a county's share of births the standard schedule, and 2024's births
        // the kept fertility (projected): none of them is a measurement, so none gives a figure here.
        Assert.False(calculator.Compute("sex_ratio_at_birth", "330300", 2023).HasValue);
        Assert.False(calculator.Compute("total_fertility_rate", "330302", 2023).HasValue);
        Assert.False(calculator.Compute("total_fertility_rate", "330300", 2024).HasValue);
    }

    [Fact]
    public void ThePlanMonitor_JudgesACountyOnItsPublishedFigures_AndTheCityOnTheBureaus()
    {
        var folder = Directory.CreateTempSubdirectory("populus-published-").FullName;
        try
        {
            using var store = PopulusStore.Open(Path.Combine(folder, "store.duckdb"));
            var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
            var (yearEnd, _) = YearEnd("330302", 2023);
            var county = monitor.Calculator.Compute("resident_population", "鹿城区", 2023);
            Assert.Equal((yearEnd, DataStatus.Observed), (county.Value!.Value, county.Provenance!.Status));

            var bureau = File.ReadLines(TestData.SharedPath("data/wenzhou/wenzhou_annual.csv")).Skip(1).Select(l => l.Split(','))
                .Single(f => f[0] == "2023" && f[1] == "resident_population_yearend");
            var city = monitor.Calculator.Compute("resident_population", "温州市", 2023);
            Assert.Equal(double.Parse(bureau[2], CultureInfo.InvariantCulture), city.Value!.Value);

            // 2021: the county table gives every unit's year-end residents, so the central city's primacy is observed,
            // not projected: 中心城区's four members over the city's total (the bureau's, the same count).
            var centre = new[] { "330302", "330303", "330304", "330305" }.Sum(unit => YearEnd(unit, 2021).Value);
            var primacy = monitor.Calculator.Compute("central_city_primacy", "温州市", 2021);
            Assert.Equal(100 * centre / YearEnd("330300", 2021).Value, primacy.Value!.Value, 9);
            Assert.NotEqual(DataStatus.Projected, primacy.Provenance!.Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void BirthsOfOneSexOnly_SayTheOtherIsMissing_NotThatThereAreNoBirths(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        // 洞头区's male births of 2022 only (test figures): the female ones were not imported.
        store.Import("vital-events", TableFiles.Write(t.File("male-births.csv"), "year,region,event,sex,age,count,figure_kind,source_id\n" +
            "2022,330305,birth,male,15-29,300,observed,TEST\n2022,330305,birth,male,30-49,250,observed,TEST\n"));
        var (catalogue, regions) = Plan(store);
        var data = new InMemoryIndicatorData(catalogue);
        StorePopulation.Read(store.For(DataScope.All), regions).AddTo(data);

        var srb = new IndicatorCalculator(catalogue, data).Compute("sex_ratio_at_birth", "330305", 2022);
        Assert.Null(srb.Value);
        Assert.Contains("male births of 洞头区 in 2022 but not the female ones", srb.Note!.English, StringComparison.Ordinal);
        Assert.Contains("洞头区2022年的出生数只有男性，缺女性", srb.Note.Chinese, StringComparison.Ordinal);
    }
}
