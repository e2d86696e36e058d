using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Populus.Services.Permits;

/// <summary>
/// A public signing key as a city publishes it (a JWK of RFC 7517 with the issuing city and the key's lifetime):
/// what another city's Populus needs to verify permits offline.
/// </summary>
/// <param name="RetiredAt">Since when the key signs nothing new; tokens it signed before stay verifiable until they expire.</param>
public sealed record PublishedKey(
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("crv")] string Curve,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("retired_at")] DateTimeOffset? RetiredAt)
{
    public static PublishedKey From(ECDsa key, string city, DateTimeOffset createdAt, DateTimeOffset? retiredAt)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        return new PublishedKey(Thumbprint(p), "EC", "P-256", Base64Url.EncodeToString(p.Q.X), Base64Url.EncodeToString(p.Q.Y), Jws.Algorithm, "sig",
            city, createdAt, retiredAt);
    }

    /// <summary>The RFC 7638 thumbprint (SHA-256 of the canonical JWK), base64url: a key id nobody can choose.</summary>
    public static string Thumbprint(ECParameters p)
    {
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.EncodeToString(p.Q.X)}\",\"y\":\"{Base64Url.EncodeToString(p.Q.Y)}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The key for verifying; refuses keys that are not P-256 or whose id is not their thumbprint.</summary>
    public ECDsa ToVerifier()
    {
        if (KeyType != "EC" || Curve != "P-256" || Algorithm != Jws.Algorithm)
        {
            throw new CryptographicException($"key {KeyId}: only EC P-256 keys for ES256 are accepted.");
        }

        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(X), Y = Base64Url.DecodeFromChars(Y) },
        };
        if (Thumbprint(parameters) != KeyId)
        {
            throw new CryptographicException($"key {KeyId}: the id is not the key's thumbprint.");
        }

        var key = ECDsa.Create(parameters);
        return key;
    }
}
