using System.Security.Cryptography;
using Populus.Storage.Registry;

namespace Populus.Services.Identity;

/// <summary>
/// Turns a citizen identity number into a stable pseudonymous key (HMAC-SHA256 under a secret key kept in the key
/// folder), so duplicate applications by one person are found without storing the number. Without the key the
/// hash cannot be recomputed from a guessed number, which a plain hash of an 18-character number with a known
/// structure would allow.
/// </summary>
public sealed class IdentityKey
{
    public const string FileName = "identity-hmac.key";

    private readonly byte[] _key;

    private IdentityKey(byte[] key) => _key = key;

    /// <summary>The key of the folder, created (32 random bytes, 0600) on first use.</summary>
    public static IdentityKey Open(KeyFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!File.Exists(folder.File(FileName)))
        {
            folder.CreateSecret(FileName, RandomNumberGenerator.GetBytes(32));
        }

        folder.CheckPrivate(FileName);
        var key = File.ReadAllBytes(folder.File(FileName));
        if (key.Length != 32)
        {
            throw new CryptographicException($"{folder.File(FileName)} holds {key.Length} bytes; an identity key is 32 bytes.");
        }

        return new IdentityKey(key);
    }

    /// <summary>The person key of an identity number: 64 hex digits.</summary>
    public string PersonKey(NationalIdNumber number)
    {
        Span<byte> ascii = stackalloc byte[NationalIdNumber.Length];
        number.WriteAscii(ascii);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, ascii));
    }
}
