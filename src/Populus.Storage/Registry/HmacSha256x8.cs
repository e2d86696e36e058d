using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Populus.Storage.Registry;

/// <summary>
/// HMAC-SHA256 (RFC 2104, FIPS 180-4) of eight 18-byte identity numbers at once, one per 32-bit lane of AVX2 vectors,
/// returning the first 8 bytes of each tag. Same result as <see cref="System.Security.Cryptography.HMACSHA256"/>
/// (the tests compare them); used by bulk loads, where the platform's per-call cost would dominate.
/// </summary>
/// <remarks>
/// The key is fixed, so the compressions of the padded key blocks (key ⊕ ipad, key ⊕ opad) are done once; each
/// tag then costs two compressions: the inner block (number, 0x80, length 82·8 bits) and the outer block (inner hash,
/// 0x80, length 96·8 bits). Multi-buffer hashing after Gueron &amp; Krasnov (2012), "Parallelizing message schedules
/// to accelerate the computations of hash functions". Pure arithmetic: no table look-ups indexed by secret data.
/// </remarks>
internal sealed class HmacSha256x8
{
    public const int Lanes = 8;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialHash =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    private readonly Vector256<uint>[] _inner;
    private readonly Vector256<uint>[] _outer;
    private readonly Vector256<uint>[] _w = new Vector256<uint>[64];
    private readonly Vector256<uint>[] _state = new Vector256<uint>[8];

    public HmacSha256x8(ReadOnlySpan<byte> key)
    {
        if (key.Length > 64)
        {
            throw new ArgumentException("keys longer than a block are hashed first by HMAC; this class takes at most 64 bytes", nameof(key));
        }

        Span<byte> block = stackalloc byte[64];
        _inner = PadState(key, 0x36, block);
        _outer = PadState(key, 0x5c, block);
    }

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Tags <paramref name="count"/> (1–8) numbers of 18 bytes laid end to end in <paramref name="numbers"/>; writes the
    /// first 8 bytes of each tag, read big-endian, to <paramref name="tags"/>.
    /// </summary>
    public void Tag(ReadOnlySpan<byte> numbers, int count, Span<long> tags)
    {
        const int n = NationalIdNumber.Length;
        Span<uint> words = stackalloc uint[5 * Lanes];
        for (var lane = 0; lane < Lanes; lane++)
        {
            var id = numbers.Slice(Math.Min(lane, count - 1) * n, n);
            for (var j = 0; j < 4; j++)
            {
                words[(j * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[(4 * j)..]);
            }

            words[(4 * Lanes) + lane] = ((uint)id[16] << 24) | ((uint)id[17] << 16) | 0x8000u;
        }

        var w = _w;
        for (var j = 0; j < 5; j++)
        {
            w[j] = Vector256.Create<uint>(words.Slice(j * Lanes, Lanes));
        }

        for (var j = 5; j < 15; j++)
        {
            w[j] = Vector256<uint>.Zero;
        }

        w[15] = Vector256.Create((64u + n) * 8);
        _inner.CopyTo(_state, 0);
        Compress(_state, w);

        for (var j = 0; j < 8; j++)
        {
            w[j] = _state[j];
        }

        w[8] = Vector256.Create(0x80000000u);
        for (var j = 9; j < 15; j++)
        {
            w[j] = Vector256<uint>.Zero;
        }

        w[15] = Vector256.Create((64u + 32u) * 8);
        _outer.CopyTo(_state, 0);
        Compress(_state, w);

        for (var lane = 0; lane < count; lane++)
        {
            tags[lane] = unchecked((long)(((ulong)_state[0].GetElement(lane) << 32) | _state[1].GetElement(lane)));
        }
    }

    private Vector256<uint>[] PadState(ReadOnlySpan<byte> key, byte pad, Span<byte> block)
    {
        block.Fill(pad);
        for (var i = 0; i < key.Length; i++)
        {
            block[i] ^= key[i];
        }

        for (var j = 0; j < 16; j++)
        {
            _w[j] = Vector256.Create(BinaryPrimitives.ReadUInt32BigEndian(block[(4 * j)..]));
        }

        var state = InitialHash.Select(h => Vector256.Create(h)).ToArray();
        Compress(state, _w);
        return state;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress(Vector256<uint>[] state, Vector256<uint>[] w)
    {
        for (var t = 16; t < 64; t++)
        {
            var w2 = w[t - 2];
            var w15 = w[t - 15];
            var s1 = Rotr(w2, 17) ^ Rotr(w2, 19) ^ (w2 >>> 10);
            var s0 = Rotr(w15, 7) ^ Rotr(w15, 18) ^ (w15 >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }

        var a = state[0];
        var b = state[1];
        var c = state[2];
        var d = state[3];
        var e = state[4];
        var f = state[5];
        var g = state[6];
        var h = state[7];
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ Vector256.AndNot(g, e)) + Vector256.Create(K[t]) + w[t];
            var t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, byte n) => (x >>> n) | (x << (32 - n));
}
