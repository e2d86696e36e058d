namespace Populus.Demography.Tests;

/// <summary>Finds the read-only <c>shared/</c> folder that sits beside the repository clone.</summary>
internal static class TestData
{
    /// <summary>The full path of <paramref name="relative"/> under <c>shared/</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above the test binaries contains <c>shared/</c>.</exception>
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
