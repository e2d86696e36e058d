using System.Text.Json;
using Populus.Services.Allocation;
using Populus.Services.Applications;
using Populus.Services.People;
using Populus.Services.Points;
using Populus.Storage;

namespace Populus.Services.Tests.Store;

/// <summary>
/// An upheld objection's corrected facts are kept with its decision and are the application's effective facts from
/// then on: a later scoring of the round, a second correction and an allocation use them; the submitted facts stay as filed.
/// </summary>
public class ObjectionCorrectionTests
{
    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void AnUpheldCorrection_StandsWhenTheRoundIsScoredAgain(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 12);
        var office = new PointsOffice(store.Services);
        var id = FirstWith(store, f => f.Housing == Housing.Rented);
        var submitted = store.Services.Application(id)!.Facts;

        var objection = office.Object(id, "housing", "I own my home since 2024", "applicant");
        office.Review(objection, id, upheld: true, "deed checked with 市住建局", "reviewer", office.Corrected(id, """{"housing": "owned"}""", "facts.json"), PointsRuleTable.Example());
        office.ScoreRound(RoundFixture.Round, PointsRuleTable.Example(), RoundFixture.Day, "scorer");

        var latest = office.Latest(id)!;
        Assert.Equal(3, latest.Revision);
        Assert.Equal(Points("housing", "owned"), latest.Items.Single(i => i.ItemId == "housing").Points);
        Assert.Contains($"facts as corrected by review of {objection}", latest.Reason);
        Assert.Equal(submitted, store.Services.Application(id)!.Facts);   // the submitted facts stay as filed
        Assert.Equal(Housing.Owned, FactsJson.Read(Assert.Single(store.Services.Objections(id)).CorrectedFacts!).Housing);
        // The other applications are scored on their submitted facts, with no review cited.
        Assert.All(store.Services.LatestScores(RoundFixture.Round).Where(s => s.ApplicationId != id), s => Assert.DoesNotContain("review", s.Reason));
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void TwoSuccessiveCorrections_BothStand(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 12);
        var office = new PointsOffice(store.Services);
        var table = PointsRuleTable.Example();
        var id = FirstWith(store, f => f.Housing == Housing.Rented && f.Education != Education.Master);

        var first = office.Object(id, "housing", "I own my home", "applicant");
        office.Review(first, id, upheld: true, "deed checked", "reviewer", office.Corrected(id, """{"housing": "owned"}""", "first.json"), table);
        var second = office.Object(id, "education", "my master's degree was left out", "applicant");
        office.Review(second, id, upheld: true, "degree checked with 市教育局", "reviewer", office.Corrected(id, """{"education": "master"}""", "second.json"), table);

        void BothStand(int revision, string why)
        {
            var latest = office.Latest(id)!;
            Assert.Equal(revision, latest.Revision);
            Assert.Equal(Points("housing", "owned"), latest.Items.Single(i => i.ItemId == "housing").Points);
            Assert.Equal(Points("education", "master"), latest.Items.Single(i => i.ItemId == "education").Points);
            Assert.Contains(why, latest.Reason);
        }

        BothStand(3, $"review of {second}");
        office.ScoreRound(RoundFixture.Round, table, RoundFixture.Day, "scorer");
        BothStand(4, $"facts as corrected by review of {second}");
        Assert.Equal(second, store.Services.Application(id)!.CorrectedBy);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void ADismissedObjection_ChangesNothing(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 12);
        var office = new PointsOffice(store.Services);
        var id = FirstWith(store, f => f.Housing == Housing.Rented);
        var before = office.Latest(id)!;

        var objection = office.Object(id, "housing", "I own my home", "applicant");
        // A dismissal carries no facts, even when the desk sent some.
        Assert.Null(office.Review(objection, id, upheld: false, "no deed found", "reviewer", office.Corrected(id, """{"housing": "owned"}""", "facts.json"), PointsRuleTable.Example()));
        Assert.Throws<ArgumentException>(() => store.Services.DecideObjection(office.Object(id, "housing", "again", "applicant"), false, "no", "reviewer", null, "{}"));
        office.ScoreRound(RoundFixture.Round, PointsRuleTable.Example(), RoundFixture.Day, "scorer");

        var application = store.Services.Application(id)!;
        Assert.Null(application.CorrectedFacts);
        Assert.Null(store.Services.Objections(id).First(o => o.ObjectionId == objection).CorrectedFacts);
        var latest = office.Latest(id)!;
        Assert.Equal(2, latest.Revision);
        Assert.Equal(before.Items, latest.Items);
        Assert.Equal(before.Total, latest.Total);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void RunsMadeBeforeAndAfterAReview_Verify(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 30);
        var office = new PointsOffice(store.Services);
        var desk = new AllocationDesk(store.Services);
        var table = PointsRuleTable.Example();
        var quotas = RoundFixture.Quotas(store, RoundFixture.QuotaFile(t.Folder));
        var (before, _) = desk.Run(RoundFixture.Round, quotas, table, RoundFixture.Day, "seed", TieBreakers.Default, "allocator");
        var verified = desk.Verify(RoundFixture.Round, before.RunId, table);
        Assert.True(verified.InputsMatch && verified.ResultsMatch, verified.Message);

        // A correction of a tie-breaker's fact (the insurance months) as well as a scored one.
        var id = FirstWith(store, f => f.Housing == Housing.Rented);
        var objection = office.Object(id, "housing", "I own my home", "applicant");
        office.Review(objection, id, upheld: true, "deed checked", "reviewer",
            office.Corrected(id, """{"housing": "owned", "insurance_months": "2021-01..2025-04"}""", "facts.json"), table);
        var (after, _) = desk.Run(RoundFixture.Round, quotas, table, RoundFixture.Day, "seed", TieBreakers.Default, "allocator");

        verified = desk.Verify(RoundFixture.Round, after.RunId, table);
        Assert.True(verified.InputsMatch && verified.ResultsMatch, verified.Message);
        Assert.Equal(office.Latest(id)!.Total, store.Services.Placements(after.RunId).Single(p => p.ApplicationId == id).Total);
        // The earlier run's inputs were the scores and facts before the review: verification says so.
        var earlier = desk.Verify(RoundFixture.Round, before.RunId, table);
        Assert.False(earlier.InputsMatch);
        Assert.Contains("the inputs changed", earlier.Message);
    }

    /// <summary>The points the shipped example table (data/services/points-rules.example.json) gives an item's code.</summary>
    private static double Points(string item, string code)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestData.RepoPath("data/services/points-rules.example.json")));
        return json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == item)
            .GetProperty("points").GetProperty(code).GetDouble();
    }

    private static string FirstWith(IPopulusStore store, Func<PointsFacts, bool> wanted) =>
        store.Services.Applications(RoundFixture.Round).First(a => wanted(FactsJson.Read(a.Facts))).ApplicationId;
}
