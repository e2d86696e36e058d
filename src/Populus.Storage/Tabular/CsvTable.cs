using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Populus.Planning.Data;
using Populus.Storage.Registry;

namespace Populus.Storage.Tabular;

/// <summary>
/// Reads a headed table row by row, collecting every bad cell as an <see cref="InputError"/> instead of stopping
/// at the first. Callers read typed cells from each <see cref="CsvRecord"/> and call <see cref="ThrowIfInvalid"/>
/// before using anything they read, so that a bad file changes nothing.
/// </summary>
/// <remarks>
/// CSV is the native form, read as UTF-8 or, failing that, GB18030 (what Excel on a Chinese Windows writes; see
/// <see cref="CsvEncoding"/>). XLSX (first sheet) and Parquet files are read into the same text cells, so that one set
/// of checks applies whatever the format: <see cref="Open"/> picks the reader by the file's extension. Row numbers
/// are those a user sees: the CSV line or the spreadsheet row (the header is row 1); for Parquet, which has no
/// header row, the first record is row 2 so that the numbering matches the same table saved as CSV.
/// A file of personal data (<see cref="OpenPersonal"/>) shows no cell in full: see <see cref="AddError(int, string?, string?, Reason)"/>.
/// </remarks>
public sealed class CsvTable : IDisposable
{
    private readonly IDisposable? _owner;
    private readonly IEnumerator<(int Row, string[] Fields)>? _rows;
    private readonly Dictionary<string, int> _columns;
    private readonly List<InputError> _errors = [];

    // True for a file of personal data: every value a problem shows is masked (NationalIdNumber.Mask).
    private readonly bool _personal;

    private CsvTable(string displayName, string[]? header, IEnumerator<(int Row, string[] Fields)>? rows,
        IDisposable? owner, IReadOnlyCollection<string> required, bool personal)
    {
        FileName = displayName;
        _owner = owner;
        _rows = rows;
        _personal = personal;
        if (header is null)
        {
            _columns = [];
            _errors.Add(new InputError(displayName, 1, null, null, "the file is empty; a header row is expected", "文件为空；第一行应为表头"));
            return;
        }

        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        foreach (var name in required.Where(name => !_columns.ContainsKey(name)))
        {
            // A personal file without its header row has a person's cells in row 1 (an identity number, a birth date
            // that unmasks it): those are not listed.
            _errors.Add(personal
                ? new InputError(displayName, 1, name, null,
                    $"required column is missing (the header's {header.Length} cells are not listed: the file holds personal data, and row 1 may be a person's record)",
                    $"缺少必需的列（文件含个人信息，第 1 行可能是某人的记录，表头的 {header.Length} 格不予列出）")
                : new InputError(displayName, 1, name, null,
                    $"required column is missing (the header has: {string.Join(", ", header)})", $"缺少必需的列（表头为：{string.Join("、", header)}）"));
        }
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>What a CSV file was read as, "UTF-8" or "GB18030" (<see cref="CsvEncoding"/>); null for a spreadsheet,
    /// Parquet or text held in memory.</summary>
    public string? TextEncoding { get; private init; }

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>
    /// Opens a CSV, XLSX or Parquet file (by extension: .xlsx, .parquet, anything else is CSV) and checks that the
    /// <paramref name="requiredColumns"/> are in its header.
    /// </summary>
    /// <exception cref="InvalidInputException">The file does not exist or cannot be read as its format.</exception>
    public static CsvTable Open(string path, params string[] requiredColumns) => OpenAs(path, personal: false, requiredColumns);

    /// <summary>
    /// As <see cref="Open(string, string[])"/> for a file of personal data (one row a person named by identity number):
    /// a problem shows its value masked, and a missing column does not list the header, which may be a person's row.
    /// </summary>
    /// <exception cref="InvalidInputException">The file does not exist or cannot be read as its format.</exception>
    public static CsvTable OpenPersonal(string path, params string[] requiredColumns) => OpenAs(path, personal: true, requiredColumns);

    private static CsvTable OpenAs(string path, bool personal, string[] requiredColumns)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new InputError(path, 0, null, null, "file not found", "找不到文件"));
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".xlsx" => FromRows(path, XlsxRows.Read(path), personal, requiredColumns),
                ".parquet" => FromRows(path, ParquetRows.Read(path), personal, requiredColumns),
                _ => ReadCsv(path, CsvEncoding.Open(path, out var encoding), personal, requiredColumns, encoding),
            };
        }
        catch (Exception ex) when (ex is not (InvalidInputException or OutOfMemoryException))
        {
            var format = extension is ".xlsx" or ".parquet" ? extension[1..].ToUpperInvariant() + " " : "";
            throw new InvalidInputException(new InputError(path, 0, null, null, $"cannot be read as a {format}file: {ex.Message}", $"无法作为 {format}文件读取（{ex.Message}）"));
        }
    }

    /// <summary>Reads CSV text held in memory (uploads, tests); <paramref name="displayName"/> names it in errors.</summary>
    public static CsvTable FromReader(string displayName, TextReader reader, params string[] requiredColumns) =>
        ReadCsv(displayName, reader, personal: false, requiredColumns);

    private static CsvTable ReadCsv(string displayName, TextReader reader, bool personal, string[] requiredColumns, string? encoding = null)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            return new CsvTable(displayName, null, null, csv, requiredColumns, personal) { TextEncoding = encoding };
        }

        return new CsvTable(displayName, csv.HeaderRecord, CsvRows(csv).GetEnumerator(), csv, requiredColumns, personal) { TextEncoding = encoding };
    }

    /// <summary>A table already split into a header and text cells (spreadsheets, Parquet).</summary>
    private static CsvTable FromRows(string displayName, (string[]? Header, IEnumerable<(int Row, string[] Fields)> Rows) table,
        bool personal, string[] requiredColumns) =>
        new(displayName, table.Header, table.Header is null ? null : table.Rows.GetEnumerator(), null, requiredColumns, personal);

    private static IEnumerable<(int Row, string[] Fields)> CsvRows(CsvReader csv)
    {
        while (csv.Read())
        {
            yield return (csv.Parser.RawRow, csv.Parser.Record ?? []);
        }
    }

    /// <summary>True when the header has the column.</summary>
    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>The data rows, in file order. Stops early when the header itself was refused.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        if (_rows is null || (_errors.Count > 0 && _errors.Any(e => e.Row <= 1)))
        {
            yield break;
        }

        while (_rows.MoveNext())
        {
            var (row, fields) = _rows.Current;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return new CsvRecord(this, row, fields);
        }
    }

    /// <summary>Records a problem found by the caller's own checks (a missing age, a duplicate key).</summary>
    public void AddError(int row, string? column, string? value, string reason) =>
        _errors.Add(new InputError(FileName, row, column, Shown(value), reason));

    /// <summary>Records a problem whose reason is worded in English and Chinese (the cockpit's upload page shows the Chinese).</summary>
    /// <remarks>
    /// In a file of personal data every value is masked, whatever its column: a shifted column puts an identity
    /// number, a name or an address into any cell, and a birth date shown in full next to a masked number gives the
    /// whole number away (the mask hides exactly its date). Row and column still lead to the cell.
    /// </remarks>
    public void AddError(int row, string? column, string? value, Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        _errors.Add(new InputError(FileName, row, column, Shown(value), reason.English, reason.Chinese));
    }

    private string? Shown(string? value) => _personal && value is not null ? NationalIdNumber.Mask(value) : value;

    /// <summary>The reason for a file without a data row.</summary>
    public static readonly Reason NoDataRows = new("the file has no data rows", "文件没有数据行");

    /// <summary>Throws one exception listing every problem found, if there was any, in file order.</summary>
    /// <exception cref="InvalidInputException">At least one problem was recorded.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new InvalidInputException([.. _errors.OrderBy(e => e.Row)]);
        }
    }

    public void Dispose()
    {
        _rows?.Dispose();
        _owner?.Dispose();
    }

    internal string? Cell(string[] fields, string column) =>
        _columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i] : null;
}
