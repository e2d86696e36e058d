using System.Globalization;
using Populus.Demography;
using Populus.Planning.Data;

namespace Populus.Storage.Tabular;

/// <summary>
/// One data row of a <see cref="CsvTable"/>, holding its own copy of the cells. Typed reads record a problem on the table and return null when a cell
/// is missing, malformed or out of range; the caller goes on so that every problem of a file is reported at once.
/// </summary>
public readonly struct CsvRecord
{
    private readonly CsvTable _table;
    private readonly string[] _fields;

    internal CsvRecord(CsvTable table, int row, string[] fields)
    {
        _table = table;
        _fields = fields;
        Row = row;
    }

    /// <summary>1-based line number in the file (the header is row 1).</summary>
    public int Row { get; }

    /// <summary>The trimmed text of a cell, or null when it is empty or the column is absent.</summary>
    public string? Text(string column)
    {
        var s = _table.Cell(_fields, column);
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    /// <summary>A non-empty text cell; records "missing value" otherwise.</summary>
    public string? RequiredText(string column)
    {
        var s = Text(column);
        if (s is null)
        {
            Fail(column, null, new Reason("a value is required", "必须填写"));
        }

        return s;
    }

    /// <summary>A date written yyyy-mm-dd, or null: blank (a problem when <paramref name="required"/>) or not a date (a problem).</summary>
    public DateOnly? Date(string column, bool required = true)
    {
        var text = required ? RequiredText(column) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail(column, text, new Reason("not a date (write yyyy-mm-dd)", "不是日期（应写作 yyyy-mm-dd）"));
        return null;
    }

    /// <summary>A required yes or no (also true/false, 1/0, 是/否); records the problem and returns null otherwise.</summary>
    public bool? YesNo(string column)
    {
        var text = RequiredText(column);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "yes" or "true" or "1" or "是":
                return true;
            case "no" or "false" or "0" or "否":
                return false;
            default:
                Fail(column, text, new Reason("write yes or no", "应为 yes 或 no（是或否）"));
                return null;
        }
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>]; records the problem and returns null otherwise.</summary>
    public double? Number(string column, double min = double.MinValue, double max = double.MaxValue, Reason? rangeReason = null)
    {
        var s = Text(column);
        if (s is null)
        {
            Fail(column, null, new Reason("a number is required", "必须填写数字"));
            return null;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            Fail(column, s, new Reason("not a number", "不是数字"));
            return null;
        }

        if (v < min || v > max)
        {
            Fail(column, s, rangeReason ?? Between(min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return v;
    }

    /// <summary>A number when the cell is filled, null without complaint when it is empty.</summary>
    public double? OptionalNumber(string column, double min = double.MinValue, double max = double.MaxValue) =>
        Text(column) is null ? null : Number(column, min, max);

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Integer(string column, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = Text(column);
        if (s is null)
        {
            Fail(column, null, new Reason("a whole number is required", "必须填写整数"));
            return null;
        }

        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            Fail(column, s, new Reason("not a whole number", "不是整数"));
            return null;
        }

        if (v < min || v > max)
        {
            Fail(column, s, Between(min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return v;
    }

    /// <summary>An age as written in population tables: "85", or "100+" for an open group (returns the lower bound).</summary>
    public (int Age, bool Open)? Age(string column, int max = 130)
    {
        var s = Text(column);
        if (s is null)
        {
            Fail(column, null, new Reason("an age is required", "必须填写年龄"));
            return null;
        }

        var open = s.EndsWith('+');
        var digits = open ? s[..^1] : s;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > max)
        {
            Fail(column, s, new Reason($"not an age (whole years 0–{max}, '+' marks an open group)", $"不是年龄（0–{max} 的整岁数，“+”表示开口组）"));
            return null;
        }

        return (age, open);
    }

    /// <summary>A sex written as M/F (or male/female, 男/女).</summary>
    public Sex? Sex(string column = "sex")
    {
        var text = Text(column);
        if (SexCodes.TryParse(text, out var sex))
        {
            return sex;
        }

        Fail(column, text, new Reason("expected M or F", "应为 M 或 F（男或女）"));
        return null;
    }

    /// <summary>Records a problem with a cell of this row.</summary>
    public void Fail(string? column, string? value, string reason) => _table.AddError(Row, column, value, reason);

    /// <summary>Records a problem with a cell of this row, worded in English and Chinese.</summary>
    public void Fail(string? column, string? value, Reason reason) => _table.AddError(Row, column, value, reason);

    private static Reason Between(string min, string max) => new($"must be between {min} and {max}", $"应在 {min} 与 {max} 之间");
}
