using System.Security.Cryptography;
using System.Text.Json;
using Populus.Storage.Registry;

namespace Populus.Services.Permits;

/// <summary>
/// Verifies an electronic residence permit offline, with only the issuer's published keys and its signed revocation
/// list: signature (ES256 under the key named in the token), issuer, key not retired when it signed, validity on
/// the day (China Standard Time), and revocation.
/// </summary>
public static class PermitVerifier
{
    public const string TokenType = "populus-permit+jws";

    /// <summary>Permit validity is by calendar day in China Standard Time (UTC+8, no daylight saving).</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static PermitVerification Verify(string token, PublishedKeys keys, string? revocationList, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parsed = Jws.Parse(token, TokenType, out var reason);
        if (parsed is null)
        {
            return new(PermitCheck.Malformed, null, reason);
        }

        if (keys.Find(parsed.KeyId) is not { } key)
        {
            return new(PermitCheck.UnknownKey, null, $"signed by key {parsed.KeyId}, which is not among the published keys of {keys.Issuer}");
        }

        try
        {
            using var verifier = key.ToVerifier();
            if (!Jws.Verify(parsed, verifier))
            {
                return new(PermitCheck.BadSignature, null, "the signature does not verify: the token was altered or not signed by this key");
            }
        }
        catch (CryptographicException ex)
        {
            return new(PermitCheck.UnknownKey, null, ex.Message);
        }

        PermitClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<PermitClaims>(parsed.Payload, Jws.Json);
        }
        catch (JsonException ex)
        {
            return new(PermitCheck.Malformed, null, $"the permit cannot be read: {ex.Message}");
        }

        if (claims is null || claims.IssuerCity != key.City || claims.IssuerCity != keys.Issuer)
        {
            return new(PermitCheck.WrongIssuer, claims, $"the permit names issuer {claims?.IssuerCity}, the key belongs to {key.City}");
        }

        if (key.RetiredAt is { } retired && claims.IssuedAt > retired)
        {
            return new(PermitCheck.BadSignature, claims, $"signed at {claims.IssuedAt:u}, after key {key.KeyId} was retired ({retired:u})");
        }

        var today = DateOnly.FromDateTime(now.ToOffset(ChinaStandardTime).DateTime);
        if (today < claims.ValidFrom)
        {
            return new(PermitCheck.NotYetValid, claims, $"valid from {claims.ValidFrom:yyyy-MM-dd}");
        }

        if (PermitLifecycle.Lapsed(claims.ValidTo, today))
        {
            return new(PermitCheck.Expired, claims, $"expired: valid until {claims.ValidTo:yyyy-MM-dd}, its last day");
        }

        if (revocationList is null)
        {
            return new(PermitCheck.RevocationUnknown, claims, "signature and dates are good, but no revocation list was given");
        }

        var list = RevocationList.Verify(revocationList, keys, out reason);
        if (list is null)
        {
            return new(PermitCheck.RevocationUnknown, claims, reason);
        }

        if (list.Revoked.FirstOrDefault(r => r.PermitId == claims.PermitId) is { } revoked)
        {
            return new(PermitCheck.Revoked, claims, $"revoked on {revoked.RevokedOn:yyyy-MM-dd}: {revoked.Reason}") { RevocationList = list.Sequence, Revoked = revoked };
        }

        if (now > list.NextUpdate)
        {
            return new(PermitCheck.RevocationUnknown, claims, $"the revocation list (number {list.Sequence}) was due to be replaced by {list.NextUpdate:u}; get the current one");
        }

        return new(PermitCheck.Valid, claims, $"valid until {claims.ValidTo:yyyy-MM-dd}, issued by {claims.IssuerName} ({claims.IssuerCity}), not revoked (list {list.Sequence})")
        {
            RevocationList = list.Sequence,
        };
    }

    /// <summary>True when the identity number shown matches the permit's holder binding.</summary>
    public static bool MatchesHolder(PermitClaims claims, NationalIdNumber number)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var expected = System.Buffers.Text.Base64Url.DecodeFromChars(claims.HolderHash);
        var actual = HolderHash(System.Buffers.Text.Base64Url.DecodeFromChars(claims.HolderNonce), number);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>SHA-256(nonce ‖ the 18 ASCII characters of the number).</summary>
    public static byte[] HolderHash(byte[] nonce, NationalIdNumber number)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var input = new byte[nonce.Length + NationalIdNumber.Length];
        nonce.CopyTo(input, 0);
        number.WriteAscii(input.AsSpan(nonce.Length));
        return SHA256.HashData(input);
    }
}

/// <summary>The verdict on a permit; only <see cref="Valid"/> means "accept".</summary>
public enum PermitCheck
{
    Valid,
    Malformed,
    UnknownKey,
    BadSignature,
    WrongIssuer,
    NotYetValid,
    Expired,
    Revoked,
    RevocationUnknown,
}

/// <summary>
/// The verdict, the permit's claims when they could be read, and why: in words (<see cref="Reason"/>, English) and in
/// parts, so that a verifier's screen can say it in its own language — the claims' dates and issuer, the revocation
/// list checked and the revocation found.
/// </summary>
public sealed record PermitVerification(PermitCheck Check, PermitClaims? Claims, string Reason)
{
    public bool IsValid => Check == PermitCheck.Valid;

    /// <summary>The sequence number of the revocation list the permit was checked against, when one was.</summary>
    public long? RevocationList { get; init; }

    /// <summary>The list's entry for this permit, when it is revoked.</summary>
    public RevokedPermit? Revoked { get; init; }
}
