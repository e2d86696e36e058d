using System.Globalization;

namespace Populus.Reports.Excel;

/// <summary>Turns table titles into valid, distinct worksheet names.</summary>
/// <remarks>
/// Excel's rules: 1–31 characters; none of : \ / ? * [ ]; not starting or ending with an apostrophe; unique without
/// regard to case; "History" is reserved. Chinese characters count one each; a name is never cut inside a
/// surrogate pair or combining sequence.
/// </remarks>
internal static class SheetNames
{
    public const int MaxLength = 31;

    private static readonly char[] Forbidden = [':', '\\', '/', '?', '*', '[', ']'];

    public static IReadOnlyList<string> Assign(IEnumerable<string> wanted)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var raw in wanted)
        {
            var name = Clean(raw);
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                var suffix = $"({n})";
                candidate = Truncate(name, MaxLength - suffix.Length) + suffix;
            }

            names.Add(candidate);
        }

        return names;
    }

    internal static string Clean(string raw)
    {
        var replaced = new string([.. raw.Select(c => Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? '_' : c)]);
        var name = Truncate(replaced.Trim().Trim('\''), MaxLength).Trim().Trim('\'');
        if (name.Length == 0)
        {
            return "Sheet";
        }

        return string.Equals(name, "History", StringComparison.OrdinalIgnoreCase) ? "History_" : name;
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.GetTextElement().Length;
            if (length + next > max)
            {
                break;
            }

            length += next;
        }

        return text[..length];
    }
}
