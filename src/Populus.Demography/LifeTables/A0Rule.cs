namespace Populus.Demography.LifeTables;

/// <summary>How the average age at death of infants (1a0) is estimated when it is not given.</summary>
/// <remarks>
/// Infant deaths are concentrated in the first weeks of life, so 1a0 is far below the half year assumed at older
/// ages and depends on the level of infant mortality. The rule matters: with 1m0 = 0.005, a0 = 0.14 (Andreev–Kingkade)
/// against 0.06 (Coale–Demeny), which moves L0 by 0.04% and e0 by about 0.0004 years.
/// </remarks>
public enum A0Rule
{
    /// <summary>
    /// Andreev &amp; Kingkade (2015), segmented linear in 1m0 [AK2015]; used by the Human Mortality Database since
    /// version 6 [HMD] and by WPP 2022/2024 [WPP2024]. Also fixes 4a1 for abridged tables by the Coale–Demeny rule,
    /// since Andreev–Kingkade give none.
    /// </summary>
    AndreevKingkade,

    /// <summary>
    /// Coale &amp; Demeny (1983) West model, linear in 1q0 [CD1983], as in UN Manual X and DemoTools; fixes both 1a0
    /// and 4a1. The WPP 2019 life tables of the ccmppWPP example follow this rule.
    /// </summary>
    CoaleDemeny,
}
