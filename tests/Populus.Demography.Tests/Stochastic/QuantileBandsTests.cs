using Populus.Demography.Stochastic;

namespace Populus.Demography.Tests.Stochastic;

public sealed class QuantileBandsTests
{
    [Fact]
    public void Of_ReadsEachBandAtItsProbability()
    {
        // Each quantile stands for its own probability (× 1,000), so a band read at the wrong place shows.
        double[] quantiles = [.. TrajectoryResults.Probabilities.Select(p => p * 1000)];
        var bands = QuantileBands.Of(quantiles);
        Assert.Equal(new QuantileBands(500, 100, 900, 25, 975), bands);
        Assert.Equal((900 - 100) / 500.0, bands.RelativeWidth80, 12);
        Assert.Equal(0, new QuantileBands(0, 0, 1, 0, 1).RelativeWidth80);
    }

    [Fact]
    public void Of_RefusesAnotherNumberOfQuantiles() =>
        Assert.Throws<ArgumentException>(() => QuantileBands.Of([1.0, 2.0, 3.0]));
}
