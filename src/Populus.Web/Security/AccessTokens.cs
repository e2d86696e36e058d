using System.Security.Cryptography;
using System.Text;

namespace Populus.Web.Security;

/// <summary>
/// Opaque bearer tokens for departments' systems: 32 random bytes, shown once, stored only as their SHA-256. A
/// stolen database therefore yields no usable token, and a token carries no claims that could be forged.
/// </summary>
internal static class AccessTokens
{
    public const string Prefix = "pop_";

    public static string NewToken() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
