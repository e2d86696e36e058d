using System.Diagnostics.CodeAnalysis;

namespace Populus.Planning.Data;

/// <summary>A figure with its provenance, or the reason it is missing. Missing data is a result, never a silent
/// skip: every consumer has to say why a value is absent.</summary>
public readonly struct DataResult<T>
    where T : notnull
{
    private readonly T? _value;

    private DataResult(T? value, Provenance? provenance, string? missingReason)
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
    public string? MissingReason { get; }

    public static DataResult<T> Found(T value, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(provenance);
        return new DataResult<T>(value, provenance, null);
    }

    /// <exception cref="ArgumentException">The reason is blank.</exception>
    public static DataResult<T> Missing(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A missing value needs a reason.", nameof(reason));
        }

        return new DataResult<T>(default, null, reason);
    }

    public override string ToString() => HasValue ? $"{_value} [{Provenance}]" : $"no data: {MissingReason}";
}
