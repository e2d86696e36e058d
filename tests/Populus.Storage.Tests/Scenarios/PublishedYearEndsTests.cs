using Populus.Planning.Scenarios;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Scenarios;

/// <summary>A year end the bureau publishes after the data folder's annual file, imported into the store: monitoring
/// moves to it — the scenarios are calibrated to it, levers hold from the year after, the trajectories part there —
/// and a server learns of it from the import (<see cref="PlanMonitor.ReloadObserved"/>).</summary>
public sealed class PublishedYearEndsTests
{
    private const string City = "330300";

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ANewYearEnd_CalibratesTheScenarios_AndMovesWhereLeversAndTrajectoriesStart(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var before = PlanMonitor.Load(store, TestData.RepoPath("data"));
        Assert.Empty(before.PublishedYearEnds);
        Assert.Equal(2024, before.LastObservedYear);

        store.Import("survey", TableFiles.Write(t.File("bulletin-2025.csv"), """
            year,region,survey,measure,sex,value,figure_kind,source_id
            2025,330300,annual_sample,population,total,9900000,observed,TEST25
            2025,330300,annual_sample,births,total,51000,observed,TEST25
            """));
        store.Import("indicators", TableFiles.Write(t.File("urbanization-2025.csv"), """
            year,region,indicator,value,unit,department,figure_kind,source_id
            2025,330300,urbanization_rate,76.1,%,温州市统计局,observed,TEST25U
            """));
        Assert.False(before.ReloadObserved(store)); // the monitor loaded before is calibrated to other years: load it again
        var withoutGrowth = PlanMonitor.Load(store, TestData.RepoPath("data"));
        store.Import("indicators", TableFiles.Write(t.File("growth-2025.csv"), """
            year,region,indicator,value,unit,department,figure_kind,source_id
            2025,330300,natural_growth_rate,-1.2,per mille,温州市统计局,observed,TEST25U
            """));
        Assert.False(withoutGrowth.ReloadObserved(store)); // the same year end, another migration spread

        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        var published = Assert.Single(monitor.PublishedYearEnds);
        Assert.Equal(new ObservedYearEnd(2025, 9_900_000, 51_000, 76.1, "TEST25, TEST25U"), published);
        Assert.Equal(2025, monitor.LastObservedYear);
        Assert.Equal(2026, monitor.LeversFrom);
        Assert.Equal(2025, monitor.Uncertainty.BaseYear);
        Assert.True(monitor.ReloadObserved(store)); // nothing new

        // The city's migration spread is measured again with the year: its residual from 2024's year end (the annual
        // file's 985.2万) to 2025's, less the natural growth.
        Assert.DoesNotContain(2025, before.MigrationSpread!.Rates.Select(r => r.Year));
        var (year, rate) = monitor.MigrationSpread!.Rates[^1];
        Assert.Equal(2025, year);
        Assert.Equal(Demography.Stochastic.ResidualMigration.Rate(985.2, 990, -1.2), rate, 12);
        Assert.Equal(before.MigrationSpread.Rates.Count + 1, monitor.MigrationSpread.Rates.Count);

        // Every scenario meets the year end; a lever moves the years after it only.
        foreach (var name in monitor.Scenarios.Select(s => s.Name))
        {
            var scenario = monitor.Scenario(name);
            Assert.Equal(9_900_000, monitor.Projector.Project(scenario, 2025).Total(2025), 0.5);
            var moved = scenario.With(new ScenarioLevers(NetMigration: 150_000));
            Assert.Equal(scenario.At(ScenarioAssumption.NetMigration, 2025), moved.At(ScenarioAssumption.NetMigration, 2025));
            Assert.Equal(150_000, moved.At(ScenarioAssumption.NetMigration, 2026));
        }

        // The trajectories share 2025, the published year, and spread after it.
        var run = monitor.RunTrajectories(monitor.Scenario("baseline"), [City], 2030, 40, PlanMonitor.DefaultSeed, pyramid: false);
        Assert.All(run.Values("resident_population", City, 2025), v => Assert.Equal(990, v, 1e-4));
        var spread = run.Values("resident_population", City, 2030);
        Assert.True(spread.Max() - spread.Min() > 1, $"2030: {spread.Min()}–{spread.Max()}");
    }

    [Fact]
    public void BirthsFromTheBureausRate_WhenNoCountIsPublished()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        store.Import("survey", TableFiles.Write(t.File("bulletin-2025.csv"), """
            year,region,survey,measure,sex,value,figure_kind,source_id
            2025,330300,annual_sample,population,total,9900000,observed,TEST25
            """));
        store.Import("indicators", TableFiles.Write(t.File("rates-2025.csv"), """
            year,region,indicator,value,unit,department,figure_kind,source_id
            2025,330300,birth_rate,5.2,per mille,温州市统计局,observed,TEST25R
            """));
        var published = Assert.Single(PlanMonitor.Load(store, TestData.RepoPath("data")).PublishedYearEnds);
        // The store's 2024 year end (seeded from the bulletins: 985.2万) and 2025's, averaged.
        var start = store.SurveyTotals(City, 2024).Single(s => s.Survey == "annual_sample" && s.Measure == "population" && s.Sex == "total").Value;
        Assert.Equal(5.2 / 1000 * (start + 9_900_000) / 2, published.Births!.Value, 1e-6);
        Assert.Null(published.UrbanPercent);
        Assert.Equal("TEST25, TEST25R", published.Source);
    }

    /// <summary>A year end ten times too large, births ten times too many: each is refused naming itself and the level it needs.</summary>
    [Theory]
    [InlineData("99000000", null, "population", "99000000", "net_migration")]
    [InlineData("9900000", "510000", "births", "510000", "tfr")]
    public void AnImplausibleFigure_IsRefusedNamingIt(string residents, string? births, string column, string value, string level)
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        store.Import("survey", TableFiles.Write(t.File("typo.csv"),
            "year,region,survey,measure,sex,value,figure_kind,source_id\n" + $"2025,330300,annual_sample,population,total,{residents},observed,TYPO\n" +
            (births is null ? "" : $"2025,330300,annual_sample,births,total,{births},observed,TYPO\n")));
        var error = Assert.Single(Assert.Throws<InvalidInputException>(() => PlanMonitor.Load(store, TestData.RepoPath("data"))).Errors);
        Assert.Equal(("store survey_total (annual_sample 2025)", column, value), (error.File, error.Column, error.Value));
        Assert.Contains(level, error.Reason, StringComparison.Ordinal);
        Assert.Contains("TYPO", error.Reason, StringComparison.Ordinal);
        Assert.Contains("请核对数据", error.ReasonZh, StringComparison.Ordinal);
    }
}
