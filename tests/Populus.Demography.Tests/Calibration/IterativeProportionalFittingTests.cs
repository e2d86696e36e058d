using Populus.Demography.Calibration;

namespace Populus.Demography.Tests.Calibration;

public class IterativeProportionalFittingTests
{
    // A 2 × 3 table (sex × broad age) in row-major order: cells 0..2 male, 3..5 female.
    private static MarginConstraint Row(int r, double total) => new($"row {r}", [r * 3, r * 3 + 1, r * 3 + 2], total);

    private static MarginConstraint Column(int c, double total) => new($"column {c}", [c, 3 + c], total);

    [Fact]
    public void Fit_MeetsEveryMargin()
    {
        double[] seed = [10, 20, 30, 15, 25, 35];
        MarginConstraint[] margins = [Row(0, 100), Row(1, 140), Column(0, 50), Column(1, 80), Column(2, 110)];
        var (cells, _) = IterativeProportionalFitting.Fit(seed, margins);
        foreach (var m in margins)
        {
            var sum = 0.0;
            foreach (var c in m.Cells)
            {
                sum += cells[c];
            }

            Assert.Equal(m.Total, sum, 1e-7);
        }
    }

    [Fact]
    public void Fit_KeepsTheSeedsCrossProductRatio()
    {
        // IPF preserves odds ratios of the seed (Deming & Stephan 1940): (a·d)/(b·c) is invariant under row and column scaling.
        double[] seed = [10, 20, 30, 15, 25, 35];
        var (cells, _) = IterativeProportionalFitting.Fit(seed, [Row(0, 100), Row(1, 140), Column(0, 50), Column(1, 80), Column(2, 110)]);
        var before = seed[0] * seed[4] / (seed[1] * seed[3]);
        var after = cells[0] * cells[4] / (cells[1] * cells[3]);
        Assert.Equal(before, after, 1e-9);
    }

    [Fact]
    public void Fit_SeedAlreadyConsistent_IsUnchanged()
    {
        double[] seed = [1, 2, 3, 4, 5, 6];
        var (cells, iterations) = IterativeProportionalFitting.Fit(seed, [Row(0, 6), Row(1, 15)]);
        Assert.Equal(seed, cells);
        Assert.Equal(1, iterations);
    }

    [Fact]
    public void Fit_InconsistentMargins_Throws()
    {
        double[] seed = [1, 1, 1, 1, 1, 1];
        var ex = Assert.Throws<InvalidOperationException>(() =>
            IterativeProportionalFitting.Fit(seed, [Row(0, 10), Row(1, 10), Column(0, 1), Column(1, 1), Column(2, 1)], maxIterations: 50));
        Assert.Contains("inconsistent", ex.Message);
    }

    [Fact]
    public void Fit_PositiveMarginOverZeroSeed_IsRefused()
    {
        double[] seed = [0, 0, 0, 1, 1, 1];
        Assert.Throws<ArgumentException>(() => IterativeProportionalFitting.Fit(seed, [Row(0, 5)]));
    }
}
