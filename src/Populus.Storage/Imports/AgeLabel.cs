using System.Globalization;
using Populus.Planning.Data;

namespace Populus.Storage.Imports;

/// <summary>
/// An age or age group as written in population tables: "total" (all ages), "25" (one year), "25-29" (a closed
/// group), "85+" (an open group). Groups must lie on the five-year grid of census tables.
/// </summary>
/// <remarks>
/// The grid: a closed group starts at a multiple of 5 (or is the life-table group 1-4) and ends just before a
/// multiple of 5; an open group starts at a multiple of 5. So 0-4, 15-49, 15-64, 1-4 and 85+ are on the grid and
/// 3-7 or 83+ are not. Single years are always on it. The label is stored in this canonical form and is part of
/// each figure's key, so "25-29" and "25–29" cannot become two figures.
/// </remarks>
internal readonly record struct AgeLabel(string Label, int From, int? To)
{
    public const int MaxAge = 130;

    public static readonly AgeLabel Total = new("total", 0, null);

    public bool IsTotal => Label == "total";

    /// <summary>Parses a label; returns the reason when it is refused.</summary>
    public static bool TryParse(string text, out AgeLabel age, out Reason? reason)
    {
        age = default;
        reason = null;
        var s = text.Trim().Replace('–', '-').Replace('—', '-').Replace('~', '-');
        if (s is "total" or "all" or "Total" or "合计" or "总计")
        {
            age = Total;
            return true;
        }

        if (s.EndsWith('+'))
        {
            if (!TryAge(s[..^1], out var from))
            {
                reason = new("not an age group (write 25, 25-29, 85+ or total)", "不是年龄组（应写作 25、25-29、85+ 或 total）");
                return false;
            }

            if (from % 5 != 0)
            {
                reason = new($"open age group {from}+ is not on the five-year grid (an open group starts at a multiple of 5)", $"开口年龄组 {from}+ 不在五岁组网格上（开口组应从 5 的倍数开始）");
                return false;
            }

            age = new AgeLabel($"{from}+", from, null);
            return true;
        }

        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (!TryAge(s, out var single))
            {
                reason = new($"not an age group (write 25, 25-29, 85+ or total; ages are whole years 0–{MaxAge})", $"不是年龄组（应写作 25、25-29、85+ 或 total；年龄为 0–{MaxAge} 的整岁数）");
                return false;
            }

            age = new AgeLabel(single.ToString(CultureInfo.InvariantCulture), single, single);
            return true;
        }

        if (!TryAge(s[..dash], out var lo) || !TryAge(s[(dash + 1)..], out var hi) || hi <= lo)
        {
            reason = new("not an age group (a closed group is written low-high with low < high, e.g. 25-29)", "不是年龄组（闭合组写作“下限-上限”，下限小于上限，如 25-29）");
            return false;
        }

        var onGrid = (lo % 5 == 0 || (lo == 1 && hi == 4)) && (hi + 1) % 5 == 0;
        if (!onGrid)
        {
            reason = new($"age group {lo}-{hi} is not on the five-year grid (groups start at a multiple of 5, or are 1-4, and end just before one)",
                $"年龄组 {lo}-{hi} 不在五岁组网格上（应从 5 的倍数开始，或为 1-4，并止于下一个 5 的倍数之前）");
            return false;
        }

        age = new AgeLabel($"{lo}-{hi}", lo, hi);
        return true;
    }

    /// <summary>True when the two groups share an age (the total overlaps nothing: it is the margin, not a group).</summary>
    public bool Overlaps(AgeLabel other) =>
        !IsTotal && !other.IsTotal && From <= (other.To ?? int.MaxValue) && other.From <= (To ?? int.MaxValue);

    private static bool TryAge(string s, out int age) =>
        int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out age) && age <= MaxAge;
}
