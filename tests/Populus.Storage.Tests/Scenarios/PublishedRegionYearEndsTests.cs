using Populus.Planning.Scenarios;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Scenarios;

/// <summary>The regions' published year ends calibrate the scenarios' regions: the bureau's county figures of the data
/// folder on a new store, and a county's figure of a new year imported with the city's.</summary>
public sealed class PublishedRegionYearEndsTests
{
    private const string Bulletin = """
        year,region,survey,measure,sex,value,figure_kind,source_id
        2025,330300,annual_sample,population,total,9900000,observed,TEST25
        2025,330305,annual_sample,population,total,168000,observed,TEST25D
        """;

    [Fact]
    public void TheCountyFiguresOfTheDataFolder_CalibrateTheRegionsOfEveryYearTheyPublish()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        Assert.Equal([2021, 2022, 2023, 2024], monitor.PublishedRegionYearEnds.Select(y => y.Year));
        var all2021 = monitor.PublishedRegionYearEnds[0];
        Assert.Equal(monitor.Model.Counties.Count, all2021.Residents.Count);
        Assert.Equal(1_189_500, all2021.Residents["鹿城区"], 1e-6); // county_annual.csv: 118.95万 (S02)

        var projection = monitor.Projector.Project(monitor.Scenario("baseline"), 2025);
        var sum = all2021.Residents.Values.Sum();
        for (var c = 0; c < monitor.Model.Counties.Count; c++)
        {
            Assert.Equal(all2021.Residents[monitor.Model.Counties[c].Region] * projection.Total(2021) / sum, projection.Total(2021, c), 0.5);
        }

        // 洞头区's 2024 (16.17万, S28), at its share of the city's 985.2万 (derived, S17) of the scenario's 2024.
        var dongtou = monitor.Model.Counties.Select(c => c.Region).ToList().IndexOf("洞头区");
        var y2024 = monitor.PublishedRegionYearEnds[^1];
        Assert.Equal(9_852_000, y2024.CityResidents!.Value, 1e-6);
        Assert.Equal(161_700 * projection.Total(2024) / 9_852_000, projection.Total(2024, dongtou), 0.5);
    }

    /// <summary>Out of sample (docs/validation.md "Counties calibrated to their year ends"): the baseline of the scenario
    /// file calibrated to the counties' 2021 figures projects the ten counties' 2023 shares of the city closer to the
    /// published ones than with fixed migration shares, and calibrated to 2021–2023 the two counties' 2024 shares.</summary>
    [Fact]
    public void CalibratingToEarlierCountyFigures_ProjectsTheLaterOnesCloser()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        var baseline = ScenarioFile.Read(Path.Combine(TestData.RepoPath("data"), "scenarios")).Single(s => s.Name == "baseline");
        var regions = monitor.Model.Counties.Select(c => c.Region).ToList();
        ObservedRegionYearEnds Of(int year) => monitor.PublishedRegionYearEnds.Single(r => r.Year == year);
        double MeanError(IReadOnlyList<ObservedRegionYearEnds> calibratedTo, ObservedRegionYearEnds check)
        {
            var projection = monitor.Projector.Project(ScenarioCalibration.To(monitor.Projector, baseline, [], calibratedTo), check.Year);
            return check.Residents.Average(r => Math.Abs(projection.Total(check.Year, regions.IndexOf(r.Key)) / projection.Total(check.Year) / (r.Value / check.CityResidents!.Value) - 1));
        }

        Assert.True(MeanError([Of(2021)], Of(2023)) < MeanError([], Of(2023)), $"2023: {MeanError([Of(2021)], Of(2023)):P2} calibrated to 2021, {MeanError([], Of(2023)):P2} not");
        Assert.True(MeanError([Of(2021), Of(2022), Of(2023)], Of(2024)) < MeanError([], Of(2024)));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ACountysNewYearEnd_CalibratesItsRegionInEveryScenario(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Import("survey", TableFiles.Write(t.File("bulletin-2025.csv"), Bulletin));
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        var published = monitor.PublishedRegionYearEnds[^1];
        Assert.Equal((2025, 9_900_000.0, "TEST25D"), (published.Year, published.CityResidents!.Value, published.Source));
        Assert.Equal(168_000, Assert.Single(published.Residents, r => r.Key == "洞头区").Value, 1e-6);

        var dongtou = monitor.Model.Counties.Select(c => c.Region).ToList().IndexOf("洞头区");
        foreach (var name in monitor.Scenarios.Select(s => s.Name))
        {
            var projection = monitor.Projector.Project(monitor.Scenario(name), 2026);
            Assert.Equal(9_900_000, projection.Total(2025), 0.5);
            Assert.Equal(168_000, projection.Total(2025, dongtou), 0.5);
        }

        Assert.True(monitor.ReloadObserved(store));
        store.Import("survey", TableFiles.Write(t.File("yongjia-2025.csv"), """
            year,region,survey,measure,sex,value,figure_kind,source_id
            2025,330324,annual_sample,population,total,905000,observed,TEST25Y
            """));
        Assert.False(monitor.ReloadObserved(store)); // another county published: the scenarios' regions are calibrated again
    }

    [Fact]
    public void AnImplausibleCountyFigure_IsRefusedNamingIt()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        store.Import("survey", TableFiles.Write(t.File("typo.csv"), Bulletin.Replace("168000", "1680000", StringComparison.Ordinal)));
        var error = Assert.Single(Assert.Throws<InvalidInputException>(() => PlanMonitor.Load(store, TestData.RepoPath("data"))).Errors);
        Assert.StartsWith("observed figures (resident_population 洞头区 2025; TEST25D", error.File, StringComparison.Ordinal);
        Assert.Equal(("value", "1680000"), (error.Column, error.Value));
        Assert.Contains("洞头区", error.Reason, StringComparison.Ordinal);
        Assert.Contains("请核对数据", error.ReasonZh, StringComparison.Ordinal);
    }
}
