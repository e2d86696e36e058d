using MiniExcelLibs;

namespace Populus.Storage.Tabular;

/// <summary>The first sheet of an .xlsx workbook as a header and rows of text cells (MiniExcel).</summary>
internal static class XlsxRows
{
    /// <remarks>
    /// The sheet is read whole, inside <see cref="CsvTable.Open"/>, so that a damaged workbook is reported as an
    /// input error before anything is stored. Row numbers are the sheet's: the header is row 1.
    /// </remarks>
    public static (string[]? Header, IEnumerable<(int Row, string[] Fields)> Rows) Read(string path)
    {
        string[]? header = null;
        List<string>? keys = null;
        var rows = new List<(int, string[])>();
        var row = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(path, useHeaderRow: false))
        {
            row++;
            if (keys is null)
            {
                keys = [.. cells.Keys];
                header = [.. keys.Select(k => CellText.Of(cells[k]))];
                continue;
            }

            var fields = new string[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                fields[i] = cells.TryGetValue(keys[i], out var v) ? CellText.Of(v) : "";
            }

            rows.Add((row, fields));
        }

        return (header, rows);
    }
}
