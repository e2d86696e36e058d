using Populus.Storage.Accounts;

namespace Populus.Storage.Tests.Store;

/// <summary>An import is all or nothing, even when its process is killed, and readers never see half of one.</summary>
public class AtomicityTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void KilledMidImport_LeavesTheStoreExactlyAsBefore(string engine)
    {
        using var t = TestStore.Create(engine);
        IReadOnlyDictionary<string, long> before;
        IReadOnlyList<string> townships;
        using (var store = (SqlStore)t.Open())
        {
            store.Import("census", Samples.CensusFile(t, "first.csv"));
            before = store.RowCounts();
            townships = [.. store.Regions().Where(r => r.Level == RegionLevel.Township && r.ValidIn(2010)).Select(r => r.Code)];
        }

        var big = Samples.BigCensusFile(t, townships, 5_000);
        using (var child = ChildCli.StartHeldImport(t.Db, "census", big))
        {
            child.WaitUntilHolding(); // every row is written, the transaction is open
            child.Kill();
        }

        using var reopened = (SqlStore)t.Open();
        Assert.Equal(before, reopened.RowCounts());
        Assert.Equal(["first.csv"], reopened.Imported().Select(b => b.Batch));
        // And the same file imports cleanly afterwards: nothing half-written blocks it.
        Assert.Equal(5_000, reopened.Import("census", big).Rows);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void KilledAfterASchemaStep_TheStoreOpensWithTheStepAndItsAccounts(string engine)
    {
        // A store from before step 11 (accounts without session versions), upgraded by a process that is then killed
        // before it closes: DuckDB could not replay the step's ALTER TABLE from its log, and the file no longer opened.
        using var t = TestStore.Create(engine);
        using (var store = t.Open())
        {
            store.Accounts.CreateAccount(new NewAccount("analyst", "分析员", AccountRole.CityAnalyst), "hash-1");
        }

        t.Execute("ALTER TABLE account DROP COLUMN session_version");
        t.Execute("DELETE FROM schema_version WHERE version >= 11");
        using (var child = ChildCli.StartHeldImport(t.Db, "census", Samples.CensusFile(t, "first.csv")))
        {
            child.WaitUntilHolding(); // the store is upgraded; the import's transaction is open
            child.Kill();
        }

        using var reopened = t.Open();
        Assert.Equal(Migrations.Migrations.Latest, reopened.SchemaVersion);
        var analyst = Assert.Single(reopened.Accounts.Accounts());
        Assert.Equal(("analyst", 0L), (analyst.UserName, analyst.SessionVersion));
        Assert.Empty(reopened.Imported());
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task ReadersDuringAnImport_SeeTheOldOrTheNewData_NeverAMix(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Import("census", Samples.CensusFile(t, "first.csv", ("330302", 1_000_000)));
        var file = Samples.CensusFile(t, "second.csv", ("330303", 700_000), ("330304", 900_000));
        const double Old = 1_000_000;
        const double New = 1_000_000 + 700_000 + 900_000;

        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var import = Task.Run(() => store.Import("census", file, new ImportOptions
        {
            BeforeCommit = () =>
            {
                holding.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            },
        }));
        Assert.True(holding.Wait(TimeSpan.FromSeconds(30)), "the import never reached its commit");

        // While the transaction holds every new row, readers on other connections see only the old data.
        Assert.Equal(Old, store.PopulationOf("中心城区", Samples.Census2010).Value);
        Assert.Empty(store.Population("330303", 2010));
        Assert.Single(store.Imported());

        // Readers racing the commit see one state or the other in every read.
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<double?>();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                seen.Add(store.PopulationOf("中心城区", Samples.Census2010).Value);
            }
        })).ToArray();
        release.Set();
        await import;
        seen.Add(store.PopulationOf("中心城区", Samples.Census2010).Value);
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.All(seen, v => Assert.True(v is Old or New, $"a reader saw {v}"));
        Assert.Equal(New, store.PopulationOf("中心城区", Samples.Census2010).Value);
    }

    [PostgresFact]
    public void PostgresReaders_InAnotherProcess_DoNotSeeAnUncommittedImport()
    {
        using var t = TestStore.Create("postgres");
        using (var store = t.Open())
        {
            store.Import("census", Samples.CensusFile(t, "first.csv", ("330302", 1_000_000)));
        }

        using var child = ChildCli.StartHeldImport(t.Db, "census", Samples.CensusFile(t, "second.csv", ("330303", 700_000)));
        child.WaitUntilHolding();
        using (var reader = t.Open())
        {
            Assert.Equal(1_000_000, reader.PopulationOf("中心城区", Samples.Census2010).Value);
            Assert.Single(reader.Imported());
        }

        child.Kill();
    }
}
