using System.Text.Json.Serialization;

namespace Populus.Services.Permits;

/// <summary>
/// What an electronic residence permit says, signed by the issuing city: the permit, the issuer, a binding to the
/// holder's identity number, where the holder lives, and the validity.
/// </summary>
/// <remarks>
/// The holder is bound by <see cref="HolderHash"/> = SHA-256(nonce ‖ identity number), with a random nonce per
/// token: a verifier that sees the holder's identity card recomputes it offline; the token alone does not carry the
/// number. (Identity numbers have little entropy, so the hash binds rather than hides; the masked number is shown
/// anyway.)
/// </remarks>
public sealed record PermitClaims(
    [property: JsonPropertyName("pid")] string PermitId,
    [property: JsonPropertyName("rev")] int Revision,
    [property: JsonPropertyName("iss")] string IssuerCity,
    [property: JsonPropertyName("iss_name")] string IssuerName,
    [property: JsonPropertyName("reg")] string RegionCode,
    [property: JsonPropertyName("mid")] string MaskedId,
    [property: JsonPropertyName("hn")] string HolderNonce,
    [property: JsonPropertyName("hh")] string HolderHash,
    [property: JsonPropertyName("nbf")] DateOnly ValidFrom,
    [property: JsonPropertyName("exp")] DateOnly ValidTo,
    [property: JsonPropertyName("iat")] DateTimeOffset IssuedAt);
