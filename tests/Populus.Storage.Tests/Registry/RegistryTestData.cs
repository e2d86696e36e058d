using System.Security.Cryptography;
using DuckDB.NET.Data;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>Shared fixtures of the registry tests: the calibration read from the repository's data folder, keys, temp stores.</summary>
internal static class RegistryTestData
{
    private static readonly Lazy<RegistryCalibration> LazyCalibration =
        new(() => RegistryCalibration.Load(Populus.Storage.Scenarios.DataFolder.Locate()));

    public static RegistryCalibration Calibration => LazyCalibration.Value;

    public static RegistryKey NewKey() => RegistryKey.FromBytes(RandomNumberGenerator.GetBytes(RegistryKey.KeyBytes));

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"populus-registry-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static DuckDBConnection OpenDuckDb(string file)
    {
        var connection = new DuckDBConnection($"Data Source={file}");
        connection.Open();
        return connection;
    }
}
