namespace Populus.Demography.Stochastic;

/// <summary>
/// A deviation from a central path that follows a first-order autoregression by calendar year:
/// d(0) ~ N(0, σ0²) in the base year, d(h) = φ·d(h−1) + σ·ε(h), ε ~ N(0, 1).
/// </summary>
/// <remarks>
/// The form of the stochastic TFR and e0 models behind WPP ([WPP2024]; [Alkema2011] phase III of TFR is an AR(1)
/// around the ultimate level, and the female–male e0 gap an AR(1) [Raftery2014]) and of the random walks some
/// migration models use (φ = 1). Its marginal variance is
/// Var d(h) = φ^{2h}·σ0² + σ²·Σ_{i&lt;h} φ^{2i}, which <see cref="UncertaintyCalibration"/> fits to published bounds.
/// </remarks>
/// <param name="InitialSd">σ0: the standard deviation in the base year (h = 0).</param>
/// <param name="Persistence">φ in [0, 1].</param>
/// <param name="InnovationSd">σ: the standard deviation of the yearly shock.</param>
public sealed record Ar1Process(double InitialSd, double Persistence, double InnovationSd)
{
    /// <summary>No deviation at all: the central path.</summary>
    public static Ar1Process None { get; } = new(0, 0, 0);

    /// <summary>The variance of d(<paramref name="horizon"/>), years after the base year.</summary>
    public double Variance(int horizon)
    {
        var phi2 = Persistence * Persistence;
        var sum = 0.0;
        var power = 1.0;
        for (var i = 0; i < horizon; i++)
        {
            sum += power;
            power *= phi2;
        }

        return power * InitialSd * InitialSd + InnovationSd * InnovationSd * sum;
    }

    /// <summary>The standard deviation of d(<paramref name="horizon"/>).</summary>
    public double StandardDeviation(int horizon) => Math.Sqrt(Variance(horizon));

    /// <summary>Writes d(0), …, d(path.Length − 1) driven by the given standard normal shocks (one a year).</summary>
    public void Simulate(ReadOnlySpan<double> shocks, Span<double> path)
    {
        var d = InitialSd * shocks[0];
        path[0] = d;
        for (var h = 1; h < path.Length; h++)
        {
            d = Persistence * d + InnovationSd * shocks[h];
            path[h] = d;
        }
    }
}
