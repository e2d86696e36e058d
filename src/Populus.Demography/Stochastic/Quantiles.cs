using System.Numerics.Tensors;

namespace Populus.Demography.Stochastic;

/// <summary>Sample quantiles by partial sorting: only the order statistics asked for are placed.</summary>
/// <remarks>
/// Definition 7 of Hyndman and Fan [HF1996] (R's default): Q(p) = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)), h = (N−1)p
/// on the sorted sample (0-based). The order statistics x(⌊h⌋) and x(⌊h⌋+1) of every p are placed together by
/// multiple quickselect (median-of-three pivot, three-way partition; each side searched only for the ranks it holds),
/// so a cell of N values costs about N·log2(ranks) comparisons rather than the N·log2 N of a full sort.
/// Deterministic: no random pivots.
/// </remarks>
public static class Quantiles
{
    /// <summary>Writes Q(p) for each of <paramref name="probabilities"/> (ascending, in [0, 1]) into <paramref name="result"/>;
    /// <paramref name="values"/> is reordered.</summary>
    /// <exception cref="ArgumentException">No values, or probabilities not ascending in [0, 1].</exception>
    public static void Compute(Span<double> values, ReadOnlySpan<double> probabilities, Span<double> result)
    {
        if (values.IsEmpty)
        {
            Guard.ThrowArgument(nameof(values), "Quantiles of no values.");
        }

        var n = values.Length;
        Span<int> ranks = stackalloc int[2 * probabilities.Length];
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

        if (n >= HistogramThreshold)
        {
            HistogramSelect(values, ranks[..count]);
        }
        else
        {
            MultiSelect(values, 0, n - 1, ranks[..count]);
        }

        for (var q = 0; q < probabilities.Length; q++)
        {
            var h = (n - 1) * probabilities[q];
            var lo = (int)Math.Floor(h);
            result[q] = h > lo ? values[lo] + (h - lo) * (values[lo + 1] - values[lo]) : values[lo];
        }
    }

    /// <summary>From this many values on, ranks are located by a histogram first (fewer unpredictable branches than partitioning).</summary>
    private const int HistogramThreshold = 512;

    private const int Bins = 1024;

    /// <summary>
    /// Places the order statistics of <paramref name="ranks"/> at their indices: one pass finds the range, one counts
    /// values in <see cref="Bins"/> equal bins of it, and only the bins that hold a wanted rank are gathered (a few
    /// values each, at the front of the array in bin order) and ordered; every other value is left where the ranks
    /// do not reach. Exact: the bins only narrow the search, the values themselves are compared.
    /// </summary>
    private static void HistogramSelect(Span<double> values, ReadOnlySpan<int> ranks)
    {
        var (min, max) = (TensorPrimitives.Min(values), TensorPrimitives.Max(values)); // NaN when any value is NaN

        if (!(max > min))
        {
            return; // all equal (or NaN): every order statistic is values[0]; nothing to place
        }

        var scale = (Bins - 1) / (max - min);
        Span<int> counts = stackalloc int[Bins + 1];
        counts.Clear();
        foreach (var v in values)
        {
            counts[unchecked((int)((v - min) * scale)) + 1]++; // in [0, Bins − 1] by construction
        }

        // counts[b] becomes the number of values in bins before b.
        for (var b = 1; b <= Bins; b++)
        {
            counts[b] += counts[b - 1];
        }

        // The bins holding a wanted rank, marked; their values are gathered into a buffer, bin after bin.
        Span<bool> wanted = stackalloc bool[Bins];
        wanted.Clear();
        var gathered = 0;
        foreach (var r in ranks)
        {
            var b = BinOf(counts, r);
            if (!wanted[b])
            {
                wanted[b] = true;
                gathered += counts[b + 1] - counts[b];
            }
        }

        var buffer = gathered <= 4096 ? stackalloc double[gathered] : new double[gathered];
        Span<int> offset = stackalloc int[Bins];
        var next = 0;
        for (var b = 0; b < Bins; b++)
        {
            if (wanted[b])
            {
                offset[b] = next;
                next += counts[b + 1] - counts[b];
            }
        }

        foreach (var v in values)
        {
            var b = unchecked((int)((v - min) * scale));
            if (wanted[b])
            {
                buffer[offset[b]++] = v;
            }
        }

        // Each wanted bin, sorted, gives the order statistics of the ranks it holds.
        next = 0;
        for (var b = 0; b < Bins; b++)
        {
            if (!wanted[b])
            {
                continue;
            }

            var size = counts[b + 1] - counts[b];
            buffer.Slice(next, size).Sort();
            next += size;
        }

        // Write every wanted rank's value at its index (the rest of the array is not needed by the caller).
        Span<double> placed = stackalloc double[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            var b = BinOf(counts, ranks[i]);
            var start = offset[b] - (counts[b + 1] - counts[b]); // offset[b] ended at the bin's end while gathering
            placed[i] = buffer[start + ranks[i] - counts[b]];
        }

        for (var i = 0; i < ranks.Length; i++)
        {
            values[ranks[i]] = placed[i];
        }
    }

    /// <summary>The bin b with counts[b] ≤ rank &lt; counts[b + 1].</summary>
    private static int BinOf(ReadOnlySpan<int> counts, int rank)
    {
        var (lo, hi) = (0, Bins - 1);
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

    /// <summary>Appends a rank unless it repeats the last one (ranks arrive in ascending order).</summary>
    private static void Add(Span<int> ranks, ref int count, int rank)
    {
        if (count == 0 || ranks[count - 1] != rank)
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
