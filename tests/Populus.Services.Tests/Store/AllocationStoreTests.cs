using Populus.Services.Allocation;
using Populus.Services.Identity;
using Populus.Services.Points;
using Populus.Storage.Services;
using Populus.Storage.Tabular;

namespace Populus.Services.Tests.Store;

public class AllocationStoreTests
{
    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void ARun_IsRecordedWhole_Reproduces_AndAPublishedResultChangesOnlyByARecordedRerun(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 60);
        var quotas = RoundFixture.Quotas(store, RoundFixture.QuotaFile(t.Folder));
        var desk = new AllocationDesk(store.Services);
        var table = PointsRuleTable.Example();

        var (run, result) = desk.Run(RoundFixture.Round, quotas, table, RoundFixture.Day, "2025-06-30 lottery", TieBreakers.Default, "allocator");
        var placements = store.Services.Placements(run.RunId);
        Assert.Equal(60, placements.Count);
        Assert.Equal(18, placements.Count(p => p.Outcome == "placed"));
        Assert.Equal(result.ResultsSha256(), store.Services.AllocationRuns(RoundFixture.Round).Single().ResultsSha256);
        Assert.True(desk.Verify(RoundFixture.Round, run.RunId, table).ResultsMatch);

        desk.Publish(run.RunId, "director");
        var ex = Assert.Throws<ServiceRefusedException>(() =>
            desk.Run(RoundFixture.Round, quotas, table, RoundFixture.Day, "another seed", TieBreakers.Default, "allocator"));
        Assert.Contains("recorded re-run", ex.Message);
        Assert.StartsWith($"轮次 {RoundFixture.Round} 已公布结果（运行 {run.RunId}）", ex.Reason.Chinese, StringComparison.Ordinal);
        Assert.Single(store.Services.AllocationRuns(RoundFixture.Round));

        var (rerun, _) = desk.Run(RoundFixture.Round, quotas, table, RoundFixture.Day, "2025-06-30 lottery", TieBreakers.Default, "allocator",
            supersedes: run.RunId, reason: "quota of 龙湾 corrected by the education bureau");
        desk.Publish(rerun.RunId, "director");
        var runs = store.Services.AllocationRuns(RoundFixture.Round).ToDictionary(r => r.RunId, r => r.Status);
        Assert.Equal("superseded", runs[run.RunId]);
        Assert.Equal("published", runs[rerun.RunId]);
        Assert.Equal(placements, store.Services.Placements(run.RunId));   // the old result is kept as it was
        Assert.Equal(["run", "publish", "supersede"], store.Services.Audit("allocation", run.RunId).Select(a => a.Action));
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void DuplicateApplications_AgainstTheStore_AreRefusedWhole(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var identity = IdentityKey.Open(KeyFolder.Open(t.Folder.File("keys")));
        var office = new PointsOffice(store.Services);
        office.Receive(RoundFixture.ApplicationsFile(t.Folder, 5), identity, "intake");
        // The same people again under new application ids.
        var again = File.ReadAllText(RoundFixture.ApplicationsFile(t.Folder, 7, "more.csv")).Replace(",2025-school,", ",2025-school,", StringComparison.Ordinal)
            .Replace("\nA0", "\nB0", StringComparison.Ordinal);
        var file = t.Folder.Write("again.csv", again);
        var ex = Assert.Throws<InvalidInputException>(() => office.Receive(file, identity, "intake"));
        Assert.Equal(5, ex.Errors.Count);
        Assert.All(ex.Errors, e => Assert.Contains("already applied", e.Reason));
        Assert.Equal(5, store.Services.Applications(RoundFixture.Round).Count);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void AnObjection_IsReviewed_AndAnUpheldOneAddsAScoreRevision(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 3);
        var office = new PointsOffice(store.Services);
        var before = office.Latest("A00000")!;
        Assert.Throws<ArgumentException>(() => office.Object("A00000", "no_such_item", "x", "applicant"));
        var objection = office.Object("A00000", "housing", "I own my home since 2024", "applicant");
        var facts = Populus.Services.Applications.FactsJson.Read(store.Services.Application("A00000")!.Facts) with { Housing = People.Housing.Owned };
        office.Review(objection, "A00000", upheld: true, "deed checked with 市住建局", "reviewer", facts, PointsRuleTable.Example());
        var after = office.Latest("A00000")!;
        Assert.Equal(2, after.Revision);
        Assert.Equal(20, after.Items.Single(i => i.ItemId == "housing").Points);
        Assert.Contains(objection, after.Reason);
        Assert.Equal(1, office.Latest("A00001")!.Revision);
        var decided = Assert.Throws<ServiceRefusedException>(() => office.Review(objection, "A00000", false, "again", "reviewer", null, null));
        Assert.Equal($"异议 {objection} 已采纳；已作出的决定不再更改（请另提异议）。", decided.Reason.Chinese);
        Assert.Equal("upheld", Assert.Single(store.Services.Objections("A00000")).State);
        Assert.Equal(["object", "review"], store.Services.Audit("objection", objection).Select(a => a.Action));
        Assert.Equal(before.Total - before.Items.Single(i => i.ItemId == "housing").Points + 20, after.Total);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void AnApplication_IsPlacedOnlyInQuotasOfItsOwnPurpose(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        // One housing application among the school ones, preferring the school quotas of the round's quota file.
        var file = t.Folder.Write("mixed.csv", File.ReadAllText(RoundFixture.ApplicationsFile(t.Folder, 6))
            .Replace($"A00001,{RoundFixture.Round},school,", $"A00001,{RoundFixture.Round},housing,", StringComparison.Ordinal));
        var office = new PointsOffice(store.Services);
        office.Receive(file, IdentityKey.Open(KeyFolder.Open(t.Folder.File("keys"))), "intake");
        office.ScoreRound(RoundFixture.Round, PointsRuleTable.Example(), RoundFixture.Day, "scorer");
        var desk = new AllocationDesk(store.Services);

        var ex = Assert.Throws<ArgumentException>(() => desk.Run(RoundFixture.Round, RoundFixture.Quotas(store, RoundFixture.QuotaFile(t.Folder)), PointsRuleTable.Example(),
            RoundFixture.Day, "seed", TieBreakers.Default, "allocator"));
        Assert.Contains("A00001 (housing) prefers Q-LW (school)", ex.Message);
        Assert.Empty(store.Services.AllocationRuns(RoundFixture.Round));
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void APublishedRound_IsClosed_SoItsPublishedRunStillVerifies(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 12);
        var desk = new AllocationDesk(store.Services);
        var office = new PointsOffice(store.Services);
        var table = PointsRuleTable.Example();
        var (run, _) = desk.Run(RoundFixture.Round, RoundFixture.Quotas(store, RoundFixture.QuotaFile(t.Folder)), table, RoundFixture.Day, "seed", TieBreakers.Default, "allocator");
        var objection = office.Object("A00000", "housing", "I own my home", "applicant");
        desk.Publish(run.RunId, "director");

        // Two people who have not applied yet, after publication.
        var lines = File.ReadAllLines(RoundFixture.ApplicationsFile(t.Folder, 14, "all.csv"));
        var late = t.Folder.Write("late.csv", string.Join('\n', lines.Take(1).Concat(lines.TakeLast(2))) + "\n");
        var refusals = new[]
        {
            Assert.Throws<ServiceRefusedException>(() => office.Receive(late, IdentityKey.Open(KeyFolder.Open(t.Folder.File("keys"))), "intake")),
            Assert.Throws<ServiceRefusedException>(() => office.ScoreRound(RoundFixture.Round, table, RoundFixture.Day, "scorer")),
            Assert.Throws<ServiceRefusedException>(() => office.Object("A00001", "housing", "late objection", "applicant")),
            Assert.Throws<ServiceRefusedException>(() => office.Review(objection, "A00000", upheld: true, "deed checked", "reviewer",
                Populus.Services.Applications.FactsJson.Read(store.Services.Application("A00000")!.Facts) with { Housing = People.Housing.Owned }, table)),
        };
        Assert.All(refusals, r => Assert.Contains($"round {RoundFixture.Round} is closed: its result is published (run {run.RunId})", r.Message));
        Assert.All(refusals, r => Assert.Contains("轮次已关闭", r.Reason.Chinese));

        Assert.Equal(12, store.Services.Applications(RoundFixture.Round).Count);
        Assert.All(store.Services.LatestScores(RoundFixture.Round), s => Assert.Equal(1, s.Revision));
        Assert.Equal("open", Assert.Single(store.Services.Objections("A00000")).State);
        var (inputs, results, message) = desk.Verify(RoundFixture.Round, run.RunId, table);
        Assert.True(inputs && results, message);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void AReRun_KeepsThePublishedSeed(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        RoundFixture.ReceiveAndScore(store, t.Folder, 20);
        var desk = new AllocationDesk(store.Services);
        var table = PointsRuleTable.Example();
        var quotas = RoundFixture.Quotas(store, RoundFixture.QuotaFile(t.Folder));
        var (run, _) = desk.Run(RoundFixture.Round, quotas, table, RoundFixture.Day, "public draw 0417", TieBreakers.Default, "allocator");
        desk.Publish(run.RunId, "director");

        var ex = Assert.Throws<ServiceRefusedException>(() => desk.Run(RoundFixture.Round, quotas, table, RoundFixture.Day, "a different seed chosen after the fact",
            TieBreakers.Default, "allocator", supersedes: run.RunId, reason: "quota of 龙湾 corrected by the education bureau"));
        Assert.Contains($"keeps the published lottery seed of run {run.RunId} ('public draw 0417')", ex.Message);
        Assert.Contains("不得重新抽取种子", ex.Reason.Chinese);
        Assert.Single(store.Services.AllocationRuns(RoundFixture.Round));
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void TheScoringDay_IsNotBeforeASubmission_AndARunRecordsTheDayItsScoresWereMadeFor(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var office = new PointsOffice(store.Services);
        var file = RoundFixture.ApplicationsFile(t.Folder, 8);
        var identity = IdentityKey.Open(KeyFolder.Open(t.Folder.File("keys")));
        // Every application of the fixture says when it was submitted.
        var submitted = DateOnly.Parse(File.ReadLines(file).Skip(1).First().Split(',')[4], System.Globalization.CultureInfo.InvariantCulture);
        var table = PointsRuleTable.Example();

        // Received to be scored on a day before their submission (points score --applications … --on): nothing is stored.
        var beforeReceipt = Assert.Throws<ArgumentException>(() => office.Receive(file, identity, "intake", scoringDay: submitted.AddDays(-1)));
        Assert.Contains($"score the round on or after {submitted:yyyy-MM-dd}", beforeReceipt.Message);
        Assert.Empty(store.Services.Applications(RoundFixture.Round));
        office.Receive(file, identity, "intake", scoringDay: submitted);

        var early = Assert.Throws<ArgumentException>(() => office.ScoreRound(RoundFixture.Round, table, submitted.AddDays(-30), "scorer"));
        Assert.Equal("on", early.ParamName);
        Assert.Contains($"is before 8 applications were submitted (A00000 on {submitted:yyyy-MM-dd}", early.Message);
        Assert.Empty(store.Services.LatestScores(RoundFixture.Round));

        office.ScoreRound(RoundFixture.Round, table, RoundFixture.Day, "scorer");
        var desk = new AllocationDesk(store.Services);
        var quotas = RoundFixture.Quotas(store, RoundFixture.QuotaFile(t.Folder));
        var other = Assert.Throws<ArgumentException>(() => desk.Run(RoundFixture.Round, quotas, table, new DateOnly(2026, 11, 30), "seed", TieBreakers.Default, "allocator"));
        Assert.Contains($"were made for {RoundFixture.Day:yyyy-MM-dd}, not 2026-11-30", other.Message);
        var (run, _) = desk.Run(RoundFixture.Round, quotas, table, null, "seed", TieBreakers.Default, "allocator");
        Assert.Equal(RoundFixture.Day, run.ScoreDay);
        Assert.Equal(RoundFixture.Day, Assert.Single(store.Services.AllocationRuns(RoundFixture.Round)).ScoreDay);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void ARefusedFile_NamesItsDuplicatesWithItsOtherProblems(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var identity = IdentityKey.Open(KeyFolder.Open(t.Folder.File("keys")));
        var office = new PointsOffice(store.Services);
        var lines = File.ReadAllLines(RoundFixture.ApplicationsFile(t.Folder, 1));
        office.Receive(RoundFixture.ApplicationsFile(t.Folder, 1, "first.csv"), identity, "intake");
        // Row 2: the stored applicant again; row 3: the same person as row 2, with a bad education.
        var again = lines[1].Replace("A00000,", "B00000,", StringComparison.Ordinal);
        var cells = lines[1].Replace("A00000,", "B00001,", StringComparison.Ordinal).Split(',');
        cells[Array.IndexOf(lines[0].Split(','), "education")] = "phd";
        var file = t.Folder.Write("dup.csv", $"{lines[0]}\n{again}\n{string.Join(',', cells)}\n");

        var ex = Assert.Throws<InvalidInputException>(() => office.Receive(file, identity, "intake"));
        Assert.Equal([(2, "id_number"), (3, "education"), (3, "id_number")], ex.Errors.Select(e => (e.Row, e.Column!)).Order());
        Assert.Contains("already applied in round 2025-school for school (application A00000)", ex.Errors.Single(e => e.Row == 2).Reason);
        Assert.Contains("the same person applied in row 2", ex.Errors.Single(e => e.Row == 3 && e.Column == "id_number").Reason);
        Assert.Single(store.Services.Applications(RoundFixture.Round));
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void QuotasAndPreferences_AreCheckedWhenRead_NamingRowColumnValueAndReason(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var bad = t.Folder.Write("bad-quotas.csv", $"quota_id,round,purpose,region,places\nQ-A,{RoundFixture.Round},school,999999,1\nQ-B,{RoundFixture.Round},lunch,330302,1\nQ-C,{RoundFixture.Round},school,110101,1\n");
        var refused = Assert.Throws<InvalidInputException>(() => RoundFixture.Quotas(store, bad));
        Assert.Equal([(2, "region", "999999"), (3, "purpose", "lunch"), (4, "region", "110101")], refused.Errors.Select(e => (e.Row, e.Column!, e.Value!)));
        Assert.Contains("not a current region of 温州市 (330300)", refused.Errors[0].Reason);
        Assert.NotNull(refused.Errors[0].ReasonZh);

        var quotas = RoundFixture.Quotas(store, t.Folder.Write("quotas.csv", "quota_id,round,purpose,region,places\n" +
            $"Q-LC,{RoundFixture.Round},school,330302,5\nQ-LW,{RoundFixture.Round},school,330303,5\nQ-H,{RoundFixture.Round},housing,330302,5\nQ-OLD,2024-school,school,330302,5\n"));
        var lines = File.ReadAllLines(RoundFixture.ApplicationsFile(t.Folder, 4));
        string Prefer(string line, string preferences) => line[..(line.LastIndexOf(',') + 1)] + preferences;
        var file = t.Folder.Write("prefs.csv", string.Join('\n', lines[0], Prefer(lines[1], "Q-ZZZ;Q-LC"), Prefer(lines[2], "Q-H"), Prefer(lines[3], "Q-OLD"), lines[4]) + "\n");

        var ex = Assert.Throws<InvalidInputException>(() => new PointsOffice(store.Services).Receive(file, IdentityKey.Open(KeyFolder.Open(t.Folder.File("keys"))), "intake", quotas));
        // The file is personal, so values are shown masked; the reason names the quota.
        Assert.Equal([(2, "quota Q-ZZZ is not in the quota file"), (3, "quota Q-H is for housing, not school"), (4, "quota Q-OLD is of round 2024-school, not 2025-school")],
            ex.Errors.Select(e => (e.Row, e.Reason)));
        Assert.All(ex.Errors, e => Assert.Equal("preferences", e.Column));
        Assert.Empty(store.Services.Applications(RoundFixture.Round));
    }
}
