using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Populus.Storage.Registry;

namespace Populus.Benchmarks.Registry;

/// <summary>
/// Hashing and sealing one block of 16,384 identity numbers: the AVX2/AES-NI path bulk loads use, against the
/// platform's HMACSHA256 and AesGcm called number by number (the baseline).
/// </summary>
[ShortRunJob]
[InProcess]
[MemoryDiagnoser]
public class RegistryProtectionBenchmarks
{
    private PersonBatch _batch = null!;
    private RegistryKey _key = null!;
    private IdProtector _intrinsics = null!;
    private IdProtector _platform = null!;
    private RegistryGenerator _generator = null!;
    private IPersonBatchSource _source = null!;

    [GlobalSetup]
    public void Setup()
    {
        var calibration = RegistryCalibration.Load(RegistryCalibration.FindDataFolder());
        _batch = new PersonBatch(ProtectedLoad.BlockSize);
        _generator = new RegistryGenerator(calibration, 64L * ProtectedLoad.BlockSize, seed: 1);
        _source = _generator.CreateSource();
        _source.FillNext(_batch);
        _key = RegistryKey.FromBytes(RandomNumberGenerator.GetBytes(RegistryKey.KeyBytes));
        _intrinsics = new IdProtector(_key);
        _platform = new IdProtector(_key, useIntrinsics: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _intrinsics.Dispose();
        _platform.Dispose();
        _key.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void ProtectBlock_Platform() => _platform.Protect(_batch);

    [Benchmark]
    public void ProtectBlock_Intrinsics() => _intrinsics.Protect(_batch);

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
