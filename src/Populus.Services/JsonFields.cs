using System.Globalization;
using System.Text.Json;
using Populus.Planning.Data;

namespace Populus.Services;

/// <summary>
/// Typed reads of one JSON object's fields that record every problem (field path, value, reason) instead of
/// stopping at the first, so a refused file lists all its faults.
/// </summary>
internal sealed class JsonFields(JsonElement element, string prefix, Action<string, string?, Reason> fail)
{
    private static readonly Reason Required = new("required", "必须填写");

    public JsonElement Element => element;

    public void Fail(string field, string? value, Reason reason) => fail(prefix + field, value, reason);

    public bool Has(string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null;

    public string? Text(string name, bool required)
    {
        if (!Has(name))
        {
            if (required)
            {
                Fail(name, null, Required);
            }

            return null;
        }

        var p = element.GetProperty(name);
        if (p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString()))
        {
            Fail(name, p.GetRawText(), new Reason("a non-empty text is expected", "应为非空文本"));
            return null;
        }

        return p.GetString()!.Trim();
    }

    public double? Number(string name, double min, double max, bool required)
    {
        if (!Has(name))
        {
            if (required)
            {
                Fail(name, null, Required);
            }

            return null;
        }

        var p = element.GetProperty(name);
        if (p.ValueKind != JsonValueKind.Number || !p.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            Fail(name, p.GetRawText(), new Reason("a number is expected", "应为数字"));
            return null;
        }

        if (value < min || value > max)
        {
            var (low, high) = (min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
            Fail(name, p.GetRawText(), new Reason($"must lie between {low} and {high}", $"应在 {low} 与 {high} 之间"));
            return null;
        }

        return value;
    }

    public int? Integer(string name, int min, int max, bool required)
    {
        var value = Number(name, min, max, required);
        if (value is { } v && v != Math.Floor(v))
        {
            Fail(name, v.ToString(CultureInfo.InvariantCulture), new Reason("a whole number is expected", "应为整数"));
            return null;
        }

        return value is null ? null : (int)value.Value;
    }

    public bool? Boolean(string name, bool required)
    {
        if (!Has(name))
        {
            if (required)
            {
                Fail(name, null, Required);
            }

            return null;
        }

        var p = element.GetProperty(name);
        if (p.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return p.GetBoolean();
        }

        Fail(name, p.GetRawText(), new Reason("true or false is expected", "应为 true 或 false"));
        return null;
    }

    public DateOnly? Date(string name, bool required)
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail(name, text, new Reason("not a date (write yyyy-mm-dd)", "不是日期（应写作 yyyy-mm-dd）"));
        return null;
    }

    public T? Code<T>(string name, bool required)
        where T : struct, Enum
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }

        if (People.Codes<T>.TryParse(text, out var value))
        {
            return value;
        }

        Fail(name, text, People.Codes<T>.Refusal);
        return null;
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!Has(name))
        {
            return [];
        }

        var p = element.GetProperty(name);
        if (p.ValueKind != JsonValueKind.Array || p.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            Fail(name, p.GetRawText(), new Reason("a list of texts is expected", "应为文本列表"));
            return [];
        }

        return [.. p.EnumerateArray().Select(e => e.GetString()!.Trim())];
    }

    public Dictionary<string, double> NumberMap(string name)
    {
        var p = element.GetProperty(name);
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (p.ValueKind != JsonValueKind.Object)
        {
            Fail(name, p.GetRawText(), new Reason("an object of code: points is expected", "应为“代码: 分值”的对象"));
            return map;
        }

        foreach (var property in p.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var v) && double.IsFinite(v))
            {
                map[property.Name] = v;
            }
            else
            {
                Fail($"{name}.{property.Name}", property.Value.GetRawText(), new Reason("a number is expected", "应为数字"));
            }
        }

        return map;
    }

    public IEnumerable<JsonElement> Array(string name)
    {
        if (!Has(name) || element.GetProperty(name).ValueKind != JsonValueKind.Array)
        {
            Fail(name, null, new Reason("a list is required", "必须填写列表"));
            return [];
        }

        return element.GetProperty(name).EnumerateArray();
    }

    /// <summary>Fields present that the reader does not know: a misspelt field must not be ignored silently.</summary>
    public void RefuseUnknown(IReadOnlyCollection<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Fail("", element.GetRawText(), new Reason("an object is expected", "应为对象"));
            return;
        }

        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            Fail(property.Name, null, new Reason($"unknown field (known: {string.Join(", ", known)})", $"未知字段（可用字段：{string.Join(", ", known)}）"));
        }
    }
}
