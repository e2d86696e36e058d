namespace Populus.Storage.Tests;

/// <summary>Finds the read-only shared data folder that lies beside the repository (CI copies it there too).</summary>
internal static class TestData
{
    public static string SharedPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (Directory.Exists(Path.Combine(dir.FullName, "shared")) && (File.Exists(candidate) || Directory.Exists(candidate)))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/{relative} was not found beside the repository.");
    }

    /// <summary>A path inside the repository (test fixtures under tests/Fixtures), found by walking up to the folder holding Populus.sln.</summary>
    public static string RepoPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Populus.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new DirectoryNotFoundException($"No repository (Populus.sln) above {AppContext.BaseDirectory}.");
    }
}
