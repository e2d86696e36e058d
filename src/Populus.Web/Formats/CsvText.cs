using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Populus.Web.Formats;

/// <summary>RFC 4180 CSV of flat rows: one column per public property, in declaration order, header first.</summary>
/// <remarks>Text that a spreadsheet would run as a formula (starting with = + - @ and not a number) is prefixed with
/// an apostrophe, so an exported file cannot carry a formula injected through imported text.</remarks>
internal static class CsvText
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Write<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && IsFlat(p.PropertyType))
            .ToArray();
        var text = new StringBuilder();
        text.AppendJoin(',', properties.Select(p => Field(Camel(p.Name)))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', properties.Select(p => Field(Format(p.GetValue(row))))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>One CSV line from cells already formatted.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(c => Field(c ?? ""))) + "\r\n";

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list and not string => string.Join(';', list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    private static bool IsFlat(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u.IsPrimitive || u.IsEnum || u == typeof(string) || u == typeof(decimal) || u == typeof(DateOnly) || u == typeof(DateTime)
               || (typeof(IEnumerable).IsAssignableFrom(u) && u.IsGenericType && u.GetGenericArguments()[0] == typeof(string));
    }

    private static string Field(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            s = "'" + s;
        }

        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
