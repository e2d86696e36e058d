using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Populus.Storage.Registry;

/// <summary>
/// Turns a plain identity number into what the database stores: a keyed look-up hash (the first 8 bytes of
/// HMAC-SHA256 under the look-up key) and a sealed copy (AES-256-GCM under the seal key). Every primitive is the
/// platform's (System.Security.Cryptography, OpenSSL on Linux). One instance per thread: its HMAC and AES-GCM
/// objects hold the expanded keys and are reused for every number, so a number costs the primitives and no set-up.
/// </summary>
/// <remarks>
/// Sealed layout: version (1 byte) | nonce (12) | ciphertext (18) | tag (16). The nonce is 96 random bits from the
/// operating system's CSPRNG, drawn a block of numbers at a time (NIST SP 800-38D §8.2.2, the random construction).
/// Random rather than counter nonces because loads run in separate processes and on several threads with one key:
/// a counter would need state shared across them (stored in the database and reserved under a lock) to stay unique,
/// while random nonces need none. The bound that comes with them is 2^32 seals per key (collision probability
/// below 2^-32): about 400 full loads of a ten-million-person registry, after which the key must be rotated
/// (docs/registry.md, key rotation). The associated data binds a sealed number to its person_id, so moving a sealed
/// value to another row makes it fail to open. The look-up hash is truncated to 64 bits: it only finds candidate
/// rows, and each candidate is confirmed by opening its sealed number, so a collision costs one extra decryption and
/// never returns the wrong person.
/// </remarks>
internal sealed class IdProtector : IDisposable
{
    public const byte FormatVersion = 1;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int SealedLength = 1 + NonceLength + NationalIdNumber.Length + TagLength;

    private const int AssociatedLength = 9;
    private const int HashLength = 32;

    private readonly IncrementalHash _hmac;
    private readonly AesGcm _gcm;
    private readonly byte[] _hash = new byte[HashLength];
    private readonly byte[] _associated = new byte[AssociatedLength];
    private byte[] _nonces = [];

    public IdProtector(RegistryKey key)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.LookupKey);
        _gcm = new AesGcm(key.SealKey, TagLength);
    }

    /// <summary>The keyed look-up hash of an 18-byte number.</summary>
    public long Lookup(ReadOnlySpan<byte> idAscii)
    {
        _hmac.AppendData(idAscii[..NationalIdNumber.Length]);
        _hmac.TryGetHashAndReset(_hash, out _);
        return BinaryPrimitives.ReadInt64BigEndian(_hash);
    }

    /// <summary>Seals a number for <paramref name="personId"/> with a fresh random nonce.</summary>
    public void Seal(ReadOnlySpan<byte> idAscii, long personId, Span<byte> destination)
    {
        RandomNumberGenerator.Fill(destination.Slice(1, NonceLength));
        SealWithNonce(idAscii, personId, destination);
    }

    /// <summary>Opens a sealed number; false when it was sealed under another key, for another person, or altered.</summary>
    public bool TryOpen(ReadOnlySpan<byte> sealedId, long personId, Span<byte> idAscii)
    {
        if (sealedId.Length != SealedLength || sealedId[0] != FormatVersion)
        {
            return false;
        }

        WriteAssociatedData(personId, _associated);
        try
        {
            _gcm.Decrypt(
                sealedId.Slice(1, NonceLength),
                sealedId.Slice(1 + NonceLength, NationalIdNumber.Length),
                sealedId.Slice(1 + NonceLength + NationalIdNumber.Length, TagLength),
                idAscii[..NationalIdNumber.Length],
                _associated);
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

        // One CSPRNG call a block instead of one a number.
        RandomNumberGenerator.Fill(_nonces.AsSpan(0, count * NonceLength));
        for (var i = 0; i < count; i++)
        {
            var id = batch.Id(i);
            var sealedId = batch.Sealed(i);
            _nonces.AsSpan(i * NonceLength, NonceLength).CopyTo(sealedId[1..]);
            batch.IdLookup[i] = Lookup(id);
            SealWithNonce(id, batch.PersonId[i], sealedId);
        }
    }

    public void Dispose()
    {
        _hmac.Dispose();
        _gcm.Dispose();
        CryptographicOperations.ZeroMemory(_hash);
    }

    /// <summary>Seals with the nonce already written at destination[1..13].</summary>
    private void SealWithNonce(ReadOnlySpan<byte> idAscii, long personId, Span<byte> destination)
    {
        destination[0] = FormatVersion;
        WriteAssociatedData(personId, _associated);
        _gcm.Encrypt(
            destination.Slice(1, NonceLength),
            idAscii[..NationalIdNumber.Length],
            destination.Slice(1 + NonceLength, NationalIdNumber.Length),
            destination.Slice(1 + NonceLength + NationalIdNumber.Length, TagLength),
            _associated);
    }

    private static void WriteAssociatedData(long personId, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination, personId);
        destination[8] = FormatVersion;
    }
}
