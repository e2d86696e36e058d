namespace Populus.Storage.Tests;

/// <summary>Folders of the repository the tests run from.</summary>
public static class TestPaths
{
    /// <summary>The repository root: the nearest folder up from the test binaries that holds Populus.sln.</summary>
    public static string RepoRoot { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Populus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Populus.sln above {AppContext.BaseDirectory}.");
    }
}
