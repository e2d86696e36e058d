using Populus.Demography.Stochastic;

namespace Populus.Demography.Tests.Stochastic;

public class SurvivalFamiliesTests
{
    [Theory]
    [InlineData(101, 0.3)] // the single-year grid: vectors, the last one overlapping the one before
    [InlineData(16, 0.75)] // whole vectors only
    [InlineData(9, 1.0)] // one vector and an overlapping last
    [InlineData(5, 0.5)] // shorter than a vector: one by one
    public void Lerp_GivesThePlainLoopBitForBit_HeldInZeroToOne(int ages, double weight)
    {
        var random = new Random(ages);
        // 1 − S from 0 to 1, with values just outside [0, 1] that rounding can produce, so that the hold shows.
        var a = Enumerable.Range(0, ages).Select(i => (float)(random.NextDouble() * 1.02 - 0.01)).ToArray();
        var b = Enumerable.Range(0, ages).Select(i => (float)(random.NextDouble() * 1.02 - 0.01)).ToArray();
        a[0] = -0.005f;
        b[^1] = 1.005f;
        var target = Enumerable.Repeat(double.NaN, ages).ToArray();

        SurvivalFamilies.Lerp(a, b, weight, target);

        for (var i = 0; i < ages; i++)
        {
            var expected = Math.Min(1, Math.Max(0, 1 - (a[i] + weight * ((double)b[i] - a[i]))));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(target[i]));
        }
    }
}
