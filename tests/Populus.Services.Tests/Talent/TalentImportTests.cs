using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Services.Tests.Store;
using Populus.Storage;
using Populus.Storage.PlanData;
using Populus.Storage.Tabular;

namespace Populus.Services.Tests.Talent;

public class TalentImportTests
{
    private const string Graduates = "year,region,institution,graduate_key,level,destination,figure_kind,source_id\n";
    private const string Intake = "region,person_key,intake_date,category,graduate,departed_on,observed_until,figure_kind,source_id\n";

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void Imports_FeedIndicator11And8_WithProvenance(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var grads = t.Folder.Write("grads.csv", Graduates +
            string.Concat(Enumerable.Range(0, 200).Select(i => $"2021,330300,温州大学,g{i},bachelor,{(i < 79 ? "employed_local" : "employed_elsewhere")},observed,S-EDU\n")));
        var intake = t.Folder.Write("intake.csv", Intake +
            string.Concat(Enumerable.Range(0, 30).Select(i => $"330302,p{i},2021-0{1 + (i % 9)}-01,F,{(i % 3 == 0 ? "no" : "yes")},,2024-12-31,observed,S-HR\n")));
        Assert.Equal(200, store.Import("graduates", grads).Rows);
        Assert.Equal(30, store.Import("talent-intake", intake).Rows);

        var catalogue = IndicatorCatalogue.Parse(File.ReadAllText(TestData.RepoPath("data/plan/indicator-catalogue.csv")),
            PlanningRegions.From(store));
        var data = new InMemoryIndicatorData(catalogue);
        TalentIndicators.AddTo(data, store.Services.Graduates(), store.Services.TalentIntake(), "温州市");
        var value = new IndicatorCalculator(catalogue, data).Compute("graduate_retention_rate", "温州市", 2021);
        Assert.Equal(39.5, value.Value!.Value, 9);
        Assert.Contains("grads.csv", value.Provenance!.Source);
        var attracted = data.Reported(TalentIndicators.GraduatesAttracted, "温州市", 2021);
        Assert.Equal(0.002, attracted.Value.Value, 12);   // 20 graduates = 0.002 万人
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void BadRecords_AreRefusedWhole_WithReasons_AndIdentityNumbersAreNotAccepted(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var file = t.Folder.Write("intake.csv", Intake +
            "330302,p1,2021-01-01,F,yes,,2024-12-31,observed,S-HR\n" +
            "330302,33030219900101123X,2021-01-01,F,yes,,2024-12-31,observed,S-HR\n" +
            "999999,p3,2021-01-01,G,maybe,2020-01-01,2020-06-01,observed,S-HR\n" +
            "330302,p4,2021-01-01,F,yes,2023-01-01,2022-01-01,observed,S-HR\n" +
            "330302,p1,2021-05-01,F,yes,,2024-12-31,observed,S-HR\n");
        var ex = Assert.Throws<InvalidInputException>(() => store.Import("talent-intake", file));
        Assert.Contains(ex.Errors, e => e.Row == 3 && e.Column == "person_key" && e.Reason.Contains("identity number") && !e.Value!.Contains("19900101"));
        Assert.Contains(ex.Errors, e => e.Row == 4 && e.Column == "region");
        Assert.Contains(ex.Errors, e => e.Row == 4 && e.Column == "category");
        Assert.Contains(ex.Errors, e => e.Row == 4 && e.Column == "graduate");
        Assert.Contains(ex.Errors, e => e.Row == 4 && e.Column == "departed_on");
        Assert.Contains(ex.Errors, e => e.Row == 5 && e.Column == "observed_until" && e.Reason.Contains("before the departure"));
        Assert.Contains(ex.Errors, e => e.Row == 6 && e.Reason.Contains("duplicate"));
        Assert.Empty(store.Services.TalentIntake());
        Assert.DoesNotContain(store.Batches(), b => b.Kind == "talent-intake");
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void ALastObservationAfterTheImportDay_IsRefused_NamingRowColumnValueAndTheDay(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        // The import's day is named, as the services' offices take a clock: 2025-03-01 in the importing machine's time zone.
        var day = new DateOnly(2025, 3, 1);
        var clock = new Permits.FakeClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeZoneInfo.Local.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0)))));
        var file = t.Folder.Write("intake.csv", Intake +
            "330302,p1,2021-01-01,F,yes,,2025-03-01,observed,S-HR\n" +
            "330302,p2,2021-01-01,F,yes,,2030-01-01,observed,S-HR\n" +
            "330302,p3,2021-01-01,F,yes,,2025-03-02,observed,S-HR\n");

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("talent-intake", file, new ImportOptions { Clock = clock }));
        Assert.Equal([(3, "observed_until", "2030-01-01"), (4, "observed_until", "2025-03-02")], ex.Errors.Select(e => (e.Row, e.Column, e.Value)));
        Assert.All(ex.Errors, e => Assert.Equal(("after today (2025-03-01)", "晚于今天（2025-03-01）"), (e.Reason, e.ReasonZh)));
        Assert.Empty(store.Services.TalentIntake());
        Assert.Equal(1, store.Import("talent-intake", t.Folder.Write("ok.csv", Intake + "330302,p1,2021-01-01,F,yes,,2025-03-01,observed,S-HR\n"),
            new ImportOptions { Clock = clock }).Rows);
    }
}
