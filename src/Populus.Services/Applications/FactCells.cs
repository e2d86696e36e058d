using System.Globalization;
using Populus.Planning.Data;
using Populus.Services.Points;

namespace Populus.Services.Applications;

/// <summary>
/// The written form of an application's dated facts, one notation wherever a person writes them: a cell of the
/// applications file (<see cref="ApplicationReader"/>) and a field of a review's corrected facts
/// (<see cref="FactsCorrection"/>). Months as <c>2021-01..2023-12;2024-03</c>; events as
/// <c>kind:yyyy-mm-dd[:quantity]</c> separated by ';'. Nothing may be dated after the application's submission.
/// </summary>
internal static class FactCells
{
    /// <summary>Reads insurance months; null when they read, else why, with the part of the text refused.</summary>
    public static (Reason Reason, string Part)? Months(string text, DateOnly? submitted, out IReadOnlyList<int> months)
    {
        var found = new SortedSet<int>();
        months = [];
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split("..");
            if (ends.Length > 2 || !TryMonth(ends[0], out var first) || !TryMonth(ends[^1], out var last) || last < first)
            {
                return (new Reason("write months as yyyy-mm or ranges yyyy-mm..yyyy-mm (first month first), separated by ';'",
                    "月份应写作 yyyy-mm 或区间 yyyy-mm..yyyy-mm（先早后晚），以“;”分隔"), part);
            }

            if (submitted is { } s && last > PointsFacts.MonthIndex(s.Year, s.Month))
            {
                return (new Reason("a month after submitted_on", "月份晚于申请提交日期（submitted_on）"), part);
            }

            for (var m = first; m <= last; m++)
            {
                found.Add(m);
            }
        }

        months = [.. found];
        return null;
    }

    /// <summary>Reads dated events; null when they read, else why, with the part of the text refused.</summary>
    public static (Reason Reason, string Part)? Events(string text, DateOnly? submitted, out IReadOnlyList<PointsEvent> events)
    {
        var found = new List<PointsEvent>();
        events = [];
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bits = part.Split(':');
            if (bits.Length is < 2 or > 3 || bits[0].Length == 0 || !bits[0].All(c => char.IsAsciiLetterLower(c) || c == '_') ||
                !DateOnly.TryParseExact(bits[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (new Reason("write kind:yyyy-mm-dd or kind:yyyy-mm-dd:quantity (kind in lower case, e.g. award, volunteer_hours)",
                    "应写作 类别:yyyy-mm-dd 或 类别:yyyy-mm-dd:数量（类别用小写英文，如 award、volunteer_hours）"), part);
            }

            var quantity = 1.0;
            if (bits.Length == 3 && (!double.TryParse(bits[2], NumberStyles.Float, CultureInfo.InvariantCulture, out quantity) || quantity <= 0 || !double.IsFinite(quantity)))
            {
                return (new Reason("the quantity is a positive number", "数量应为正数"), part);
            }

            if (submitted is { } s && date > s)
            {
                return (new Reason("dated after submitted_on", "日期晚于申请提交日期（submitted_on）"), part);
            }

            found.Add(new PointsEvent(bits[0], date, quantity));
        }

        events = found;
        return null;
    }

    private static bool TryMonth(string text, out int index)
    {
        index = 0;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return false;
        }

        index = PointsFacts.MonthIndex(d.Year, d.Month);
        return true;
    }
}
