namespace Populus.Demography.Stochastic;

/// <summary>
/// A deviation from a central path that follows a first-order autoregression by calendar year: none in the base year
/// (the last estimate, taken as known), d(1) ~ N(0, σ1²) in the first projected year, then d(h) = φ·d(h−1) + σ·ε(h),
/// ε ~ N(0, 1).
/// </summary>
/// <remarks>
/// The form of the stochastic TFR and e0 models behind WPP ([WPP2024]; [Alkema2011] phase III of TFR is an AR(1)
/// around the ultimate level, and the female–male e0 gap an AR(1) [Raftery2014]) and of the random walks some
/// migration models use (φ = 1). Its marginal variance is
/// Var d(h) = φ^{2(h−1)}·σ1² + σ²·Σ_{i&lt;h−1} φ^{2i} (h ≥ 1), which <see cref="UncertaintyCalibration"/> fits to published bounds.
/// </remarks>
/// <param name="FirstYearSd">σ1: the standard deviation in the first projected year (h = 1): the published bounds are
/// already wide there.</param>
/// <param name="Persistence">φ in [0, 1].</param>
/// <param name="InnovationSd">σ: the standard deviation of the yearly shock.</param>
public sealed record Ar1Process(double FirstYearSd, double Persistence, double InnovationSd)
{
    /// <summary>No deviation at all: the central path.</summary>
    public static Ar1Process None { get; } = new(0, 0, 0);

    /// <summary>The variance of d(<paramref name="horizon"/>), years after the base year (0 at and before it).</summary>
    public double Variance(int horizon)
    {
        if (horizon < 1)
        {
            return 0;
        }

        var phi2 = Persistence * Persistence;
        var sum = 0.0;
        var power = 1.0;
        for (var i = 0; i < horizon - 1; i++)
        {
            sum += power;
            power *= phi2;
        }

        return power * FirstYearSd * FirstYearSd + InnovationSd * InnovationSd * sum;
    }

    /// <summary>The standard deviation of d(<paramref name="horizon"/>).</summary>
    public double StandardDeviation(int horizon) => Math.Sqrt(Variance(horizon));

    /// <summary>Writes d(0) = 0, d(1), …, d(path.Length − 1) driven by the standard normal shocks shocks[1..] (one a year).</summary>
    public void Simulate(ReadOnlySpan<double> shocks, Span<double> path)
    {
        path[0] = 0;
        if (path.Length < 2)
        {
            return;
        }

        var d = FirstYearSd * shocks[1];
        path[1] = d;
        for (var h = 2; h < path.Length; h++)
        {
            d = Persistence * d + InnovationSd * shocks[h];
            path[h] = d;
        }
    }
}
