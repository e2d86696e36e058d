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

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void FindByNationalId_RefusesSealedValuesMovedToAnotherRow(string engine)
    {
        using var test = TestStore.Create(engine);
        var persons = RegistryRoundTrip.Generator(1_000).Generate().Select(p => p.Person).ToList();
        var (from, onto) = (persons[10], persons[900]);
        using (var store = test.Open())
        using (var registry = store.OpenRegistry(_key))
        {
            registry.Load(RegistryRoundTrip.Generator(1_000));
            Assert.Equal(from, registry.FindByNationalId(from.NationalId));
        }

        // The two rows' stored values swapped: each row now holds a look-up value and sealed number made for the other.
        test.Execute($"""
            UPDATE registry_person SET id_lookup = s.id_lookup, id_sealed = s.id_sealed
            FROM (SELECT CASE person_id WHEN {from.PersonId} THEN {onto.PersonId} ELSE {from.PersonId} END AS target, id_lookup, id_sealed
                  FROM registry_person WHERE person_id IN ({from.PersonId}, {onto.PersonId})) AS s
            WHERE registry_person.person_id = s.target
            """);
        using var reopened = test.Open();
        using var copied = reopened.OpenRegistry(_key);
        Assert.Null(copied.FindByNationalId(from.NationalId));
        Assert.Null(copied.FindByNationalId(onto.NationalId));
        Assert.Equal(persons[11], copied.FindByNationalId(persons[11].NationalId));
    }

    [Fact]
    public void DatabaseFile_HoldsNoIdentityNumber()
    {
        using var test = TestStore.Create("duckdb");
        var numbers = RegistryRoundTrip.Generator(30_000).Generate().Select(p => p.Person.NationalId.Disclose()).ToHashSet();
        var codes = numbers.Select(n => ulong.Parse(n[..17], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
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
            // Nor the 64-bit code the protector enciphers, in either byte order.
            Assert.Equal(0, CodesIn(bytes, codes));
        }

        Assert.True(scanned > 30_000 * 20, "the store should hold the loaded rows");

        // The test's own search works: a file holding one number is caught.
        var planted = Encoding.ASCII.GetBytes("xx" + numbers.Last() + "yy");
        Assert.Single(NumbersIn(planted, numbers));
        var plantedCode = new byte[11];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(plantedCode.AsSpan(3), codes.First());
        Assert.Equal(1, CodesIn(plantedCode, codes));
    }

    /// <summary>How many 8-byte windows of <paramref name="bytes"/>, read in either byte order, are one of <paramref name="codes"/>.</summary>
    private static int CodesIn(byte[] bytes, HashSet<ulong> codes)
    {
        var found = 0;
        for (var i = 0; i + 8 <= bytes.Length; i++)
        {
            var window = bytes.AsSpan(i, 8);
            if (codes.Contains(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(window))
                || codes.Contains(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(window)))
            {
                found++;
            }
        }

        return found;
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
