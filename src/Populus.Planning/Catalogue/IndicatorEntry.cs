using Populus.Planning.Formulas;

namespace Populus.Planning.Catalogue;

/// <summary>One indicator of the catalogue: what it measures, how it is obtained and where it applies.</summary>
/// <param name="Id">Stable id (resident_population, TT12).</param>
/// <param name="PlanId">The row of the plan's Table 6 (plan-indicators.csv id), or null.</param>
/// <param name="TextTargetIds">The targets-text.csv rows whose targets this indicator carries.</param>
/// <param name="Unit">The unit (English, as the figures are reported: "10k persons").</param>
/// <param name="UnitZh">The unit as the Chinese interface and reports show it ("万人").</param>
/// <param name="Formula">The parsed formula of a computed indicator; null for a reported one.</param>
/// <param name="Department">The reporting department; null for a computed indicator and for a reported one whose
/// department the plan does not name (<see cref="IndicatorCatalogue.NoDepartmentNamed"/>).</param>
/// <param name="Regions">The codes of the regions it applies to (see <see cref="RegionRegistry"/>).</param>
/// <param name="Classes">Named classes of its value (e.g. ageing classes); empty when none.</param>
/// <param name="SentenceZh">The plan sentence a text target comes from (verbatim), or empty.</param>
/// <param name="Measure">A rate (comparable between regions) or a count (adds up over regions): whether a target set for
/// the plan's region is a benchmark for another region.</param>
public sealed record IndicatorEntry(
    string Id,
    string? PlanId,
    IReadOnlyList<string> TextTargetIds,
    string NameZh,
    string NameEn,
    string Unit,
    string UnitZh,
    IndicatorKind Kind,
    Formula? Formula,
    string? Department,
    IReadOnlySet<string> Regions,
    Direction Better,
    IReadOnlyList<IndicatorClass> Classes,
    string SentenceZh,
    string Source,
    string Note,
    IndicatorMeasure Measure = IndicatorMeasure.Rate)
{
    /// <summary>True when the entry applies to the region of this code (<see cref="RegionRegistry.CodeOf"/> turns a name into one).</summary>
    public bool AppliesTo(string regionCode) => Regions.Contains(regionCode);

    /// <summary>The class containing <paramref name="value"/>, or null when none does (or none are defined).</summary>
    public IndicatorClass? Classify(double value) => Classes.FirstOrDefault(c => c.Contains(value));
}
