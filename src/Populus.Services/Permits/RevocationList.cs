using System.Text.Json;
using System.Text.Json.Serialization;

namespace Populus.Services.Permits;

/// <summary>
/// The permits a city has revoked, signed like the permits (JWS, ES256, type <see cref="TokenType"/>), with a
/// sequence number and the time by which the next list will be out: a verifier holding a list past
/// <see cref="NextUpdate"/> cannot rule out a later revocation and says so.
/// </summary>
public sealed record RevocationList(
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("issued_at")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("next_update")] DateTimeOffset NextUpdate,
    [property: JsonPropertyName("revoked")] IReadOnlyList<RevokedPermit> Revoked)
{
    public const string TokenType = "populus-revocations+jws";

    public string Sign(IssuerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Sign(this, TokenType);
    }

    /// <summary>Checks a signed list against the issuer's published keys; null with the reason when it does not verify.</summary>
    public static RevocationList? Verify(string token, PublishedKeys keys, out string reason)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parsed = Jws.Parse(token, TokenType, out reason);
        if (parsed is null)
        {
            return null;
        }

        if (keys.Find(parsed.KeyId) is not { } key)
        {
            reason = $"the revocation list is signed by key {parsed.KeyId}, which the issuer's published keys do not hold";
            return null;
        }

        using (var verifier = key.ToVerifier())
        {
            if (!Jws.Verify(parsed, verifier))
            {
                reason = "the revocation list's signature does not verify";
                return null;
            }
        }

        RevocationList? list;
        try
        {
            list = JsonSerializer.Deserialize<RevocationList>(parsed.Payload, Jws.Json);
        }
        catch (JsonException ex)
        {
            reason = $"the revocation list cannot be read: {ex.Message}";
            return null;
        }

        if (list is null || list.Issuer != keys.Issuer || key.City != keys.Issuer)
        {
            reason = $"the revocation list is not issued by {keys.Issuer}";
            return null;
        }

        return list;
    }
}

/// <summary>One revoked permit, the day and why.</summary>
public sealed record RevokedPermit(
    [property: JsonPropertyName("pid")] string PermitId,
    [property: JsonPropertyName("on")] DateOnly RevokedOn,
    [property: JsonPropertyName("reason")] string Reason);
