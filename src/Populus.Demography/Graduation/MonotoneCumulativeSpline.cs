namespace Populus.Demography.Graduation;

/// <summary>
/// Splits grouped totals of a non-negative density into unit-width pieces through a monotone cubic Hermite
/// interpolant of the cumulative function: the knots are the group bounds, so every group keeps its total, and the
/// interpolant never decreases, so no piece is negative.
/// </summary>
/// <remarks>
/// Slopes (the density at the bounds) are those of the C² cubic spline through the cumulative values with given end
/// slopes ("complete" spline), then limited by the Hyman (1983) filter, 0 ≤ dᵢ ≤ 3·min(Δᵢ₋₁, Δᵢ), the sufficient
/// condition of Fritsch &amp; Carlson (1980) for a monotone piece. Where the filter does not bind the density is
/// continuous with a continuous derivative; where it binds the density stays continuous. See docs/methods.md.
/// </remarks>
internal static class MonotoneCumulativeSpline
{
    /// <summary>
    /// Unit pieces of each group: group i covers [bounds[i], bounds[i+1]) (integer bounds) with total
    /// <paramref name="totals"/>[i] ≥ 0; <paramref name="leftSlope"/>, <paramref name="rightSlope"/> are the
    /// density at the first and last bound (clamped to the filter's range).
    /// </summary>
    public static double[] Split(ReadOnlySpan<int> bounds, ReadOnlySpan<double> totals, double leftSlope, double rightSlope)
    {
        var n = totals.Length;
        var h = new double[n];
        var secant = new double[n];
        for (var i = 0; i < n; i++)
        {
            h[i] = bounds[i + 1] - bounds[i];
            secant[i] = totals[i] / h[i];
        }

        var d = CompleteSplineSlopes(h, secant, leftSlope, rightSlope);
        HymanFilter(secant, d);

        var pieces = new double[bounds[n] - bounds[0]];
        var o = 0;
        for (var i = 0; i < n; i++)
        {
            // Cumulative rise above the left knot at s ∈ [0, 1]: h·(Δ·h01(s) + dᵢ·h10(s) + dᵢ₊₁·h11(s)).
            var previous = 0.0;
            var width = (int)h[i];
            for (var u = 1; u <= width; u++)
            {
                var s = (double)u / width;
                var rise = u == width
                    ? totals[i]
                    : h[i] * (secant[i] * s * s * (3 - 2 * s) + d[i] * s * (1 - s) * (1 - s) - d[i + 1] * s * s * (1 - s));
                // Monotone in exact arithmetic; rounding can leave −1e−18, which would fail non-negative checks.
                pieces[o++] = Math.Max(0.0, rise - previous);
                previous = rise;
            }
        }

        return pieces;
    }

    /// <summary>Slopes at the n+1 knots of the C² cubic spline with the given end slopes (tridiagonal, Thomas algorithm).</summary>
    private static double[] CompleteSplineSlopes(double[] h, double[] secant, double left, double right)
    {
        var n = h.Length;
        var d = new double[n + 1];
        d[0] = left;
        d[n] = right;
        if (n == 1)
        {
            return d;
        }

        // Row i (1..n−1): h[i]·d[i−1] + 2(h[i−1]+h[i])·d[i] + h[i−1]·d[i+1] = 3(h[i]·Δ[i−1] + h[i−1]·Δ[i]).
        var m = n - 1;
        var diag = new double[m];
        var rhs = new double[m];
        for (var r = 0; r < m; r++)
        {
            var i = r + 1;
            diag[r] = 2 * (h[i - 1] + h[i]);
            rhs[r] = 3 * (h[i] * secant[i - 1] + h[i - 1] * secant[i]);
        }

        rhs[0] -= h[1] * left;
        rhs[m - 1] -= h[n - 2] * right;
        for (var r = 1; r < m; r++)
        {
            var w = h[r + 1] / diag[r - 1];
            diag[r] -= w * h[r - 1];
            rhs[r] -= w * rhs[r - 1];
        }

        d[m] = rhs[m - 1] / diag[m - 1];
        for (var r = m - 2; r >= 0; r--)
        {
            d[r + 1] = (rhs[r] - h[r] * d[r + 2]) / diag[r];
        }

        return d;
    }

    private static void HymanFilter(double[] secant, double[] d)
    {
        var n = secant.Length;
        for (var i = 0; i <= n; i++)
        {
            var limit = i == 0 ? secant[0] : i == n ? secant[n - 1] : Math.Min(secant[i - 1], secant[i]);
            d[i] = Math.Clamp(d[i], 0.0, 3.0 * limit);
        }
    }
}
