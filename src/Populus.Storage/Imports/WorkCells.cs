using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>Cell readers shared by the work-point and progress imports.</summary>
internal static class WorkCells
{
    /// <summary>The plan's period: work points are set for 2021–2035.</summary>
    public const int FirstYear = 2021;

    public const int LastYear = 2035;

    public static int? Year(CsvRecord record) => record.Integer("year", FirstYear, LastYear);

    /// <summary>The key of a work point: letters, digits, '-', '_' or '.', up to 40 characters.</summary>
    public static string? PointKey(CsvRecord record)
    {
        var key = record.RequiredText("point_key");
        if (key is not null && (key.Length > 40 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            record.Fail("point_key", key, new Reason("a work point key is up to 40 letters, digits, '-', '_' or '.', e.g. 2025-3.1.1-a", "工作要点编号最多 40 个字符，由字母、数字、“-”“_”“.”组成，如 2025-3.1.1-a"));
            return null;
        }

        return key;
    }
}
