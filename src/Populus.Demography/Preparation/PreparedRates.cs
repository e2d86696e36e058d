using Populus.Demography.Projection;

namespace Populus.Demography.Preparation;

/// <summary>One region's rates for one step, with the levels they reach (for reports and checks).</summary>
/// <param name="Rates">Survival, fertility, sex ratio at birth and net migrants for the engine.</param>
/// <param name="MaleLifeExpectancy">e0 of the male life table the survival ratios come from.</param>
/// <param name="FemaleLifeExpectancy">e0 of the female life table.</param>
/// <param name="TotalFertility">TFR of the step's fertility schedule.</param>
/// <param name="MaleMortalityFactor">The factor applied to the interpolated male rates (1 when not calibrated).</param>
/// <param name="FemaleMortalityFactor">The factor applied to the interpolated female rates.</param>
public sealed record PreparedRates(
    StateRates Rates,
    double MaleLifeExpectancy,
    double FemaleLifeExpectancy,
    double TotalFertility,
    double MaleMortalityFactor,
    double FemaleMortalityFactor);
