using System.Data;
using MiniExcelLibs;
using Populus.Reports.Document;

namespace Populus.Reports.Excel;

/// <summary>Writes report tables to an .xlsx workbook: one sheet a table, the header row first, numbers as numbers.</summary>
/// <remarks>
/// Numbers are written unrounded (the Word table rounds for reading); empty cells stay empty. Sheets are named after
/// <see cref="ReportTable.SheetName"/>, else the title, made valid and unique (see <see cref="SheetNames"/>).
/// </remarks>
public static class WorkbookWriter
{
    /// <summary>Writes the tables to a new file, replacing any file at <paramref name="path"/>.</summary>
    /// <returns>The sheet names, in table order.</returns>
    public static IReadOnlyList<string> Write(IEnumerable<ReportTable> tables, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        return Write(tables, stream);
    }

    /// <summary>Writes the tables to a writable stream.</summary>
    /// <returns>The sheet names, in table order.</returns>
    /// <exception cref="ArgumentException">There are no tables (a workbook needs a sheet).</exception>
    public static IReadOnlyList<string> Write(IEnumerable<ReportTable> tables, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(stream);
        var list = tables.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("tables: a workbook needs at least one table.", nameof(tables));
        }

        var names = SheetNames.Assign(list.Select(t => t.SheetName ?? t.Title));
        var sheets = new Dictionary<string, object>();
        for (var i = 0; i < list.Count; i++)
        {
            sheets.Add(names[i], ToDataTable(list[i], names[i]));
        }

        stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
        return names;
    }

    private static DataTable ToDataTable(ReportTable table, string name)
    {
        // Typed columns keep the header row even for a table without rows, and numbers numeric.
        var data = new DataTable(name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in table.Columns)
        {
            data.Columns.Add(column.Header, column.Kind == ColumnKind.Number ? typeof(double) : typeof(string));
        }

        foreach (var row in table.Rows)
        {
            data.Rows.Add([.. row.Select(cell => cell.Number is { } n ? n : (object?)cell.Text ?? DBNull.Value)]);
        }

        return data;
    }
}
