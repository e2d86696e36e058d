using System.Buffers.Binary;

namespace Populus.Storage.Registry;

/// <summary>
/// The 18-character identity number as one 64-bit integer: its 17 digits read as a decimal number (below 10^17 &lt;
/// 2^57). The check character is not stored: it is a function of the digits (ISO 7064 MOD 11-2, GB 11643-1999), so
/// encoding verifies it and decoding derives it, and the code is lossless for every valid number.
/// </summary>
/// <remarks>
/// Eight bytes instead of eighteen let a number and a person_id share one 16-byte AES block, so the protector can
/// encipher a whole block of persons with one platform call (docs/registry.md, Protection).
/// </remarks>
internal static class NationalIdCode
{
    /// <summary>One more than the largest code: 10^17.</summary>
    public const ulong Limit = 100_000_000_000_000_000UL;

    /// <summary>The code of an 18-byte ASCII number.</summary>
    /// <exception cref="ArgumentException">The bytes are not 17 digits and their check character (the number is not named).</exception>
    public static ulong Encode(ReadOnlySpan<byte> idAscii)
    {
        if (idAscii.Length < NationalIdNumber.Length)
        {
            throw new ArgumentException($"{NationalIdNumber.Length} bytes are needed", nameof(idAscii));
        }

        ulong code = 0;
        for (var i = 0; i < NationalIdNumber.Length - 1; i++)
        {
            var digit = (uint)(idAscii[i] - '0');
            if (digit > 9)
            {
                throw new ArgumentException($"character {i + 1} of an identity number is not a digit", nameof(idAscii));
            }

            code = (code * 10) + digit;
        }

        if (idAscii[NationalIdNumber.Length - 1] != CheckCharacter(code))
        {
            throw new ArgumentException("the check character of an identity number does not match its digits", nameof(idAscii));
        }

        return code;
    }

    /// <summary>Writes the 18 ASCII characters of a code; false (nothing written) when the code is 10^17 or more.</summary>
    public static bool TryDecode(ulong code, Span<byte> idAscii)
    {
        if (code >= Limit)
        {
            return false;
        }

        idAscii[NationalIdNumber.Length - 1] = CheckCharacter(code);
        for (var i = NationalIdNumber.Length - 2; i >= 0; i--)
        {
            idAscii[i] = (byte)('0' + (code % 10));
            code /= 10;
        }

        return true;
    }

    /// <summary>Writes the code big-endian into the first 8 bytes of <paramref name="destination"/>.</summary>
    public static void Write(ReadOnlySpan<byte> idAscii, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination, Encode(idAscii));

    private static byte CheckCharacter(ulong first17) => (byte)NationalIdNumber.CheckCharacterOf((long)first17);
}
