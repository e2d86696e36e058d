namespace Populus.Demography.Stochastic;

/// <summary>
/// The random numbers of one trajectory: xoshiro256** [BV2021] seeded by SplitMix64 from (run seed, trajectory index),
/// so trajectory i draws the same numbers whichever thread runs it and however many threads there are.
/// </summary>
/// <remarks>
/// Normal deviates come from the ziggurat method [MT2000] (<see cref="NormalZiggurat"/>): almost every deviate costs
/// one 64-bit draw, a multiplication and a comparison, where Marsaglia's polar method, used before, cost a logarithm,
/// a square root and a division a pair (a twentieth of a 10,000-trajectory run; docs/benchmarks.md "Session 24").
/// Its tables and its rare exits use only +, ×, ÷, √, exp and ln; √ is exact under IEEE 754 and .NET's exp and ln
/// are the platform's (glibc on Linux), so runs agree bit for bit across machines with the same runtime library.
/// A mutable struct: keep it in a local and pass it by reference.
/// </remarks>
public struct RandomStream
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>The stream of trajectory <paramref name="index"/> of a run seeded with <paramref name="seed"/> (also block
    /// <paramref name="index"/> of a synthetic registry).</summary>
    public RandomStream(ulong seed, long index)
    {
        // Distinct (seed, index) pairs give distinct SplitMix64 starting points; SplitMix64 then fills the 256-bit state
        // with well-mixed words, as xoshiro's authors recommend for seeding.
        var x = unchecked(seed ^ (0x9E3779B97F4A7C15UL * ((ulong)index + 1)));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextUniform() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="n"/>) by the multiply-high method; the bias, below n/2^64, is negligible.</summary>
    public int NextInt(int n) => (int)Math.BigMul(NextBits(), (ulong)n, out _);

    /// <summary>A standard normal deviate.</summary>
    public double NextNormal()
    {
        var zig = NormalZiggurat.Instance;
        while (true)
        {
            // The layer from the low 8 bits and the point across it from the high 53, a signed integer j uniform on
            // [−2⁵², 2⁵²): disjoint bits, so the two are independent ([Doornik2005]: the original drew both from one
            // 32-bit number, which correlates them).
            var bits = NextBits();
            var layer = (int)(bits & (NormalZiggurat.Layers - 1));
            var j = unchecked((long)bits) >> 11;
            var x = j * zig.Step(layer);
            if (Math.Abs(j) < zig.InnerLimit(layer))
            {
                return x; // within the part of the layer wholly under the density: 99% of draws
            }

            if (layer == 0)
            {
                return zig.Tail(ref this, j < 0);
            }

            if (zig.UnderDensity(layer, x, NextUniform()))
            {
                return x;
            }
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
