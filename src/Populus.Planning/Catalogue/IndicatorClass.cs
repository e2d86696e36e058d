using System.Globalization;

namespace Populus.Planning.Catalogue;

/// <summary>A named class of an indicator's value, such as the glossary's ageing classes: mild ageing for a
/// 60+ share in [10, 20).</summary>
/// <param name="Lower">Inclusive lower bound, or null.</param>
/// <param name="Upper">Exclusive upper bound, or null.</param>
public sealed record IndicatorClass(string Code, string NameZh, double? Lower, double? Upper)
{
    public bool Contains(double value) => (Lower is not { } lo || value >= lo) && (Upper is not { } hi || value < hi);

    /// <summary>Reads <c>code|名称|[lo,hi)</c> items separated by ';' (an empty bound is unbounded).</summary>
    /// <returns>null with a reason when an item is malformed or the classes overlap.</returns>
    internal static IReadOnlyList<IndicatorClass>? ParseList(string field, out string? reason)
    {
        reason = null;
        var list = new List<IndicatorClass>();
        foreach (var item in field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts[0].Length == 0 || !parts[2].StartsWith('[') || !parts[2].EndsWith(')'))
            {
                reason = $"class '{item}' is not code|名称|[lower,upper)";
                return null;
            }

            var bounds = parts[2][1..^1].Split(',', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TryBound(bounds[0], out var lo) || !TryBound(bounds[1], out var hi) || (lo is { } l && hi is { } h && h <= l))
            {
                reason = $"class '{item}' has unreadable or empty bounds";
                return null;
            }

            list.Add(new IndicatorClass(parts[0], parts[1], lo, hi));
        }

        var ordered = list.OrderBy(c => c.Lower ?? double.NegativeInfinity).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if ((ordered[i - 1].Upper ?? double.PositiveInfinity) > (ordered[i].Lower ?? double.NegativeInfinity))
            {
                reason = $"classes {ordered[i - 1].Code} and {ordered[i].Code} overlap";
                return null;
            }
        }

        return list;
    }

    private static bool TryBound(string text, out double? bound)
    {
        bound = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            bound = v;
            return true;
        }

        return false;
    }
}
