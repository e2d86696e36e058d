using System.Collections.Immutable;

namespace Populus.Reports.Document;

/// <summary>A table with a caption, a header row, body rows and the provenance of its figures.</summary>
/// <remarks>
/// Provenance is required: a planning report mixes census counts, administrative records, estimates and
/// projections, and a reader must be able to tell which a figure is. The Word writer puts it in a footnote on the
/// caption; the workbook keeps the table's values unrounded.
/// </remarks>
public sealed class ReportTable : ReportBlock
{
    /// <exception cref="ArgumentException">
    /// No columns, duplicate headers, a row of the wrong width, a cell that does not fit its column's kind, or an
    /// empty title or provenance.
    /// </exception>
    public ReportTable(string title, IEnumerable<TableColumn> columns, IEnumerable<IEnumerable<TableCell>> rows,
        string provenance, string? sheetName = null)
    {
        Title = Require.Text(title);
        Provenance = Require.Text(provenance);
        Columns = [.. columns ?? throw new ArgumentNullException(nameof(columns))];
        Require.That(Columns.Length > 0, nameof(columns), "must hold at least one column");

        // Headers name the workbook's columns, which must be unique regardless of case.
        var duplicate = Columns.GroupBy(c => c.Header, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        Require.That(duplicate is null, nameof(columns), $"has the header \"{duplicate?.Key}\" more than once");

        var body = ImmutableArray.CreateBuilder<ImmutableArray<TableCell>>();
        foreach (var row in rows ?? throw new ArgumentNullException(nameof(rows)))
        {
            ImmutableArray<TableCell> cells = [.. row];
            Require.That(cells.Length == Columns.Length, nameof(rows),
                $"row {body.Count + 1} of \"{title}\" has {cells.Length} cells for {Columns.Length} columns");
            for (var c = 0; c < cells.Length; c++)
            {
                var fits = cells[c].IsEmpty || (Columns[c].Kind == ColumnKind.Number) == cells[c].Number.HasValue;
                Require.That(fits, nameof(rows),
                    $"row {body.Count + 1}, column \"{Columns[c].Header}\" of \"{title}\" holds \"{cells[c]}\", " +
                    $"which is not a {Columns[c].Kind.ToString().ToLowerInvariant()} cell");
            }

            body.Add(cells);
        }

        Rows = body.ToImmutable();
        SheetName = sheetName is null ? null : Require.Text(sheetName);
    }

    /// <summary>The caption (the writer numbers it: 表 1、表 2 …).</summary>
    public string Title { get; }

    public ImmutableArray<TableColumn> Columns { get; }

    public ImmutableArray<ImmutableArray<TableCell>> Rows { get; }

    /// <summary>Where the figures come from and what they are (census, records, estimate, projection).</summary>
    public string Provenance { get; }

    /// <summary>The workbook sheet's name; null to derive it from <see cref="Title"/>.</summary>
    public string? SheetName { get; }
}
