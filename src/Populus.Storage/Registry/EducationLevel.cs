namespace Populus.Storage.Registry;

/// <summary>
/// Highest level of education attended, in the categories of the 2020 census long form (受教育程度). The numeric
/// values are stored in the registry tables; do not renumber.
/// </summary>
public enum EducationLevel : byte
{
    /// <summary>未上过学: never attended school.</summary>
    None = 0,

    /// <summary>学前: pre-school education.</summary>
    Preschool = 1,

    /// <summary>小学: primary school.</summary>
    Primary = 2,

    /// <summary>初中: junior secondary school.</summary>
    JuniorSecondary = 3,

    /// <summary>高中: general senior secondary school.</summary>
    SeniorSecondary = 4,

    /// <summary>中职: secondary vocational school (中专, 职高, 技校).</summary>
    VocationalSecondary = 5,

    /// <summary>大专: junior college (three-year tertiary).</summary>
    JuniorCollege = 6,

    /// <summary>本科: bachelor's degree course.</summary>
    Bachelor = 7,

    /// <summary>硕士: master's degree course.</summary>
    Master = 8,

    /// <summary>博士: doctoral course.</summary>
    Doctorate = 9,
}

/// <summary>Census labels and schooling years of <see cref="EducationLevel"/>.</summary>
public static class EducationLevels
{
    /// <summary>Every level in order.</summary>
    public static readonly EducationLevel[] All = Enum.GetValues<EducationLevel>();

    private static readonly string[] Labels = ["未上过学", "学前", "小学", "初中", "高中", "中职", "大专", "本科", "硕士", "博士"];

    // Years of schooling the statistical bureau assigns to each level when it computes average years of schooling.
    private static readonly int[] Years = [0, 0, 6, 9, 12, 12, 15, 16, 19, 22];

    /// <summary>The census label, e.g. 初中.</summary>
    public static string Label(this EducationLevel level) => Labels[(int)level];

    /// <summary>Years of schooling counted for the level (大专 15, 本科 16, …).</summary>
    public static int SchoolingYears(this EducationLevel level) => Years[(int)level];

    /// <summary>Reads a census label (初中) or the enum name (JuniorSecondary).</summary>
    public static bool TryParse(string? text, out EducationLevel level)
    {
        var s = text?.Trim();
        var i = Array.IndexOf(Labels, s);
        if (i >= 0)
        {
            level = (EducationLevel)i;
            return true;
        }

        return Enum.TryParse(s, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(s, out _);
    }
}
