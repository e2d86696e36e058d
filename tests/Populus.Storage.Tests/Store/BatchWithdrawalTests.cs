using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Store;

/// <summary>A batch of figures found wrong is withdrawn: its figures deleted, the batch keeping who, when and why; the
/// corrected file then imported under another name. A year end no scenario can be calibrated to stops plan monitoring
/// until its batch is withdrawn.</summary>
public sealed class BatchWithdrawalTests
{
    private const string Typo = """
        year,region,survey,measure,sex,value,figure_kind,source_id
        2025,330300,annual_sample,population,total,99000000,observed,TYPO
        """;

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void AWrongYearEnd_Withdrawn_LetsMonitoringLoad_AndTheCorrectedFileIn(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var typo = TableFiles.Write(t.File("bulletin-2025.csv"), Typo);
        store.Import("survey", typo);
        Assert.Throws<InvalidInputException>(() => PlanMonitor.Load(store, TestData.RepoPath("data")));
        var stamp = store.Stamp();

        var withdrawn = store.Withdraw("bulletin-2025.csv", "2025 year end typed 99000000; the bulletin says 9900000", "stats-analyst");
        Assert.Equal(("bulletin-2025.csv", "survey", 1, "stats-analyst"), (withdrawn.Batch, withdrawn.Kind, withdrawn.Rows, withdrawn.By));
        Assert.DoesNotContain(store.SurveyTotals("330300", 2025), s => s.Survey == "annual_sample");
        Assert.NotEqual(stamp, store.Stamp()); // a running server reads the store again
        var listed = Assert.Single(store.Batches(), b => b.Batch == "bulletin-2025.csv");
        Assert.Equal(("stats-analyst", "2025 year end typed 99000000; the bulletin says 9900000"), (listed.Withdrawn!.By, listed.Withdrawn.Reason));
        Assert.Equal(2024, PlanMonitor.Load(store, TestData.RepoPath("data")).LastObservedYear);

        // The same content again is refused, not skipped as already imported; the corrected file goes in under another name.
        var again = Assert.Single(Assert.Throws<InvalidInputException>(() => store.Import("survey", typo)).Errors);
        Assert.Contains("withdrawn", again.Reason, StringComparison.Ordinal);
        store.Import("survey", TableFiles.Write(t.File("bulletin-2025-corrected.csv"), Typo.Replace("99000000", "9900000", StringComparison.Ordinal)));
        Assert.Equal(2025, PlanMonitor.Load(store, TestData.RepoPath("data")).LastObservedYear);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void KilledBeforeItsCommit_AWithdrawalLeavesTheBatchAsItWas(string engine)
    {
        using var t = TestStore.Create(engine);
        IReadOnlyDictionary<string, long> before;
        using (var store = (SqlStore)t.Open())
        {
            store.Import("survey", TableFiles.Write(t.File("bulletin-2025.csv"), Typo));
            before = store.RowCounts();
        }

        using (var child = ChildCli.StartHeldWithdrawal(t.Db, "bulletin-2025.csv"))
        {
            child.WaitUntilHolding(); // the figures are deleted and the batch marked, the transaction open
            child.Kill();
        }

        using var reopened = (SqlStore)t.Open();
        Assert.Equal(before, reopened.RowCounts());
        Assert.Null(Assert.Single(reopened.Batches(), b => b.Batch == "bulletin-2025.csv").Withdrawn);
        Assert.Equal(1, reopened.Withdraw("bulletin-2025.csv", "typo", "admin").Rows);
    }

    [Fact]
    public void WhatIsNotWithdrawn_IsRefusedNamingWhy_AndChangesNothing()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        store.Import("survey", TableFiles.Write(t.File("bulletin-2025.csv"), Typo));
        var before = store.Stamp();

        void Refused(string batch, string reason, string expected)
        {
            var error = Assert.Single(Assert.Throws<InvalidInputException>(() => store.Withdraw(batch, reason, "admin")).Errors);
            Assert.Contains(expected, error.Reason, StringComparison.Ordinal);
            Assert.NotNull(error.ReasonZh);
        }

        Refused("bulletin-2025.csv", " ", "says why");
        Refused("no-such-batch", "wrong", "no batch of that name");
        Refused(SeededBatches.Keys[0], "wrong", "not withdrawn: only batches of figures");
        Assert.Equal(before, store.Stamp());

        store.Withdraw("bulletin-2025.csv", "typo", "admin");
        Refused("bulletin-2025.csv", "typo", "already withdrawn");
    }
}
