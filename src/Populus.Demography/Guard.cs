using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Populus.Demography;

/// <summary>Argument checks shared by the domain types. Throws live in their own methods so the checks inline.</summary>
internal static class Guard
{
    public static void NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            ThrowNull(name);
        }
    }

    /// <summary>Inclusive range check that rejects NaN.</summary>
    public static void InRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            ThrowRange(name, value, $"must be between {min} and {max}");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            ThrowRange(name, value, "must be a finite number");
        }
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            ThrowRange(name, value, "must be positive and finite");
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowRange(string name, object? value, string reason) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} = {value}: {reason}.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string name, string message) => throw new ArgumentException(message, name);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNull(string? name) => throw new ArgumentNullException(name);
}
