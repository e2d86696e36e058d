namespace Populus.Storage.Imports;

/// <summary>The fixed vocabularies of import files, with the spellings accepted for each code.</summary>
internal static class Codes
{
    /// <summary>"male", "female" or "total" (both sexes).</summary>
    public static string? Sex(string text)
    {
        if (Populus.Demography.SexCodes.TryParse(text, out var sex))
        {
            return sex == Populus.Demography.Sex.Male ? "male" : "female";
        }

        return text.Trim().ToLowerInvariant() is "total" or "t" or "both" or "b" or "all" or "合计" or "全部" ? "total" : null;
    }

    public const string SexChoices = "male, female or total (M, F, 男, 女, 合计 are accepted)";

    /// <summary>"total", "urban" or "rural" (城镇 counts cities and towns together, as the census does).</summary>
    public static string? Residence(string text) => text.Trim().ToLowerInvariant() switch
    {
        "total" or "all" or "合计" => "total",
        "urban" or "城镇" => "urban",
        "rural" or "乡村" or "农村" => "rural",
        _ => null,
    };

    public const string ResidenceChoices = "total, urban (城镇) or rural (乡村)";

    /// <summary>Highest level of education completed, in the census's categories.</summary>
    public static readonly IReadOnlyDictionary<string, string> Education = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["total"] = "total", ["合计"] = "total",
        ["no_schooling"] = "no_schooling", ["未上过学"] = "no_schooling",
        ["preschool"] = "preschool", ["学前教育"] = "preschool",
        ["primary"] = "primary", ["小学"] = "primary",
        ["junior_secondary"] = "junior_secondary", ["初中"] = "junior_secondary",
        ["senior_secondary"] = "senior_secondary", ["高中"] = "senior_secondary",
        ["junior_college"] = "junior_college", ["大学专科"] = "junior_college",
        ["bachelor"] = "bachelor", ["大学本科"] = "bachelor",
        ["master"] = "master", ["硕士研究生"] = "master",
        ["doctorate"] = "doctorate", ["博士研究生"] = "doctorate",
    };

    public const string EducationChoices =
        "total, no_schooling, preschool, primary, junior_secondary, senior_secondary, junior_college, bachelor, master, doctorate (or the census's Chinese names)";

    /// <summary>Births or deaths.</summary>
    public static string? Event(string text) => text.Trim().ToLowerInvariant() switch
    {
        "birth" or "births" or "出生" => "birth",
        "death" or "deaths" or "死亡" => "death",
        _ => null,
    };

    /// <summary>What a sample-survey total counts.</summary>
    public static readonly IReadOnlySet<string> SurveyMeasures = new HashSet<string>(StringComparer.Ordinal)
    {
        "population", "urban_population", "households", "births", "deaths", "in_migrants", "out_migrants",
    };

    /// <summary>The origin or destination outside every region of the store.</summary>
    public const string Outside = "outside";

    /// <summary>True for an indicator's id: letters, digits and underscores from a letter, as the plan's catalogue
    /// names them ("new_urban_jobs"; the text targets "TT44").</summary>
    public static bool IsIndicatorId(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>True for a code such as "new_urban_jobs": lower-case letters, digits and underscores.</summary>
    public static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetterLower(text[0]) &&
        text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
