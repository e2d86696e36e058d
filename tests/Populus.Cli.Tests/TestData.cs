namespace Populus.Cli.Tests;

/// <summary>Finds the read-only <c>shared/</c> folder that sits beside the repository clone.</summary>
internal static class TestData
{
    public static string SharedPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(shared))
            {
                return Path.Combine(shared, relative);
            }
        }

        throw new DirectoryNotFoundException($"No 'shared' folder above {AppContext.BaseDirectory}; it belongs beside the repository.");
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
