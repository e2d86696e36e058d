using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Populus.Storage;
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
    private IPopulusStore _store = null!;
    private PersonRegistry _loaded = null!;

    [Params(1_000_000)]
    public int Persons { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _calibration = RegistryCalibration.Load(Populus.Storage.Scenarios.DataFolder.Locate());
        _key = RegistryKey.FromBytes(RandomNumberGenerator.GetBytes(RegistryKey.KeyBytes));
        _folder = Path.Combine(Path.GetTempPath(), $"populus-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _store = PopulusStore.Open(Path.Combine(_folder, "counted.duckdb"));
        _loaded = _store.OpenRegistry(_key);
        _loaded.Load(new RegistryGenerator(_calibration, Persons, seed: 1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _loaded.Dispose();
        _store.Dispose();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public long LoadIntoDuckDb()
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.duckdb");
        long loaded;
        using (var store = PopulusStore.Open(file))
        using (var registry = store.OpenRegistry(_key))
        {
            loaded = registry.Load(new RegistryGenerator(_calibration, Persons, seed: 1));
        }

        File.Delete(file);
        return loaded;
    }

    [Benchmark]
    public int CountByAgeSexCountyUrban() => _loaded.CountByAgeSexRegion(RegistryGenerator.DefaultReferenceDate).Count;
}
