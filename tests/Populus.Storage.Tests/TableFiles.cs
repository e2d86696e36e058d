using System.Globalization;
using MiniExcelLibs;
using Parquet.Schema;
using Parquet.Serialization;

namespace Populus.Storage.Tests;

/// <summary>Writes one table (header + text rows) as CSV, XLSX or Parquet, with typed cells where the text is a number.</summary>
public static class TableFiles
{
    public static string Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        var data = rows.ToList();
        switch (Path.GetExtension(path))
        {
            case ".xlsx":
                var sheet = data.Select(r => (IDictionary<string, object?>)header.Select((h, i) => (h, Typed(r[i])))
                    .ToDictionary(p => p.h, p => p.Item2)).ToList();
                MiniExcel.SaveAs(path, sheet);
                break;
            case ".parquet":
                WriteParquet(path, header, data);
                break;
            default:
                File.WriteAllLines(path, [string.Join(',', header), .. data.Select(r => string.Join(',', r.Select(Quote)))]);
                break;
        }

        return path;
    }

    /// <summary>CSV text to a file of the given format (first line is the header).</summary>
    public static string Write(string path, string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Write(path, lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')));
    }

    private static void WriteParquet(string path, string[] header, List<string[]> data)
    {
        // A column whose every cell is a whole number is stored as int64, a number as double, else as text: the
        // importer must read typed Parquet columns exactly as their CSV text.
        var fields = new List<Field>();
        for (var i = 0; i < header.Length; i++)
        {
            var cells = data.Select(r => r[i]).Where(c => c.Length > 0).ToList();
            fields.Add(cells.Count > 0 && cells.All(c => long.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                ? new DataField<long?>(header[i])
                : cells.Count > 0 && cells.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    ? new DataField<double?>(header[i])
                    : new DataField<string>(header[i]));
        }

        var schema = new ParquetSchema(fields);
        var records = data.Select(r =>
        {
            var d = new Dictionary<string, object?>();
            for (var i = 0; i < header.Length; i++)
            {
                if (r[i].Length == 0)
                {
                    continue;
                }

                d[header[i]] = fields[i] switch
                {
                    DataField<long?> => long.Parse(r[i], CultureInfo.InvariantCulture),
                    DataField<double?> => double.Parse(r[i], CultureInfo.InvariantCulture),
                    _ => r[i],
                };
            }

            return (IDictionary<string, object?>)d;
        }).ToList();
        using var stream = File.Create(path);
        ParquetSerializer.SerializeUntypedAsync(records, schema, stream).GetAwaiter().GetResult();
    }

    private static object? Typed(string cell) =>
        cell.Length == 0 ? null
        : long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l
        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : cell;

    private static string Quote(string cell) => cell.Contains(',') || cell.Contains('"') ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
