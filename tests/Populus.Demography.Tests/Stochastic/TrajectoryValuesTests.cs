using Populus.Demography.Stochastic;

namespace Populus.Demography.Tests.Stochastic;

public class TrajectoryValuesTests
{
    private const int Cells = 11;

    /// <summary>Trajectory i's value of cell c: whole numbers, so sums are exact in any order.</summary>
    private static float Value(int i, int c) => (c + 1) * 1_000 + (i * 7 % 23) - 11;

    /// <summary>Values written block by block, as the workers of a run write them.</summary>
    private static TrajectoryValues Written(int n)
    {
        var values = new TrajectoryValues(n, Cells);
        for (var b = 0; b < values.Blocks; b++)
        {
            var count = Math.Min(TrajectoryValues.BlockSize, n - b * TrajectoryValues.BlockSize);
            var rows = new float[count * Cells];
            for (var j = 0; j < count; j++)
            {
                for (var c = 0; c < Cells; c++)
                {
                    rows[j * Cells + c] = Value(b * TrajectoryValues.BlockSize + j, c);
                }
            }

            values.WriteBlock(b, rows);
        }

        return values;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(1_000)]
    public void Columns_AreReadBackInTrajectoryOrder_OneCellOrSeveralAtOnce(int n)
    {
        var values = Written(n);
        var together = new float[Cells * n];
        values.ReadColumns(0, Cells, together);
        for (var c = 0; c < Cells; c++)
        {
            var expected = Enumerable.Range(0, n).Select(i => Value(i, c)).ToArray();
            var column = new float[n];
            values.ReadColumns(c, 1, column);
            Assert.Equal(expected, column);
            Assert.Equal(expected, together.AsSpan(c * n, n).ToArray());
            Assert.Equal(expected.Select(v => (double)v), values.Column(c));
        }
    }

    [Theory]
    [InlineData(37)] // below the histogram's threshold
    [InlineData(1_000)]
    public void Summary_IsTheMeanAndTheQuantilesOfEachCell(int n)
    {
        var values = Written(n);
        var probabilities = TrajectoryResults.Probabilities.ToArray();
        var (mean, quantiles) = values.Summarise(probabilities);
        for (var c = 0; c < Cells; c++)
        {
            var column = Enumerable.Range(0, n).Select(i => (double)Value(i, c)).ToArray();
            Assert.Equal(column.Sum() / n, mean[c]); // whole numbers: exact in any order
            var expected = new double[probabilities.Length];
            Quantiles.Compute(column, probabilities, expected);
            Assert.Equal(expected, quantiles.AsSpan(c * probabilities.Length, probabilities.Length).ToArray());
        }

        Assert.Equal(mean, values.Summarise(probabilities, maxDegreeOfParallelism: 1).Mean);
    }

    /// <summary>Released values' memory goes to the next values of a run: what the last block's padding held before
    /// is never read back, and the released values can be neither read nor written.</summary>
    [Fact]
    public void ReleasedMemory_IsReused_AndTheReleasedValuesRefuseUse()
    {
        var before = new TrajectoryValues(37, Cells);
        for (var b = 0; b < before.Blocks; b++)
        {
            var count = Math.Min(TrajectoryValues.BlockSize, 37 - b * TrajectoryValues.BlockSize);
            before.WriteBlock(b, Enumerable.Repeat(float.NaN, count * Cells).ToArray());
        }

        before.Dispose();
        var after = Written(37);
        var (mean, _) = after.Summarise(TrajectoryResults.Probabilities.AsSpan());
        Assert.All(mean, m => Assert.False(double.IsNaN(m)));
        Assert.Equal(Enumerable.Range(0, 37).Select(i => (double)Value(i, 3)), after.Column(3));
        Assert.Throws<ObjectDisposedException>(() => before.Column(0));
        Assert.Throws<ObjectDisposedException>(() => before.WriteBlock(0, new float[16 * Cells]));
    }

    [Fact]
    public void SumAndRange_AreNaNWhenAValueIsNaN_InAFullBlockOrTheLastOne()
    {
        const int N = 37;
        var column = Enumerable.Range(0, N).Select(i => Value(i, 1)).ToArray();
        var (sum, min, max) = TrajectoryValues.SumAndRange(column);
        Assert.Equal((column.Sum(v => (double)v), column.Min(), column.Max()), (sum, min, max));
        foreach (var i in new[] { 0, N - 1 })
        {
            var copy = column.ToArray();
            copy[i] = float.NaN;
            (_, min, max) = TrajectoryValues.SumAndRange(copy);
            Assert.True(float.IsNaN(min) && float.IsNaN(max));
        }
    }

    [Fact]
    public void BadBlocksAndColumns_AreRefused()
    {
        var values = new TrajectoryValues(20, Cells); // a full block and one of four
        Assert.Throws<ArgumentOutOfRangeException>(() => values.WriteBlock(2, new float[4 * Cells]));
        Assert.Throws<ArgumentException>(() => values.WriteBlock(1, new float[16 * Cells]));
        Assert.Throws<ArgumentException>(() => values.ReadColumns(Cells, 1, new float[20]));
        Assert.Throws<ArgumentException>(() => values.ReadColumns(1, Cells, new float[Cells * 20]));
        Assert.Throws<ArgumentException>(() => values.ReadColumns(0, 1, new float[21]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrajectoryValues(0, Cells));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrajectoryValues(100_000, int.MaxValue / 1_000));
    }
}
