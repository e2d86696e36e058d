using System.Text;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

public sealed class DuckDbPersonRegistryTests : IDisposable
{
    private readonly string _folder = RegistryTestData.TempFolder();
    private readonly RegistryKey _key = RegistryTestData.NewKey();

    private string DbFile => Path.Combine(_folder, "store.duckdb");

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Load_CountsAggregatesAndLooksUpWhatWasLoaded()
    {
        using var connection = RegistryTestData.OpenDuckDb(DbFile);
        RegistryRoundTrip.LoadAggregateAndFind(DuckDbPersonRegistry.Open(connection, _key), 50_000);
    }

    [Fact]
    public void Add_RecordEvent_ChangeCountsAndHistory()
    {
        using var connection = RegistryTestData.OpenDuckDb(DbFile);
        RegistryRoundTrip.AddAndRecordEvents(DuckDbPersonRegistry.Open(connection, _key));
    }

    [Fact]
    public void Load_ThatFailsPartWay_LeavesNothing()
    {
        using var connection = RegistryTestData.OpenDuckDb(DbFile);
        RegistryRoundTrip.FailedLoadLeavesNothing(DuckDbPersonRegistry.Open(connection, _key));
    }

    [Fact]
    public void DatabaseFile_HoldsNoIdentityNumber()
    {
        var numbers = RegistryRoundTrip.Generator(30_000).Generate().Select(p => p.Person.NationalId.Disclose()).ToHashSet();
        using (var connection = RegistryTestData.OpenDuckDb(DbFile))
        {
            var registry = DuckDbPersonRegistry.Open(connection, _key);
            registry.Load(RegistryRoundTrip.Generator(30_000));
            registry.Checkpoint();
            Assert.NotNull(registry.FindByNationalId(NationalIdNumber.Parse(numbers.First(), RegistryRoundTrip.AsOf).Value));
        }

        var files = Directory.GetFiles(_folder);
        Assert.Contains(DbFile, files);
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

    [Fact]
    public void Open_WithAnotherKey_IsRefused()
    {
        using (var connection = RegistryTestData.OpenDuckDb(DbFile))
        {
            DuckDbPersonRegistry.Open(connection, _key).Load(RegistryRoundTrip.Generator(1_000));
        }

        using var again = RegistryTestData.OpenDuckDb(DbFile);
        using var other = RegistryTestData.NewKey();
        Assert.Throws<RegistryKeyMismatchException>(() => DuckDbPersonRegistry.Open(again, other));
        Assert.Equal(1_000, DuckDbPersonRegistry.Open(again, _key).Count());
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
