using System.Data.Common;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>
/// Key rotation on both engines: every number re-protected under the new key, the old key refused afterwards, and a
/// rotation that fails or is killed before its commit leaves the registry as it was, readable with the old key.
/// </summary>
public sealed class RegistryKeyRotationTests
{
    private const int Persons = 20_000; // more than one block (16,384) of the rotation

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Rotate_ReprotectsEveryNumber_AndRetiresTheOldKey(string engine)
    {
        using var test = TestStore.Create(engine);
        var keyFile = test.File("registry.key");
        var people = LoadGenerated(test, keyFile);
        var oldMaterial = File.ReadAllBytes(keyFile);
        using var store = test.Open();
        var before = Stored((SqlStore)store);
        IReadOnlyList<RegistryCell> countsBefore;
        using (var registry = store.OpenRegistry(keyFile))
        {
            countsBefore = registry.CountByAgeSexRegion(RegistryRoundTrip.AsOf);
        }

        long lastProgress = 0;
        Assert.Equal(Persons, store.RotateRegistryKey(keyFile, new RegistryRoundTrip.SyncProgress(n => lastProgress = n)));
        Assert.Equal(Persons, lastProgress);

        // The key file now holds another key, readable by its owner only; no replacement file is left beside it.
        var newMaterial = File.ReadAllBytes(keyFile);
        Assert.Equal(RegistryKey.KeyBytes, newMaterial.Length);
        Assert.NotEqual(oldMaterial, newMaterial);
        Assert.False(File.Exists(RegistryKeyRotation.ReplacementPath(keyFile)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        // Every stored hash and sealed number changed; nothing else did.
        var after = Stored((SqlStore)store);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, b => Assert.NotEqual(b.Value.Lookup, after[b.Key].Lookup));
        Assert.All(before, b => Assert.False(b.Value.Sealed.AsSpan().SequenceEqual(after[b.Key].Sealed)));

        using (var oldKey = RegistryKey.FromBytes(oldMaterial))
        {
            Assert.Throws<RegistryKeyMismatchException>(() => store.OpenRegistry(oldKey));
        }

        using var rotated = store.OpenRegistry(keyFile);
        Assert.Equal(countsBefore, rotated.CountByAgeSexRegion(RegistryRoundTrip.AsOf));
        foreach (var person in people.Where((_, i) => i % 1_000 == 0))
        {
            Assert.Equal(person, rotated.FindByNationalId(person.NationalId));
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Rotate_WithASealedNumberMovedToAnotherRow_IsRefused_AndChangesNothing(string engine)
    {
        using var test = TestStore.Create(engine);
        var keyFile = test.File("registry.key");
        var people = LoadGenerated(test, keyFile);
        test.Execute("UPDATE registry_person SET id_sealed = (SELECT id_sealed FROM registry_person WHERE person_id = 1) WHERE person_id = 18000");
        var oldMaterial = File.ReadAllBytes(keyFile);
        using var store = test.Open();
        var before = Stored((SqlStore)store);

        var refused = Assert.Throws<InvalidOperationException>(() => store.RotateRegistryKey(keyFile));
        Assert.Contains("person 18000", refused.Message, StringComparison.Ordinal);

        Assert.Equal(oldMaterial, File.ReadAllBytes(keyFile));
        AssertUnchanged((SqlStore)store, before);
        using var registry = store.OpenRegistry(keyFile);
        Assert.Equal(people[10], registry.FindByNationalId(people[10].NationalId));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void KilledMidRotation_LeavesTheRegistryReadableWithTheOldKey_AndRotatingAgainFinishes(string engine)
    {
        using var test = TestStore.Create(engine);
        var keyFile = test.File("registry.key");
        var people = LoadGenerated(test, keyFile);
        var oldMaterial = File.ReadAllBytes(keyFile);
        Dictionary<long, (long Lookup, byte[] Sealed)> before;
        using (var store = test.Open())
        {
            before = Stored((SqlStore)store);
        }

        using (var child = ChildCli.StartHeldRotation(test.Db, keyFile))
        {
            child.WaitUntilHolding(); // every number re-protected, the transaction open
            child.Kill();
        }

        using (var store = test.Open())
        {
            Assert.Equal(oldMaterial, File.ReadAllBytes(keyFile));
            AssertUnchanged((SqlStore)store, before);
            using (var registry = store.OpenRegistry(keyFile))
            {
                Assert.Equal(people[7], registry.FindByNationalId(people[7].NationalId));
            }

            Assert.Equal(Persons, store.RotateRegistryKey(keyFile));
            using var rotated = store.OpenRegistry(keyFile);
            Assert.Equal(people[7], rotated.FindByNationalId(people[7].NationalId));
        }
    }

    [Fact]
    public void Rotate_AfterACommittedRotationWhoseKeyFilesWereNotSwapped_FinishesTheSwap()
    {
        using var test = TestStore.Create("duckdb");
        var keyFile = test.File("registry.key");
        var people = LoadGenerated(test, keyFile);
        using var store = (SqlStore)test.Open();
        using (var newKey = RegistryKey.LoadOrCreate(RegistryKeyRotation.ReplacementPath(keyFile)))
        using (var oldKey = RegistryKey.LoadOrCreate(keyFile))
        using (var registry = store.OpenRegistry(oldKey))
        {
            // A rotation that committed and stopped before retiring the old key file.
            Assert.Equal(Persons, registry.RotateKey(newKey, store.Backend));
        }

        Assert.Throws<RegistryKeyMismatchException>(() => store.OpenRegistry(keyFile));
        Assert.Equal(0, store.RotateRegistryKey(keyFile));
        Assert.False(File.Exists(RegistryKeyRotation.ReplacementPath(keyFile)));
        using var reopened = store.OpenRegistry(keyFile);
        Assert.Equal(people[3], reopened.FindByNationalId(people[3].NationalId));
    }

    [Fact]
    public void RotateKey_ToTheCurrentKey_IsRefused()
    {
        using var test = TestStore.Create("duckdb");
        using var key = RegistryTestData.NewKey();
        using var store = (SqlStore)test.Open();
        using var registry = store.OpenRegistry(key);
        Assert.Throws<ArgumentException>(() => registry.RotateKey(key, store.Backend));
    }

    [Fact]
    public void Rotate_WithoutAKeyFile_IsRefused_AndCreatesNone()
    {
        using var test = TestStore.Create("duckdb");
        var keyFile = test.File("missing.key");
        using var store = test.Open();
        Assert.Throws<InvalidOperationException>(() => store.RotateRegistryKey(keyFile));
        Assert.False(File.Exists(keyFile));
        Assert.False(File.Exists(RegistryKeyRotation.ReplacementPath(keyFile)));
    }

    private static List<Person> LoadGenerated(TestStore test, string keyFile)
    {
        var generator = RegistryRoundTrip.Generator(Persons);
        using var store = test.Open();
        using var registry = store.OpenRegistry(keyFile);
        registry.Load(generator);
        return [.. generator.Generate().Select(p => p.Person)];
    }

    private static void AssertUnchanged(SqlStore store, Dictionary<long, (long Lookup, byte[] Sealed)> before)
    {
        var after = Stored(store);
        Assert.Equal(before.Count, after.Count);
        Assert.All(before, b =>
        {
            Assert.Equal(b.Value.Lookup, after[b.Key].Lookup);
            Assert.Equal(b.Value.Sealed, after[b.Key].Sealed);
        });
        using var connection = store.Backend.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{RegistrySchema.RekeyTable}'";
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every person's stored look-up hash and sealed number.</summary>
    private static Dictionary<long, (long Lookup, byte[] Sealed)> Stored(SqlStore store)
    {
        using var connection = store.Backend.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_id, id_lookup, id_sealed FROM registry_person";
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<long, (long, byte[])>();
        while (reader.Read())
        {
            stored[reader.GetInt64(0)] = (reader.GetInt64(1), Bytes(reader, 2));
        }

        return stored;
    }

    private static byte[] Bytes(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        byte[] bytes => bytes,
        Stream stream => ReadAll(stream),
        var other => throw new InvalidCastException(other.GetType().Name),
    };

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
