using Populus.Storage.Registry;

namespace Populus.Storage.Tabular;

/// <summary>One problem in an input file: where it is, what was there and why it is refused.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Row">1-based line of the record in the file (the header is row 1); 0 when the problem is the file as a whole.</param>
/// <param name="Column">The column's header name, or null when the problem is not about one cell.</param>
/// <param name="Value">The text found, or null. Any run of digits in it that may be an identity number is masked
/// (<see cref="NationalIdNumber.MaskNumbersIn"/>), whichever file and column it comes from; so are such runs in the reasons
/// (a header listed in one), so that no problem report, log line or stored import attempt holds a full number.</param>
/// <param name="Reason">Why the value is refused, in words a user can act on.</param>
/// <param name="ReasonZh">The same in Chinese, when the check words it in both languages (every check of an import does);
/// null otherwise.</param>
public sealed record InputError(string File, int Row, string? Column, string? Value, string Reason, string? ReasonZh = null)
{
    public string? Value { get; init => field = NationalIdNumber.MaskNumbersIn(value); } = NationalIdNumber.MaskNumbersIn(Value);

    public string Reason { get; init => field = NationalIdNumber.MaskNumbersIn(value); } = NationalIdNumber.MaskNumbersIn(Reason);

    public string? ReasonZh { get; init => field = NationalIdNumber.MaskNumbersIn(value); } = NationalIdNumber.MaskNumbersIn(ReasonZh);

    public override string ToString()
    {
        var where = Row > 0 ? $"{File}, row {Row}" : File;
        if (Column is not null)
        {
            where += $", column '{Column}'";
        }

        return Value is null ? $"{where}: {Reason}" : $"{where}, value '{Value}': {Reason}";
    }
}
