using Parquet.Serialization;

namespace Populus.Storage.Tabular;

/// <summary>A flat Parquet file as a header (its column names) and rows of text cells (Parquet.Net).</summary>
internal static class ParquetRows
{
    /// <remarks>
    /// Read whole inside <see cref="CsvTable.Open"/> so that a damaged file is an input error before anything is
    /// stored. Record k (1-based) is reported as row k + 1, the line it would have in the same table saved as CSV.
    /// </remarks>
    public static (string[]? Header, IEnumerable<(int Row, string[] Fields)> Rows) Read(string path)
    {
        using var stream = File.OpenRead(path);
        var result = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
        var header = result.Schema.Fields.Select(f => f.Name).ToArray();
        var rows = new List<(int, string[])>(result.Data.Count);
        var row = 1;
        foreach (var record in result.Data)
        {
            row++;
            var fields = new string[header.Length];
            for (var i = 0; i < header.Length; i++)
            {
                fields[i] = record.TryGetValue(header[i], out var v) ? CellText.Of(v) : "";
            }

            rows.Add((row, fields));
        }

        return (header, rows);
    }
}
