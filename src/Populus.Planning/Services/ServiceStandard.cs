namespace Populus.Planning.Services;

/// <summary>
/// One public-service standard: the residents it serves (an age range) and the provision per resident of that range,
/// from data/plan/service-demand.csv.
/// </summary>
/// <param name="Id">infant_care_places, kindergarten_enrolment, …</param>
/// <param name="AgeFrom">First age served.</param>
/// <param name="AgeTo">Last age served, or null for no upper bound.</param>
/// <param name="Rate">Provision per <paramref name="Per"/> residents of the range.</param>
/// <param name="Per">1 for a share (enrolment, participation), 1,000 for "per 1,000 residents".</param>
/// <param name="Unit">What is counted (places, pupils, beds, persons).</param>
/// <param name="UnitZh">The same as the Chinese interface and reports show it (个托位, 人, 张).</param>
/// <param name="Source">Where the rate comes from; "assumption" says so when the plan gives none.</param>
/// <param name="SourceZh">The same in Chinese, for the Chinese reports (假设 when the plan gives none).</param>
/// <param name="SentenceZh">The plan's sentence (verbatim) when it states the standard; empty otherwise.</param>
public sealed record ServiceStandard(
    string Id,
    string NameZh,
    string NameEn,
    int AgeFrom,
    int? AgeTo,
    double Rate,
    double Per,
    string Unit,
    string UnitZh,
    string Source,
    string SourceZh,
    string SentenceZh)
{
    /// <summary>The ages served as an age range ([3, 6) for 3-5).</summary>
    public Data.AgeRange Ages => new(AgeFrom, AgeTo + 1);

    /// <summary>The provision the standard asks for <paramref name="residents"/> of the ages served.</summary>
    public double DemandOf(double residents) => residents * Rate / Per;

    /// <summary>The ages served, as printed ("3-5", "60+", "all ages").</summary>
    public string AgeLabel => AgeFrom == 0 && AgeTo is null ? "all ages" : AgeTo is { } to ? $"{AgeFrom}-{to}" : $"{AgeFrom}+";

    /// <summary>The ages served as the Chinese reports print them ("3-5岁", "60岁及以上", "全部年龄").</summary>
    public string AgeLabelZh => AgeFrom == 0 && AgeTo is null ? "全部年龄" : AgeTo is { } to ? $"{AgeFrom}-{to}岁" : $"{AgeFrom}岁及以上";
}
