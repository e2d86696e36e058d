namespace Populus.Demography.LifeTables;

/// <summary>The Andreev–Kingkade rule for the average age at death in infancy, 1a0, from the infant death rate 1m0.</summary>
/// <remarks>
/// Andreev &amp; Kingkade (2015) [AK2015], Table 3: a segmented linear function of 1m0 fitted to HMD and
/// vital-registration data, replacing the Coale–Demeny formulas that put a0 far too low when infant mortality is
/// low. The segments nearly meet at the breakpoints (gaps below 0.0002 years), which the tests check.
/// </remarks>
public static class AndreevKingkade
{
    /// <summary>1a0 for sex <paramref name="sex"/> and infant death rate <paramref name="m0"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m0"/> is negative or not finite.</exception>
    public static double A0(double m0, Sex sex)
    {
        if (!(m0 >= 0) || double.IsInfinity(m0))
        {
            Guard.ThrowRange(nameof(m0), m0, "must be a non-negative finite death rate");
        }

        return sex == Sex.Male
            ? m0 >= 0.08307 ? 0.29915 : m0 >= 0.0230 ? 0.02832 + 3.26201 * m0 : 0.14929 - 1.99545 * m0
            : m0 >= 0.06891 ? 0.31411 : m0 >= 0.01724 ? 0.04667 + 3.88089 * m0 : 0.14903 - 2.05527 * m0;
    }
}
