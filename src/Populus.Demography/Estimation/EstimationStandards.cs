using Populus.Demography.Migration;

namespace Populus.Demography.Estimation;

/// <summary>The standard schedules an estimate takes its age patterns from; their levels are fitted to the published totals.</summary>
/// <param name="MaleMortality">Single-year death rates, males (grid of the base population).</param>
/// <param name="FemaleMortality">Single-year death rates, females.</param>
/// <param name="Fertility">Age-specific fertility (any grid the base's single years nest in, e.g. 15–49).</param>
/// <param name="SexRatioAtBirth">Males per female birth.</param>
/// <param name="Migration">The age profile of net migration [RC1981].</param>
/// <param name="MigrantMaleShare">The share of males among net migrants.</param>
public sealed record EstimationStandards(
    DeathRates MaleMortality,
    DeathRates FemaleMortality,
    FertilityRates Fertility,
    SexRatioAtBirth SexRatioAtBirth,
    RogersCastroSchedule Migration,
    double MigrantMaleShare = 0.5);
