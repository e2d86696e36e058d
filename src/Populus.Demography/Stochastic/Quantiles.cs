using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Populus.Demography.Stochastic;

/// <summary>Sample quantiles by partial sorting: only the order statistics asked for are placed.</summary>
/// <remarks>
/// Definition 7 of Hyndman and Fan [HF1996] (R's default): Q(p) = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)), h = (N−1)p
/// on the sorted sample (0-based). The order statistics x(⌊h⌋) and x(⌊h⌋+1) of every p are found together rather than
/// by a full sort: from <see cref="HistogramThreshold"/> values on, by the bins of a histogram of the range (each
/// value's bin computed once, the bins counted, and only the few values in bins holding a wanted rank gathered and
/// sorted: about two passes over the values); below it, by multiple quickselect (median-of-three pivot, three-way
/// partition; each side searched only for the ranks it holds). Deterministic: no random pivots.
/// </remarks>
public static class Quantiles
{
    /// <summary>Writes Q(p) for each of <paramref name="probabilities"/> (ascending, in [0, 1]) into <paramref name="result"/>;
    /// <paramref name="values"/> may be reordered. Q is NaN for every p when a value is NaN.</summary>
    /// <exception cref="ArgumentException">No values, or probabilities not ascending in [0, 1].</exception>
    public static void Compute(Span<double> values, ReadOnlySpan<double> probabilities, Span<double> result)
    {
        Span<int> ranks = stackalloc int[2 * probabilities.Length];
        ranks = Ranks(values.Length, probabilities, ranks);
        var (min, max) = (TensorPrimitives.Min(values), TensorPrimitives.Max(values)); // NaN when any value is NaN
        if (double.IsNaN(min))
        {
            result[..probabilities.Length].Fill(double.NaN);
            return;
        }

        if (values.Length >= HistogramThreshold)
        {
            var work = ArrayPool<int>.Shared.Rent(2 * values.Length);
            var bins = work.AsSpan(0, values.Length);
            FromHistogram<double>(values, Bin(values, min, max, bins), min, bins, work.AsSpan(values.Length, values.Length), ranks, probabilities, result);
            ArrayPool<int>.Shared.Return(work);
            return;
        }

        MultiSelect(values, 0, values.Length - 1, ranks);
        Span<double> statistics = stackalloc double[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            statistics[i] = values[ranks[i]];
        }

        Interpolate(values.Length, probabilities, ranks, statistics, result);
    }

    /// <summary>As <see cref="Compute(Span{double}, ReadOnlySpan{double}, Span{double})"/> for single-precision values
    /// whose range is known (a trajectory run's cells: the range is found while their values are read), comparing the
    /// values themselves and interpolating in double precision: the same quantiles as of the values widened.
    /// <paramref name="values"/> is not changed; <paramref name="scratch"/> holds at least as many values (their bins and
    /// the histogram; or, below the histogram's threshold or with a NaN, the values widened for the double path).</summary>
    internal static void Compute(ReadOnlySpan<float> values, float min, float max, ReadOnlySpan<double> probabilities, Span<double> result, Span<double> scratch)
    {
        if (values.Length < HistogramThreshold || float.IsNaN(min) || float.IsNaN(max))
        {
            var widened = scratch[..values.Length];
            TensorPrimitives.ConvertChecked<float, double>(values, widened); // widening: exact
            Compute(widened, probabilities, result);
            return;
        }

        Span<int> ranks = stackalloc int[2 * probabilities.Length];
        ranks = Ranks(values.Length, probabilities, ranks);
        var work = MemoryMarshal.Cast<double, int>(scratch[..values.Length]);
        var bins = work[..values.Length];
        FromHistogram(values, Bin(values, min, max, bins), min, bins, work[values.Length..], ranks, probabilities, result);
    }

    /// <summary>Q(p) from the values' bins (<paramref name="binned"/> false: no bins, every value equal to
    /// <paramref name="min"/>).</summary>
    private static void FromHistogram<T>(ReadOnlySpan<T> values, bool binned, T min, ReadOnlySpan<int> bins, Span<int> work,
        ReadOnlySpan<int> ranks, ReadOnlySpan<double> probabilities, Span<double> result)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<double> statistics = stackalloc double[ranks.Length];
        if (binned)
        {
            HistogramSelect(values, bins, ranks, statistics, work);
        }
        else
        {
            statistics.Fill(double.CreateTruncating(min));
        }

        Interpolate(values.Length, probabilities, ranks, statistics, result);
    }

    /// <summary>The ranks ⌊h⌋ and ⌊h⌋ + 1 of every p, ascending without repeats, in <paramref name="ranks"/>.</summary>
    private static Span<int> Ranks(int n, ReadOnlySpan<double> probabilities, Span<int> ranks)
    {
        if (n == 0)
        {
            Guard.ThrowArgument("values", "Quantiles of no values.");
        }

        var count = 0;
        for (var q = 0; q < probabilities.Length; q++)
        {
            var p = probabilities[q];
            if (!(p >= 0 && p <= 1) || (q > 0 && p < probabilities[q - 1]))
            {
                Guard.ThrowArgument(nameof(probabilities), $"Probabilities must be ascending in [0, 1]; got {p} after {(q > 0 ? probabilities[q - 1] : 0)}.");
            }

            var lo = (int)Math.Floor((n - 1) * p);
            Add(ranks, ref count, lo);
            Add(ranks, ref count, Math.Min(lo + 1, n - 1));
        }

        return ranks[..count];
    }

    /// <summary>Q(p) from the order statistics of the ranks.</summary>
    private static void Interpolate(int n, ReadOnlySpan<double> probabilities, ReadOnlySpan<int> ranks, ReadOnlySpan<double> statistics, Span<double> result)
    {
        for (var q = 0; q < probabilities.Length; q++)
        {
            var h = (n - 1) * probabilities[q];
            var lo = (int)Math.Floor(h);
            var i = ranks.IndexOf(lo);
            result[q] = h > lo ? statistics[i] + (h - lo) * (statistics[i + 1] - statistics[i]) : statistics[i];
        }
    }

    /// <summary>From this many values on, ranks are located by a histogram first (fewer unpredictable branches than partitioning).</summary>
    private const int HistogramThreshold = 512;

    /// <summary>The most bins: about ten values a bin at 10,000 trajectories.</summary>
    private const int MaxBins = 1024;

    /// <summary>About eight values a bin, from 64 to <see cref="MaxBins"/>: each bin costs a few steps a cell whatever the
    /// values, which at 1,000 trajectories would cost as much as counting them.</summary>
    private static int BinsFor(int n) => (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((uint)Math.Max(n / 8, 1)), 64, MaxBins);

    /// <summary>Each value's bin among <see cref="BinsFor"/>(N) equal bins of [min, max]; false when max is not above min (no bins: all equal).</summary>
    /// <remarks>Any bins that never decrease as the value grows serve: they only narrow the search. The conversion to an
    /// integer is the costly step (it saturates), so each value's bin is computed once and kept for both passes.</remarks>
    private static bool Bin(ReadOnlySpan<double> values, double min, double max, Span<int> bins)
    {
        if (!(max > min))
        {
            return false;
        }

        var last = BinsFor(values.Length) - 1;
        var scale = last / (max - min);
        for (var i = 0; i < values.Length; i++)
        {
            bins[i] = Math.Clamp(unchecked((int)((values[i] - min) * scale)), 0, last);
        }

        return true;
    }

    /// <summary>As <see cref="Bin(ReadOnlySpan{double}, double, double, Span{int})"/>, eight single-precision values at a time
    /// (their conversion to integers is one instruction a vector, where a double's is a sequence a value).</summary>
    private static bool Bin(ReadOnlySpan<float> values, float min, float max, Span<int> bins)
    {
        if (!(max > min))
        {
            return false;
        }

        var last = BinsFor(values.Length) - 1;
        var scale = (float)(last / ((double)max - min)); // +∞ for a range below 10⁻³⁵: every bin then 0 or the last (clamped), still ordered
        var i = 0;
        if (bins.Length >= values.Length)
        {
            ref readonly var source = ref MemoryMarshal.GetReference(values);
            ref var target = ref MemoryMarshal.GetReference(bins);
            var (low, factor, top) = (Vector256.Create(min), Vector256.Create(scale), Vector256.Create(last));
            for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
            {
                var bin = Vector256.ConvertToInt32((Vector256.LoadUnsafe(in source, (nuint)i) - low) * factor);
                Vector256.Min(Vector256.Max(bin, Vector256<int>.Zero), top).StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            bins[i] = Math.Clamp(unchecked((int)((values[i] - min) * scale)), 0, last);
        }

        return true;
    }

    /// <summary>
    /// Writes the order statistics of <paramref name="ranks"/> (ascending) into <paramref name="statistics"/>, given each
    /// value's bin: one pass counts the bins, and only the bins that hold a wanted rank are gathered (a few values
    /// each, in bin order) and sorted. Exact: the bins only narrow the search, the values themselves are compared.
    /// </summary>
    /// <remarks><paramref name="work"/> holds at least 2 × bins + 1 integers, for the counts and the gathered bins' offsets:
    /// the caller's, so that no buffer is allocated and cleared a call (a run summarises thousands of cells).</remarks>
    private static void HistogramSelect<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> bins, ReadOnlySpan<int> ranks, Span<double> statistics, Span<int> work)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var binCount = BinsFor(values.Length);
        var counts = work[..(binCount + 1)];
        var offset = work.Slice(binCount + 1, binCount); // a gathered bin's next place in the buffer; −1 for a bin not gathered
        counts.Clear();
        // Every bin lies in [0, binCount − 1] (Bin clamps them), so the counts and offsets are indexed unchecked.
        ref var count = ref MemoryMarshal.GetReference(counts);
        foreach (var b in bins[..values.Length])
        {
            Unsafe.Add(ref count, b + 1)++;
        }

        // counts[b] becomes the number of values in bins before b (the running sum held in a register: through memory,
        // each bin waited for the store of the one before).
        var running = 0;
        for (var b = 1; b <= binCount; b++)
        {
            running += counts[b];
            counts[b] = running;
        }

        // The bins holding a wanted rank (ascending with the ranks), marked with where their values go in a buffer,
        // bin after bin; the other bins stay −1.
        offset.Fill(-1);
        Span<int> rankBins = stackalloc int[ranks.Length];
        var gathered = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            var b = rankBins[i] = BinOf(counts, ranks[i]);
            if (offset[b] < 0)
            {
                offset[b] = gathered;
                gathered += counts[b + 1] - counts[b];
            }
        }

        var buffer = gathered <= 512 ? stackalloc double[gathered] : new double[gathered];

        ref var place = ref MemoryMarshal.GetReference(offset);
        for (var i = 0; i < values.Length; i++)
        {
            ref var at = ref Unsafe.Add(ref place, bins[i]);
            if (at >= 0)
            {
                buffer[at++] = double.CreateTruncating(values[i]); // widening: exact
            }
        }

        // A bin holds the values of ranks counts[b] … counts[b + 1] − 1: sorted, its own values give the order statistics
        // of the ranks in it. Each bin is sorted alone, once (ranks ascend, so a bin's ranks follow one another): a few
        // values each, where sorting the whole buffer cost a tenth of a 1,000-trajectory summary more.
        for (var i = 0; i < ranks.Length; i++)
        {
            var b = rankBins[i];
            var size = counts[b + 1] - counts[b];
            var start = offset[b] - size; // offset[b] ended at the bin's end while gathering
            if (i == 0 || rankBins[i - 1] != b)
            {
                buffer.Slice(start, size).Sort();
            }

            statistics[i] = buffer[start + ranks[i] - counts[b]];
        }
    }

    /// <summary>The bin b with counts[b] ≤ rank &lt; counts[b + 1].</summary>
    private static int BinOf(ReadOnlySpan<int> counts, int rank)
    {
        var (lo, hi) = (0, counts.Length - 2);
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (counts[mid] <= rank)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>Appends a rank above the last one (⌊h⌋ of the next p may repeat the ⌊h⌋ + 1 before it), so the ranks
    /// ascend strictly and a rank's successor follows it.</summary>
    private static void Add(Span<int> ranks, ref int count, int rank)
    {
        if (count == 0 || ranks[count - 1] < rank)
        {
            ranks[count++] = rank;
        }
    }

    /// <summary>Places the order statistic of every rank in <paramref name="ranks"/> (ascending, all within [left, right])
    /// at its index: one partition, then each side only for the ranks that fall in it (multiple quickselect).</summary>
    private static void MultiSelect(Span<double> values, int left, int right, ReadOnlySpan<int> ranks)
    {
        while (ranks.Length > 0 && right > left)
        {
            var mid = left + (right - left) / 2;
            // Median of three as pivot, moved to the right end.
            if (values[mid] < values[left])
            {
                (values[mid], values[left]) = (values[left], values[mid]);
            }

            if (values[right] < values[left])
            {
                (values[right], values[left]) = (values[left], values[right]);
            }

            if (values[mid] < values[right])
            {
                (values[mid], values[right]) = (values[right], values[mid]);
            }

            // Three-way partition (Dijkstra): [left, lt) < pivot, [lt, gt] == pivot, (gt, right] > pivot, so runs of
            // equal values (a cell that does not vary) cost one pass.
            var pivot = values[right];
            var lt = left;
            var gt = right;
            var i = left;
            while (i <= gt)
            {
                var v = values[i];
                if (v < pivot)
                {
                    values[i] = values[lt];
                    values[lt] = v;
                    lt++;
                    i++;
                }
                else if (v > pivot)
                {
                    values[i] = values[gt];
                    values[gt] = v;
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            // Ranks below lt go left, above gt go right; those in [lt, gt] are placed.
            var below = 0;
            while (below < ranks.Length && ranks[below] < lt)
            {
                below++;
            }

            var above = below;
            while (above < ranks.Length && ranks[above] <= gt)
            {
                above++;
            }

            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            var leftRanks = ranks[..below];
            var rightRanks = ranks[above..];
            if (lt - left < right - gt)
            {
                MultiSelect(values, left, lt - 1, leftRanks);
                left = gt + 1;
                ranks = rightRanks;
            }
            else
            {
                MultiSelect(values, gt + 1, right, rightRanks);
                right = lt - 1;
                ranks = leftRanks;
            }
        }
    }
}
