using Populus.Demography;

namespace Populus.Planning.Indicators;

/// <summary>
/// Period life expectancy at birth from central death rates, by a plain abridged life table.
/// </summary>
/// <remarks>
/// A stand-in until <c>Populus.Demography.LifeTables</c> lands on main (it was not there when Planning was
/// written); replace the call in <see cref="FormulaEvaluator"/> with it then. Method [PHG2001] ch. 3:
/// nqx = n·nmx / (1 + (n − nax)·nmx), capped at 1; nax = n/2 except the first year of life, where
/// 1a0 follows Andreev and Kingkade [AK2015] (the mean of their male and female rules, since the
/// data here are often not split by sex), and the open group, where L = l/m.
/// </remarks>
internal static class PeriodLifeExpectancy
{
    /// <summary>e0, or null with a reason when the grid does not start at age 0 or has no open last group.</summary>
    public static double? AtBirth(DeathRates mx, out string? reason)
    {
        var ages = mx.Ages;
        if (ages.FirstAge != 0 || !ages.IsOpenEnded)
        {
            reason = $"a life table needs death rates from age 0 to an open last group; got {ages}";
            return null;
        }

        reason = null;
        var l = 1.0;
        var person = 0.0;
        for (var i = 0; i < ages.Count; i++)
        {
            var m = mx[i];
            if (ages.IsOpen(i))
            {
                if (m <= 0)
                {
                    reason = $"the death rate of the open age group {ages.Label(i)} is zero, so its person-years are unbounded";
                    return null;
                }

                person += l / m;
                break;
            }

            var n = ages.Width(i);
            var a = ages.Start(i) == 0 && n == 1 ? InfantSeparation(m) : n / 2.0;
            var q = Math.Min(1.0, n * m / (1 + ((n - a) * m)));
            var d = l * q;
            person += (n * (l - d)) + (a * d);
            l -= d;
        }

        return person;
    }

    /// <summary>1a0 by the piecewise-linear rules of [AK2015] (as in [HMD] v6), the mean of the male and female rules.</summary>
    private static double InfantSeparation(double m0)
    {
        var male = m0 < 0.0230 ? 0.14929 - (1.99545 * m0) : m0 < 0.08307 ? 0.02832 + (3.26021 * m0) : 0.29915;
        var female = m0 < 0.01724 ? 0.14903 - (2.05527 * m0) : m0 < 0.06891 ? 0.04667 + (3.88089 * m0) : 0.31411;
        return (male + female) / 2;
    }
}
