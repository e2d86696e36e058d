namespace Populus.Demography.Projection;

/// <summary>The components of change over one step for one state (or all states): P(t+n) = P(t) + B − D + M + I − O + C.</summary>
/// <param name="PopulationStart">P(t).</param>
/// <param name="Births">B: births placed in the state during the step.</param>
/// <param name="Deaths">D: deaths implied by survival (including those of the step's births and of migrants exposed within the step).</param>
/// <param name="NetExternalMigrants">M: external net migrants as given.</param>
/// <param name="TransfersIn">I: persons entering from other states (internal migration, reclassification).</param>
/// <param name="TransfersOut">O: persons leaving for other states.</param>
/// <param name="Clipped">C: persons added back where a cell would have gone negative.</param>
/// <param name="PopulationEnd">P(t+n).</param>
public readonly record struct StepBalance(
    double PopulationStart,
    double Births,
    double Deaths,
    double NetExternalMigrants,
    double TransfersIn,
    double TransfersOut,
    double Clipped,
    double PopulationEnd)
{
    /// <summary>P(t+n) − (P(t) + B − D + M + I − O + C): zero up to rounding.</summary>
    public double Residual => PopulationEnd - (PopulationStart + Births - Deaths + NetExternalMigrants + TransfersIn - TransfersOut + Clipped);
}
