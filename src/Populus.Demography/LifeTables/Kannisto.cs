namespace Populus.Demography.LifeTables;

/// <summary>
/// The Kannisto model of old-age mortality, μ(x) = a·e^{b(x−x0)} / (1 + a·e^{b(x−x0)}), a logistic hazard that
/// levels off below 1 [Thatcher1998].
/// </summary>
/// <remarks>
/// Fitted as DemoTools and MortalityLaws fit it for WPP (loss "LF2"): least squares on the log scale,
/// Σ (ln μ(xi) − ln mi)², which weights relative errors equally at all ages. The reference age x0 only
/// conditions the problem; the fitted curve does not depend on it. Minimised by Newton's method (Gauss–Newton where
/// the Hessian is not positive definite) from the least-squares line through ln mi (the Gompertz curve Kannisto
/// approaches at low mortality); a step that raises the loss is halved. Allocation-free: the fit works on the caller's spans.
/// </remarks>
public readonly record struct Kannisto(double A, double B, double ReferenceAge)
{
    private const int MaxIterations = 100;

    /// <summary>The hazard μ(x).</summary>
    public double Hazard(double age)
    {
        var z = A * Math.Exp(B * (age - ReferenceAge));
        return z / (1 + z);
    }

    /// <summary>Fits the model to rates <paramref name="mx"/> observed at ages <paramref name="ages"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two points, lengths differ, or a rate is not positive.</exception>
    /// <exception cref="ArithmeticException">The fit does not converge (the rates do not rise with age).</exception>
    public static Kannisto Fit(ReadOnlySpan<double> ages, ReadOnlySpan<double> mx)
    {
        if (ages.Length != mx.Length || ages.Length < 2)
        {
            Guard.ThrowArgument(nameof(mx), $"A Kannisto fit needs at least two ages with one rate each (got {ages.Length} ages, {mx.Length} rates).");
        }

        for (var i = 0; i < mx.Length; i++)
        {
            if (!(mx[i] > 0) || double.IsInfinity(mx[i]))
            {
                Guard.ThrowRange($"mx at age {ages[i]}", mx[i], "must be positive for the Kannisto fit (its logarithm is fitted)");
            }
        }

        var x0 = ages[0];
        Span<double> logMx = ages.Length <= 256 ? stackalloc double[ages.Length] : new double[ages.Length];
        for (var i = 0; i < mx.Length; i++)
        {
            logMx[i] = Math.Log(mx[i]);
        }

        var (logA, b) = StartingValues(ages, logMx, x0);
        double previousLogA = logA, previousB = b, previousLoss = double.PositiveInfinity, step0 = 0, step1 = 0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // One pass gives the loss, the gradient and the Hessian of ½Σr², r = ln μ − ln m, with
            // ∂ln μ/∂ln a = 1 − μ, ∂ln μ/∂b = (1 − μ)(x − x0) and ∂²ln μ/∂z² = −μ(1 − μ) for z = ln a + b(x − x0).
            double loss = 0, gg00 = 0, gg01 = 0, gg11 = 0, rc00 = 0, rc01 = 0, rc11 = 0, jr0 = 0, jr1 = 0;
            for (var i = 0; i < ages.Length; i++)
            {
                var t = ages[i] - x0;
                var e = Math.Exp(-(logA + b * t));
                var r = -Math.Log(1 + e) - logMx[i];
                var g = e / (1 + e);
                var curvature = -r * g * (1 - g);
                loss += r * r;
                gg00 += g * g;
                gg01 += g * g * t;
                gg11 += g * g * t * t;
                rc00 += curvature;
                rc01 += curvature * t;
                rc11 += curvature * t * t;
                jr0 += g * r;
                jr1 += g * t * r;
            }

            if (!(loss <= previousLoss))
            {
                // The last step overshot (or gave NaN): go back and try half of it.
                step0 /= 2;
                step1 /= 2;
                if (Math.Abs(step0) + Math.Abs(step1) < 1e-15)
                {
                    return new Kannisto(Math.Exp(previousLogA), previousB, x0);
                }

                logA = previousLogA - step0;
                b = previousB - step1;
                continue;
            }

            // Newton's step converges in a few iterations near the minimum; where the full Hessian is not positive
            // definite (far from it) the Gauss–Newton matrix, which always is, takes its place.
            double h00 = gg00 + rc00, h01 = gg01 + rc01, h11 = gg11 + rc11;
            var det = h00 * h11 - h01 * h01;
            if (!(h00 > 0 && det > 0))
            {
                (h00, h01, h11) = (gg00, gg01, gg11);
                det = h00 * h11 - h01 * h01;
            }

            if (!(Math.Abs(det) > 0))
            {
                break;
            }

            step0 = (h11 * jr0 - h01 * jr1) / det;
            step1 = (h00 * jr1 - h01 * jr0) / det;
            if (Math.Abs(step0) <= 1e-12 * (1 + Math.Abs(logA)) && Math.Abs(step1) <= 1e-12 * (1 + Math.Abs(b)))
            {
                return new Kannisto(Math.Exp(logA - step0), b - step1, x0);
            }

            previousLogA = logA;
            previousB = b;
            previousLoss = loss;
            logA -= step0;
            b -= step1;
        }

        throw new ArithmeticException("The Kannisto fit did not converge; check that the old-age death rates rise with age.");
    }

    /// <summary>The least-squares line through ln m: Gompertz, which Kannisto approaches while μ is small.</summary>
    private static (double LogA, double B) StartingValues(ReadOnlySpan<double> ages, ReadOnlySpan<double> logMx, double x0)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var n = ages.Length;
        for (var i = 0; i < n; i++)
        {
            var t = ages[i] - x0;
            sx += t;
            sy += logMx[i];
            sxx += t * t;
            sxy += t * logMx[i];
        }

        var varT = sxx - sx * sx / n;
        var b = varT > 0 ? (sxy - sx * sy / n) / varT : 0.1;
        return ((sy - b * sx) / n, b);
    }
}
