using System.Text;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>The registry of a store on both engines (tables from migration 4, registry from <see cref="IPopulusStore.OpenRegistry(RegistryKey)"/>).</summary>
public sealed class PersonRegistryStoreTests : IDisposable
{
    private readonly RegistryKey _key = RegistryTestData.NewKey();

    public void Dispose() => _key.Dispose();

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Load_CountsAggregatesAndLooksUpWhatWasLoaded(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        using var registry = store.OpenRegistry(_key);
        RegistryRoundTrip.LoadAggregateAndFind(registry, 20_000);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Add_RecordEvent_ChangeCountsAndHistory(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        using var registry = store.OpenRegistry(_key);
        RegistryRoundTrip.AddAndRecordEvents(registry);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Load_ThatFailsPartWay_LeavesNothing(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        using var registry = store.OpenRegistry(_key);
        RegistryRoundTrip.FailedLoadLeavesNothing(registry);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Open_WithAnotherKey_IsRefused_AndAGeneratedLoadNeedsAnEmptyRegistry(string engine)
    {
        using var test = TestStore.Create(engine);
        using (var store = test.Open())
        using (var registry = store.OpenRegistry(_key))
        {
            registry.Load(RegistryRoundTrip.Generator(500));
            Assert.Throws<InvalidOperationException>(() => registry.Load(RegistryRoundTrip.Generator(10)));
        }

        using var again = test.Open();
        using var other = RegistryTestData.NewKey();
        Assert.Throws<RegistryKeyMismatchException>(() => again.OpenRegistry(other));
        using var reopened = again.OpenRegistry(_key);
        Assert.Equal(500, reopened.Count());
    }

    [Fact]
    public void Migration3_CreatesTheRegistryTables_InAFreshStore()
    {
        using var test = TestStore.Create("duckdb", fresh: true);
        using var store = (SqlStore)test.Open();
        Assert.True(store.SchemaVersion >= 3);
        var counts = store.RowCounts();
        Assert.Equal(0, counts[RegistrySchema.PersonTable]);
        Assert.Equal(0, counts[RegistrySchema.EventTable]);
        Assert.Equal(0, counts[RegistrySchema.KeyTable]);
    }

    [Fact]
    public void OpenRegistry_WithoutKeyFile_CreatesTheKeyBesideTheStoreFolder()
    {
        using var test = TestStore.Create("duckdb");
        var previous = Environment.GetEnvironmentVariable(RegistryKey.KeyFileVariable);
        Environment.SetEnvironmentVariable(RegistryKey.KeyFileVariable, null);
        try
        {
            using (var store = test.Open())
            using (var registry = store.OpenRegistry())
            {
                registry.Load(RegistryRoundTrip.Generator(200));
            }

            var keyFile = test.Folder + ".key";
            Assert.True(File.Exists(keyFile));
            using var key = RegistryKey.LoadOrCreate(keyFile);
            using var again = test.Open();
            using var reopened = again.OpenRegistry(key);
            Assert.Equal(200, reopened.Count());
            File.Delete(keyFile);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RegistryKey.KeyFileVariable, previous);
        }
    }

    [Fact]
    public void DatabaseFile_HoldsNoIdentityNumber()
    {
        using var test = TestStore.Create("duckdb");
        var numbers = RegistryRoundTrip.Generator(30_000).Generate().Select(p => p.Person.NationalId.Disclose()).ToHashSet();
        using (var store = test.Open())
        using (var registry = (DuckDbPersonRegistry)store.OpenRegistry(_key))
        {
            registry.Load(RegistryRoundTrip.Generator(30_000));
            registry.Checkpoint();
            Assert.NotNull(registry.FindByNationalId(NationalIdNumber.Parse(numbers.First(), RegistryRoundTrip.AsOf).Value));
        }

        var files = Directory.GetFiles(test.Folder);
        Assert.Contains(test.Db, files);
        var scanned = 0L;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            scanned += bytes.Length;
            Assert.Empty(NumbersIn(bytes, numbers));
            // The birth-date-and-sequence part alone must not appear either (e.g. stored as text without the region).
            Assert.Empty(NumbersIn(bytes, numbers.Select(n => n[6..]).ToHashSet(), 12));
        }

        Assert.True(scanned > 30_000 * 20, "the store should hold the loaded rows");

        // The test's own search works: a file holding one number is caught.
        var planted = Encoding.ASCII.GetBytes("xx" + numbers.Last() + "yy");
        Assert.Single(NumbersIn(planted, numbers));
    }

    /// <summary>Every run of digits/X in <paramref name="bytes"/> with a window of <paramref name="length"/> found in <paramref name="numbers"/>.</summary>
    private static List<string> NumbersIn(byte[] bytes, HashSet<string> numbers, int length = NationalIdNumber.Length)
    {
        var found = new List<string>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            var inRun = i < bytes.Length && (char.IsAsciiDigit((char)bytes[i]) || bytes[i] == 'X');
            if (inRun)
            {
                continue;
            }

            for (var s = start; s + length <= i; s++)
            {
                var window = Encoding.ASCII.GetString(bytes, s, length);
                if (numbers.Contains(window))
                {
                    found.Add(window);
                }
            }

            start = i + 1;
        }

        return found;
    }
}
