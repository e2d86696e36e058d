namespace Populus.Demography.Stochastic;

/// <summary>Sample quantiles by partial sorting: only the order statistics asked for are placed.</summary>
/// <remarks>
/// Definition 7 of Hyndman and Fan [HF1996] (R's default): Q(p) = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)), h = (N−1)p
/// on the sorted sample (0-based). The order statistics are found by quickselect with a median-of-three pivot,
/// each search limited to the part of the array above the previous one, so a cell of N values costs O(N) on
/// average rather than the O(N log N) of a full sort. Deterministic: no random pivots.
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
        var from = 0;
        for (var q = 0; q < probabilities.Length; q++)
        {
            var p = probabilities[q];
            if (!(p >= 0 && p <= 1) || (q > 0 && p < probabilities[q - 1]))
            {
                Guard.ThrowArgument(nameof(probabilities), $"Probabilities must be ascending in [0, 1]; got {p} after {(q > 0 ? probabilities[q - 1] : 0)}.");
            }

            var h = (n - 1) * p;
            var lo = (int)Math.Floor(h);
            var lower = Select(values, from, lo);
            var value = lower;
            if (h > lo)
            {
                // The next order statistic is the smallest value above position lo.
                var upper = double.PositiveInfinity;
                foreach (var v in values[(lo + 1)..])
                {
                    upper = Math.Min(upper, v);
                }

                value = lower + (h - lo) * (upper - lower);
            }

            result[q] = value;
            from = lo;
        }
    }

    /// <summary>Places the k-th smallest value at index k (values[from..] holds it; values before from are all ≤ it) and returns it.</summary>
    private static double Select(Span<double> values, int from, int k)
    {
        var left = from;
        var right = values.Length - 1;
        while (right > left)
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
                if (values[i] < pivot)
                {
                    (values[i], values[lt]) = (values[lt], values[i]);
                    lt++;
                    i++;
                }
                else if (values[i] > pivot)
                {
                    (values[i], values[gt]) = (values[gt], values[i]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            if (k < lt)
            {
                right = lt - 1;
            }
            else if (k > gt)
            {
                left = gt + 1;
            }
            else
            {
                return pivot;
            }
        }

        return values[k];
    }
}
