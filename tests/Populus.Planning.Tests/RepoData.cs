namespace Populus.Planning.Tests;

/// <summary>Finds the repository's embedded dataset (<c>data/</c>) from the test's base directory.</summary>
internal static class RepoData
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "data", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"data/{relative} was not found above {AppContext.BaseDirectory}.");
    }

    public static string Text(string relative) => File.ReadAllText(Path(relative));
}
