using Populus.Demography.LifeTables;

namespace Populus.Demography.Preparation;

/// <summary>The life-table choices projections use by default.</summary>
public static class LifeTableConventions
{
    /// <summary>
    /// WPP 2024's single-sex tables: Coale–Demeny 1a0 for the sex, and the open age closed by a Kannisto fit to ages
    /// 60+ extended to 130 ([WPP2024]; reproduced on Canada's tables in docs/validation.md). The survival ratio of the
    /// open group 100+ then depends on person-years beyond 100 that the published rates only imply.
    /// </summary>
    public static LifeTableOptions Wpp2024(Sex sex) =>
        new() { Sex = sex, A0Rule = A0Rule.CoaleDemeny, Closure = OpenAgeClosure.Kannisto(60, 130) };
}
