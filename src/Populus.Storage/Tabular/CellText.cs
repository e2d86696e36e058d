using System.Globalization;

namespace Populus.Storage.Tabular;

/// <summary>Turns a typed cell of a spreadsheet or Parquet file into the text a CSV file would hold.</summary>
/// <remarks>
/// Converting to text first keeps one validation path for every format (see <see cref="CsvTable"/>): a number
/// stored as 2020.0 in a spreadsheet reads as "2020", exactly as it would from CSV.
/// </remarks>
internal static class CellText
{
    public static string Of(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
