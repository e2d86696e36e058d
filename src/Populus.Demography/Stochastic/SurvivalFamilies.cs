using System.Numerics;
using System.Runtime.InteropServices;

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
/// </remarks>
internal sealed class SurvivalFamilies
{
    private readonly int _a;
    private readonly double[] _e0; // every family's nodes, family after family
    private readonly double[] _survival; // [node][age], nodes in the order of _e0
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
        _survival = new double[_nodeStart[^1] * _a];
        for (var f = 0; f < families.Count; f++)
        {
            families[f].NodeE0.CopyTo(_e0.AsSpan(_nodeStart[f]));
            families[f].NodeSurvival.CopyTo(_survival.AsSpan(_nodeStart[f] * _a));
        }
    }

    /// <summary>Writes family <paramref name="family"/>'s survival ratios for life expectancy <paramref name="e0"/> and
    /// returns the e0 they stand for (held at the family's ends).</summary>
    public double Interpolate(int family, double e0, Span<double> target)
    {
        var first = _nodeStart[family];
        var nodes = _e0.AsSpan(first, _nodeStart[family + 1] - first);
        var central = _centralIndex[family];
        if (e0 == nodes[central])
        {
            _survival.AsSpan((first + central) * _a, _a).CopyTo(target);
            return e0;
        }

        var held = Math.Clamp(e0, nodes[0], nodes[^1]);
        // Walk from the central node: deviations are mostly within a few nodes of it.
        var i = Math.Min(central, nodes.Length - 2);
        while (i > 0 && nodes[i] > held)
        {
            i--;
        }

        while (i < nodes.Length - 2 && nodes[i + 1] < held)
        {
            i++;
        }

        var w = (held - nodes[i]) / (nodes[i + 1] - nodes[i]);
        Lerp(_survival.AsSpan((first + i) * _a, _a), _survival.AsSpan((first + i + 1) * _a, _a), w, target);
        return held;
    }

    /// <summary>target = a + w·(b − a), held in [0, 1] against rounding.</summary>
    private static void Lerp(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double w, Span<double> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var t = MemoryMarshal.Cast<double, Vector<double>>(target);
            var vw = new Vector<double>(w);
            for (var k = 0; k < t.Length; k++)
            {
                t[k] = Vector.Min(Vector<double>.One, Vector.Max(Vector<double>.Zero, va[k] + vw * (vb[k] - va[k])));
            }

            i = t.Length * Vector<double>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] = Math.Min(1, Math.Max(0, a[i] + w * (b[i] - a[i])));
        }
    }
}
