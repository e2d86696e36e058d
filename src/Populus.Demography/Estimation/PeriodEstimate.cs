using System.Collections.Immutable;

namespace Populus.Demography.Estimation;

/// <summary>The estimate of one period: the populations at its end and its components of change, by region.</summary>
/// <param name="Year">The calendar year whose end closes the period.</param>
/// <param name="Length">The period's length in years.</param>
/// <param name="Populations">End population of each region (in region order).</param>
/// <param name="Births">Births to each region's women by mother's age (single years of the grid), [region][sex of child][age of mother].</param>
/// <param name="Deaths">Deaths of each region by the age the cohort reaches at the step's end (age 0: deaths among the period's births), [region][sex][age].</param>
/// <param name="NetMigrants">Net migrants of each region by age at the period's end, [region][sex][age].</param>
/// <param name="MortalityFactor">The factor on the standard death rates that gives the period's deaths.</param>
/// <param name="TotalFertility">The total fertility rate that gives the period's births.</param>
/// <param name="BirthsPublished">Whether the births were fitted to a published count or rate of the period; false when
/// the previous period's total fertility was kept, so the births are projected rather than estimated.</param>
/// <param name="DeathsPublished">Whether the deaths were fitted to a published count or rate; false when the previous
/// period's mortality factor was kept.</param>
/// <param name="Notes">What was published and what was filled in, one line a component.</param>
public sealed record PeriodEstimate(
    int Year,
    double Length,
    ImmutableArray<PopulationByAgeSex> Populations,
    double[][][] Births,
    double[][][] Deaths,
    double[][][] NetMigrants,
    double MortalityFactor,
    double TotalFertility,
    bool BirthsPublished,
    bool DeathsPublished,
    ImmutableArray<string> Notes)
{
    public double TotalPopulation() => Populations.Sum(p => p.Total());

    /// <summary>Sum of a component ([region][sex][age]) over everything.</summary>
    public static double Total(double[][][] component) => component.Sum(r => r.Sum(s => s.Sum()));
}
