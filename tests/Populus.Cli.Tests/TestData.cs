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
}
