using System.Collections.Frozen;

namespace Populus.Services.Points;

/// <summary>
/// One item of a points table. Its value comes from one fact of the applicant (<see cref="Sources"/>) and turns into
/// points either through a table of codes (<see cref="CodePoints"/>: education level, title, housing) or per unit
/// (<see cref="PointsPerUnit"/> for every full <see cref="Unit"/>, nothing below <see cref="Minimum"/>). Dated facts
/// (insurance months, events) count only inside the last <see cref="WindowMonths"/> months before the scoring day.
/// </summary>
/// <param name="Sources">Facts read; with several (title and skill) the best-scoring one counts.</param>
/// <param name="Cap">Most points the item gives (for deductions: most points it takes away).</param>
/// <param name="Evidence">Which department's data prove the fact (市教育局 学历学位, 市人力社保局 社保缴费 …).</param>
public sealed record PointsItem(
    string Id,
    PointsGroup Group,
    string NameZh,
    string NameEn,
    IReadOnlyList<string> Sources,
    FrozenDictionary<string, double>? CodePoints,
    double Unit,
    double PointsPerUnit,
    double Minimum,
    double Cap,
    int? WindowMonths,
    string Evidence)
{
    public bool IsPerUnit => CodePoints is null;
}
