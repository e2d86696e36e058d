namespace Populus.Demography;

/// <summary>Sex as recorded by censuses and vital registration. Values index arrays: Male = 0, Female = 1.</summary>
public enum Sex
{
    Male = 0,
    Female = 1,
}

/// <summary>Conversions between <see cref="Sex"/> and the codes used in input files.</summary>
public static class SexCodes
{
    /// <summary>Both sexes in array order.</summary>
    public static readonly Sex[] All = [Sex.Male, Sex.Female];

    /// <summary>Reads "M"/"F", "male"/"female", "男"/"女" (case-insensitive).</summary>
    /// <returns>false when the text names no single sex (for example "B" for both).</returns>
    public static bool TryParse(string? text, out Sex sex)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "m" or "male" or "男":
                sex = Sex.Male;
                return true;
            case "f" or "female" or "女":
                sex = Sex.Female;
                return true;
            default:
                sex = default;
                return false;
        }
    }

    /// <summary>The one-letter code written to output files.</summary>
    public static string Code(this Sex sex) => sex == Sex.Male ? "M" : "F";
}
