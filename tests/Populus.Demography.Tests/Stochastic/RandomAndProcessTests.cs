using Populus.Demography.Stochastic;

namespace Populus.Demography.Tests.Stochastic;

public class RandomAndProcessTests
{
    [Fact]
    public void Stream_DependsOnlyOnSeedAndIndex()
    {
        var a = new RandomStream(42, 7);
        var b = new RandomStream(42, 7);
        var c = new RandomStream(42, 8);
        var d = new RandomStream(43, 7);
        var same = Enumerable.Range(0, 100).All(_ => a.NextBits() == b.NextBits());
        Assert.True(same);
        Assert.NotEqual(new RandomStream(42, 7).NextBits(), c.NextBits());
        Assert.NotEqual(new RandomStream(42, 7).NextBits(), d.NextBits());
    }

    [Fact]
    public void Normals_HaveMeanZeroAndVarianceOne()
    {
        var rng = new RandomStream(1, 0);
        const int N = 200_000;
        var (sum, sumSquares, below) = (0.0, 0.0, 0);
        for (var i = 0; i < N; i++)
        {
            var z = rng.NextNormal();
            sum += z;
            sumSquares += z * z;
            below += z < -UncertaintyCalibration.Z80 ? 1 : 0;
        }

        Assert.InRange(sum / N, -0.01, 0.01); // 4.5 standard errors
        Assert.InRange(sumSquares / N, 0.985, 1.015);
        Assert.InRange(below / (double)N, 0.0965, 0.1035); // P(Z < −1.2816) = 0.1
    }

    [Fact]
    public void Normals_FollowTheNormalDistribution()
    {
        // Kolmogorov–Smirnov against Φ: at the 0.1% level the largest gap between the empirical and the normal
        // distribution functions of n draws stays below 1.95/√n.
        var rng = new RandomStream(17, 0);
        const int N = 200_000;
        var z = new double[N];
        for (var i = 0; i < N; i++)
        {
            z[i] = rng.NextNormal();
        }

        Array.Sort(z);
        var gap = 0.0;
        for (var i = 0; i < N; i++)
        {
            var phi = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z[i] / Math.Sqrt(2));
            gap = Math.Max(gap, Math.Max((i + 1.0) / N - phi, phi - (double)i / N));
        }

        Assert.True(gap < 1.95 / Math.Sqrt(N), $"Kolmogorov–Smirnov distance {gap}");
    }

    [Fact]
    public void Normals_ReachTheTailsAsOften_AsTheNormalDoes()
    {
        // Beyond the ziggurat's base (|z| > r) every deviate comes from the tail method; beyond 2 most come from the
        // layers' wedges. Expected counts ± 5 standard deviations (binomial).
        var rng = new RandomStream(23, 0);
        const int N = 2_000_000;
        var (beyondBase, beyondTwo, negativeBeyondBase) = (0, 0, 0);
        for (var i = 0; i < N; i++)
        {
            var z = rng.NextNormal();
            beyondBase += Math.Abs(z) > NormalZiggurat.TailStart ? 1 : 0;
            negativeBeyondBase += z < -NormalZiggurat.TailStart ? 1 : 0;
            beyondTwo += Math.Abs(z) > 2 ? 1 : 0;
        }

        static (double Low, double High) Expected(double p) => (N * p - 5 * Math.Sqrt(N * p * (1 - p)), N * p + 5 * Math.Sqrt(N * p * (1 - p)));
        var pBase = MathNet.Numerics.SpecialFunctions.Erfc(NormalZiggurat.TailStart / Math.Sqrt(2)); // P(|Z| > r) ≈ 2.6·10⁻⁴
        var pTwo = MathNet.Numerics.SpecialFunctions.Erfc(2 / Math.Sqrt(2)); // P(|Z| > 2) ≈ 0.0455
        Assert.InRange(beyondBase, Expected(pBase).Low, Expected(pBase).High);
        Assert.InRange(negativeBeyondBase, Expected(pBase / 2).Low, Expected(pBase / 2).High);
        Assert.InRange(beyondTwo, Expected(pTwo).Low, Expected(pTwo).High);
    }

    [Fact]
    public void Ziggurat_LayersHaveEqualAreas()
    {
        // Layer i ≥ 1: xᵢ·(f(xᵢ₊₁) − f(xᵢ)) = v; the bottom one: its width times f(r) = v; the top reaches 0.
        var zig = NormalZiggurat.Instance;
        static double F(double x) => Math.Exp(-0.5 * x * x);
        Assert.Equal(NormalZiggurat.LayerArea, zig.Right(0) * F(NormalZiggurat.TailStart), 15);
        for (var i = 1; i < NormalZiggurat.Layers; i++)
        {
            var next = i + 1 < NormalZiggurat.Layers ? zig.Right(i + 1) : 0;
            Assert.Equal(NormalZiggurat.LayerArea, zig.Right(i) * (F(next) - F(zig.Right(i))), 9);
        }

        Assert.InRange(zig.Right(NormalZiggurat.Layers - 1), 0.1, 0.5);
        // r and v belong together: the tail's area, ∫ᵣ^∞ f = √(π/2)·erfc(r/√2), is v − r·f(r).
        var tail = Math.Sqrt(Math.PI / 2) * MathNet.Numerics.SpecialFunctions.Erfc(NormalZiggurat.TailStart / Math.Sqrt(2));
        Assert.Equal(NormalZiggurat.LayerArea, NormalZiggurat.TailStart * F(NormalZiggurat.TailStart) + tail, 12);
    }

    [Fact]
    public void Process_SimulatedVarianceMatchesFormula()
    {
        var process = new Ar1Process(0.1, 0.9, 0.05);
        const int N = 20_000;
        const int H = 12;
        var rng = new RandomStream(3, 0);
        var shocks = new double[H];
        var path = new double[H];
        var sums = new double[H];
        for (var i = 0; i < N; i++)
        {
            for (var h = 0; h < H; h++)
            {
                shocks[h] = rng.NextNormal();
            }

            process.Simulate(shocks, path);
            for (var h = 0; h < H; h++)
            {
                sums[h] += path[h] * path[h];
            }
        }

        Assert.Equal(0, sums[0]);
        Assert.Equal(0.01, process.Variance(1), 12);
        foreach (var h in new[] { 1, 5, 11 })
        {
            Assert.InRange(sums[h] / N / process.Variance(h), 0.96, 1.04); // ±4 standard errors of a variance from 20,000 draws
        }
    }

    [Fact]
    public void Calibration_RecoversAProcessFromItsOwnIntervals()
    {
        var truth = new Ar1Process(0.12, 0.97, 0.04);
        var bounds = Enumerable.Range(1, 77).Select(h =>
        {
            var sd = truth.StandardDeviation(h);
            return new IntervalBounds(2023 + h, h, 1.2, 1.2 - UncertaintyCalibration.Z80 * sd, 1.2 + UncertaintyCalibration.Z80 * sd,
                1.2 - UncertaintyCalibration.Z95 * sd, 1.2 + UncertaintyCalibration.Z95 * sd);
        }).ToArray();

        var fit = UncertaintyCalibration.Fit(bounds);

        Assert.True(fit.MaxRelativeError < 1e-3, $"max relative error {fit.MaxRelativeError}");
        Assert.Equal(0.97, fit.Process.Persistence, 2);
    }

    [Fact]
    public void Calibration_LinkedFitAddsTheOwnPart()
    {
        var leader = new Ar1Process(0.5, 0.99, 0.4);
        var own = new Ar1Process(0.2, 0.9, 0.15);
        var bounds = Enumerable.Range(1, 40).Select(h =>
        {
            var sd = Math.Sqrt(leader.Variance(h) + own.Variance(h));
            return new IntervalBounds(2023 + h, h, 80, 80 - UncertaintyCalibration.Z80 * sd, 80 + UncertaintyCalibration.Z80 * sd,
                80 - UncertaintyCalibration.Z95 * sd, 80 + UncertaintyCalibration.Z95 * sd);
        }).ToArray();

        var fit = UncertaintyCalibration.FitLinked(leader, bounds);

        Assert.True(fit.MaxRelativeError < 0.01, $"max relative error {fit.MaxRelativeError}");
    }

    [Fact]
    public void Calibration_RefusesEmptyOrInvertedBounds()
    {
        Assert.Throws<ArgumentException>(() => UncertaintyCalibration.Fit([]));
        Assert.Throws<ArgumentException>(() => UncertaintyCalibration.Fit([new IntervalBounds(2024, 1, 1, 0.9, 1.1, 0.95, 1.05)]));
        Assert.Throws<ArgumentException>(() => UncertaintyCalibration.Fit([new IntervalBounds(2023, 0, 1, 0.9, 1.1, 0.8, 1.2)]));
    }

    [Fact]
    public void Quantiles_MatchDefinition7OnASortedCopy()
    {
        var rng = new RandomStream(5, 0);
        foreach (var n in new[] { 1, 2, 7, 100, 1001, 20_000 })
        {
            // Ties included: values on a coarse grid.
            var values = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? Math.Round(rng.NextNormal() * 3) : 100 + rng.NextNormal()).ToArray();
            var sorted = values.Order().ToArray();
            var probabilities = TrajectoryResults.Probabilities.ToArray();
            var result = new double[probabilities.Length];
            Quantiles.Compute(values.ToArray(), probabilities, result);
            for (var q = 0; q < probabilities.Length; q++)
            {
                var h = (n - 1) * probabilities[q];
                var lo = (int)Math.Floor(h);
                var expected = lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
                Assert.Equal(expected, result[q], 12);
            }
        }
    }

    [Fact]
    public void Quantiles_OfConstantValuesAreThatValue()
    {
        var values = Enumerable.Repeat(3.5, 50_000).ToArray();
        var result = new double[3];
        Quantiles.Compute(values, [0.1, 0.5, 0.9], result);
        Assert.All(result, v => Assert.Equal(3.5, v));
        Assert.Throws<ArgumentException>(() => Quantiles.Compute(values, [0.5, 0.1], result));
    }

    [Fact]
    public void Quantiles_OfSinglePrecisionValues_AreThoseOfTheValuesWidened()
    {
        var rng = new RandomStream(11, 0);
        var probabilities = TrajectoryResults.Probabilities.ToArray();
        foreach (var n in new[] { 1, 7, 511, 512, 1001, 20_000 })
        {
            // Ties and negative values included.
            var values = Enumerable.Range(0, n).Select(i => (float)(i % 3 == 0 ? Math.Round(rng.NextNormal() * 4) : -50 + 10 * rng.NextNormal())).ToArray();
            var expected = new double[probabilities.Length];
            Quantiles.Compute(values.Select(v => (double)v).ToArray(), probabilities, expected);
            var result = new double[probabilities.Length];
            Quantiles.Compute(values, values.Min(), values.Max(), probabilities, result, new double[n]);
            Assert.Equal(expected, result);
        }
    }

    [Fact]
    public void Quantiles_OfSinglePrecisionValues_HoldForARangeTooNarrowForBinsAndForNaN()
    {
        // A range of one subnormal step: the bins' scale overflows; the bins still order the values.
        var values = Enumerable.Range(0, 2_000).Select(i => i % 5 == 0 ? float.Epsilon : 0f).ToArray();
        var result = new double[3];
        Quantiles.Compute(values, 0f, float.Epsilon, [0.1, 0.5, 0.9], result, new double[values.Length]);
        Assert.Equal([0.0, 0.0, float.Epsilon], result);

        values[1_234] = float.NaN;
        Quantiles.Compute(values, float.NaN, float.NaN, [0.1, 0.5, 0.9], result, new double[values.Length]);
        Assert.All(result, v => Assert.True(double.IsNaN(v)));
        var widened = values.Select(v => (double)v).ToArray();
        Quantiles.Compute(widened, [0.1, 0.5, 0.9], result);
        Assert.All(result, v => Assert.True(double.IsNaN(v)));
    }
}
