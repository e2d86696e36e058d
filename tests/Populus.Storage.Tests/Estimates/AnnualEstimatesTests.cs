using Populus.Demography.Estimation;

namespace Populus.Storage.Tests.Estimates;

public class AnnualEstimatesTests
{
    private static readonly string[] Counties =
        ["330302", "330303", "330304", "330305", "330324", "330326", "330327", "330328", "330329", "330381", "330382", "330383"];

    private static double Sum(IEnumerable<PopulationEstimateFigure> rows, DateOnly date, string region) =>
        rows.Where(r => r.ReferenceDate == date && r.RegionCode == region).Sum(r => r.Persons);

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Vintage_MeetsThePublishedTotalsAndEvents_AndBalancesItsComponents(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var vintage = store.Estimate(2021);
        Assert.Equal(new DateOnly(2021, 12, 31), vintage.LastDate);

        var population = store.PopulationEstimates(2021);
        var end2020 = new DateOnly(2020, 12, 31);
        var end2021 = new DateOnly(2021, 12, 31);
        Assert.Equal(9_572_903, Sum(population, new DateOnly(2020, 11, 1), "330300"), 1e-3);
        Assert.Equal(9_587_000, Sum(population, end2020, "330300"), 1e-3);
        Assert.Equal(9_645_000, Sum(population, end2021, "330300"), 1e-3);
        // The full 2021 county table (S02) is met unit by unit, and the units add up to the city.
        Assert.Equal(1_189_500, Sum(population, end2021, "330302"), 1e-3);
        Assert.Equal(266_400, Sum(population, end2021, "330329"), 1e-3);
        Assert.Equal(Sum(population, end2021, "330300"), Counties.Sum(c => Sum(population, end2021, c)), 1e-3);

        var components = store.ComponentEstimates(2021, "330300").Where(c => c.PeriodEnd == end2021).ToList();
        var births = components.Where(c => c.Component == "births").Sum(c => c.Persons);
        var deaths = components.Where(c => c.Component == "deaths").Sum(c => c.Persons);
        var migration = components.Where(c => c.Component == "net_migration").Sum(c => c.Persons);
        Assert.Equal(65_000, births, 1e-3);
        Assert.Equal(57_000, deaths, 1e-3);
        Assert.Equal(Sum(population, end2021, "330300"), Sum(population, end2020, "330300") + births - deaths + migration, 1e-3);

        Assert.All(population, p => Assert.Equal(FigureKind.Estimated, p.Provenance.Kind));
        Assert.All(population, p => Assert.True(p.Persons >= 0));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Vintages_AreKept_AndNotChangedUnlessAsked(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Estimate(2021);
        var first = store.PopulationEstimates(2021, "330302");
        store.Estimate(2024);

        Assert.Equal([2021, 2024], store.Vintages().Select(v => v.Vintage));
        Assert.Equal(first.Select(f => f.Persons), store.PopulationEstimates(2021, "330302").Select(f => f.Persons));
        var refused = Assert.Throws<InvalidOperationException>(() => store.Estimate(2021));
        Assert.Contains("--replace", refused.Message, StringComparison.Ordinal);
        store.Estimate(2021, replace: true);
        Assert.Equal(first.Count, store.PopulationEstimates(2021, "330302").Count);

        // 2024 publishes only a derived total: the notes say which fallbacks were taken.
        var notes = store.PopulationEstimates(2024, "330300").First(p => p.ReferenceDate == new DateOnly(2024, 12, 31)).Provenance.Note!;
        Assert.Contains("deaths: none published", notes, StringComparison.Ordinal);
        Assert.Contains("itself estimated", notes, StringComparison.Ordinal);
        var inputs = store.Vintages()[1].Inputs;
        Assert.Contains("2022: end population: published 9679000", inputs, StringComparison.Ordinal);
        Assert.Contains("deaths: no count published; death rate 6‰", inputs, StringComparison.Ordinal);
        // Its births and deaths, the previous year's fertility and mortality carried on, are projected; its year end,
        // whose total is met, and its migration stay estimated. 2022's, fitted to published rates, are estimated.
        var components = store.ComponentEstimates(2024, "330300");
        FigureKind KindOf(int year, string component) =>
            components.Where(c => c.PeriodStart == new DateOnly(year, 1, 1) && c.Component == component).Select(c => c.Provenance.Kind).Distinct().Single();
        Assert.Equal((FigureKind.Projected, FigureKind.Projected, FigureKind.Estimated), (KindOf(2024, "births"), KindOf(2024, "deaths"), KindOf(2024, "net_migration")));
        Assert.Equal((FigureKind.Estimated, FigureKind.Estimated), (KindOf(2022, "births"), KindOf(2022, "deaths")));
        Assert.All(store.PopulationEstimates(2024, "330300"), p => Assert.Equal(FigureKind.Estimated, p.Provenance.Kind));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void VintageOutsideTheData_IsRefused(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ComputeEstimates(2019));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ComputeEstimates(2030));
        Assert.Empty(store.Vintages());
    }

    [Fact]
    public void Independent2021CountyEstimates_ComeWithinTwoPercentOfThePublishedTable()
    {
        // Not calibrated to the county table: each unit's 2021 total follows from its base, the city's rates and a
        // share of net migration in proportion to its population. The published table (S02) is the check.
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        var series = store.ComputeEstimates(2021, calibrateCounties: false);
        var published = Counties.ToDictionary(c => c, c => store.SurveyTotals(c, 2021).Single(s => s.Measure == "population").Value);
        var errors = Counties.Select(c => (series.Total(c, 2021) - published[c]) / published[c]).ToList();
        Assert.All(errors, e => Assert.InRange(e, -0.02, 0.02));
        Assert.Equal(9_645_000, series.Total("330300", 2021), 1e-3);
        Assert.Equal(65_000, PeriodEstimate.Total(series.Periods[1].Births), 1e-3);
    }
}
