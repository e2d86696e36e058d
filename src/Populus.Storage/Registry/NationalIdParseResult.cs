namespace Populus.Storage.Registry;

/// <summary>
/// The outcome of <see cref="NationalIdNumber.Parse"/>: a valid number, or the reason the text was refused. The reason
/// names positions and rules only, never the text itself, so it is safe to log.
/// </summary>
public readonly struct NationalIdParseResult
{
    private readonly NationalIdNumber _value;

    private NationalIdParseResult(NationalIdNumber value, NationalIdError error, string reason)
    {
        _value = value;
        Error = error;
        Reason = reason;
    }

    /// <summary>True when the text is a valid identity number.</summary>
    public bool IsValid => Error == NationalIdError.None;

    /// <summary>What is wrong, or <see cref="NationalIdError.None"/>.</summary>
    public NationalIdError Error { get; }

    /// <summary>A sentence saying what is wrong (empty when valid).</summary>
    public string Reason { get; }

    /// <summary>The parsed number.</summary>
    /// <exception cref="InvalidOperationException">The text was not valid; the message gives the reason.</exception>
    public NationalIdNumber Value => IsValid
        ? _value
        : throw new InvalidOperationException($"not a valid citizen identity number: {Reason}");

    internal static NationalIdParseResult Success(NationalIdNumber value) => new(value, NationalIdError.None, "");

    internal static NationalIdParseResult Failure(NationalIdError error, string reason) => new(default, error, reason);

    public override string ToString() => IsValid ? _value.ToString() : $"invalid ({Error}): {Reason}";
}
