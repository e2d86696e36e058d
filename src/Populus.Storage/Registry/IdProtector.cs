using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Populus.Storage.Registry;

/// <summary>
/// Turns plain identity numbers into what the database stores: a keyed look-up value and a sealed copy, each one
/// AES-256 block, enciphered a whole block of persons per platform call (<see cref="SymmetricAlgorithm.EncryptEcb(ReadOnlySpan{byte}, PaddingMode)"/>).
/// One instance per thread; every primitive is the platform's (System.Security.Cryptography, OpenSSL on Linux).
/// </summary>
/// <remarks>
/// <para>The number is first packed losslessly into 64 bits (<see cref="NationalIdCode"/>), so that it fits one
/// 16-byte block with a second 64-bit field:</para>
/// <para>Look-up: the first 8 bytes of AES-256 under the look-up key of (code ‖ a fixed domain constant). AES is a
/// pseudorandom permutation [BR2000]; a truncated PRP is a pseudorandom function [HWKS1998], so without the key the
/// value can be neither recomputed nor inverted, and the small space of numbers cannot be searched. It is
/// deterministic, which is what lets equal numbers be found, and reveals only equality, as the keyed hash did.
/// Truncation to 64 bits keeps the column a BIGINT; two numbers sharing a value (about 3·10^-6 for ten million
/// numbers) only add a candidate row, which is confirmed by opening its sealed copy.</para>
/// <para>Sealed copy: version (1 byte) ‖ AES-256 under the seal key of (code ‖ person_id). This is
/// encode-then-encipher [BR2000]: the person_id is both the unique value that makes each enciphered block distinct
/// (so no two rows share a ciphertext, the weakness of ECB on repeated blocks cannot arise) and 64 bits of
/// redundancy checked on opening, so an altered value or one copied from another row opens to a different person_id
/// and is refused except with probability 2^-64. No nonce is drawn, so there is no nonce-reuse bound on the number
/// of seals per key. The same (number, person_id) sealed under the same key gives the same bytes, which reveals
/// nothing the look-up value does not.</para>
/// </remarks>
internal sealed class IdProtector : IDisposable
{
    public const byte FormatVersion = 2;
    public const int BlockLength = 16;
    public const int SealedLength = 1 + BlockLength;

    private readonly Aes _lookup;
    private readonly Aes _seal;
    private byte[] _plain = [];
    private byte[] _cipher = [];

    public IdProtector(RegistryKey key)
    {
        _lookup = Aes.Create();
        _lookup.SetKey(key.LookupKey);
        _seal = Aes.Create();
        _seal.SetKey(key.SealKey);
    }

    /// <summary>The domain constant beside the code in a look-up block (the look-up key enciphers nothing else).</summary>
    private static ReadOnlySpan<byte> LookupDomain => "PPLS-ID1"u8;

    /// <summary>The keyed look-up value of an 18-byte number.</summary>
    public long Lookup(ReadOnlySpan<byte> idAscii)
    {
        Span<byte> block = stackalloc byte[BlockLength];
        WriteLookupBlock(idAscii, block);
        _lookup.EncryptEcb(block, block, PaddingMode.None);
        var value = BinaryPrimitives.ReadInt64BigEndian(block);
        CryptographicOperations.ZeroMemory(block);
        return value;
    }

    /// <summary>Seals a number for <paramref name="personId"/> into <see cref="SealedLength"/> bytes.</summary>
    public void Seal(ReadOnlySpan<byte> idAscii, long personId, Span<byte> destination)
    {
        Span<byte> block = stackalloc byte[BlockLength];
        WriteSealBlock(idAscii, personId, block);
        destination[0] = FormatVersion;
        _seal.EncryptEcb(block, destination.Slice(1, BlockLength), PaddingMode.None);
        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>Opens a sealed number; false when it was sealed under another key, for another person, or altered.</summary>
    public bool TryOpen(ReadOnlySpan<byte> sealedId, long personId, Span<byte> idAscii)
    {
        if (sealedId.Length != SealedLength || sealedId[0] != FormatVersion)
        {
            return false;
        }

        Span<byte> block = stackalloc byte[BlockLength];
        _seal.DecryptEcb(sealedId[1..], block, PaddingMode.None);
        var opened = OpenBlock(block, personId, idAscii);
        CryptographicOperations.ZeroMemory(block);
        return opened;
    }

    /// <summary>Writes look-up values and sealed numbers for every person of a block: two platform calls in all.</summary>
    public void Protect(PersonBatch batch)
    {
        var count = batch.Count;
        var plain = Scratch(ref _plain, batch.Capacity, count);
        var cipher = Scratch(ref _cipher, batch.Capacity, count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                WriteLookupBlock(batch.Id(i), plain.Slice(i * BlockLength, BlockLength));
            }

            _lookup.EncryptEcb(plain, cipher, PaddingMode.None);
            for (var i = 0; i < count; i++)
            {
                batch.IdLookup[i] = BinaryPrimitives.ReadInt64BigEndian(cipher[(i * BlockLength)..]);
                BinaryPrimitives.WriteInt64BigEndian(plain[((i * BlockLength) + 8)..], batch.PersonId[i]);
            }

            _seal.EncryptEcb(plain, cipher, PaddingMode.None);
            for (var i = 0; i < count; i++)
            {
                var sealedId = batch.Sealed(i);
                sealedId[0] = FormatVersion;
                cipher.Slice(i * BlockLength, BlockLength).CopyTo(sealedId[1..]);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// Opens the sealed numbers of a block (<see cref="PersonBatch.IdSealed"/>, for <see cref="PersonBatch.PersonId"/>)
    /// into <see cref="PersonBatch.IdAscii"/> with one platform call; the index of the first that does not open, or -1.
    /// </summary>
    public int OpenAll(PersonBatch batch)
    {
        var count = batch.Count;
        var plain = Scratch(ref _plain, batch.Capacity, count);
        var cipher = Scratch(ref _cipher, batch.Capacity, count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var sealedId = batch.Sealed(i);
                if (sealedId[0] != FormatVersion)
                {
                    return i;
                }

                sealedId[1..].CopyTo(cipher[(i * BlockLength)..]);
            }

            _seal.DecryptEcb(cipher, plain, PaddingMode.None);
            for (var i = 0; i < count; i++)
            {
                if (!OpenBlock(plain.Slice(i * BlockLength, BlockLength), batch.PersonId[i], batch.Id(i)))
                {
                    return i;
                }
            }

            return -1;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public void Dispose()
    {
        _lookup.Dispose();
        _seal.Dispose();
        CryptographicOperations.ZeroMemory(_plain);
    }

    private static Span<byte> Scratch(ref byte[] buffer, int capacity, int count)
    {
        if (buffer.Length < count * BlockLength)
        {
            buffer = new byte[Math.Max(capacity, count) * BlockLength];
        }

        return buffer.AsSpan(0, count * BlockLength);
    }

    private static void WriteLookupBlock(ReadOnlySpan<byte> idAscii, Span<byte> block)
    {
        NationalIdCode.Write(idAscii, block);
        LookupDomain.CopyTo(block[8..]);
    }

    private static void WriteSealBlock(ReadOnlySpan<byte> idAscii, long personId, Span<byte> block)
    {
        NationalIdCode.Write(idAscii, block);
        BinaryPrimitives.WriteInt64BigEndian(block[8..], personId);
    }

    /// <summary>Checks the enciphered person_id and decodes the number; clears the destination when either fails.</summary>
    private static bool OpenBlock(ReadOnlySpan<byte> block, long personId, Span<byte> idAscii)
    {
        if (BinaryPrimitives.ReadInt64BigEndian(block[8..]) == personId
            && NationalIdCode.TryDecode(BinaryPrimitives.ReadUInt64BigEndian(block), idAscii))
        {
            return true;
        }

        idAscii[..NationalIdNumber.Length].Clear();
        return false;
    }
}
