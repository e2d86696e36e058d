using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Populus.Storage.Tabular;

/// <summary>
/// Reads a headed CSV file row by row, collecting every bad cell as an <see cref="InputError"/> instead of stopping
/// at the first. Callers read typed cells from each <see cref="CsvRecord"/> and call <see cref="ThrowIfInvalid"/>
/// before using anything they read, so that a bad file changes nothing.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly CsvReader _csv;
    private readonly Dictionary<string, int> _columns;
    private readonly List<InputError> _errors = [];

    private CsvTable(string displayName, TextReader reader, IReadOnlyCollection<string> required)
    {
        FileName = displayName;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        _csv = new CsvReader(reader, config);
        if (!_csv.Read() || !_csv.ReadHeader() || _csv.HeaderRecord is null)
        {
            _columns = [];
            _errors.Add(new InputError(displayName, 1, null, null, "the file is empty; a header row is expected"));
            return;
        }

        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _csv.HeaderRecord.Length; i++)
        {
            _columns.TryAdd(_csv.HeaderRecord[i].Trim().TrimStart('\uFEFF'), i);
        }

        foreach (var name in required.Where(name => !_columns.ContainsKey(name)))
        {
            _errors.Add(new InputError(displayName, 1, name, null,
                $"required column is missing (the header has: {string.Join(", ", _csv.HeaderRecord)})"));
        }
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>Opens a file and checks that the <paramref name="requiredColumns"/> are in its header.</summary>
    /// <exception cref="InvalidInputException">The file does not exist or cannot be read.</exception>
    public static CsvTable Open(string path, params string[] requiredColumns)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new InputError(path, 0, null, null, "file not found"));
        }

        try
        {
            return new CsvTable(path, new StreamReader(path, detectEncodingFromByteOrderMarks: true), requiredColumns);
        }
        catch (IOException ex)
        {
            throw new InvalidInputException(new InputError(path, 0, null, null, $"cannot be read: {ex.Message}"));
        }
    }

    /// <summary>Reads CSV text held in memory (uploads, tests); <paramref name="displayName"/> names it in errors.</summary>
    public static CsvTable FromReader(string displayName, TextReader reader, params string[] requiredColumns) =>
        new(displayName, reader, requiredColumns);

    /// <summary>True when the header has the column.</summary>
    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>The data rows, in file order. Stops early when the header itself was refused.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        if (_errors.Count > 0 && _errors.Any(e => e.Row <= 1))
        {
            yield break;
        }

        while (_csv.Read())
        {
            yield return new CsvRecord(this, _csv.Parser.RawRow, _csv.Parser.Record ?? []);
        }
    }

    /// <summary>Records a problem found by the caller's own checks (a missing age, a duplicate key).</summary>
    public void AddError(int row, string? column, string? value, string reason) =>
        _errors.Add(new InputError(FileName, row, column, value, reason));

    /// <summary>Throws one exception listing every problem found, if there was any.</summary>
    /// <exception cref="InvalidInputException">At least one problem was recorded.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new InvalidInputException(_errors);
        }
    }

    public void Dispose() => _csv.Dispose();

    internal string? Cell(string[] fields, string column) =>
        _columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i] : null;
}
