namespace Populus.Planning.Data;

/// <summary>
/// Highest level of education attended, in the categories of the 2020 census long form (受教育程度), lowest first.
/// </summary>
/// <remarks>
/// One type for the registry and the indicators. The numeric values are stored in the registry tables
/// (docs/registry.md); do not renumber. The order matters: a formula's <c>level&gt;=junior_college</c> means this level
/// or any above it, and <c>level&gt;=senior_secondary</c> counts secondary vocational school (中职) with general senior
/// secondary, as the census's 高中 does.
/// </remarks>
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

    /// <summary>大专: junior college (three-year tertiary), the lowest level counted as higher education.</summary>
    JuniorCollege = 6,

    /// <summary>本科: bachelor's degree course.</summary>
    Bachelor = 7,

    /// <summary>硕士: master's degree course, the first postgraduate level (研究生).</summary>
    Master = 8,

    /// <summary>博士: doctoral course.</summary>
    Doctorate = 9,
}

/// <summary>Codes, census labels and schooling years of <see cref="EducationLevel"/>.</summary>
public static class EducationLevels
{
    /// <summary>Every level, lowest first.</summary>
    public static readonly EducationLevel[] All = Enum.GetValues<EducationLevel>();

    private static readonly string[] Codes =
        ["none", "preschool", "primary", "junior_secondary", "senior_secondary", "vocational_secondary", "junior_college", "bachelor", "master", "doctorate"];

    private static readonly string[] Labels = ["未上过学", "学前", "小学", "初中", "高中", "中职", "大专", "本科", "硕士", "博士"];

    // Years of schooling the statistical bureaus credit for each level when they compute mean years of schooling
    // (人均受教育年限); the plan's 10.07 years (ages 16–59, 2020) is of this kind. The census tables credit 研究生 as one
    // level of 19 years, so a doctorate counts 19 as a master's degree does.
    private static readonly double[] Years = [0, 0, 6, 9, 12, 12, 15, 16, 19, 19];

    /// <summary>The code used in formulas and files, e.g. junior_college.</summary>
    public static string Code(this EducationLevel level) => Codes[(int)level];

    /// <summary>The census label, e.g. 初中.</summary>
    public static string Label(this EducationLevel level) => Labels[(int)level];

    /// <summary>Years of schooling credited for the level (大专 15, 本科 16, …).</summary>
    public static double SchoolingYears(this EducationLevel level) => Years[(int)level];

    /// <summary>
    /// Reads a code (junior_college), a census label (大专), the member name in any case (JuniorCollege), or
    /// postgraduate / 研究生, which is <see cref="EducationLevel.Master"/>, the first postgraduate level. Numbers are
    /// refused: a level is written by name.
    /// </summary>
    public static bool TryParse(string? text, out EducationLevel level)
    {
        var s = text?.Trim() ?? "";
        var i = Array.IndexOf(Labels, s);
        if (i < 0)
        {
            var name = s.Replace("_", "", StringComparison.Ordinal);
            i = Array.FindIndex(Codes, c => c.Replace("_", "", StringComparison.Ordinal).Equals(name, StringComparison.OrdinalIgnoreCase));
            i = i < 0 && (name.Equals("postgraduate", StringComparison.OrdinalIgnoreCase) || s == "研究生") ? (int)EducationLevel.Master : i;
        }

        level = i < 0 ? default : (EducationLevel)i;
        return i >= 0;
    }
}
