using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DuckDB.NET.Data;
using Populus.Storage.Registry;

namespace Populus.Benchmarks.Registry;

/// <summary>
/// Generating, protecting and bulk-loading a synthetic registry into a fresh DuckDB file, then counting it by age ×
/// sex × county × urban/rural. One operation per iteration (each is seconds long); the ten-million-person figures
/// come from the timed `populus generate-registry` command (docs/benchmarks.md).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[InProcess]
[MemoryDiagnoser]
public class RegistryLoadBenchmarks
{
    private RegistryCalibration _calibration = null!;
    private RegistryKey _key = null!;
    private string _folder = null!;
    private DuckDBConnection _connection = null!;
    private DuckDbPersonRegistry _loaded = null!;

    [Params(1_000_000)]
    public int Persons { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _calibration = RegistryCalibration.Load(RegistryCalibration.FindDataFolder());
        _key = RegistryKey.FromBytes(RandomNumberGenerator.GetBytes(RegistryKey.KeyBytes));
        _folder = Path.Combine(Path.GetTempPath(), $"populus-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _connection = new DuckDBConnection($"Data Source={Path.Combine(_folder, "counted.duckdb")}");
        _connection.Open();
        _loaded = DuckDbPersonRegistry.Open(_connection, _key);
        _loaded.Load(new RegistryGenerator(_calibration, Persons, seed: 1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public long LoadIntoDuckDb()
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.duckdb");
        using var connection = new DuckDBConnection($"Data Source={file}");
        connection.Open();
        var loaded = DuckDbPersonRegistry.Open(connection, _key).Load(new RegistryGenerator(_calibration, Persons, seed: 1));
        connection.Close();
        File.Delete(file);
        return loaded;
    }

    [Benchmark]
    public int CountByAgeSexCountyUrban() => _loaded.CountByAgeSexRegion(RegistryGenerator.DefaultReferenceDate).Count;
}
