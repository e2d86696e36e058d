using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

using Populus.Demography.Projection;

namespace Populus.Demography.Stochastic;

/// <summary>
/// The <see cref="SurvivalFamily"/> nodes of every region, sex and step of a run in two flat arrays, read once per
/// trajectory, step and family.
/// </summary>
/// <remarks>
/// A trajectory reads 2 × regions × steps families (264 for the city benchmark), each from a different place. Held as
/// one object each, every read began with a chain of dependent cache misses (family → e0 array → survival array
/// header) before the two rows it needs; here the e0 nodes of all families fit in a few cache lines per step and the
/// rows' addresses are computed, so their loads overlap. The interpolation is that of <see cref="SurvivalFamily"/>.
/// <para>The rows are held as 1 − S in single precision: a trajectory's reads of the table (two rows a family, from a
/// table of megabytes) are its largest memory traffic, and halving it matters more than the precision lost, which is
/// relative to 1 − S (a few parts in 10⁸ of the chance of dying), so S itself is kept to about 10⁻¹⁰ or better.</para>
/// </remarks>
internal sealed class SurvivalFamilies
{
    private readonly int _a;
    private readonly double[] _e0; // every family's nodes, family after family
    private readonly float[] _nonSurvival; // 1 − S [node][age], nodes in the order of _e0
    private readonly int[] _nodeStart; // the first node of each family, and the end
    private readonly int[] _centralIndex; // each family's deterministic node, counted from its first

    /// <param name="families">The families, in the order they are read by index.</param>
    /// <param name="ages">The projection grid the families' ratios are on.</param>
    public SurvivalFamilies(IReadOnlyList<SurvivalFamily> families, AgeGroups ages)
    {
        _a = ages.Count;
        _nodeStart = new int[families.Count + 1];
        _centralIndex = new int[families.Count];
        for (var f = 0; f < families.Count; f++)
        {
            _nodeStart[f + 1] = _nodeStart[f] + families[f].NodeE0.Length;
            _centralIndex[f] = families[f].CentralIndex;
        }

        _e0 = new double[_nodeStart[^1]];
        _nonSurvival = new float[_nodeStart[^1] * _a];
        for (var f = 0; f < families.Count; f++)
        {
            families[f].NodeE0.CopyTo(_e0.AsSpan(_nodeStart[f]));
            var rows = families[f].NodeSurvival;
            var target = _nonSurvival.AsSpan(_nodeStart[f] * _a, rows.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                target[i] = (float)(1 - rows[i]);
            }
        }
    }

    /// <summary>Writes family <paramref name="family"/>'s survival ratios for life expectancy <paramref name="e0"/> (in
    /// the precision of the engine that reads them) and returns the e0 they stand for (held at the family's ends).</summary>
    public double Interpolate<T>(int family, double e0, Span<T> target)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var first = _nodeStart[family];
        var nodes = _e0.AsSpan(first, _nodeStart[family + 1] - first);
        var held = Math.Clamp(e0, nodes[0], nodes[^1]);
        // Walk from the central node: deviations are mostly within a few nodes of it.
        var i = Math.Min(_centralIndex[family], nodes.Length - 2);
        while (i > 0 && nodes[i] > held)
        {
            i--;
        }

        while (i < nodes.Length - 2 && nodes[i + 1] < held)
        {
            i++;
        }

        var w = (held - nodes[i]) / (nodes[i + 1] - nodes[i]);
        Lerp(_nonSurvival.AsSpan((first + i) * _a, _a), _nonSurvival.AsSpan((first + i + 1) * _a, _a), w, target);
        return held;
    }

    /// <summary>target = 1 − (a + w·(b − a)) for rows a and b of 1 − S, held in [0, 1] against rounding, computed in the
    /// target's precision.</summary>
    internal static void Lerp<T>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double w, Span<T> target)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Kernels.RequirePrecision<T>("Survival ratios");

        var n = target.Length;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count && a.Length >= n && b.Length >= n)
        {
            // Loads and stores at computed offsets (within the lengths checked above): slicing a span for each vector
            // cost more than the arithmetic.
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            ref var rt = ref MemoryMarshal.GetReference(target);
            var (vw, vwSingle) = (Vector256.Create(w), Vector256.Create((float)w));
            var width = Vector256<float>.Count;
            for (var i = 0; ; i += width)
            {
                // The last vector ends at the last age (overlapping the one before): the values it writes again are the same.
                var at = (nuint)Math.Min(i, n - width);
                var va = Vector256.LoadUnsafe(ref ra, at);
                var vb = Vector256.LoadUnsafe(ref rb, at);
                if (typeof(T) == typeof(double))
                {
                    Survival(Vector256.WidenLower(va), Vector256.WidenLower(vb), vw).StoreUnsafe(ref Unsafe.As<T, double>(ref rt), at);
                    Survival(Vector256.WidenUpper(va), Vector256.WidenUpper(vb), vw).StoreUnsafe(ref Unsafe.As<T, double>(ref rt), at + (nuint)(width / 2));
                }
                else
                {
                    Survival(va, vb, vwSingle).StoreUnsafe(ref Unsafe.As<T, float>(ref rt), at);
                }

                if ((int)at == n - width)
                {
                    return;
                }
            }
        }

        var weight = T.CreateTruncating(w);
        for (var i = 0; i < n; i++)
        {
            var (x, y) = (T.CreateTruncating(a[i]), T.CreateTruncating(b[i]));
            target[i] = T.Min(T.One, T.Max(T.Zero, T.One - (x + weight * (y - x))));
        }
    }

    /// <remarks>The processor's min and max: the IEEE 754-2019 ones (NaN propagated, −0 below +0) take several instructions
    /// a vector and were half the interpolation's cost; the rows and the weight are finite, so the results are the same.</remarks>
    private static Vector256<T> Survival<T>(Vector256<T> a, Vector256<T> b, Vector256<T> w)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Vector256.MinNative(Vector256<T>.One, Vector256.MaxNative(Vector256<T>.Zero, Vector256<T>.One - (a + w * (b - a))));
}
