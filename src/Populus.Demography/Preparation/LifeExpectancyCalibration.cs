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
/// method (MathNet.Numerics), expanding the bracket from k ∈ [e^−½, e^½] when needed.
/// </remarks>
public static class LifeExpectancyCalibration
{
    /// <summary>Tolerance on ln k: 1e-10 moves e0 by well under 1e-8 years.</summary>
    private const double LogScaleAccuracy = 1e-10;

    /// <summary>k·<paramref name="mx"/> with e0 = <paramref name="targetE0"/> under <paramref name="options"/>, and k.</summary>
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

            var c = columns.AsSpan();
            LifeTableKernel.Compute(ages, scaled, default, options,
                new LifeTableColumns(c[..k], c[k..(2 * k)], c[(2 * k)..(3 * k)], c[(3 * k)..(4 * k)], c[(4 * k)..(5 * k)], c[(5 * k)..(6 * k)], c[(6 * k)..]));
            return c[6 * k] - targetE0;
        }

        double logK;
        try
        {
            logK = Brent.FindRootExpand(E0, -0.5, 0.5, LogScaleAccuracy, maxIterations: 200, expandFactor: 1.6, maxExpandIteratons: 20);
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            Guard.ThrowArgument(nameof(mx), $"No multiple of these death rates has a life expectancy of {targetE0} years.");
            throw;
        }

        var factor = Math.Exp(logK);
        var result = new double[k];
        for (var i = 0; i < k; i++)
        {
            result[i] = baseRates[i] * factor;
        }

        return (new DeathRates(ages, result), factor);
    }
}
