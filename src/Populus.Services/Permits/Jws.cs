using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Populus.Services.Permits;

/// <summary>
/// Compact JSON Web Signatures with ES256 (RFC 7515, RFC 7518 §3.4): base64url(header).base64url(payload).
/// base64url(signature), the signature being ECDSA P-256 over SHA-256 of the first two parts, in the fixed r‖s
/// form (64 bytes). The signing and verifying are System.Security.Cryptography's; only the framing is here.
/// </summary>
internal static class Jws
{
    public const string Algorithm = "ES256";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Sign<T>(T payload, string type, string keyId, ECDsa key)
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Header(Algorithm, type, keyId), Json));
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, Json));
        var signed = $"{header}.{body}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signed}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Splits and decodes a token without checking its signature; null with the reason when it is not one.</summary>
    public static Parsed? Parse(string token, string expectedType, out string reason)
    {
        reason = "";
        var parts = (token ?? "").Trim().Split('.');
        if (parts.Length != 3)
        {
            reason = "not a signed token (three dot-separated parts expected)";
            return null;
        }

        try
        {
            var header = JsonSerializer.Deserialize<Header>(Base64Url.DecodeFromChars(parts[0]), Json);
            if (header is null || header.Alg != Algorithm || header.Typ != expectedType || string.IsNullOrEmpty(header.Kid))
            {
                reason = $"the header must name alg {Algorithm}, typ {expectedType} and a key id";
                return null;
            }

            return new Parsed(header.Kid, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[1]),
                Base64Url.DecodeFromChars(parts[2]));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            reason = $"the token cannot be decoded: {ex.Message}";
            return null;
        }
    }

    public static bool Verify(Parsed token, ECDsa key) =>
        token.Signature.Length == 64 &&
        key.VerifyData(token.SignedBytes, token.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    internal sealed record Header(string Alg, string Typ, string Kid);

    internal sealed record Parsed(string KeyId, byte[] SignedBytes, byte[] Payload, byte[] Signature);
}
