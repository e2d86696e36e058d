namespace Populus.Demography.Projection;

/// <summary>The demographic rates of one state for one projection step.</summary>
/// <remarks>Survival ratios come from the state's life tables (the life-table helper builds them from mx); fertility may be
/// on any grid that the projection groups nest in, zero outside it.</remarks>
public sealed class StateRates
{
    /// <param name="maleSurvival">Male survival ratios on the projection grid.</param>
    /// <param name="femaleSurvival">Female survival ratios on the same grid.</param>
    /// <param name="fertility">Age-specific fertility of the state's women (births per woman-year).</param>
    /// <param name="sexRatioAtBirth">Males per female among the births to the state's women.</param>
    /// <param name="maleMigrants">Net external migrants, males, over the step; none when null.</param>
    /// <param name="femaleMigrants">Net external migrants, females, over the step; none when null.</param>
    /// <exception cref="ArgumentException">The grids differ, or the fertility grid does not align with the survival grid.</exception>
    public StateRates(
        SurvivalRatios maleSurvival,
        SurvivalRatios femaleSurvival,
        FertilityRates fertility,
        SexRatioAtBirth sexRatioAtBirth,
        NetMigrants? maleMigrants = null,
        NetMigrants? femaleMigrants = null)
    {
        Guard.NotNull(maleSurvival);
        Guard.NotNull(femaleSurvival);
        Guard.NotNull(fertility);
        maleSurvival.Ages.RequireSame(femaleSurvival.Ages, "survival ratios by sex");
        ProjectionGrid.StepLength(maleSurvival.Ages);
        maleMigrants?.Ages.RequireSame(maleSurvival.Ages, "male net migrants");
        femaleMigrants?.Ages.RequireSame(maleSurvival.Ages, "female net migrants");
        if (sexRatioAtBirth.MalesPerFemale == 0)
        {
            Guard.ThrowArgument(nameof(sexRatioAtBirth), "The sex ratio at birth is unset (default value).");
        }

        MaleSurvival = maleSurvival;
        FemaleSurvival = femaleSurvival;
        Fertility = fertility;
        SexRatioAtBirth = sexRatioAtBirth;
        MaleMigrants = maleMigrants;
        FemaleMigrants = femaleMigrants;
        FertilityOnGrid = ProjectionGrid.FertilityOnGrid(fertility, maleSurvival.Ages);
    }

    public AgeGroups Ages => MaleSurvival.Ages;

    public SurvivalRatios MaleSurvival { get; }

    public SurvivalRatios FemaleSurvival { get; }

    public FertilityRates Fertility { get; }

    public SexRatioAtBirth SexRatioAtBirth { get; }

    public NetMigrants? MaleMigrants { get; }

    public NetMigrants? FemaleMigrants { get; }

    internal double[] FertilityOnGrid { get; }
}
