using Populus.Planning.Catalogue;

namespace Populus.Planning.Tests;

/// <summary>Rows of a data CSV as dictionaries, read with Planning's own RFC 4180 reader.</summary>
internal static class Csv
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string relative)
    {
        var table = CsvText.Parse(RepoData.Text(relative), relative);
        return [.. table.Rows.Select(r => table.Header.Select((h, i) => (h, v: r.Cells[i])).ToDictionary(p => p.h, p => p.v))];
    }
}
