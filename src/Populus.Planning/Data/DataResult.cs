using System.Diagnostics.CodeAnalysis;

namespace Populus.Planning.Data;

/// <summary>A figure with its provenance, or the reason it is missing. Missing data is a result, never a silent
/// skip: every consumer has to say why a value is absent.</summary>
public readonly struct DataResult<T>
    where T : notnull
{
    private readonly T? _value;

    private DataResult(T? value, Provenance? provenance, Reason? missingReason)
    {
        _value = value;
        Provenance = provenance;
        MissingReason = missingReason;
    }

    /// <summary>True when a value is present.</summary>
    [MemberNotNullWhen(true, nameof(Provenance))]
    [MemberNotNullWhen(false, nameof(MissingReason))]
    public bool HasValue => Provenance is not null;

    /// <exception cref="InvalidOperationException">The value is missing; the message gives the reason.</exception>
    public T Value => HasValue ? _value! : throw new InvalidOperationException($"No data: {MissingReason}");

    public Provenance? Provenance { get; }

    /// <summary>Why the value is missing (null when present).</summary>
    public Reason? MissingReason { get; }

    public static DataResult<T> Found(T value, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(provenance);
        return new DataResult<T>(value, provenance, null);
    }

    public static DataResult<T> Missing(Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new DataResult<T>(default, null, reason);
    }

    public override string ToString() => HasValue ? $"{_value} [{Provenance}]" : $"no data: {MissingReason}";
}
