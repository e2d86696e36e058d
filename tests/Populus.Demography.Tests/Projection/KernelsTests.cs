using System.Numerics;
using Populus.Demography.Projection;

namespace Populus.Demography.Tests.Projection;

/// <summary>The vectorised and interleaved loops give, bit for bit, what the plain loop in the same order gives (the
/// stochastic projection's results must not change when its loops are made faster).</summary>
public class KernelsTests
{
    /// <summary>Values of mixed sign and magnitude, so that any change of summation order shows in the last bits.</summary>
    private static double[] Mixed(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 9)))];
    }

    /// <summary>Single precision from eight rows on takes the rows eight at a time (their values turned into columns):
    /// rows left after the eights, groups fewer or more than eight, rows whose length is not a multiple of eight.</summary>
    [Theory]
    [InlineData(7, 13, new[] { 0, 13 })]
    [InlineData(8, 13, new[] { 0, 5, 10, 13 })]
    [InlineData(3, 13, new[] { 2, 3, 3, 9 })]
    [InlineData(8, 8, new[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    [InlineData(19, 101, new[] { 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 101 })]
    [InlineData(24, 21, new[] { 0, 3, 13, 21 })]
    [InlineData(16, 40, new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 15, 15, 30, 39 })]
    public void RowGroupSums_AddEachGroupOfEachRowInOrder_InBothPrecisions(int rows, int rowLength, int[] bounds)
    {
        var groups = bounds.Length - 1;
        var values = Mixed(rows * rowLength, rows);
        var sums = new double[rows * groups];
        Kernels.RowGroupSums(values, rowLength, bounds, sums);
        var singles = values.Select(v => (float)v).ToArray();
        var singleSums = new float[rows * groups];
        Kernels.RowGroupSums<float>(singles, rowLength, bounds, singleSums);
        for (var r = 0; r < rows; r++)
        {
            for (var g = 0; g < groups; g++)
            {
                var (expected, expectedSingle) = (0.0, 0f);
                for (var x = bounds[g]; x < bounds[g + 1]; x++)
                {
                    expected += values[r * rowLength + x];
                    expectedSingle += singles[r * rowLength + x];
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(sums[r * groups + g]));
                Assert.Equal(BitConverter.SingleToInt32Bits(expectedSingle), BitConverter.SingleToInt32Bits(singleSums[r * groups + g]));
            }
        }
    }

    [Theory]
    [InlineData(101, -1)] // every value within: the vector passes must say so (a set lane of a double mask is a NaN)
    [InlineData(101, 0)]
    [InlineData(101, 57)]
    [InlineData(101, 100)] // in the scalar tail
    [InlineData(3, 1)] // shorter than a vector
    public void AllWithinAndAnyNegative_InBothPrecisions_FindTheOneValueOutside(int length, int outsideAt)
    {
        var values = Enumerable.Range(0, length).Select(i => 0.5 + i % 7 * 0.01).ToArray();
        foreach (var bad in new[] { -0.25, double.NaN, 2.0 })
        {
            var doubles = values.ToArray();
            if (outsideAt >= 0)
            {
                doubles[outsideAt] = bad;
            }

            var singles = doubles.Select(v => (float)v).ToArray();
            Assert.Equal(outsideAt < 0, Kernels.AllWithin<double>(doubles, 0, 1));
            Assert.Equal(outsideAt < 0, Kernels.AllWithin<float>(singles, 0, 1));
            Assert.Equal(outsideAt >= 0 && bad < 0, Kernels.AnyNegative<double>(doubles));
            Assert.Equal(outsideAt >= 0 && bad < 0, Kernels.AnyNegative<float>(singles));
        }
    }

    [Theory]
    [InlineData(202)] // thirty-two partial sums and a tail of ten
    [InlineData(64)] // partial sums only
    [InlineData(31)] // a tail only
    public void Sum_InSinglePrecision_AddsInItsFixedOrder(int length)
    {
        var values = Mixed(length, 4).Select(v => (float)v).ToArray();
        var partial = new float[32];
        var full = length / 32 * 32;
        for (var i = 0; i < full; i++)
        {
            partial[i % 32] += values[i];
        }

        // Lane j of the four vectors' pairwise sum holds partial sums j, j + 8, j + 16, j + 24; the eight lanes are then
        // added pairwise.
        var lane = new float[8];
        for (var j = 0; j < 8; j++)
        {
            lane[j] = (partial[j] + partial[j + 8]) + (partial[j + 16] + partial[j + 24]);
        }

        var expected = full > 0 ? ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7])) : 0f;
        for (var i = full; i < length; i++)
        {
            expected += values[i];
        }

        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(Kernels.Sum<float>(values)));
    }

    [Theory]
    [InlineData(202)] // sixteen partial sums and a tail of ten
    [InlineData(32)] // partial sums only
    [InlineData(15)] // a tail only
    [InlineData(0)]
    public void Sum_AddsInItsFixedOrder(int length)
    {
        var values = Mixed(length, 3);
        var partial = new double[16];
        var full = length / 16 * 16;
        for (var i = 0; i < full; i++)
        {
            partial[i % 16] += values[i];
        }

        // The four vectors added pairwise (lane j of a vector holds partial sums j, j + 4, j + 8, j + 12), then the lanes.
        var lane = new double[4];
        for (var j = 0; j < 4; j++)
        {
            lane[j] = (partial[j] + partial[j + 4]) + (partial[j + 8] + partial[j + 12]);
        }

        var expected = full > 0 ? (lane[0] + lane[1]) + (lane[2] + lane[3]) : 0.0;
        for (var i = full; i < length; i++)
        {
            expected += values[i];
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(Kernels.Sum(values)));
        Assert.Equal(values.Sum(), Kernels.Sum(values), Math.Abs(values.Sum()) * 1e-12 + 1e-9);
    }

    [Theory]
    [InlineData(101, new[] { 0, 202, 404, 101 })] // eight vectors, single vectors and a scalar tail
    [InlineData(35, new[] { 5, 0 })] // single vectors and a tail
    [InlineData(3, new[] { 7 })] // shorter than a vector
    [InlineData(13, new int[0])] // no row: the target as it was
    public void AddRows_GiveTheRowByRowLoopBitForBit(int length, int[] offsets)
    {
        var values = Mixed(600, 1);
        var into = Mixed(length, 2);
        var expected = into.ToArray();
        foreach (var o in offsets)
        {
            for (var x = 0; x < length; x++)
            {
                expected[x] += values[o + x];
            }
        }

        Kernels.AddRows(values, offsets, into);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), into.Select(BitConverter.DoubleToInt64Bits));
        Assert.ThrowsAny<ArgumentException>(() => Kernels.AddRows(values, [600 - length + 1], into)); // a row past the end
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Transfer_IsTheSeparatePassesInOnePass(bool withRate, bool withCounts)
    {
        const int Length = 13; // vectors and a scalar tail
        var population = Mixed(Length, 1).Select(Math.Abs).ToArray();
        var inflow = Mixed(Length, 2).Select(Math.Abs).ToArray();
        var rate = withRate ? Mixed(Length, 3).Select(v => Math.Abs(v) % 1).ToArray() : [];
        var counts = withCounts ? Mixed(Length, 4).Select(Math.Abs).ToArray() : [];
        if (withCounts)
        {
            counts[^1] = population[^1] + inflow[^1] + 1; // more leave the last cell (in the scalar tail) than it holds
        }
        var outflow = new double[Length];
        var after = population.ToArray();
        var negative = Kernels.Transfer(after, inflow, outflow, rate, counts);

        var anyBelow = false;
        for (var i = 0; i < Length; i++)
        {
            var o = (withRate ? population[i] * rate[i] : 0.0) + (withCounts ? 1.0 * counts[i] : 0.0);
            var p = population[i] + (inflow[i] - o);
            Assert.Equal(BitConverter.DoubleToInt64Bits(o), BitConverter.DoubleToInt64Bits(outflow[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(p), BitConverter.DoubleToInt64Bits(after[i]));
            anyBelow |= p < 0;
        }

        Assert.Equal(anyBelow, negative);
        Assert.Equal(withCounts, negative); // rates below 1 alone cannot empty a cell
    }

    [Theory]
    [InlineData(1, 101)] // the survivors' ages
    [InlineData(0, 1)] // the newborns
    [InlineData(3, 20)]
    [InlineData(98, 101)] // fewer ages than a vector at the row's end: the vector placed back within the row
    [InlineData(90, 101)]
    public void GatherRateInflow_AddsEachSchedulesOriginsInOrder(int firstAge, int endAge)
    {
        const int States = 5;
        var ages = AgeGroups.SingleYear(100);
        var a = ages.Count;
        var space = StateSpace.Regions(Enumerable.Range(0, States).Select(s => $"r{s}"));
        var schedules = Enumerable.Range(0, 2).Select(k => new TransitionSchedule(ages,
            [.. Mixed(a, 10 + k).Select(v => Math.Abs(v) % 0.05)], [.. Mixed(a, 20 + k).Select(v => Math.Abs(v) % 0.05)])).ToArray();
        var pairs = Enumerable.Range(0, States).SelectMany(o => Enumerable.Range(0, States).Where(d => d != o && (o + d) % 3 != 0)
            .Select(d => new Transition(o, d, schedules[(o * d) % 2], 0.5 + 0.25 * ((o + 2 * d) % 3)))).ToArray();
        var transitions = new StateTransitions("test", space, ages, TransitionKind.Rates, pairs);
        var survivors = Mixed(States * 2 * a, 30).Select(Math.Abs).ToArray();

        for (var d = 0; d < States; d++)
        {
            var start = Mixed(2 * a, 40 + d).Select(Math.Abs).ToArray();
            var inflow = start.ToArray();
            transitions.GatherRateInflow(d, survivors, inflow, firstAge, endAge, 1.0);

            // Runs of pairs sharing a schedule (schedules in order of first use), each schedule × Σ scale·survivors over
            // its origins in ascending order.
            var expected = start.ToArray();
            var firstUse = pairs.Select(t => t.Schedule).Distinct().ToList();
            foreach (var run in pairs.Where(t => t.To == d).GroupBy(t => firstUse.IndexOf(t.Schedule)).OrderBy(g => g.Key))
            {
                var rates = firstUse[run.Key].All;
                for (var i = 0; i < 2 * a; i++)
                {
                    if (i % a >= firstAge && i % a < endAge)
                    {
                        var movers = 0.0;
                        foreach (var t in run.OrderBy(t => t.From))
                        {
                            movers += t.Scale * survivors[t.From * 2 * a + i];
                        }

                        expected[i] += rates[i] * movers;
                    }
                }
            }

            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), inflow.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [InlineData(-1, true)] // no value below zero: the whole row in one pass
    [InlineData(13, true)] // the migrants take age 13 below zero: the pass stops before its vector
    [InlineData(2, false)] // outflow not kept
    [InlineData(98, false)] // in the scalar tail
    public void TransferAndAddScaled_GivesTransferThenAddScaledBitForBit_UpToTheFirstValueBelowZero(int negativeAt, bool keepOutflow)
    {
        const int N = 99;
        var population = Mixed(N, 1).Select(v => 100 + Math.Abs(v) * 50).ToArray();
        var inflow = Mixed(N, 2).Select(v => Math.Abs(v) * 7).ToArray();
        var rate = Mixed(N, 3).Select(v => Math.Abs(v) % 0.3).ToArray();
        var migrants = Mixed(N, 4).Select(v => (Math.Abs(v) % 10) - 5).ToArray();
        if (negativeAt >= 0)
        {
            migrants[negativeAt] = -1e12;
        }

        var expected = population.ToArray();
        var expectedOut = new double[N];
        Kernels.Transfer(expected, inflow, expectedOut, rate, default);
        Kernels.AddScaled(expected, migrants, 0.5);

        var fused = population.ToArray();
        var outflow = Enumerable.Repeat(-7.0, N).ToArray();
        var done = Kernels.TransferAndAddScaled(fused, inflow, keepOutflow ? outflow : default, rate, migrants, 0.5);

        var width = Vector.IsHardwareAccelerated && N >= Vector<double>.Count ? Vector<double>.Count : 1;
        var vectors = N / width * width;
        Assert.Equal(negativeAt < 0 ? N : negativeAt < vectors ? negativeAt / width * width : negativeAt, done);
        for (var i = 0; i < N; i++)
        {
            // Done: the unfused values; not done: untouched.
            Assert.Equal(BitConverter.DoubleToInt64Bits(i < done ? expected[i] : population[i]), BitConverter.DoubleToInt64Bits(fused[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(i < done && keepOutflow ? expectedOut[i] : -7.0), BitConverter.DoubleToInt64Bits(outflow[i]));
        }
    }

    [Theory]
    [InlineData(1, 101, 0.37, false)]
    [InlineData(0, 1, 1.0, false)]
    [InlineData(5, 10, 0.8, false)]
    [InlineData(3, 40, 2.5, false)]
    [InlineData(1, 101, 0.37, true)] // single precision: vectors of eight ages, four left over
    [InlineData(0, 1, 1.0, true)]
    [InlineData(5, 10, 0.8, true)]
    [InlineData(3, 40, 2.5, true)]
    [InlineData(90, 101, 1.5, true)] // fewer ages than two vectors, the last one placed back within the row
    public void GatherRateInflowBlocks_GivesThePerDestinationGatherBitForBit(int firstAge, int endAge, double setScale, bool single)
    {
        if (single)
        {
            GatherBlocksMatchPerDestination<float>(firstAge, endAge, (float)setScale);
        }
        else
        {
            GatherBlocksMatchPerDestination(firstAge, endAge, setScale);
        }
    }

    private static void GatherBlocksMatchPerDestination<T>(int firstAge, int endAge, T setScale)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        const int States = 6; // a block of four destinations and two left over
        var ages = AgeGroups.SingleYear(100);
        var a = ages.Count;
        var space = StateSpace.Regions(Enumerable.Range(0, States).Select(s => $"r{s}"));
        var schedules = Enumerable.Range(0, 2).Select(k => new TransitionSchedule(ages,
            [.. Mixed(a, 60 + k).Select(v => Math.Abs(v) % 0.05)], [.. Mixed(a, 70 + k).Select(v => Math.Abs(v) % 0.05)])).ToArray();
        // Every pair, each destination receiving by both schedules (gathered by blocks); and a sparse set (per destination).
        var dense = new StateTransitions("dense", space, ages, TransitionKind.Rates, Enumerable.Range(0, States).SelectMany(o =>
            Enumerable.Range(0, States).Where(d => d != o).Select(d => new Transition(o, d, schedules[(o + d) % 2], 0.2 + 0.1 * ((o + 2 * d) % 5)))));
        var sparse = new StateTransitions("sparse", space, ages, TransitionKind.Rates, Enumerable.Range(0, States).SelectMany(o =>
            Enumerable.Range(0, States).Where(d => d != o && (o + d) % 3 != 0).Select(d => new Transition(o, d, schedules[(o * d) % 2], 0.5))));
        Assert.True(dense.GathersByBlocks);
        Assert.False(sparse.GathersByBlocks);
        var survivors = Mixed(States * 2 * a, 80).Select(v => T.CreateTruncating(Math.Abs(v))).ToArray();

        foreach (var set in new[] { dense, sparse })
        {
            foreach (var (first, end) in new[] { (0, States), (1, States), (2, 3) })
            {
                var start = Mixed((end - first) * 2 * a, 90 + first).Select(v => T.CreateTruncating(Math.Abs(v))).ToArray();
                var expected = start.ToArray();
                for (var d = first; d < end; d++)
                {
                    set.GatherRateInflow(d, survivors, expected.AsSpan((d - first) * 2 * a, 2 * a), firstAge, endAge, setScale);
                }

                var blocks = start.ToArray();
                set.GatherRateInflowBlocks(first, end, survivors, blocks, firstAge, endAge, setScale);
                Assert.Equal(expected.Select(v => double.CreateTruncating(v)).Select(BitConverter.DoubleToInt64Bits),
                    blocks.Select(v => double.CreateTruncating(v)).Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Theory]
    [InlineData(35)] // the fertile ages: vectors and a scalar tail
    [InlineData(8)] // vectors only
    [InlineData(3)] // shorter than a vector
    public void Births_GiveThePlainLoopBitForBit_SummedInIndexOrder(int length)
    {
        var f = Mixed(length, 1).Select(v => Math.Abs(v) % 0.2).ToArray();
        var start = Mixed(length, 2).Select(Math.Abs).ToArray();
        var end = Mixed(length, 3).Select(Math.Abs).ToArray();
        var terms = new double[length];

        var sum = Kernels.Births(5, f, start, end, terms);

        var expectedSum = 0.0;
        for (var i = 0; i < length; i++)
        {
            var term = 5 * f[i] * (start[i] + end[i]) / 2;
            Assert.Equal(BitConverter.DoubleToInt64Bits(term), BitConverter.DoubleToInt64Bits(terms[i]));
            expectedSum += term;
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(expectedSum), BitConverter.DoubleToInt64Bits(sum));
    }

    [Theory]
    [InlineData(13, -1)] // vectors and a scalar tail, nothing below zero
    [InlineData(13, 2)] // below zero in a vector
    [InlineData(13, 12)] // below zero in the tail
    [InlineData(3, 1)] // shorter than a vector
    public void AddScaledAndMultiply_GiveThePlainLoopsBitForBit_AndFindAValueBelowZeroPastANaN(int length, int negativeAt)
    {
        var a = Mixed(length, 5).Select(Math.Abs).ToArray();
        var b = Mixed(length, 6).Select(Math.Abs).ToArray();
        a[0] = double.NaN; // a NaN before the negative value must not hide it
        if (negativeAt >= 0)
        {
            b[negativeAt] = -1e15;
        }

        var sum = new double[length];
        var negative = Kernels.AddScaled(sum, a, b, 0.5);
        var inPlace = a.ToArray();
        var negativeInPlace = Kernels.AddScaled(inPlace, b, 0.5);
        var product = new double[length];
        Kernels.Multiply(product, a, b);

        var anyBelow = false;
        for (var i = 0; i < length; i++)
        {
            var expected = a[i] + 0.5 * b[i];
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(sum[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(inPlace[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[i] * b[i]), BitConverter.DoubleToInt64Bits(product[i]));
            anyBelow |= expected < 0;
        }

        Assert.Equal(negativeAt >= 0, anyBelow);
        Assert.Equal(anyBelow, negative);
        Assert.Equal(anyBelow, negativeInPlace);
    }
}
