using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Populus.Reports.Document;

/// <summary>Argument checks for the document model; throws live in their own methods so the checks stay small.</summary>
internal static class Require
{
    public static string Text([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Throw(name ?? "text", "must not be empty");
        }

        return value;
    }

    public static void That(bool condition, string name, string reason)
    {
        if (!condition)
        {
            Throw(name, reason);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string name, string reason) => throw new ArgumentException($"{name} {reason}.", name);
}
