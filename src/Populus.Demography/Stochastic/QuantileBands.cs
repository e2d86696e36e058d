namespace Populus.Demography.Stochastic;

/// <summary>The median and the 80% and 95% intervals of a figure, read from its quantiles at
/// <see cref="TrajectoryResults.Probabilities"/> (2.5, 10, 25, 50, 75, 90, 97.5 %): what a fan chart, a table of
/// intervals or a band in an answer shows.</summary>
public readonly record struct QuantileBands(double Median, double Lower80, double Upper80, double Lower95, double Upper95)
{
    private static readonly int MedianAt = TrajectoryResults.Probabilities.IndexOf(0.50);
    private static readonly int Lower80At = TrajectoryResults.Probabilities.IndexOf(0.10);
    private static readonly int Upper80At = TrajectoryResults.Probabilities.IndexOf(0.90);
    private static readonly int Lower95At = TrajectoryResults.Probabilities.IndexOf(0.025);
    private static readonly int Upper95At = TrajectoryResults.Probabilities.IndexOf(0.975);

    /// <summary>The bands of <paramref name="quantiles"/>, one a probability of <see cref="TrajectoryResults.Probabilities"/>.</summary>
    /// <exception cref="ArgumentException">Not one quantile a probability.</exception>
    public static QuantileBands Of(ReadOnlySpan<double> quantiles)
    {
        if (quantiles.Length != TrajectoryResults.Probabilities.Length)
        {
            Guard.ThrowArgument(nameof(quantiles), $"{quantiles.Length} quantiles for {TrajectoryResults.Probabilities.Length} probabilities.");
        }

        return new(quantiles[MedianAt], quantiles[Lower80At], quantiles[Upper80At], quantiles[Lower95At], quantiles[Upper95At]);
    }

    /// <summary>The 80% interval's width over the median (0 for a median of 0): how uncertain the figure is for its size.</summary>
    public double RelativeWidth80 => Median > 0 ? (Upper80 - Lower80) / Median : 0;
}
