using System.Collections.Frozen;
using System.Text;
using Populus.Planning.Data;

namespace Populus.Services.People;

/// <summary>
/// The snake_case codes by which data files name enum values (<c>junior_college</c> for
/// <see cref="Education.JuniorCollege"/>): one spelling for rule files, person files and the API.
/// </summary>
public static class Codes<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByCode =
        Enum.GetValues<T>().ToFrozenDictionary(Code, v => v, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code, in declaration order, for messages ("write one of …").</summary>
    public static string Choices { get; } = string.Join(", ", Enum.GetValues<T>().Select(Code));

    /// <summary>Why a value that is none of the codes is refused, in English and Chinese.</summary>
    public static Reason Refusal { get; } = new($"write one of {Choices}", $"应为以下之一：{Choices}");

    public static string Code(T value)
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsDigit(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    public static bool TryParse(string? code, out T value)
    {
        value = default;
        return code is not null && ByCode.TryGetValue(code.Trim(), out value);
    }
}
