using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Populus.Cli.Commands;

/// <summary>The `--format table|csv|json` option and the writer shared by the plan-monitoring commands.</summary>
internal static class TableOutput
{
    public static Option<string> CreateOption()
    {
        var format = new Option<string>("--format") { Description = "Output: table (default), csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }

    /// <summary>Writes rows under a header: an aligned text table, RFC 4180 CSV, or a JSON array of objects.</summary>
    public static void Write(TextWriter w, string format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var all = rows.ToList();
        switch (format)
        {
            case "csv":
                w.WriteLine(string.Join(',', header.Select(Csv)));
                foreach (var r in all)
                {
                    w.WriteLine(string.Join(',', r.Select(c => Csv(c ?? ""))));
                }

                break;
            case "json":
                var objects = all.Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2));
                w.WriteLine(JsonSerializer.Serialize(objects, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            default:
                var widths = header.Select((h, i) => Math.Min(60, Math.Max(Width(h), all.Count == 0 ? 0 : all.Max(r => Width(r[i] ?? ""))))).ToArray();
                w.WriteLine(Line(header, widths));
                w.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))));
                foreach (var r in all)
                {
                    w.WriteLine(Line(r, widths));
                }

                break;
        }
    }

    /// <summary>A number in invariant culture with up to <paramref name="decimals"/> decimals, or empty.</summary>
    public static string Number(double? value, int decimals = 4) =>
        value is { } v ? v.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) : "";

    private static string Line(IReadOnlyList<string?> cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i] ?? "";
            sb.Append(c);
            if (i < cells.Count - 1)
            {
                sb.Append(' ', Math.Max(0, widths[i] - Width(c)) + 2);
            }
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Display width: CJK characters take two columns.</summary>
    private static int Width(string s) => s.Sum(ch => ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFF00 && ch <= 0xFF60)) ? 2 : 1);

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
