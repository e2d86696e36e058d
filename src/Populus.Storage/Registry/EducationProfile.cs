using Populus.Planning.Data;

namespace Populus.Storage.Registry;

/// <summary>
/// Education level by single year of age for the synthetic registry: an assumed age pattern, scaled so that the
/// shares of residents with tertiary (大专+) and senior secondary (高中/中职) education equal Zhejiang's 2020 census
/// figures for the age structure used.
/// </summary>
/// <remarks>
/// Only the two provincial totals are published in the data at hand, not education by age, so the age pattern is an
/// assumption: children are at the level their age implies; adults follow a cohort pattern in which younger cohorts
/// reached higher levels (the shape of China's 2020 census tables). Calibration multiplies the tertiary levels by
/// k_T and the senior secondary levels by k_S at ages 22 and over (completed education), taking the difference from
/// the lower levels in proportion; k_T and k_S are solved in closed form so the population-weighted shares
/// hit the targets exactly.
/// </remarks>
internal static class EducationProfile
{
    public const int Levels = 10;

    private const int AdultAge = 22;

    // Shares (%) of None, Preschool, Primary, Junior, Senior, Vocational, JuniorCollege, Bachelor, Master, Doctorate.
    private static readonly (int From, double[] Shares)[] Pattern =
    [
        (0, [100, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        (3, [10, 90, 0, 0, 0, 0, 0, 0, 0, 0]),
        (6, [0, 0, 100, 0, 0, 0, 0, 0, 0, 0]),
        (12, [0, 0, 0, 100, 0, 0, 0, 0, 0, 0]),
        (15, [0, 0, 0, 10, 55, 35, 0, 0, 0, 0]),
        (18, [0, 0, 1, 14, 20, 15, 25, 25, 0, 0]),
        (22, [1, 0, 3, 25, 12, 10, 22, 24, 3, 0]),
        (25, [1, 0, 4, 30, 12, 9, 20, 21, 2.7, 0.3]),
        (30, [1, 0, 6, 38, 12, 8, 16, 16, 2.7, 0.3]),
        (35, [1, 0, 8, 45, 12, 7, 12, 12.7, 2, 0.3]),
        (40, [1, 0, 12, 52, 12, 6, 8, 7.6, 1.2, 0.2]),
        (45, [1.8, 0, 18, 52, 14, 5, 5, 3.5, 0.6, 0.1]),
        (50, [2, 0, 25, 48, 15, 4, 3, 2.5, 0.4, 0.1]),
        (55, [3, 0, 35, 40, 15, 3, 2, 1.6, 0.3, 0.1]),
        (60, [6, 0, 48, 32, 9, 2, 1.5, 1.2, 0.2, 0.1]),
        (65, [10, 0, 58, 22, 6, 1.5, 1.2, 1, 0.2, 0.1]),
        (70, [18, 0, 60, 14, 5, 1, 1, 0.8, 0.1, 0.1]),
        (75, [28, 0, 56, 10, 3, 1, 1, 0.8, 0.1, 0.1]),
        (80, [45, 0, 45, 6, 2, 0.5, 0.8, 0.6, 0.05, 0.05]),
    ];

    /// <summary>
    /// Cumulative level shares for each age 0..<paramref name="ageWeights"/>.Length-1, calibrated to the targets
    /// under the given age distribution (weights need not sum to 1).
    /// </summary>
    /// <exception cref="InvalidOperationException">The targets cannot be met by this pattern.</exception>
    public static double[][] Calibrated(double[] ageWeights, double tertiaryShare, double seniorShare)
    {
        var shares = new double[ageWeights.Length][];
        double total = 0, youngT = 0, youngS = 0, adultT = 0, adultS = 0;
        for (var age = 0; age < ageWeights.Length; age++)
        {
            var row = Pattern.Last(p => p.From <= age).Shares;
            var sum = row.Sum();
            shares[age] = row.Select(s => s / sum).ToArray();
            var w = ageWeights[age];
            total += w;
            if (age < AdultAge)
            {
                youngT += w * Tertiary(shares[age]);
                youngS += w * Senior(shares[age]);
            }
            else
            {
                adultT += w * Tertiary(shares[age]);
                adultS += w * Senior(shares[age]);
            }
        }

        var kT = ((tertiaryShare * total) - youngT) / adultT;
        var kS = ((seniorShare * total) - youngS) / adultS;
        for (var age = AdultAge; age < ageWeights.Length; age++)
        {
            var s = shares[age];
            var t = Tertiary(s);
            var h = Senior(s);
            var lower = 1 - t - h;
            var rest = 1 - (kT * t) - (kS * h);
            if (kT < 0 || kS < 0 || rest < 0)
            {
                throw new InvalidOperationException(
                    $"education targets (tertiary {tertiaryShare:P2}, senior {seniorShare:P2}) cannot be met by the assumed age pattern at age {age}");
            }

            for (var level = 0; level < Levels; level++)
            {
                s[level] *= level switch
                {
                    (int)EducationLevel.SeniorSecondary or (int)EducationLevel.VocationalSecondary => kS,
                    >= (int)EducationLevel.JuniorCollege => kT,
                    _ => rest / lower,
                };
            }
        }

        foreach (var s in shares)
        {
            for (var level = 1; level < Levels; level++)
            {
                s[level] += s[level - 1];
            }

            s[Levels - 1] = 1.0;
        }

        return shares;
    }

    private static double Tertiary(double[] s) => s[6] + s[7] + s[8] + s[9];

    private static double Senior(double[] s) => s[4] + s[5];
}
