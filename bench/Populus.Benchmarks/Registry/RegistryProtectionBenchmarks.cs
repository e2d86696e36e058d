using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Populus.Storage.Registry;

namespace Populus.Benchmarks.Registry;

/// <summary>
/// Protecting one block of 16,384 identity numbers (look-up values and sealed numbers: two platform AES-256 calls over
/// the whole block, as a bulk-load thread makes them), beside drawing the block (the generator's share of a load).
/// </summary>
[ShortRunJob]
[InProcess]
[MemoryDiagnoser]
public class RegistryProtectionBenchmarks
{
    private PersonBatch _batch = null!;
    private RegistryKey _key = null!;
    private IdProtector _protector = null!;
    private RegistryGenerator _generator = null!;
    private IPersonBatchSource _source = null!;

    [GlobalSetup]
    public void Setup()
    {
        var calibration = RegistryCalibration.Load(Populus.Storage.Scenarios.DataFolder.Locate());
        _batch = new PersonBatch(ProtectedLoad.BlockSize);
        _generator = new RegistryGenerator(calibration, 64L * ProtectedLoad.BlockSize, seed: 1);
        _source = _generator.CreateSource();
        _source.FillNext(_batch);
        _key = RegistryKey.FromBytes(RandomNumberGenerator.GetBytes(RegistryKey.KeyBytes));
        _protector = new IdProtector(_key);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _protector.Dispose();
        _key.Dispose();
    }

    [Benchmark]
    public void ProtectBlock() => _protector.Protect(_batch);

    /// <summary>Drawing a block of persons with their identity numbers (a new pass every 64 blocks).</summary>
    [Benchmark]
    public void GenerateBlock()
    {
        if (!_source.FillNext(_batch))
        {
            _source = _generator.CreateSource();
            _source.FillNext(_batch);
        }
    }
}
