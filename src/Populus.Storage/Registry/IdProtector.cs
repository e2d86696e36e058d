using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Populus.Storage.Registry;

/// <summary>
/// Turns a plain identity number into what the database stores: a keyed look-up hash (the first 8 bytes of
/// HMAC-SHA256 under the look-up key) and a sealed copy (AES-256-GCM under the seal key). One instance per thread.
/// </summary>
/// <remarks>
/// Sealed layout: version (1 byte) | nonce (12) | ciphertext (18) | tag (16). The nonce is random (96 bits; safe for
/// far more than 2^32 numbers a key would ever seal at the registry's scale). The associated data binds a sealed number to
/// its person_id, so moving a sealed value to another row makes it fail to open. The look-up hash is truncated to
/// 64 bits: it only finds candidate rows, and each candidate is confirmed by opening its sealed number, so a
/// collision costs one extra decryption and never returns the wrong person.
/// </remarks>
internal sealed class IdProtector : IDisposable
{
    public const byte FormatVersion = 1;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int SealedLength = 1 + NonceLength + NationalIdNumber.Length + TagLength;

    private readonly HMACSHA256 _hmac;
    private readonly AesGcm _gcm;
    private readonly HmacSha256x8? _fastHmac;
    private readonly AesGcm18? _fastGcm;
    private readonly byte[] _hash = new byte[32];
    private byte[] _nonces = [];

    /// <param name="key">The registry key.</param>
    /// <param name="useIntrinsics">
    /// Protect blocks with <see cref="HmacSha256x8"/> and <see cref="AesGcm18"/> when the processor has AVX2, AES-NI and
    /// PCLMULQDQ (the same bytes as the platform's implementation, several times faster); single numbers and every
    /// decryption always use the platform's implementation.
    /// </param>
    public IdProtector(RegistryKey key, bool useIntrinsics = true)
    {
        _hmac = new HMACSHA256(key.LookupKey.ToArray());
        _gcm = new AesGcm(key.SealKey, TagLength);
        if (useIntrinsics && HmacSha256x8.IsSupported && AesGcm18.IsSupported)
        {
            _fastHmac = new HmacSha256x8(key.LookupKey);
            _fastGcm = new AesGcm18(key.SealKey);
        }
    }

    /// <summary>The keyed look-up hash of an 18-byte number.</summary>
    public long Lookup(ReadOnlySpan<byte> idAscii)
    {
        _hmac.TryComputeHash(idAscii, _hash, out _);
        return BinaryPrimitives.ReadInt64BigEndian(_hash);
    }

    /// <summary>Seals a number for <paramref name="personId"/> with a fresh random nonce.</summary>
    public void Seal(ReadOnlySpan<byte> idAscii, long personId, Span<byte> destination)
    {
        RandomNumberGenerator.Fill(destination.Slice(1, NonceLength));
        SealWithNonce(idAscii, personId, destination);
    }

    /// <summary>Seals with the nonce already written at destination[1..13] (bulk loads fill nonces a block at a time).</summary>
    public void SealWithNonce(ReadOnlySpan<byte> idAscii, long personId, Span<byte> destination)
    {
        destination[0] = FormatVersion;
        Span<byte> associated = stackalloc byte[9];
        WriteAssociatedData(personId, associated);
        _gcm.Encrypt(
            destination.Slice(1, NonceLength),
            idAscii[..NationalIdNumber.Length],
            destination.Slice(1 + NonceLength, NationalIdNumber.Length),
            destination.Slice(1 + NonceLength + NationalIdNumber.Length, TagLength),
            associated);
    }

    /// <summary>Opens a sealed number; false when it was sealed under another key, for another person, or altered.</summary>
    public bool TryOpen(ReadOnlySpan<byte> sealedId, long personId, Span<byte> idAscii)
    {
        if (sealedId.Length != SealedLength || sealedId[0] != FormatVersion)
        {
            return false;
        }

        Span<byte> associated = stackalloc byte[9];
        WriteAssociatedData(personId, associated);
        try
        {
            _gcm.Decrypt(
                sealedId.Slice(1, NonceLength),
                sealedId.Slice(1 + NonceLength, NationalIdNumber.Length),
                sealedId.Slice(1 + NonceLength + NationalIdNumber.Length, TagLength),
                idAscii[..NationalIdNumber.Length],
                associated);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            idAscii[..NationalIdNumber.Length].Clear();
            return false;
        }
    }

    /// <summary>Writes look-up hashes and sealed numbers (fresh random nonces) for every person of a block.</summary>
    public void Protect(PersonBatch batch)
    {
        var count = batch.Count;
        if (_nonces.Length < count * NonceLength)
        {
            _nonces = new byte[batch.Capacity * NonceLength];
        }

        RandomNumberGenerator.Fill(_nonces.AsSpan(0, count * NonceLength));
        for (var i = 0; i < count; i++)
        {
            _nonces.AsSpan(i * NonceLength, NonceLength).CopyTo(batch.Sealed(i)[1..]);
        }

        if (_fastHmac is null || _fastGcm is null)
        {
            for (var i = 0; i < count; i++)
            {
                var id = batch.Id(i);
                batch.IdLookup[i] = Lookup(id);
                SealWithNonce(id, batch.PersonId[i], batch.Sealed(i));
            }

            return;
        }

        const int n = NationalIdNumber.Length;
        for (var i = 0; i < count; i += HmacSha256x8.Lanes)
        {
            var lanes = Math.Min(HmacSha256x8.Lanes, count - i);
            _fastHmac.Tag(batch.IdAscii.AsSpan(i * n, lanes * n), lanes, batch.IdLookup.AsSpan(i, lanes));
        }

        Span<byte> associated = stackalloc byte[9];
        for (var i = 0; i < count; i++)
        {
            var sealedId = batch.Sealed(i);
            sealedId[0] = FormatVersion;
            WriteAssociatedData(batch.PersonId[i], associated);
            _fastGcm.Encrypt(sealedId.Slice(1, NonceLength), batch.Id(i), associated,
                sealedId.Slice(1 + NonceLength, n), sealedId.Slice(1 + NonceLength + n, TagLength));
        }
    }

    public void Dispose()
    {
        _hmac.Dispose();
        _gcm.Dispose();
    }

    private static void WriteAssociatedData(long personId, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination, personId);
        destination[8] = FormatVersion;
    }
}
