using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Populus.Demography.Stochastic;

/// <summary>Fits <see cref="Ar1Process"/>es to published 80% and 95% bounds so that their normal marginal intervals reproduce them.</summary>
/// <remarks>
/// A normal deviation with standard deviation sd(h) has the 80% half-width z80·sd(h) and the 95% half-width
/// z95·sd(h). The fit minimises Σ_h [ln(z80·sd(h)/w80(h))² + ln(z95·sd(h)/w95(h))²] over every year with bounds, so
/// each year and both intervals weigh alike in relative terms. Parameters are searched on unbounded scales
/// (ln σ1, ln σ, logit φ) with the Nelder–Mead simplex (MathNet.Numerics) from several starting persistences, keeping
/// the best. The published bounds are the target; nothing is tuned by hand.
/// </remarks>
public static class UncertaintyCalibration
{
    /// <summary>The 90th percentile of the standard normal: the 80% half-width in standard deviations.</summary>
    public const double Z80 = 1.2815515655446004;

    /// <summary>The 97.5th percentile of the standard normal.</summary>
    public const double Z95 = 1.959963984540054;

    private static readonly double[] StartPersistences = [0.3, 0.8, 0.95, 0.995];

    /// <summary>The process whose intervals best reproduce <paramref name="bounds"/>.</summary>
    /// <exception cref="ArgumentException">No bounds, or a width that is not positive.</exception>
    public static CalibrationFit Fit(IReadOnlyList<IntervalBounds> bounds)
    {
        Check(bounds);
        var first = Math.Max(bounds.Min(b => b.HalfWidth80) / Z80, 1e-12);
        double Loss(Vector<double> x) => LogLoss(bounds, h => Process(x).Variance(h));
        var best = Minimise(Loss, StartPersistences.Select(phi => Vector<double>.Build.Dense([Math.Log(first), Math.Log(first / 3), Logit(phi)])));
        var process = Process(best);
        return new CalibrationFit(process, Rows(bounds, process.Variance));
    }

    /// <summary>
    /// The male deviation as β·(female deviation) + g, with g an independent AR(1) (the gap's own variation), fitted to
    /// the male bounds given the female fit. BayesLife projects male e0 as female e0 minus a gap ([Raftery2014]); β is
    /// kept near 1 by a small penalty (1% of a squared log error per unit of (β − 1)²) because male bounds alone do not
    /// separate β from the gap's variance.
    /// </summary>
    /// <exception cref="ArgumentException">No bounds, or a width that is not positive.</exception>
    public static CalibrationFit FitLinked(Ar1Process leader, IReadOnlyList<IntervalBounds> bounds)
    {
        Guard.NotNull(leader);
        Check(bounds);
        var first = Math.Max(bounds.Min(b => b.HalfWidth80) / Z80, 1e-12);
        double Variance(Vector<double> x, int h) => x[3] * x[3] * leader.Variance(h) + Process(x).Variance(h);
        double Loss(Vector<double> x) => LogLoss(bounds, h => Variance(x, h)) + 0.01 * (x[3] - 1) * (x[3] - 1);
        var best = Minimise(Loss, StartPersistences.Select(phi => Vector<double>.Build.Dense([Math.Log(first / 3), Math.Log(first / 10), Logit(phi), 1.0])));
        return new CalibrationFit(Process(best), Rows(bounds, h => Variance(best, h)), best[3]);
    }

    private static void Check(IReadOnlyList<IntervalBounds> bounds)
    {
        Guard.NotNull(bounds);
        if (bounds.Count == 0)
        {
            Guard.ThrowArgument(nameof(bounds), "No published bounds to fit.");
        }

        foreach (var b in bounds)
        {
            if (!(b.HalfWidth80 > 0 && b.HalfWidth95 > b.HalfWidth80) || b.Horizon < 1)
            {
                Guard.ThrowArgument(nameof(bounds), $"Bounds of {b.Year}: the 80% interval [{b.Lower80}, {b.Upper80}] must have a positive width inside the 95% interval [{b.Lower95}, {b.Upper95}], at a horizon ≥ 1 ({b.Horizon}).");
            }
        }
    }

    private static double LogLoss(IReadOnlyList<IntervalBounds> bounds, Func<int, double> variance)
    {
        var loss = 0.0;
        foreach (var b in bounds)
        {
            var sd = Math.Sqrt(variance(b.Horizon));
            if (!(sd > 0) || !double.IsFinite(sd))
            {
                return double.MaxValue;
            }

            var e80 = Math.Log(Z80 * sd / b.HalfWidth80);
            var e95 = Math.Log(Z95 * sd / b.HalfWidth95);
            loss += e80 * e80 + e95 * e95;
        }

        return loss;
    }

    private static Vector<double> Minimise(Func<Vector<double>, double> loss, IEnumerable<Vector<double>> starts)
    {
        var objective = ObjectiveFunction.Value(loss);
        Vector<double>? best = null;
        var bestValue = double.MaxValue;
        foreach (var start in starts)
        {
            var result = NelderMeadSimplex.Minimum(objective, start, 1e-10, 20_000);
            if (result.FunctionInfoAtMinimum.Value < bestValue)
            {
                bestValue = result.FunctionInfoAtMinimum.Value;
                best = result.MinimizingPoint;
            }
        }

        return best!;
    }

    /// <summary>x = (ln σ1, ln σ, logit φ), each clamped so that no trial point overflows.</summary>
    private static Ar1Process Process(Vector<double> x) =>
        new(Math.Exp(Math.Clamp(x[0], -40, 20)), 1 / (1 + Math.Exp(-Math.Clamp(x[2], -40, 40))), Math.Exp(Math.Clamp(x[1], -40, 20)));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static CalibrationRow[] Rows(IReadOnlyList<IntervalBounds> bounds, Func<int, double> variance) =>
        [.. bounds.Select(b =>
        {
            var sd = Math.Sqrt(variance(b.Horizon));
            return new CalibrationRow(b.Year, b.Horizon, b.HalfWidth80, Z80 * sd, b.HalfWidth95, Z95 * sd);
        })];
}
