using System.Globalization;

namespace Populus.Demography.Tests;

/// <summary>Finds the read-only <c>shared/</c> folder beside the repository (wherever the repository is cloned).</summary>
internal static class TestData
{
    public static string SharedPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Rows of a simple CSV (no quoted commas) as header-keyed dictionaries.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string relative)
    {
        using var reader = new StreamReader(SharedPath(relative));
        var header = reader.ReadLine()!.Split(',');
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            yield return header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        }
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
