namespace Populus.Demography;

/// <summary>
/// Projection survivorship ratios on an open-ended grid: index 0 holds S0 = L0 / (n·l0), the share of births who
/// live to the first age group at the end of the step; index i ≥ 1 holds Si = L(i) / L(i−1), the share of group
/// i−1 that survives into group i; the last index holds the open-group closure T(ω) / T(ω−n).
/// </summary>
/// <remarks>Preston, Heuveline &amp; Guillot (2001), ch. 6; UN WPP CCMPP (ccmppWPP, lt_Sx).</remarks>
public sealed class SurvivalRatios : AgeSchedule
{
    /// <exception cref="ArgumentOutOfRangeException">A ratio is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">The grid has no open age group.</exception>
    public SurvivalRatios(AgeGroups ages, ReadOnlySpan<double> ratios)
        : base(ages, ratios, 0.0, 1.0, "survival ratio")
    {
        if (!ages.IsOpenEnded)
        {
            Guard.ThrowArgument(nameof(ages), "Survival ratios need an open last age group for the closure.");
        }
    }

    private SurvivalRatios(AgeGroups ages, double[] ratios, bool trusted)
        : base(ages, ratios)
    {
    }

    internal static SurvivalRatios Trusted(AgeGroups ages, double[] ratios) => new(ages, ratios, trusted: true);
}
