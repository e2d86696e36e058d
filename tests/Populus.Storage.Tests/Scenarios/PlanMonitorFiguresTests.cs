using System.Globalization;
using Populus.Planning.Data;
using Populus.Planning.Targets;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Scenarios;

/// <summary>What plan monitoring reads besides the base values: the plan's published tables, the store's census and
/// survey tables for the years the plan reports, the bureau's GDP, and the graduates and talent intake counted from the
/// departments' records.</summary>
public class PlanMonitorFiguresTests
{
    /// <summary>The rows of a data file, split on commas (the files read here quote no field before the value): the
    /// plan's in the repository, the bureau's in the shared data.</summary>
    private static List<string[]> Rows(string path) =>
        [.. File.ReadLines(path.StartsWith("data/plan/", StringComparison.Ordinal) ? TestData.RepoPath(path) : TestData.SharedPath(path)).Skip(1).Select(l => l.Split(','))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Plan Table 1's figure of an indicator in a year (GDP in 亿元, employed persons in 万人).</summary>
    private static double Table1(string indicator, int year) =>
        Number(Rows("data/plan/tables/table1-labour-productivity-2015-2020.csv").Single(f => f[1] == year.ToString(CultureInfo.InvariantCulture) && f[2] == indicator)[4]);

    /// <summary>Plan Table 4's graduate retention rate of a year (市教育局).</summary>
    private static double Table4(int year) =>
        Number(Rows("data/plan/tables/table4-graduate-retention-2014-2021.csv").Single(f => f[1] == year.ToString(CultureInfo.InvariantCulture))[4]);

    /// <summary>The bureau's annual figure (data/wenzhou/wenzhou_annual.csv).</summary>
    private static double Annual(string indicator, int year) =>
        Number(Rows("data/wenzhou/wenzhou_annual.csv").Single(f => f[0] == year.ToString(CultureInfo.InvariantCulture) && f[1] == indicator)[2]);

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ThePlansTables1And4_AreObservedFigures_AndTheBureausGdpASeries(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));

        // Labour productivity = GDP / employed persons, both from Table 1 (the printed 2015–2018 quotients are rotated).
        foreach (var year in Enumerable.Range(2015, 6))
        {
            var productivity = monitor.Calculator.Compute("labour_productivity", "温州市", year);
            Assert.Equal(Table1("gdp", year) * 1e8 / (Table1("employed_persons", year) * 1e4) / 1e4, productivity.Value!.Value, 9);
            Assert.Equal(DataStatus.Observed, productivity.Provenance!.Status);
            Assert.Contains("Table 1", productivity.Provenance.Source, StringComparison.Ordinal);
        }

        // Graduate retention as Table 4 prints it (市教育局), 2020 being Table 6's base value (the same 37.85).
        foreach (var row in Rows("data/plan/tables/table4-graduate-retention-2014-2021.csv"))
        {
            var rate = monitor.Calculator.Compute("graduate_retention_rate", "温州市", int.Parse(row[1], CultureInfo.InvariantCulture));
            Assert.Equal((Number(row[4]), DataStatus.Observed), (rate.Value!.Value, rate.Provenance!.Status));
            Assert.Contains(row[1] == "2020" ? "Table 6" : "温州市教育局", rate.Provenance.Source, StringComparison.Ordinal);
        }

        // The evaluation's latest value is Table 4's last year, not the base year's.
        var target = monitor.Plan.Book.For("graduate_retention_rate").First(t => t.Year == 2025);
        var evaluation = new TargetEvaluator(monitor.Calculator).Evaluate(monitor.Plan.Book, target, "温州市", 2024, null);
        Assert.Equal((2021, Table4(2021)), (evaluation.Latest!.Year, evaluation.Latest.Value!.Value));

        // 2022: the bureau's GDP is read (stored from wenzhou_annual.csv); only employed persons are missing.
        Assert.Equal(Annual("gdp", 2022) * 1e8, monitor.Observed.Series("gdp", "温州市", 2022).Value);
        var missing = monitor.Calculator.Compute("labour_productivity", "温州市", 2022);
        Assert.False(missing.HasValue);
        Assert.DoesNotContain("no gdp", missing.Note!.English, StringComparison.Ordinal);
        Assert.Contains("no employed_persons", missing.Note.English, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void TheCensusAndSurveyTablesOfTheYearsThePlanReports_GiveTheirAgeStructure_BeforeAnEstimate(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var table3 = Rows("data/plan/tables/table3-age-structure-2010-2020.csv");
        var labour2020 = Number(table3.Single(f => f[1] == "2020" && f[3] == "15-59" && f[5] == "population")[7]);

        void Check(PlanMonitor monitor)
        {
            // 2020: plan Table 3's 15–59 (the census, observed), though the plan reports the year's residents (957.29万).
            var labour = monitor.Calculator.Compute("labour_force_15_59", "温州市", 2020);
            Assert.Equal((labour2020 / 10_000, DataStatus.Observed), (labour.Value!.Value, labour.Provenance!.Status));
            Assert.Contains("表3", labour.Provenance.Source, StringComparison.Ordinal);

            // 2015: the 1% survey's groups 0–14 / 15–64 / 65+ (wenzhou_annual.csv), though the bureau reports the year's residents.
            var ageing = monitor.Calculator.Compute("ageing_rate_65", "温州市", 2015);
            Assert.Equal((100 * Annual("age_65_plus", 2015) / Annual("resident_population_yearend", 2015), DataStatus.Observed),
                (ageing.Value!.Value, ageing.Provenance!.Status));
            var dependency = monitor.Calculator.Compute("dependency_ratio_un", "温州市", 2015);
            Assert.Equal(100 * (Annual("age_0_14", 2015) + Annual("age_65_plus", 2015)) / Annual("age_15_64", 2015), dependency.Value!.Value, 9);
        }

        Check(PlanMonitor.Load(store, TestData.RepoPath("data")));
        // With a vintage of the annual estimates, the census still comes first (an observation before an estimate).
        store.Estimate(2024);
        Check(PlanMonitor.Load(store, TestData.RepoPath("data")));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void WithAVintage_TheTfrTargetsChangeNeeded_CountsFromTheLatestEstimate_NotThePlansBaseYear(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        TargetEvaluation Tfr2025(PlanMonitor monitor)
        {
            var target = monitor.Plan.Book.HeldAgainst(monitor.Model.City).Single(x => x.IndicatorId == "total_fertility_rate" && x.Year == 2025);
            var projected = Planning.Scenarios.ScenarioIndicatorData.Indicators(monitor.Projector.Project(monitor.Scenario("baseline"), 2035), monitor.Plan.Catalogue);
            return new TargetEvaluator(monitor.Calculator).Evaluate(monitor.Plan.Book, target, monitor.Model.City, 2024, projected);
        }

        // Without one, the latest TFR is the plan's 2020 base (observed, 卫健部门口径).
        var before = Tfr2025(PlanMonitor.Load(store, TestData.RepoPath("data")));
        Assert.Equal((2020, DataStatus.Observed), (before.Latest!.Year, before.Latest.Provenance!.Status));

        // With one, 2023's TFR from the published births (estimated) is the latest; 2024 has no published births.
        store.Estimate(2024);
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        var after = Tfr2025(monitor);
        Assert.Equal((2023, DataStatus.Estimated), (after.Latest!.Year, after.Latest.Provenance!.Status));
        Assert.Equal((after.Target.Rule.Band!.Value.Lower - after.Latest.Value!.Value) / 2, after.RequiredAnnualChange!.Value, 12);
        // The census year still shows the plan's base, an observation before any estimate.
        var base2020 = monitor.Calculator.Compute("total_fertility_rate", "温州市", 2020);
        Assert.Equal((before.Latest.Value, DataStatus.Observed), (base2020.Value, base2020.Provenance!.Status));
    }

    [Fact]
    public void ALever_HoldsFromTheYearAfterTheLastObserved_LeavingTheYearsTheScenarioIsCalibratedTo()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        // The bureau's last year-end residents (wenzhou_annual.csv) close the observed years.
        var last = Rows("data/wenzhou/wenzhou_annual.csv").Where(f => f[1] == "resident_population_yearend").Max(f => int.Parse(f[0], CultureInfo.InvariantCulture));
        Assert.Equal(last + 1, monitor.LeversFrom);
        var baseline = monitor.Scenario("baseline");
        Assert.Equal(last + 1, baseline.LeversFrom);

        var own = monitor.Projector.Project(baseline, 2030);
        var own2024 = own.Total(last);
        var births = own.Levels(last).Births;
        var moved = monitor.Projector.Project(baseline.With(new Planning.Scenarios.ScenarioLevers(TotalFertility: 1.8, NetMigration: 0)), 2030);
        Assert.Equal((own2024, births), (moved.Total(last), moved.Levels(last).Births));
        Assert.True(moved.Levels(last + 1).Births > 1.5 * own.Levels(last + 1).Births);
        Assert.Contains($"from {last + 1}", moved.Scenario.Name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ImportedGraduatesAndTalentIntake_ReachTheIndicators_OnLoadAndReload_BehindTheObservedTable4(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        Assert.False(monitor.Calculator.Compute("graduate_retention_rate", "温州市", 2022).HasValue);

        // The examples (2021, marked estimated) and observed records of 2022: 5 graduates, 2 employed locally; 3 taken in, 2 graduates.
        store.Import("graduates", TestData.RepoPath("data/examples/graduates.csv"));
        store.Import("talent-intake", TestData.RepoPath("data/examples/talent-intake.csv"));
        store.Import("graduates", TableFiles.Write(t.File("grads-2022.csv"), "year,region,institution,graduate_key,level,destination,figure_kind,source_id\n" +
            "2022,330300,温州大学,k1,bachelor,employed_local,observed,S-EDU\n2022,330300,温州大学,k2,bachelor,employed_local,observed,S-EDU\n" +
            "2022,330300,温州大学,k3,bachelor,employed_elsewhere,observed,S-EDU\n2022,330300,温州大学,k4,master,further_study,observed,S-EDU\n" +
            "2022,330300,温州大学,k5,bachelor,not_employed,observed,S-EDU\n"));
        store.Import("talent-intake", TableFiles.Write(t.File("intake-2022.csv"), "region,person_key,intake_date,category,graduate,departed_on,observed_until,figure_kind,source_id\n" +
            "330302,p1,2022-07-01,F,yes,,2024-12-31,observed,S-HR\n330303,p2,2022-08-01,F,yes,,2024-12-31,observed,S-HR\n330304,p3,2022-09-01,D,no,,2024-12-31,observed,S-HR\n"));

        foreach (var reloaded in new[] { Reloaded(monitor, store), PlanMonitor.Load(store, TestData.RepoPath("data")) })
        {
            var rate = reloaded.Calculator.Compute("graduate_retention_rate", "温州市", 2022);
            Assert.Equal((100.0 * 2 / 5, DataStatus.Observed), (rate.Value!.Value, rate.Provenance!.Status));
            Assert.Contains("grads-2022.csv", rate.Provenance.Source, StringComparison.Ordinal);
            var attracted = reloaded.Calculator.Compute("graduates_attracted", "温州市", 2022);
            Assert.Equal((2 / 10_000.0, DataStatus.Observed), (attracted.Value!.Value, attracted.Provenance!.Status));

            // 2021: the estimated example records stand behind Table 4's observed rate, named in its note.
            var table4 = reloaded.Calculator.Compute("graduate_retention_rate", "温州市", 2021);
            Assert.Equal((Table4(2021), DataStatus.Observed), (table4.Value!.Value, table4.Provenance!.Status));
            Assert.Contains("graduates.csv", table4.Note!.English, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void AnEstimate_StandsBehindTheObservedFigureItWouldReplace(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        // A department's estimate of 2021's retention beside Table 4's observed rate; its observed count of graduates
        // attracted beside the example intake records (marked estimated).
        store.Import("indicators", TableFiles.Write(t.File("reported.csv"), "year,region,indicator,value,unit,department,figure_kind,source_id\n" +
            "2021,330300,graduate_retention_rate,45,%,市教育局,estimated,TEST-EST\n2021,330300,graduates_attracted,1.5,10k persons,市教育局,observed,TEST-OBS\n"));
        store.Import("talent-intake", TestData.RepoPath("data/examples/talent-intake.csv"));
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));

        var rate = monitor.Calculator.Compute("graduate_retention_rate", "温州市", 2021);
        Assert.Equal((Table4(2021), DataStatus.Observed), (rate.Value!.Value, rate.Provenance!.Status));
        var attracted = monitor.Calculator.Compute("graduates_attracted", "温州市", 2021);
        Assert.Equal((1.5, "TEST-OBS"), (attracted.Value!.Value, attracted.Provenance!.Source));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void APlanTableWithAWrongUnitOrIndicator_IsRefused_NamingItsRowColumnAndValue(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        // The repository's data folder, but for Table 4: a rate in per mille and an
        // indicator the catalogue does not have.
        var data = LinkedData(t);
        var table4 = Path.Combine(data, "plan", "tables", "table4-graduate-retention-2014-2021.csv");
        File.Delete(table4);
        File.WriteAllText(table4, "region,year,indicator,indicator_zh,value,unit,unit_zh,source,note\n" +
            "温州市,2019,graduate_retention_rate,留温率,371.6,per mille,‰,Table 4,\n温州市,2021,graduate_retention,留温率,39.49,%,%,Table 4,\n");

        var ex = Assert.Throws<InvalidInputException>(() => PlanMonitor.Load(store, data));
        Assert.Contains(ex.Errors, e => e.File == table4 && e.Row == 2 && e.Column == "unit" && e.Value == "per mille"
            && e.Reason.Contains("catalogue's unit", StringComparison.Ordinal) && e.ReasonZh is not null);
        Assert.Contains(ex.Errors, e => e.File == table4 && e.Row == 3 && e.Column == "indicator" && e.Value == "graduate_retention");
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void AScenarioModelOfAnotherCity_IsRefused_NamingThePlansCity(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var data = LinkedData(t);
        var model = Path.Combine(data, "scenarios", "model.csv");
        var text = File.ReadAllText(model);
        File.Delete(model);
        File.WriteAllText(model, text.Replace("city,温州市,", "city,杭州市,", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidInputException>(() => PlanMonitor.Load(store, data));
        Assert.Contains(ex.Errors, e => e.File == model && e.Column == "city" && e.Value == "杭州市"
            && e.Reason.Contains("温州市 (330300)", StringComparison.Ordinal) && e.ReasonZh is not null);
    }

    /// <summary>The repository's data folder in the test's folder: its files linked, its folders made (a test replaces a file).</summary>
    private static string LinkedData(TestStore t)
    {
        var repo = TestData.RepoPath("data");
        var data = t.File("data");
        foreach (var folder in Directory.EnumerateDirectories(repo, "*", SearchOption.AllDirectories).Prepend(repo))
        {
            Directory.CreateDirectory(Path.Combine(data, Path.GetRelativePath(repo, folder)));
        }

        foreach (var file in Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories))
        {
            File.CreateSymbolicLink(Path.Combine(data, Path.GetRelativePath(repo, file)), file);
        }

        return data;
    }

    private static PlanMonitor Reloaded(PlanMonitor monitor, IPopulusStore store)
    {
        monitor.ReloadObserved(store);
        return monitor;
    }
}
