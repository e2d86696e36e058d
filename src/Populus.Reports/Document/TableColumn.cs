using System.Globalization;

namespace Populus.Reports.Document;

/// <summary>A table column: its header and how its cells are shown.</summary>
/// <remarks>
/// Numbers keep their full value in the model and in the workbook; only the Word table rounds them, to
/// <see cref="Decimals"/> places, so a reader of the .xlsx can recompute what the report shows.
/// </remarks>
public sealed class TableColumn
{
    private TableColumn(string header, ColumnKind kind, int decimals, bool thousandsSeparator)
    {
        Header = Require.Text(header);
        Require.That(decimals is >= 0 and <= 10, nameof(decimals), $"= {decimals}: must be between 0 and 10");
        Kind = kind;
        Decimals = decimals;
        ThousandsSeparator = thousandsSeparator;
    }

    public string Header { get; }

    public ColumnKind Kind { get; }

    /// <summary>Decimal places shown in the document (numbers only).</summary>
    public int Decimals { get; }

    /// <summary>Whether the document groups thousands (1,234,567); off for years and codes.</summary>
    public bool ThousandsSeparator { get; }

    /// <summary>A column of text cells.</summary>
    public static TableColumn Text(string header) => new(header, ColumnKind.Text, 0, false);

    /// <summary>A column of numbers shown with <paramref name="decimals"/> places.</summary>
    public static TableColumn Number(string header, int decimals = 0, bool thousandsSeparator = true) =>
        new(header, ColumnKind.Number, decimals, thousandsSeparator);

    /// <summary>The cell as the document shows it: numbers rounded to <see cref="Decimals"/>, empty cells as "—".</summary>
    /// <remarks>
    /// Rounding is half away from zero (四舍五入), as statistical bulletins print, applied to the number as written
    /// in decimal (15 significant digits): 0.985 shows as 0.99 although its binary double lies just below 0.985.
    /// </remarks>
    public string Format(TableCell cell)
    {
        if (cell.IsEmpty)
        {
            return "—";
        }

        if (cell.Number is { } number)
        {
            var format = (ThousandsSeparator ? "N" : "F") + Decimals.ToString(CultureInfo.InvariantCulture);
            return Math.Abs(number) < 1e15
                ? Math.Round((decimal)number, Decimals, MidpointRounding.AwayFromZero).ToString(format, CultureInfo.InvariantCulture)
                : number.ToString(format, CultureInfo.InvariantCulture);
        }

        return cell.Text!;
    }
}
