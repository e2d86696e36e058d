using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Populus.Planning.Data;
using Populus.Services.Identity;
using Populus.Storage.Services;

namespace Populus.Services.Permits;

/// <summary>
/// The issuing city's permit signing keys: ECDSA P-256 private keys, one PKCS#8 PEM file each (0600) under
/// <c>permit-keys/</c> of the key folder, and <c>permit-keys/ring.json</c> (no secrets) with the city and each key's
/// creation and retirement. The newest key not retired signs; every key stays published until it is deleted.
/// </summary>
/// <remarks>
/// Rotation (docs/services.md): <see cref="Rotate"/> creates a key and retires the one signing until then; publish
/// the new key document before issuing with the new key, since verifiers know only keys they were given. A retired
/// key verifies what it signed before its retirement; delete its files once the last permit it signed has expired
/// (validity at most one year), then publish again.
/// </remarks>
public sealed class IssuerKeyRing
{
    public const string Folder = "permit-keys";

    private const string RingFile = "ring.json";

    private readonly KeyFolder _keys;
    private readonly TimeProvider _clock;
    private Ring _ring;

    private IssuerKeyRing(KeyFolder keys, Ring ring, TimeProvider clock)
    {
        _keys = keys;
        _ring = ring;
        _clock = clock;
    }

    public string City => _ring.City;

    public string CityName => _ring.CityName;

    /// <summary>The id of the key that signs now.</summary>
    public string ActiveKeyId => _ring.Keys.LastOrDefault(k => k.RetiredAt is null)?.KeyId
                                 ?? throw new ServiceRefusedException(new Reason("Every permit key is retired: rotate to create a new one.", "所有居住证签名密钥均已停用：请轮换生成新密钥。"));

    /// <summary>Opens the ring of the key folder; creates it with a first key for <paramref name="city"/> when there is none.</summary>
    /// <exception cref="ServiceRefusedException">The ring belongs to another city.</exception>
    public static IssuerKeyRing Open(KeyFolder keys, string city, string cityName, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        clock ??= TimeProvider.System;
        var folder = keys.File(Folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var ringPath = Path.Combine(folder, RingFile);
        if (!File.Exists(ringPath))
        {
            var ring = new IssuerKeyRing(keys, new Ring(city, cityName, []), clock);
            ring.Rotate();
            return ring;
        }

        var stored = JsonSerializer.Deserialize<Ring>(File.ReadAllText(ringPath), Jws.Json)
                     ?? throw new InvalidDataException($"{ringPath} is not a key ring.");
        if (!string.Equals(stored.City, city, StringComparison.Ordinal))
        {
            throw new ServiceRefusedException(new Reason($"The permit keys in {folder} belong to city {stored.City}, not {city}.", $"{folder} 中的居住证签名密钥属于城市 {stored.City}，不是 {city}。"));
        }

        return new IssuerKeyRing(keys, stored, clock);
    }

    /// <summary>Creates a new signing key and retires the one that signed until now; returns the new key id.</summary>
    public string Rotate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = PublishedKey.Thumbprint(key.ExportParameters(false));
        _keys.CreateSecret(Path.Combine(Folder, keyId + ".pem"), Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        var now = _clock.GetUtcNow();
        var entries = _ring.Keys.Select(k => k.RetiredAt is null ? k with { RetiredAt = now } : k).Append(new RingKey(keyId, now, null)).ToList();
        Save(_ring with { Keys = entries });
        return keyId;
    }

    /// <summary>Stops a key from signing (it keeps verifying what it signed before).</summary>
    public void Retire(string keyId)
    {
        if (_ring.Keys.All(k => k.KeyId != keyId))
        {
            throw new RefusedArgumentException(new Reason($"No permit key {keyId} in this ring.", $"密钥环中没有居住证签名密钥 {keyId}。"), nameof(keyId));
        }

        var now = _clock.GetUtcNow();
        Save(_ring with { Keys = [.. _ring.Keys.Select(k => k.KeyId == keyId && k.RetiredAt is null ? k with { RetiredAt = now } : k)] });
    }

    /// <summary>The public document for verifiers: every key of the ring.</summary>
    public PublishedKeys Publish()
    {
        var keys = new List<PublishedKey>();
        foreach (var entry in _ring.Keys)
        {
            using var key = Load(entry.KeyId);
            keys.Add(PublishedKey.From(key, City, entry.CreatedAt, entry.RetiredAt));
        }

        return new PublishedKeys(City, CityName, keys);
    }

    /// <summary>Signs a payload with the active key.</summary>
    public string Sign<T>(T payload, string type)
    {
        var keyId = ActiveKeyId;
        using var key = Load(keyId);
        return Jws.Sign(payload, type, keyId, key);
    }

    private ECDsa Load(string keyId)
    {
        var name = Path.Combine(Folder, keyId + ".pem");
        _keys.CheckPrivate(name);
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(_keys.File(name)));
        return key;
    }

    private void Save(Ring ring)
    {
        var path = _keys.File(Path.Combine(Folder, RingFile));
        Populus.Storage.Tabular.AtomicFile.Write(path, w => w.Write(JsonSerializer.Serialize(ring, new JsonSerializerOptions(Jws.Json) { WriteIndented = true })));
        _ring = ring;
    }

    private sealed record Ring(
        [property: JsonPropertyName("city")] string City,
        [property: JsonPropertyName("city_name")] string CityName,
        [property: JsonPropertyName("keys")] IReadOnlyList<RingKey> Keys);

    private sealed record RingKey(
        [property: JsonPropertyName("kid")] string KeyId,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("retired_at")] DateTimeOffset? RetiredAt);
}
