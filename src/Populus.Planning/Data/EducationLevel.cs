namespace Populus.Planning.Data;

/// <summary>Highest level of education completed, in the census categories (受教育程度), lowest first.</summary>
/// <remarks>The order matters: a formula's <c>level&gt;=junior_college</c> means this level or any above it.</remarks>
public enum EducationLevel
{
    /// <summary>Never attended school (未上过学).</summary>
    None = 0,

    /// <summary>Primary school (小学).</summary>
    Primary = 1,

    /// <summary>Junior secondary (初中).</summary>
    JuniorSecondary = 2,

    /// <summary>Senior secondary, including secondary vocational (高中, 中专).</summary>
    SeniorSecondary = 3,

    /// <summary>Junior college (大专), the lowest level counted as higher education.</summary>
    JuniorCollege = 4,

    /// <summary>Bachelor (本科).</summary>
    Bachelor = 5,

    /// <summary>Postgraduate (研究生).</summary>
    Postgraduate = 6,
}

/// <summary>Codes and schooling years of <see cref="EducationLevel"/>.</summary>
public static class EducationLevels
{
    /// <summary>All levels, lowest first.</summary>
    public static readonly EducationLevel[] All = Enum.GetValues<EducationLevel>();

    /// <summary>Years of schooling credited for a completed level, as China's statistics compute mean years of
    /// schooling (人均受教育年限): 0, 6, 9, 12, 15, 16, 19.</summary>
    /// <remarks>The conversion the NBS and provincial bureaus use for census-based mean years of schooling; the
    /// plan's 10.07 years (ages 16–59, 2020) is of this kind.</remarks>
    public static double SchoolingYears(this EducationLevel level) => level switch
    {
        EducationLevel.None => 0,
        EducationLevel.Primary => 6,
        EducationLevel.JuniorSecondary => 9,
        EducationLevel.SeniorSecondary => 12,
        EducationLevel.JuniorCollege => 15,
        EducationLevel.Bachelor => 16,
        EducationLevel.Postgraduate => 19,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown education level."),
    };

    /// <summary>The code used in formulas and files: none, primary, junior_secondary, senior_secondary,
    /// junior_college, bachelor, postgraduate.</summary>
    public static string Code(this EducationLevel level) => level switch
    {
        EducationLevel.None => "none",
        EducationLevel.Primary => "primary",
        EducationLevel.JuniorSecondary => "junior_secondary",
        EducationLevel.SeniorSecondary => "senior_secondary",
        EducationLevel.JuniorCollege => "junior_college",
        EducationLevel.Bachelor => "bachelor",
        EducationLevel.Postgraduate => "postgraduate",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown education level."),
    };

    /// <summary>Reads a code written by <see cref="Code"/> or the Chinese category name.</summary>
    public static bool TryParse(string? text, out EducationLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none" or "未上过学":
                level = EducationLevel.None;
                return true;
            case "primary" or "小学":
                level = EducationLevel.Primary;
                return true;
            case "junior_secondary" or "初中":
                level = EducationLevel.JuniorSecondary;
                return true;
            case "senior_secondary" or "高中":
                level = EducationLevel.SeniorSecondary;
                return true;
            case "junior_college" or "大专":
                level = EducationLevel.JuniorCollege;
                return true;
            case "bachelor" or "本科":
                level = EducationLevel.Bachelor;
                return true;
            case "postgraduate" or "研究生":
                level = EducationLevel.Postgraduate;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
