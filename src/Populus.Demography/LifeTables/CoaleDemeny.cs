namespace Populus.Demography.LifeTables;

/// <summary>Coale–Demeny West-model separation factors 1a0 and 4a1, linear in the infant death probability 1q0.</summary>
/// <remarks>
/// Coale &amp; Demeny (1983) [CD1983], as tabulated in UN Manual X and the PAS spreadsheet LTPOPDTH, and as
/// coded in DemoTools: below 1q0 = 0.1, 1a0 = 0.0425 + 2.875·1q0 (males), 0.05 + 3.0·1q0 (females) and
/// 4a1 = 1.653 − 3.013·1q0 (males), 1.524 − 1.627·1q0 (females); above it the constants 0.33, 0.35, 1.352 and 1.361.
/// Preston et al. (2001, Table 3.3) [PHG2001] restate the rule in terms of 1m0; we keep the 1q0 form because the
/// WPP life tables follow it. 1q0 is not known before 1a0 is, so it is solved from 1m0 exactly: substituting
/// a = α + β·q into q = m / (1 + (1 − a)·m) gives β·m·q² − (1 + (1 − α)·m)·q + m = 0, whose smaller root is the
/// one in [0, 1]. The WPP 2019 Canada life tables reproduce this to 2e−14 (see docs/validation.md).
/// </remarks>
public static class CoaleDemeny
{
    /// <summary>Above this 1q0 both factors are constants.</summary>
    public const double HighMortalityQ0 = 0.1;

    /// <summary>1a0 for sex <paramref name="sex"/> and infant death rate <paramref name="m0"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m0"/> is negative or not finite.</exception>
    public static double A0(double m0, Sex sex)
    {
        var q0 = Q0(m0, sex);
        var (alpha, beta, high) = A0Coefficients(sex);
        return q0 > HighMortalityQ0 ? high : alpha + beta * q0;
    }

    /// <summary>4a1 for sex <paramref name="sex"/>, from the infant death rate <paramref name="m0"/> through 1q0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m0"/> is negative or not finite.</exception>
    public static double A1To4(double m0, Sex sex) => A1To4FromQ0(Q0(m0, sex), sex);

    /// <summary>4a1 from the infant death probability 1q0.</summary>
    public static double A1To4FromQ0(double q0, Sex sex)
    {
        if (q0 > HighMortalityQ0)
        {
            return sex == Sex.Male ? 1.352 : 1.361;
        }

        return sex == Sex.Male ? 1.653 - 3.013 * q0 : 1.524 - 1.627 * q0;
    }

    /// <summary>The 1q0 implied by <paramref name="m0"/> when 1a0 follows this rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m0"/> is negative or not finite.</exception>
    public static double Q0(double m0, Sex sex)
    {
        if (!(m0 >= 0) || double.IsInfinity(m0))
        {
            Guard.ThrowRange(nameof(m0), m0, "must be a non-negative finite death rate");
        }

        var (alpha, beta, high) = A0Coefficients(sex);
        var b = 1 + (1 - alpha) * m0;
        var discriminant = b * b - 4 * beta * m0 * m0;
        if (discriminant < 0)
        {
            // No root on the linear branch: mortality is above the range where it applies.
            return m0 / (1 + (1 - high) * m0);
        }

        // The smaller root, written as 2c / (b + √D) so that it stays accurate when m0 is small.
        var q = 2 * m0 / (b + Math.Sqrt(discriminant));
        return q > HighMortalityQ0 ? m0 / (1 + (1 - high) * m0) : q;
    }

    private static (double Alpha, double Beta, double High) A0Coefficients(Sex sex) =>
        sex == Sex.Male ? (0.0425, 2.875, 0.33) : (0.05, 3.0, 0.35);
}
