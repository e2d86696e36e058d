using System.Text;

namespace Populus.Planning.Catalogue;

/// <summary>A header-and-rows CSV text (RFC 4180 quoting), read from a string so Planning stays free of I/O.
/// The plan's Chinese fields keep ASCII commas, hence real quoting rather than splitting.</summary>
internal sealed class CsvText
{
    private readonly Dictionary<string, int> _columns;

    private CsvText(string source, string[] header, List<(int Line, string[] Cells)> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
        _columns = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>A name for messages, usually the file name.</summary>
    public string Source { get; }

    public string[] Header { get; }

    /// <summary>Data rows with their 1-based line number in the text (the header is line 1).</summary>
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    /// <exception cref="CatalogueException">The text is empty, a quote is unbalanced, a row has the wrong number
    /// of cells, or a required column is absent.</exception>
    public static CsvText Parse(string text, string source, params string[] requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Split(text, source);
        if (records.Count == 0)
        {
            throw new CatalogueException(source, [new CatalogueError(source, "(header)", "(file)", "", "the text is empty; a header row is needed")]);
        }

        var header = records[0].Cells;
        var errors = new List<CatalogueError>();
        foreach (var column in requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new CatalogueError(source, "(header)", column, "", "required column is missing"));
        }

        var rows = new List<(int, string[])>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Length != header.Length)
            {
                errors.Add(new CatalogueError(source, $"line {line}", "(row)", "", $"has {cells.Length} cells, the header has {header.Length}"));
                continue;
            }

            rows.Add((line, cells));
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(source, errors);
        }

        return new CsvText(source, header, rows);
    }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>The trimmed cell of <paramref name="column"/> in <paramref name="cells"/>.</summary>
    public string Cell(string[] cells, string column) => cells[_columns[column]].Trim();

    private static List<(int Line, string[] Cells)> Split(string text, string source)
    {
        var records = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((recordLine, cells.ToArray()));
                cells.Clear();
                line++;
                recordLine = line;
            }
            else if (c != '\uFEFF' || i > 0)
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new CatalogueException(source, [new CatalogueError(source, $"line {recordLine}", "(row)", "", "a quoted cell is not closed")]);
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells.ToArray()));
        }

        return records;
    }
}
