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

    /// <summary>As <see cref="InRange(double, double, double, string)"/>, the name formatted only when the check fails.</summary>
    public static void InRange(double value, double min, double max, [InterpolatedStringHandlerArgument(nameof(value), nameof(min), nameof(max))] ref FailureName name)
    {
        if (!(value >= min && value <= max))
        {
            ThrowRange(name.ToStringAndClear(), value, $"must be between {min} and {max}");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            ThrowRange(name, value, "must be a finite number");
        }
    }

    /// <summary>As <see cref="Finite(double, string)"/>, the name formatted only when the check fails.</summary>
    public static void Finite(double value, [InterpolatedStringHandlerArgument(nameof(value))] ref FailureName name)
    {
        if (!double.IsFinite(value))
        {
            ThrowRange(name.ToStringAndClear(), value, "must be a finite number");
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

    /// <summary>
    /// The name of a checked value, written as an interpolated string (<c>$"deaths at age {ages.Label(i)}"</c>) but
    /// formatted only when the value fails its check: loops that check every value of a schedule (e0 of each
    /// trajectory-year of a probabilistic run) would otherwise format a label for each value that passes.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct FailureName
    {
        private DefaultInterpolatedStringHandler _text;

        /// <summary>For a range check: formatting is needed when <paramref name="value"/> lies outside [min, max] or is NaN.</summary>
        public FailureName(int literalLength, int formattedCount, double value, double min, double max, out bool failed)
        {
            failed = !(value >= min && value <= max);
            _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        /// <summary>For a finiteness check.</summary>
        public FailureName(int literalLength, int formattedCount, double value, out bool failed)
        {
            failed = !double.IsFinite(value);
            _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string text) => _text.AppendLiteral(text);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }
}
