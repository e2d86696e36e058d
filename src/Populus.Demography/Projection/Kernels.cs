using System.Numerics;
using System.Runtime.InteropServices;

namespace Populus.Demography.Projection;

/// <summary>The few vector loops the projection spends its time in.</summary>
internal static class Kernels
{
    /// <summary>target[i] += scale · a[i] · b[i].</summary>
    public static void AddScaledProduct(Span<double> target, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<double>.Count)
        {
            var t = MemoryMarshal.Cast<double, Vector<double>>(target);
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var s = new Vector<double>(scale);
            for (var k = 0; k < t.Length; k++)
            {
                t[k] += s * va[k] * vb[k];
            }

            i = t.Length * Vector<double>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * a[i] * b[i];
        }
    }
}
