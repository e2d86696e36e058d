namespace Populus.Demography.Tests;

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

    /// <summary>Rows of a plain comma-separated file (no quoted fields) as dictionaries keyed by header.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string relative)
    {
        var lines = File.ReadAllLines(SharedPath(relative));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return header.Select((h, i) => (h, cells[i])).ToDictionary(x => x.h, x => x.Item2);
        })];
    }

    public static double Number(this Dictionary<string, string> row, string column) =>
        double.Parse(row[column], System.Globalization.CultureInfo.InvariantCulture);
}
