using System.Text.Json;
using System.Text.Json.Serialization;

namespace Populus.Services.Permits;

/// <summary>
/// The document a city publishes so that others can verify its permits offline: its public keys by key id, in the
/// shape of a JSON Web Key Set with the issuing city added. Obtained out of band (the city's website, a
/// province-wide directory) and stored by the verifier; it holds no secret.
/// </summary>
public sealed record PublishedKeys(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("issuer_name")] string IssuerName,
    [property: JsonPropertyName("keys")] IReadOnlyList<PublishedKey> Keys)
{
    public PublishedKey? Find(string keyId) => Keys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(Jws.Json) { WriteIndented = true });

    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static PublishedKeys FromJson(string json) =>
        JsonSerializer.Deserialize<PublishedKeys>(json, Jws.Json) is { Issuer: not null, Keys: not null } keys
            ? keys
            : throw new JsonException("not a published key document (issuer and keys are required)");
}
