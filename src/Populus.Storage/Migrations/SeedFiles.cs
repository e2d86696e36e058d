using Populus.Storage.Tabular;

namespace Populus.Storage.Migrations;

/// <summary>The files under data/ that migrations seed a store from, embedded in the assembly (see the project file).</summary>
internal static class SeedFiles
{
    /// <summary>Opens an embedded file, named by its folder and name under data/ with dots ("wenzhou.sources.csv").</summary>
    public static CsvTable Open(string resource, params string[] required)
    {
        var name = $"Populus.Storage.Seed.{resource}";
        var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream(name)
                     ?? throw new InvalidOperationException($"Seed file {name} is not embedded.");
        return CsvTable.FromReader(DisplayName(resource), new StreamReader(stream), required);
    }

    /// <summary>The SHA-256 of an embedded file, recorded with the batch it seeds.</summary>
    public static string Sha256(params string[] resources)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var resource in resources)
        {
            using var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream($"Populus.Storage.Seed.{resource}")
                               ?? throw new InvalidOperationException($"Seed file {resource} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            hash.AppendData(copy.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>"wenzhou.sources.csv" → "data/wenzhou/sources.csv", as a user finds it in the repository.</summary>
    public static string DisplayName(string resource) => "data/" + resource.Replace('.', '/').Replace("/csv", ".csv");
}
