using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Populus.Demography.Projection;

/// <summary>
/// 8 × 8 blocks of single-precision values turned from rows into columns with AVX shuffles: eight loads, 24 shuffles
/// and eight stores where a value at a time takes 64 loads and 64 stores. Values are moved, never computed, so a
/// caller's results do not depend on which path moved them.
/// </summary>
internal static class Transposition
{
    /// <summary>Whether <see cref="Block"/> may be called (AVX: every x64 processor the runtime supports in practice).</summary>
    public static bool IsAccelerated => Avx.IsSupported;

    /// <summary>Copies 8 rows of 8 values, row i starting <paramref name="sourceStride"/> × i values after
    /// <paramref name="source"/>, so that value j of row i lands <paramref name="targetStride"/> × j + i values after
    /// <paramref name="target"/>. The caller keeps every offset within its arrays; only when <see cref="IsAccelerated"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block(ref readonly float source, nuint sourceStride, ref float target, nuint targetStride)
    {
        ref var s = ref Unsafe.AsRef(in source);
        var r0 = Vector256.LoadUnsafe(ref s);
        var r1 = Vector256.LoadUnsafe(ref s, sourceStride);
        var r2 = Vector256.LoadUnsafe(ref s, 2 * sourceStride);
        var r3 = Vector256.LoadUnsafe(ref s, 3 * sourceStride);
        var r4 = Vector256.LoadUnsafe(ref s, 4 * sourceStride);
        var r5 = Vector256.LoadUnsafe(ref s, 5 * sourceStride);
        var r6 = Vector256.LoadUnsafe(ref s, 6 * sourceStride);
        var r7 = Vector256.LoadUnsafe(ref s, 7 * sourceStride);

        // Pairs of rows interleaved, then pairs of pairs, then the 128-bit halves exchanged: the usual three stages.
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref target);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref target, targetStride);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref target, 2 * targetStride);
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref target, 3 * targetStride);
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref target, 4 * targetStride);
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref target, 5 * targetStride);
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref target, 6 * targetStride);
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref target, 7 * targetStride);
    }
}
