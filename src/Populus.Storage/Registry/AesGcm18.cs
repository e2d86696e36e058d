using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Populus.Storage.Registry;

/// <summary>
/// AES-256-GCM encryption (NIST SP 800-38D) of one 18-byte identity number with 9 bytes of associated data, on AES-NI and
/// PCLMULQDQ. Its output is what <see cref="System.Security.Cryptography.AesGcm"/> produces for the same key, nonce and
/// data (the tests compare them, and every decryption goes through the platform's implementation).
/// </summary>
/// <remarks>
/// Used by bulk loads only: the platform's AesGcm re-initialises its cipher context on every call, which costs more
/// than the encryption of so short a message. Here the round keys and the hash key H = E_K(0) are computed once.
/// Per number: three block encryptions (E(J0) for the tag, two counter blocks) and four GHASH multiplications
/// (associated data, two ciphertext blocks, lengths). The GF(2^128) product follows Gueron &amp; Kounavis (2010),
/// "Intel Carry-Less Multiplication Instruction and its Usage for Computing the GCM Mode", on byte-reflected operands.
/// AES-NI and carry-less multiplication run in constant time, so no secret-dependent timing is added.
/// </remarks>
internal sealed class AesGcm18
{
    public const int NonceLength = 12;
    public const int AssociatedLength = 9;
    public const int TagLength = 16;
    private const int MessageLength = NationalIdNumber.Length;

    private static readonly Vector128<byte> Reverse = Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    private readonly Vector128<byte>[] _roundKeys = new Vector128<byte>[15];
    private readonly Vector128<byte> _h;

    public AesGcm18(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("AES-256 takes a 32-byte key", nameof(key));
        }

        ExpandKey(key);
        _h = Ssse3.Shuffle(EncryptBlock(Vector128<byte>.Zero), Reverse);
    }

    public static bool IsSupported => Aes.IsSupported && Pclmulqdq.IsSupported && Ssse3.IsSupported && Sse41.IsSupported;

    /// <summary>Encrypts 18 bytes; writes 18 bytes of ciphertext and the 16-byte tag.</summary>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associated,
        Span<byte> ciphertext, Span<byte> tag)
    {
        if (nonce.Length < NonceLength || plaintext.Length < MessageLength || associated.Length < AssociatedLength
            || ciphertext.Length < MessageLength || tag.Length < TagLength)
        {
            throw new ArgumentException("nonce 12, plaintext 18, associated data 9, ciphertext 18 and tag 16 bytes are needed");
        }

        Span<byte> block = stackalloc byte[16];
        nonce[..NonceLength].CopyTo(block);
        block[12] = 0;
        block[13] = 0;
        block[14] = 0;
        block[15] = 1;
        var j0 = Load(block);
        block[15] = 2;
        var counter2 = EncryptBlock(Load(block));
        block[15] = 3;
        var counter3 = EncryptBlock(Load(block));

        var c1 = Sse2.Xor(Load(plaintext), counter2);
        Store(c1, ciphertext);
        block.Clear();
        block[0] = (byte)(plaintext[16] ^ counter3.GetElement(0));
        block[1] = (byte)(plaintext[17] ^ counter3.GetElement(1));
        ciphertext[16] = block[0];
        ciphertext[17] = block[1];
        var c2 = Load(block);

        block.Clear();
        associated[..AssociatedLength].CopyTo(block);
        var x = Multiply(Ssse3.Shuffle(Load(block), Reverse), _h);
        x = Multiply(Sse2.Xor(x, Ssse3.Shuffle(c1, Reverse)), _h);
        x = Multiply(Sse2.Xor(x, Ssse3.Shuffle(c2, Reverse)), _h);
        // Length block: bit lengths of associated data and ciphertext, 64 bits each, big-endian; reflected, the
        // ciphertext length lands in the low half and the associated length in the high half.
        var lengths = Vector128.Create((ulong)MessageLength * 8, (ulong)AssociatedLength * 8).AsByte();
        x = Multiply(Sse2.Xor(x, lengths), _h);
        Store(Sse2.Xor(Ssse3.Shuffle(x, Reverse), EncryptBlock(j0)), tag);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Load(ReadOnlySpan<byte> source) =>
        Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector128<byte> value, Span<byte> destination) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(destination));

    private Vector128<byte> EncryptBlock(Vector128<byte> block)
    {
        var k = _roundKeys;
        block = Sse2.Xor(block, k[0]);
        for (var r = 1; r < 14; r++)
        {
            block = Aes.Encrypt(block, k[r]);
        }

        return Aes.EncryptLast(block, k[14]);
    }

    /// <summary>The product of two byte-reflected GHASH operands in GF(2^128) modulo x^128 + x^7 + x^2 + x + 1.</summary>
    private static Vector128<byte> Multiply(Vector128<byte> a8, Vector128<byte> b8)
    {
        var a = a8.AsUInt64();
        var b = b8.AsUInt64();
        var lo = Pclmulqdq.CarrylessMultiply(a, b, 0x00).AsUInt32();
        var mid = Sse2.Xor(Pclmulqdq.CarrylessMultiply(a, b, 0x10), Pclmulqdq.CarrylessMultiply(a, b, 0x01)).AsUInt32();
        var hi = Pclmulqdq.CarrylessMultiply(a, b, 0x11).AsUInt32();
        lo = Sse2.Xor(lo, Sse2.ShiftLeftLogical128BitLane(mid.AsByte(), 8).AsUInt32());
        hi = Sse2.Xor(hi, Sse2.ShiftRightLogical128BitLane(mid.AsByte(), 8).AsUInt32());

        // Shift the 256-bit product left by one bit (the operands are bit-reflected).
        var loCarry = Sse2.ShiftRightLogical(lo, 31);
        var hiCarry = Sse2.ShiftRightLogical(hi, 31);
        lo = Sse2.ShiftLeftLogical(lo, 1);
        hi = Sse2.ShiftLeftLogical(hi, 1);
        var cross = Sse2.ShiftRightLogical128BitLane(loCarry.AsByte(), 12).AsUInt32();
        hiCarry = Sse2.ShiftLeftLogical128BitLane(hiCarry.AsByte(), 4).AsUInt32();
        loCarry = Sse2.ShiftLeftLogical128BitLane(loCarry.AsByte(), 4).AsUInt32();
        lo = Sse2.Or(lo, loCarry);
        hi = Sse2.Or(Sse2.Or(hi, hiCarry), cross);

        // Reduce modulo the GCM polynomial.
        var r = Sse2.Xor(Sse2.Xor(Sse2.ShiftLeftLogical(lo, 31), Sse2.ShiftLeftLogical(lo, 30)), Sse2.ShiftLeftLogical(lo, 25));
        var rHigh = Sse2.ShiftRightLogical128BitLane(r.AsByte(), 4).AsUInt32();
        r = Sse2.ShiftLeftLogical128BitLane(r.AsByte(), 12).AsUInt32();
        lo = Sse2.Xor(lo, r);
        var s = Sse2.Xor(Sse2.Xor(Sse2.ShiftRightLogical(lo, 1), Sse2.ShiftRightLogical(lo, 2)), Sse2.ShiftRightLogical(lo, 7));
        s = Sse2.Xor(s, rHigh);
        lo = Sse2.Xor(lo, s);
        return Sse2.Xor(hi, lo).AsByte();
    }

    private void ExpandKey(ReadOnlySpan<byte> key)
    {
        var k = _roundKeys;
        k[0] = Load(key);
        k[1] = Load(key[16..]);
        k[2] = Expand(k[0], Ssse3.Shuffle(Aes.KeygenAssist(k[1], 0x01), ShuffleHigh));
        k[3] = Expand(k[1], Ssse3.Shuffle(Aes.KeygenAssist(k[2], 0x00), ShuffleThird));
        k[4] = Expand(k[2], Ssse3.Shuffle(Aes.KeygenAssist(k[3], 0x02), ShuffleHigh));
        k[5] = Expand(k[3], Ssse3.Shuffle(Aes.KeygenAssist(k[4], 0x00), ShuffleThird));
        k[6] = Expand(k[4], Ssse3.Shuffle(Aes.KeygenAssist(k[5], 0x04), ShuffleHigh));
        k[7] = Expand(k[5], Ssse3.Shuffle(Aes.KeygenAssist(k[6], 0x00), ShuffleThird));
        k[8] = Expand(k[6], Ssse3.Shuffle(Aes.KeygenAssist(k[7], 0x08), ShuffleHigh));
        k[9] = Expand(k[7], Ssse3.Shuffle(Aes.KeygenAssist(k[8], 0x00), ShuffleThird));
        k[10] = Expand(k[8], Ssse3.Shuffle(Aes.KeygenAssist(k[9], 0x10), ShuffleHigh));
        k[11] = Expand(k[9], Ssse3.Shuffle(Aes.KeygenAssist(k[10], 0x00), ShuffleThird));
        k[12] = Expand(k[10], Ssse3.Shuffle(Aes.KeygenAssist(k[11], 0x20), ShuffleHigh));
        k[13] = Expand(k[11], Ssse3.Shuffle(Aes.KeygenAssist(k[12], 0x00), ShuffleThird));
        k[14] = Expand(k[12], Ssse3.Shuffle(Aes.KeygenAssist(k[13], 0x40), ShuffleHigh));
    }

    // Broadcast the 4th (RotWord+SubWord+rcon) or 3rd (SubWord) 32-bit word of the key-generation assist result.
    private static Vector128<byte> ShuffleHigh => Vector128.Create((byte)12, 13, 14, 15, 12, 13, 14, 15, 12, 13, 14, 15, 12, 13, 14, 15);

    private static Vector128<byte> ShuffleThird => Vector128.Create((byte)8, 9, 10, 11, 8, 9, 10, 11, 8, 9, 10, 11, 8, 9, 10, 11);

    /// <summary>w(i) = w(i-8) ⊕ f(w(i-1)) for the four words of a round key: prefix-xor of the previous key, xor the broadcast word.</summary>
    private static Vector128<byte> Expand(Vector128<byte> previous, Vector128<byte> broadcast)
    {
        var x = previous;
        x = Sse2.Xor(x, Sse2.ShiftLeftLogical128BitLane(x, 4));
        x = Sse2.Xor(x, Sse2.ShiftLeftLogical128BitLane(x, 8));
        return Sse2.Xor(x, broadcast);
    }
}
