using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Populus.Demography.Projection;

/// <summary>
/// The loops the projection spends its time in, over spans of equal length. Each element is computed with the same
/// operations in the same order in the vector and scalar paths, so results do not depend on the vector width.
/// </summary>
internal static class Kernels
{
    /// <summary>Whether some lane of a comparison's mask is set. Masks are compared as bits: a set lane of a floating-point
    /// vector is a NaN, which equals nothing, itself included.</summary>
    private static bool AnySet<T>(Vector<T> mask) => !Vector.EqualsAll(Vector.As<T, long>(mask), Vector<long>.Zero);

    /// <summary>Whether every lane of a comparison's mask is set (compared as bits, as <see cref="AnySet{T}"/>).</summary>
    private static bool AllSet<T>(Vector<T> mask) => Vector.EqualsAll(Vector.As<T, long>(mask), Vector<long>.AllBitsSet);

    /// <summary>The values in another precision: rounded to nearest (as a cast) when narrower, exact when wider, a copy
    /// when the same.</summary>
    public static TTo[] Converted<TFrom, TTo>(ReadOnlySpan<TFrom> values)
        where TFrom : unmanaged, IBinaryFloatingPointIeee754<TFrom>
        where TTo : unmanaged, IBinaryFloatingPointIeee754<TTo>
    {
        var converted = new TTo[values.Length];
        TensorPrimitives.ConvertTruncating(values, converted.AsSpan()); // between floating-point types: rounds to nearest
        return converted;
    }

    /// <summary>Throws unless T is one of the precisions the projection runs in: double (deterministic projections) or
    /// float (stochastic trajectories).</summary>
    /// <exception cref="NotSupportedException">T is another type.</exception>
    public static void RequirePrecision<T>(string what)
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
        {
            throw new NotSupportedException($"{what} in {typeof(T).Name}: double or float only.");
        }
    }

    /// <summary>target[i] += scale · a[i] · b[i].</summary>
    public static void AddScaledProduct<T>(Span<T> target, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T scale)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<T>.Count)
        {
            var t = MemoryMarshal.Cast<T, Vector<T>>(target);
            var va = MemoryMarshal.Cast<T, Vector<T>>(a);
            var vb = MemoryMarshal.Cast<T, Vector<T>>(b);
            var s = new Vector<T>(scale);
            for (var k = 0; k < t.Length; k++)
            {
                t[k] += s * va[k] * vb[k];
            }

            i = t.Length * Vector<T>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * a[i] * b[i];
        }
    }

    /// <summary>product[i] = a[i] · b[i]; difference[i] = a[i] − product[i] (survivors and the deaths survival implies).</summary>
    public static void Survive<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> product, Span<T> difference)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<T>.Count)
        {
            var va = MemoryMarshal.Cast<T, Vector<T>>(a);
            var vb = MemoryMarshal.Cast<T, Vector<T>>(b);
            var p = MemoryMarshal.Cast<T, Vector<T>>(product);
            var d = MemoryMarshal.Cast<T, Vector<T>>(difference);
            for (var k = 0; k < va.Length; k++)
            {
                var x = va[k] * vb[k];
                p[k] = x;
                d[k] = va[k] - x;
            }

            i = va.Length * Vector<T>.Count;
        }

        for (; i < a.Length; i++)
        {
            product[i] = a[i] * b[i];
            difference[i] = a[i] - product[i];
        }
    }

    /// <summary>target[i] = source[i] + scale · |source[i]|: a deviation spread like the values' magnitudes.</summary>
    public static void AddAbsScaled<T>(Span<T> target, ReadOnlySpan<T> source, T scale)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<T>.Count)
        {
            var t = MemoryMarshal.Cast<T, Vector<T>>(target);
            var v = MemoryMarshal.Cast<T, Vector<T>>(source);
            var s = new Vector<T>(scale);
            for (var k = 0; k < t.Length; k++)
            {
                t[k] = v[k] + s * Vector.Abs(v[k]);
            }

            i = t.Length * Vector<T>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] = source[i] + scale * T.Abs(source[i]);
        }
    }

    /// <summary>Movers: outflow[i] = population[i] · rate[i] + counts[i]; population[i] += inflow[i] − outflow[i].
    /// An empty <paramref name="rate"/> or <paramref name="counts"/> counts as zero. Returns whether some population
    /// value is now below zero (one pass instead of three).</summary>
    public static bool Transfer<T>(Span<T> population, ReadOnlySpan<T> inflow, Span<T> outflow, ReadOnlySpan<T> rate, ReadOnlySpan<T> counts)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var (hasRate, hasCounts) = (!rate.IsEmpty, !counts.IsEmpty);
        var i = 0;
        var negative = false;
        if (Vector.IsHardwareAccelerated && population.Length >= Vector<T>.Count)
        {
            var p = MemoryMarshal.Cast<T, Vector<T>>(population);
            var vi = MemoryMarshal.Cast<T, Vector<T>>(inflow);
            var vo = MemoryMarshal.Cast<T, Vector<T>>(outflow);
            var vr = hasRate ? MemoryMarshal.Cast<T, Vector<T>>(rate) : default;
            var vc = hasCounts ? MemoryMarshal.Cast<T, Vector<T>>(counts) : default;
            var below = Vector<T>.Zero;
            for (var k = 0; k < p.Length; k++)
            {
                var o = hasRate ? p[k] * vr[k] : Vector<T>.Zero;
                if (hasCounts)
                {
                    o += Vector<T>.One * vc[k];
                }

                vo[k] = o;
                var x = p[k] + (vi[k] - o);
                p[k] = x;
                below |= Vector.LessThan(x, Vector<T>.Zero);
            }

            negative = AnySet(below);
            i = p.Length * Vector<T>.Count;
        }

        for (; i < population.Length; i++)
        {
            var o = hasRate ? population[i] * rate[i] : T.Zero;
            if (hasCounts)
            {
                o += T.One * counts[i];
            }

            outflow[i] = o;
            population[i] += inflow[i] - o;
            negative |= population[i] < T.Zero;
        }

        return negative;
    }

    /// <summary>
    /// <see cref="Transfer"/> by rates (no counts) then population[i] += share · migrants[i] (<see cref="AddScaled{T}(Span{T}, ReadOnlySpan{T}, T)"/>),
    /// each value computed with their operations in their order, in one pass; outflow is written only when not empty.
    /// Stops before the first vector (or value) in which either result is below zero, where the two must clip one after
    /// the other, and returns how many values it did.
    /// </summary>
    public static int TransferAndAddScaled<T>(Span<T> population, ReadOnlySpan<T> inflow, Span<T> outflow, ReadOnlySpan<T> rate,
        ReadOnlySpan<T> migrants, T share)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var keep = !outflow.IsEmpty;
        var i = 0;
        var n = population.Length;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count && inflow.Length >= n && rate.Length >= n && migrants.Length >= n && (!keep || outflow.Length >= n))
        {
            // Loads and stores at offsets below the lengths checked above.
            ref var p = ref MemoryMarshal.GetReference(population);
            ref readonly var vi = ref MemoryMarshal.GetReference(inflow);
            ref var vo = ref MemoryMarshal.GetReference(outflow);
            ref readonly var vr = ref MemoryMarshal.GetReference(rate);
            ref readonly var vm = ref MemoryMarshal.GetReference(migrants);
            var s = new Vector<T>(share);
            var width = Vector<T>.Count;
            for (; i + width <= n; i += width)
            {
                var at = (nuint)i;
                var pk = Vector.LoadUnsafe(ref p, at);
                var o = pk * Vector.LoadUnsafe(in vr, at);
                var x = pk + (Vector.LoadUnsafe(in vi, at) - o);
                var y = x + s * Vector.LoadUnsafe(in vm, at);
                if (Vector.LessThanAny(x, Vector<T>.Zero) || Vector.LessThanAny(y, Vector<T>.Zero))
                {
                    return i;
                }

                if (keep)
                {
                    o.StoreUnsafe(ref vo, at);
                }

                y.StoreUnsafe(ref p, at);
            }
        }

        for (; i < population.Length; i++)
        {
            var o = population[i] * rate[i];
            var x = population[i] + (inflow[i] - o);
            var y = x + share * migrants[i];
            if (x < T.Zero || y < T.Zero)
            {
                return i;
            }

            if (keep)
            {
                outflow[i] = o;
            }

            population[i] = y;
        }

        return population.Length;
    }

    /// <summary>target[i] = a[i] + scale · b[i] (<paramref name="a"/> may be <paramref name="target"/>); returns whether some
    /// value is below zero.</summary>
    public static bool AddScaled<T>(Span<T> target, ReadOnlySpan<T> a, ReadOnlySpan<T> b, T scale)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        var n = target.Length;
        var negative = false;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count && a.Length >= n && b.Length >= n)
        {
            // Loads and stores at offsets below the lengths checked above; a load of a[i] comes before the store to
            // target[i], so a may be the target.
            ref var t = ref MemoryMarshal.GetReference(target);
            ref readonly var va = ref MemoryMarshal.GetReference(a);
            ref readonly var vb = ref MemoryMarshal.GetReference(b);
            var s = new Vector<T>(scale);
            var below = Vector<T>.Zero;
            for (; i + Vector<T>.Count <= n; i += Vector<T>.Count)
            {
                var x = Vector.LoadUnsafe(in va, (nuint)i) + s * Vector.LoadUnsafe(in vb, (nuint)i);
                x.StoreUnsafe(ref t, (nuint)i);
                below |= Vector.LessThan(x, Vector<T>.Zero); // false for NaN, as the scalar comparison
            }

            negative = AnySet(below);
        }

        for (; i < n; i++)
        {
            target[i] = a[i] + scale * b[i];
            negative |= target[i] < T.Zero;
        }

        return negative;
    }

    /// <summary>target[i] = a[i] · b[i].</summary>
    public static void Multiply<T>(Span<T> target, ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        var n = target.Length;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count && a.Length >= n && b.Length >= n)
        {
            // Loads and stores at offsets below the lengths checked above.
            ref var t = ref MemoryMarshal.GetReference(target);
            ref readonly var va = ref MemoryMarshal.GetReference(a);
            ref readonly var vb = ref MemoryMarshal.GetReference(b);
            for (; i + Vector<T>.Count <= n; i += Vector<T>.Count)
            {
                (Vector.LoadUnsafe(in va, (nuint)i) * Vector.LoadUnsafe(in vb, (nuint)i)).StoreUnsafe(ref t, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            target[i] = a[i] * b[i];
        }
    }

    /// <summary>terms[i] = n · f[i] · (a[i] + b[i]) / 2; returns Σ terms in index order (births to women-years of exposure).</summary>
    public static T Births<T>(T n, ReadOnlySpan<T> f, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> terms)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        // The terms by vectors, their sum one by one in index order; halving is multiplying by ½ exactly.
        var i = 0;
        var len = f.Length;
        if (Vector.IsHardwareAccelerated && a.Length >= len && b.Length >= len && terms.Length >= len)
        {
            ref readonly var vf = ref MemoryMarshal.GetReference(f);
            ref readonly var va = ref MemoryMarshal.GetReference(a);
            ref readonly var vb = ref MemoryMarshal.GetReference(b);
            ref var vt = ref MemoryMarshal.GetReference(terms);
            var (vn, half) = (new Vector<T>(n), new Vector<T>(T.CreateTruncating(0.5)));
            for (; i + Vector<T>.Count <= len; i += Vector<T>.Count)
            {
                var at = (nuint)i;
                (vn * Vector.LoadUnsafe(in vf, at) * (Vector.LoadUnsafe(in va, at) + Vector.LoadUnsafe(in vb, at)) * half).StoreUnsafe(ref vt, at);
            }
        }

        for (; i < len; i++)
        {
            terms[i] = n * f[i] * (a[i] + b[i]) * T.CreateTruncating(0.5);
        }

        var sum = T.Zero;
        foreach (var t in terms[..len])
        {
            sum += t;
        }

        return sum;
    }

    /// <summary>True when some value is below zero.</summary>
    public static bool AnyNegative<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            var v = MemoryMarshal.Cast<T, Vector<T>>(values);
            var below = Vector<T>.Zero;
            for (var k = 0; k < v.Length; k++)
            {
                below |= Vector.LessThan(v[k], Vector<T>.Zero);
            }

            if (AnySet(below))
            {
                return true;
            }

            i = v.Length * Vector<T>.Count;
        }

        for (; i < values.Length; i++)
        {
            if (values[i] < T.Zero)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>target[i] += scale · b[i]; returns whether some target value is now below zero (one pass instead of two).</summary>
    public static bool AddScaled<T>(Span<T> target, ReadOnlySpan<T> b, T scale)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
        => AddScaled(target, target, b, scale);

    /// <summary>True when every value lies in [<paramref name="lower"/>, <paramref name="upper"/>] (false for NaN).</summary>
    public static bool AllWithin<T>(ReadOnlySpan<T> values, T lower, T upper)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            var v = MemoryMarshal.Cast<T, Vector<T>>(values);
            var lo = new Vector<T>(lower);
            var hi = new Vector<T>(upper);
            var ok = Vector<T>.AllBitsSet;
            for (var k = 0; k < v.Length; k++)
            {
                // Ordered comparisons are false for NaN, so a NaN clears its lane.
                ok &= Vector.GreaterThanOrEqual(v[k], lo) & Vector.LessThanOrEqual(v[k], hi);
            }

            if (!AllSet(ok))
            {
                return false;
            }

            i = v.Length * Vector<T>.Count;
        }

        for (; i < values.Length; i++)
        {
            if (!(values[i] >= lower && values[i] <= upper))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when no value is NaN or infinite.</summary>
    public static bool AllFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
        => AllWithin(values, T.MinValue, T.MaxValue);

    /// <summary>target[i] = factor · source[i].</summary>
    public static void Scale<T>(Span<T> target, ReadOnlySpan<T> source, T factor)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<T>.Count)
        {
            var t = MemoryMarshal.Cast<T, Vector<T>>(target);
            var v = MemoryMarshal.Cast<T, Vector<T>>(source);
            var f = new Vector<T>(factor);
            for (var k = 0; k < t.Length; k++)
            {
                t[k] = v[k] * f;
            }

            i = t.Length * Vector<T>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] = source[i] * factor;
        }
    }

    /// <summary>Σ values, added in an order fixed on every machine: element i into partial sum i mod 4w (w values to a
    /// 256-bit vector: 16 partial sums of doubles, 32 of floats) while 4w or more remain, the partial sums added pairwise,
    /// then the rest one by one.</summary>
    /// <remarks>A sum in index order is one chain of dependent additions (≈ 4 cycles each: a sum of 101 ages took
    /// ≈ 0.4 µs); the chains of four 256-bit vectors keep the adder busy. Always <see cref="Vector256{T}"/>, not the
    /// machine's widest vector, so that a sum, and every result that depends on it, is the same on every machine
    /// (<c>TensorPrimitives.Sum</c> takes 512-bit vectors where the processor has them).</remarks>
    public static T Sum<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var n = values.Length;
        var w = Vector256<T>.Count;
        var i = 0;
        var total = T.Zero;
        if (n >= 4 * w)
        {
            ref readonly var first = ref MemoryMarshal.GetReference(values);
            var (a0, a1, a2, a3) = (Vector256<T>.Zero, Vector256<T>.Zero, Vector256<T>.Zero, Vector256<T>.Zero);
            for (; i + 4 * w <= n; i += 4 * w)
            {
                a0 += Vector256.LoadUnsafe(in first, (nuint)i);
                a1 += Vector256.LoadUnsafe(in first, (nuint)(i + w));
                a2 += Vector256.LoadUnsafe(in first, (nuint)(i + 2 * w));
                a3 += Vector256.LoadUnsafe(in first, (nuint)(i + 3 * w));
            }

            total = PairwiseSum((a0 + a1) + (a2 + a3));
        }

        for (; i < n; i++)
        {
            total += values[i];
        }

        return total;
    }

    /// <summary>The lanes added pairwise: (l0 + l1) + (l2 + l3) for four, ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)) for eight.</summary>
    private static T PairwiseSum<T>(Vector256<T> lanes)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var low = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        return Vector256<T>.Count == 4 ? low : low + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }

    /// <summary>into[x] += values[o + x] for each offset o of <paramref name="offsets"/> in turn (the order of a loop that
    /// adds one row after another), for every x of <paramref name="into"/>.</summary>
    /// <remarks>A place's residents are the rows of its states added (twenty-four rows of 101 ages for a city of twelve
    /// regions): a call per row cost more than its additions, so the ages run outermost, eight vectors of them held in
    /// registers while every row is added, and the target is read and written once.</remarks>
    public static void AddRows<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> offsets, Span<T> into)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var n = into.Length;
        foreach (var o in offsets)
        {
            if (o < 0 || o > values.Length - n)
            {
                Guard.ThrowArgument(nameof(offsets), $"A row of {n} values at {o} does not fit {values.Length} values.");
            }
        }

        // Every row lies within the values (checked above), so the unchecked loads stay inside.
        ref readonly var first = ref MemoryMarshal.GetReference(values);
        ref var target = ref MemoryMarshal.GetReference(into);
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<T>.Count;
            for (; x + 8 * width <= n; x += 8 * width)
            {
                var t0 = Vector.LoadUnsafe(ref target, (nuint)x);
                var t1 = Vector.LoadUnsafe(ref target, (nuint)(x + width));
                var t2 = Vector.LoadUnsafe(ref target, (nuint)(x + 2 * width));
                var t3 = Vector.LoadUnsafe(ref target, (nuint)(x + 3 * width));
                var t4 = Vector.LoadUnsafe(ref target, (nuint)(x + 4 * width));
                var t5 = Vector.LoadUnsafe(ref target, (nuint)(x + 5 * width));
                var t6 = Vector.LoadUnsafe(ref target, (nuint)(x + 6 * width));
                var t7 = Vector.LoadUnsafe(ref target, (nuint)(x + 7 * width));
                foreach (var o in offsets)
                {
                    ref readonly var row = ref Unsafe.Add(ref Unsafe.AsRef(in first), o + x);
                    t0 += Vector.LoadUnsafe(in row);
                    t1 += Vector.LoadUnsafe(in row, (nuint)width);
                    t2 += Vector.LoadUnsafe(in row, (nuint)(2 * width));
                    t3 += Vector.LoadUnsafe(in row, (nuint)(3 * width));
                    t4 += Vector.LoadUnsafe(in row, (nuint)(4 * width));
                    t5 += Vector.LoadUnsafe(in row, (nuint)(5 * width));
                    t6 += Vector.LoadUnsafe(in row, (nuint)(6 * width));
                    t7 += Vector.LoadUnsafe(in row, (nuint)(7 * width));
                }

                Vector.StoreUnsafe(t0, ref target, (nuint)x);
                Vector.StoreUnsafe(t1, ref target, (nuint)(x + width));
                Vector.StoreUnsafe(t2, ref target, (nuint)(x + 2 * width));
                Vector.StoreUnsafe(t3, ref target, (nuint)(x + 3 * width));
                Vector.StoreUnsafe(t4, ref target, (nuint)(x + 4 * width));
                Vector.StoreUnsafe(t5, ref target, (nuint)(x + 5 * width));
                Vector.StoreUnsafe(t6, ref target, (nuint)(x + 6 * width));
                Vector.StoreUnsafe(t7, ref target, (nuint)(x + 7 * width));
            }

            for (; x + width <= n; x += width)
            {
                var t = Vector.LoadUnsafe(ref target, (nuint)x);
                foreach (var o in offsets)
                {
                    t += Vector.LoadUnsafe(in Unsafe.Add(ref Unsafe.AsRef(in first), o + x));
                }

                Vector.StoreUnsafe(t, ref target, (nuint)x);
            }
        }

        for (; x < n; x++)
        {
            var t = Unsafe.Add(ref target, x);
            foreach (var o in offsets)
            {
                t += Unsafe.Add(ref Unsafe.AsRef(in first), o + x);
            }

            Unsafe.Add(ref target, x) = t;
        }
    }

    /// <summary>sums[r · G + g] = Σ values[r · rowLength + x] for x from bounds[g] to bounds[g + 1] − 1, added in that order
    /// from 0 (the order of a plain loop over the row), for every row r of <paramref name="values"/> and each of the
    /// G = bounds.Length − 1 groups.</summary>
    /// <remarks>Single precision takes eight rows at a time as vectors (<see cref="RowGroupSumsByEight"/>); the rows left,
    /// and double precision, four at a time: one row's sum is a chain of dependent additions, four chains keep the adder
    /// busy while each keeps its own order. All groups in one call: a call per group cost more than its additions.</remarks>
    public static void RowGroupSums<T>(ReadOnlySpan<T> values, int rowLength, ReadOnlySpan<int> bounds, Span<T> sums)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var rows = values.Length / rowLength;
        var groups = bounds.Length - 1;
        if (groups < 1 || bounds[0] < 0 || bounds[groups] > rowLength || sums.Length < rows * groups)
        {
            Guard.ThrowArgument(nameof(bounds), $"{groups} groups ending at {(groups < 0 ? 0 : bounds[groups])} of rows of {rowLength}, summed into {sums.Length} values for {rows} rows.");
        }

        for (var g = 0; g < groups; g++)
        {
            if (bounds[g + 1] < bounds[g])
            {
                Guard.ThrowArgument(nameof(bounds), $"Group bounds must ascend; {bounds[g + 1]} follows {bounds[g]}.");
            }
        }

        var r = typeof(T) == typeof(float) && Transposition.IsAccelerated && rowLength >= 8 && rowLength <= MostAgesByEight && groups <= MostAgesByEight
            ? RowGroupSumsByEight(MemoryMarshal.Cast<T, float>(values), rowLength, bounds, MemoryMarshal.Cast<T, float>(sums), rows)
            : 0;

        // Every offset below lies within the rows and sums checked above: the short loops (a five-year group adds five
        // values) would otherwise spend more on bounds checks than on additions.
        ref readonly var first = ref MemoryMarshal.GetReference(values);
        ref var target = ref MemoryMarshal.GetReference(sums);
        for (; r + 4 <= rows; r += 4)
        {
            ref readonly var v0 = ref Unsafe.Add(ref Unsafe.AsRef(in first), r * rowLength);
            ref readonly var v1 = ref Unsafe.Add(ref Unsafe.AsRef(in v0), rowLength);
            ref readonly var v2 = ref Unsafe.Add(ref Unsafe.AsRef(in v1), rowLength);
            ref readonly var v3 = ref Unsafe.Add(ref Unsafe.AsRef(in v2), rowLength);
            for (var g = 0; g < groups; g++)
            {
                var (s0, s1, s2, s3) = (T.Zero, T.Zero, T.Zero, T.Zero);
                for (var x = bounds[g]; x < bounds[g + 1]; x++)
                {
                    s0 += Unsafe.Add(ref Unsafe.AsRef(in v0), x);
                    s1 += Unsafe.Add(ref Unsafe.AsRef(in v1), x);
                    s2 += Unsafe.Add(ref Unsafe.AsRef(in v2), x);
                    s3 += Unsafe.Add(ref Unsafe.AsRef(in v3), x);
                }

                Unsafe.Add(ref target, r * groups + g) = s0;
                Unsafe.Add(ref target, (r + 1) * groups + g) = s1;
                Unsafe.Add(ref target, (r + 2) * groups + g) = s2;
                Unsafe.Add(ref target, (r + 3) * groups + g) = s3;
            }
        }

        for (; r < rows; r++)
        {
            var row = values.Slice(r * rowLength, rowLength);
            for (var g = 0; g < groups; g++)
            {
                var sum = T.Zero;
                foreach (var v in row[bounds[g]..bounds[g + 1]])
                {
                    sum += v;
                }

                sums[r * groups + g] = sum;
            }
        }
    }

    /// <summary>The longest rows (and most groups) <see cref="RowGroupSumsByEight"/> takes: its columns live on the stack.</summary>
    private const int MostAgesByEight = 256;

    /// <summary>The rows of <see cref="RowGroupSums{T}"/> eight at a time in single precision; returns the rows done.</summary>
    /// <remarks>The eight rows' values are turned into columns (<see cref="Transposition"/>), so that a group's sum is
    /// one vector whose lane i adds row i's values from 0 in the scalar loop's order (the same sums, bit for bit), and the
    /// sums are turned back into rows. Value by value, four rows at a time, the sums of a trajectory's populations by
    /// age group took 5–6% of a 10,000-trajectory run. A last block of columns or sums that would pass a row's end is
    /// taken ending at it instead, rewriting a few values with the same ones.</remarks>
    private static int RowGroupSumsByEight(ReadOnlySpan<float> values, int rowLength, ReadOnlySpan<int> bounds, Span<float> sums, int rows)
    {
        var groups = bounds.Length - 1;
        Span<float> columns = stackalloc float[rowLength * 8]; // [age][row of the eight]
        Span<float> groupSums = stackalloc float[groups * 8]; // [group][row of the eight]
        // Every offset below lies within the rows and sums the caller checked, and within these two buffers.
        ref readonly var first = ref MemoryMarshal.GetReference(values);
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var groupSum = ref MemoryMarshal.GetReference(groupSums);
        ref var target = ref MemoryMarshal.GetReference(sums);
        var r = 0;
        for (; r + 8 <= rows; r += 8)
        {
            ref readonly var block = ref Unsafe.Add(ref Unsafe.AsRef(in first), r * rowLength);
            for (var x = 0; ; x += 8)
            {
                var at = Math.Min(x, rowLength - 8);
                Transposition.Block(in Unsafe.Add(ref Unsafe.AsRef(in block), at), (nuint)rowLength, ref Unsafe.Add(ref column, at * 8), 8);
                if (at == rowLength - 8)
                {
                    break;
                }
            }

            for (var g = 0; g < groups; g++)
            {
                var sum = Vector256<float>.Zero;
                for (var x = bounds[g]; x < bounds[g + 1]; x++)
                {
                    sum += Vector256.LoadUnsafe(ref column, (nuint)(x * 8));
                }

                sum.StoreUnsafe(ref groupSum, (nuint)(g * 8));
            }

            if (groups >= 8)
            {
                for (var g = 0; ; g += 8)
                {
                    var at = Math.Min(g, groups - 8);
                    Transposition.Block(in Unsafe.Add(ref groupSum, at * 8), 8, ref Unsafe.Add(ref target, r * groups + at), (nuint)groups);
                    if (at == groups - 8)
                    {
                        break;
                    }
                }
            }
            else
            {
                for (var g = 0; g < groups; g++)
                {
                    for (var i = 0; i < 8; i++)
                    {
                        Unsafe.Add(ref target, (r + i) * groups + g) = Unsafe.Add(ref groupSum, g * 8 + i);
                    }
                }
            }
        }

        return r;
    }
}
