using MathNet.Numerics.RootFinding;
using Populus.Demography.LifeTables;

namespace Populus.Demography.Preparation;

/// <summary>Death rates scaled by one factor at every age so that their life table has a given life expectancy at birth.</summary>
/// <remarks>
/// WPP projects the level of mortality as e0 by sex ([WPP2024]: Bayesian hierarchical e0 model) and derives the age
/// pattern separately; its annual e0 is therefore the binding figure, while the age pattern available between the
/// five-year periods is an interpolation. Scaling the interpolated rates proportionally, k·m(x), keeps the pattern's
/// shape (the log rates move in parallel, as in the Lee–Carter family with a flat age response) and hits the level
/// exactly. e0 falls strictly as k rises, so the root of e0(k) − target is unique; it is found on ln k with Brent's
/// method (MathNet.Numerics) after bracketing it in steps of 0.25 from ln k = 0.
/// </remarks>
public static class LifeExpectancyCalibration
{
    /// <summary>Tolerance on ln k: 1e-10 moves e0 by well under 1e-8 years.</summary>
    private const double LogScaleAccuracy = 1e-10;

    /// <summary>Bracketing step on ln k: a factor of 1.28, about 2–4 years of e0 at usual levels.</summary>
    private const double BracketStep = 0.25;

    /// <summary>ln k within ±10 (factors 4.5e−5 … 22,000) covers every plausible rescaling.</summary>
    private const int MaxBracketSteps = 40;

    /// <summary>k·<paramref name="mx"/> with e0 = <paramref name="targetE0"/> under <paramref name="options"/>, and k.</summary>
    /// <param name="mx">The death rates to scale.</param>
    /// <param name="targetE0">The life expectancy at birth to reach.</param>
    /// <param name="options">The life table's conventions.</param>
    /// <exception cref="ArgumentOutOfRangeException">The target is not a plausible life expectancy (1–120 years).</exception>
    /// <exception cref="ArgumentException">The rates cannot be scaled to the target (for example all zero), or a scaled rate leaves the life table's range.</exception>
    public static (DeathRates Rates, double Factor) ScaleTo(DeathRates mx, double targetE0, LifeTableOptions options)
    {
        Guard.NotNull(mx);
        Guard.NotNull(options);
        Guard.InRange(targetE0, 1, 120, nameof(targetE0));
        var ages = mx.Ages;
        var k = ages.Count;
        var baseRates = mx.Values.ToArray();
        var scaled = new double[k];
        var columns = new double[7 * k];
        double E0(double logFactor)
        {
            var factor = Math.Exp(logFactor);
            for (var i = 0; i < k; i++)
            {
                scaled[i] = baseRates[i] * factor;
            }

            return LifeTableKernel.LifeExpectancyAtBirth(ages, scaled, options, columns) - targetE0;
        }

        var (lo, hi) = Bracket(E0, targetE0);
        var logK = lo == hi ? lo : Brent.FindRoot(E0, lo, hi, LogScaleAccuracy, maxIterations: 200);
        var factor = Math.Exp(logK);
        var result = new double[k];
        for (var i = 0; i < k; i++)
        {
            result[i] = baseRates[i] * factor;
        }

        return (new DeathRates(ages, result), factor);
    }

    /// <summary>
    /// Steps ln k away from 0 by <see cref="BracketStep"/> in the direction that moves e0 towards the target until the
    /// sign changes: small steps keep every trial table defined (a huge k would imply probabilities of dying above 1).
    /// </summary>
    private static (double Lo, double Hi) Bracket(Func<double, double> e0Gap, double targetE0)
    {
        var at = 0.0;
        var gap = e0Gap(at);
        var direction = gap > 0 ? 1.0 : -1.0; // e0 above the target: raise the rates
        for (var i = 0; i < MaxBracketSteps && gap != 0; i++)
        {
            var next = at + direction * BracketStep;
            double nextGap;
            try
            {
                nextGap = e0Gap(next);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or ArithmeticException)
            {
                break; // this factor leaves the life table's range, or its Kannisto fit: the bracket ends before it
            }

            if (Math.Sign(nextGap) != Math.Sign(gap))
            {
                return direction > 0 ? (at, next) : (next, at);
            }

            (at, gap) = (next, nextGap);
        }

        if (gap == 0)
        {
            return (at, at);
        }

        Guard.ThrowArgument("mx", $"No multiple of these death rates gives a life expectancy of {targetE0} years (reached {targetE0 + gap:0.###} at factor {Math.Exp(at):G4}).");
        return default;
    }
}
