using System.Globalization;
using Populus.Cli.Tests;
using Populus.Services.Permits;
using Populus.Storage.Accounts;
using Populus.Storage.Registry;

namespace Populus.Services.Tests.Store;

/// <summary>
/// Services commands on both engines, in process: a permit's state and verification on a named day (--on), the
/// electronic permit printed only when asked for and its read audited as the API's, and a review's corrected facts.
/// </summary>
public sealed class ServiceCommandTests
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void Permit_PastItsValidity_IsReportedExpired_AndItsTokenIsPrintedOnlyWhenAskedAndAudited(string engine)
    {
        using var t = ServiceStore.Create(engine);
        string[] common = ["--db", t.Db, "--keys", t.Folder.File("keys"), "--actor", "clerk-7"];
        var id = NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 123).Disclose();
        var applied = CliRunner.Run(["permit", "apply", "330302", "--id-number", id, .. common]);
        Assert.True(applied.ExitCode == 0, applied.Error);
        var permit = applied.Output.Split(':')[0];
        Assert.Equal(0, CliRunner.Run(["permit", "issue", permit, "--id-number", id, .. common]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["permit", "publish-keys", "--out", t.Folder.File("keys.json"), .. common]).ExitCode);
        DateOnly validTo;
        string token;
        using (var store = t.Open())
        {
            var record = store.Services.Permit(permit)!;
            (validTo, token) = (record.ValidTo!.Value, record.Token!);
        }

        var lastDay = CliRunner.Run(["permit", "show", permit, "--on", Day(validTo), .. common]);
        var dayAfter = CliRunner.Run(["permit", "show", permit, "--on", Day(validTo.AddDays(1)), .. common]);
        Assert.Contains($"{permit} on {Day(validTo)}: issued,", lastDay.Output, StringComparison.Ordinal);
        Assert.Contains($"{permit} on {Day(validTo.AddDays(1))}: expired", dayAfter.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, lastDay.Output + dayAfter.Output, StringComparison.Ordinal);

        File.WriteAllText(t.Folder.File("token.txt"), token);
        string[] verify = ["permit", "verify", "--token", t.Folder.File("token.txt"), "--issuer-keys", t.Folder.File("keys.json")];
        var stillValid = CliRunner.Run([.. verify, "--on", Day(validTo)]);
        var lapsed = CliRunner.Run([.. verify, "--on", Day(validTo.AddDays(1)), .. common]);
        Assert.StartsWith("RevocationUnknown:", stillValid.Output, StringComparison.Ordinal);   // dates good, no list given
        Assert.Equal(3, lapsed.ExitCode);
        Assert.StartsWith("Expired:", lapsed.Output, StringComparison.Ordinal);

        using (var store = t.Open())
        {
            Assert.Empty(store.Accounts.ReadAudit(new AuditFilter(Action: ElectronicPermitRead.AuditAction)).Entries);
        }

        var asked = CliRunner.Run(["permit", "show", permit, "--token", "--purpose", "counter check", .. common]);
        Assert.True(asked.ExitCode == 0, asked.Error);
        Assert.Contains(token, asked.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(["permit", "qr", permit, "--out", t.Folder.File("permit.svg"), .. common]).ExitCode);
        using (var store = t.Open())
        {
            var reads = store.Accounts.ReadAudit(new AuditFilter(Action: ElectronicPermitRead.AuditAction)).Entries.OrderBy(e => e.Id).ToList();
            Assert.Equal([("clerk-7", $"permit {permit}", "counter check", "token"), ("clerk-7", $"permit {permit}", null, "qr.svg")],
                reads.Select(e => (e.Account, e.Subject, e.Purpose, e.Detail)));
        }
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void PointsReview_RefusesBadFacts_NamingFileFieldAndValue_AndKeepsWhatACorrectionLeavesOut(string engine)
    {
        using var t = ServiceStore.Create(engine);
        string[] common = ["--db", t.Db, "--keys", t.Folder.File("keys"), "--actor", "reviewer"];
        // The shipped example round: S25-0003 paid insurance 2022-09..2025-04 and applied on 2025-05-02.
        var applications = TestData.RepoPath("data/services/examples/applications.csv");
        var row = File.ReadLines(applications).Single(l => l.StartsWith("S25-0003,", StringComparison.Ordinal)).Split(',');
        var submitted = DateOnly.ParseExact(row[4], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(0, CliRunner.Run(["points", "score", "--round", row[1], "--on", "2025-05-31", "--applications", applications, .. common]).ExitCode);
        var objected = CliRunner.Run(["points", "object", "S25-0003", "--item", "social_insurance", "--reason", "months missing", .. common]);
        var objection = objected.Output.Split(' ')[1];

        // The tester's file: months written as the applications file writes them was refused with .NET's converter message.
        var bad = t.Folder.Write("facts.json",
            $$"""{"insurance_months": ["{{row[10]}}"], "housing": "castle", "events": "award:{{Day(submitted.AddDays(1))}}", "shoe_size": 42}""");
        var refused = CliRunner.Run(["points", "review", objection, "--application", "S25-0003", "--uphold", "--outcome", "社保记录核实", "--facts", bad, .. common]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{bad}, column 'insurance_months', value '[\"{row[10]}\"]': a string written as in the applications file", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}, column 'housing', value 'castle': write one of none, owned, rented, other", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}, column 'events', value 'award:{Day(submitted.AddDays(1))}': dated after submitted_on", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}, column 'shoe_size', value '42': not a field of an application's facts", refused.Error, StringComparison.Ordinal);
        Assert.Contains("日期晚于申请提交日期", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", refused.Error, StringComparison.Ordinal);
        using (var store = t.Open())
        {
            Assert.Equal("open", store.Services.Objections("S25-0003").Single().State);
            Assert.Single(store.Services.Scores("S25-0003"));
        }

        // 48 months up to the month before submission: the 48-month window is full.
        var months = $"{submitted.AddMonths(-48):yyyy-MM}..{submitted.AddMonths(-1):yyyy-MM}";
        var good = t.Folder.Write("good.json", $$"""{"insurance_months": "{{months}}"}""");
        var upheld = CliRunner.Run(["points", "review", objection, "--application", "S25-0003", "--uphold", "--outcome", "社保记录核实", "--facts", good, .. common]);
        Assert.True(upheld.ExitCode == 0, upheld.Error);
        var shown = CliRunner.Run(["points", "show", "S25-0003", .. common]).Output.Split('\n');
        Assert.Contains(shown, l => l.Contains("social_insurance", StringComparison.Ordinal) && l.Contains("48 months paid in the last 48", StringComparison.Ordinal));
        // Left out of the correction, the education stays the application's.
        Assert.Contains(shown, l => l.Contains("education", StringComparison.Ordinal) && l.Contains(row[5] + ":", StringComparison.Ordinal));
    }
}
