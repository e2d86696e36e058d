namespace Populus.Storage.Registry;

/// <summary>Why a text is not a citizen identity number under GB 11643-1999.</summary>
public enum NationalIdError
{
    /// <summary>The number is valid.</summary>
    None = 0,

    /// <summary>The text is empty or blank.</summary>
    Empty,

    /// <summary>The text is not 18 characters long.</summary>
    WrongLength,

    /// <summary>One of the first 17 characters is not a digit, or the last is neither a digit nor X.</summary>
    NotDigits,

    /// <summary>The first two digits name no province-level unit of GB/T 2260.</summary>
    UnknownProvince,

    /// <summary>Digits 7–14 are not a calendar date (yyyyMMdd).</summary>
    InvalidBirthDate,

    /// <summary>The birth date lies after the date the number was checked on.</summary>
    BirthDateInFuture,

    /// <summary>The 18th character is not the ISO 7064 MOD 11-2 check character of the first 17.</summary>
    WrongCheckDigit,
}
