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

    /// <summary>What is wrong in Chinese (empty when valid), naming positions and rules only like <see cref="Reason"/>.</summary>
    /// <param name="today">The date the number was checked on, named when the birth date lies after it.</param>
    public string ReasonZh(DateOnly today) => Error switch
    {
        NationalIdError.None => "",
        NationalIdError.WrongLength => "位数不对（应为 18 位）",
        NationalIdError.NotDigits => "前 17 位应为数字，第 18 位应为数字或 X",
        NationalIdError.UnknownProvince => "前两位不是 GB/T 2260 的省级代码",
        NationalIdError.InvalidBirthDate => "第 7–14 位不是有效日期",
        NationalIdError.BirthDateInFuture => $"第 7–14 位所载出生日期晚于今天（{today:yyyy-MM-dd}）",
        NationalIdError.WrongCheckDigit => "校验位错误（ISO 7064 MOD 11-2）",
        _ => "为空",
    };

    /// <summary>What is wrong in both languages, as a file's problem gives it (<see cref="Reason"/>, <see cref="ReasonZh"/>).</summary>
    /// <param name="today">The date the number was checked on.</param>
    public Planning.Data.Reason Refusal(DateOnly today) => new($"not a GB 11643-1999 identity number: {Reason}", $"不是符合 GB 11643-1999 的身份证号：{ReasonZh(today)}");

    /// <summary>The parsed number.</summary>
    /// <exception cref="InvalidOperationException">The text was not valid; the message gives the reason.</exception>
    public NationalIdNumber Value => IsValid
        ? _value
        : throw new InvalidOperationException($"not a valid citizen identity number: {Reason}");

    internal static NationalIdParseResult Success(NationalIdNumber value) => new(value, NationalIdError.None, "");

    internal static NationalIdParseResult Failure(NationalIdError error, string reason) => new(default, error, reason);

    public override string ToString() => IsValid ? _value.ToString() : $"invalid ({Error}): {Reason}";
}
