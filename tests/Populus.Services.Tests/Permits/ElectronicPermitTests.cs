using System.Buffers.Text;
using System.Text;
using Populus.Services.Identity;
using Populus.Services.Permits;
using Populus.Storage.Registry;

namespace Populus.Services.Tests.Permits;

public class ElectronicPermitTests : IDisposable
{
    private static readonly NationalIdNumber Id = NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 123);
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = TestData.Temp();
    private readonly FakeClock _clock = new(Now);
    private readonly IssuerKeyRing _ring;

    public ElectronicPermitTests()
    {
        _ring = IssuerKeyRing.Open(KeyFolder.Open(_temp.File("keys")), "330300", "温州市", _clock);
    }

    private string Token(string permitId = "330300-20250301-aa", DateOnly? from = null, DateOnly? to = null)
    {
        var nonce = new byte[16];
        var claims = new PermitClaims(permitId, 2, "330300", "温州市", "330302", Id.ToString(), Base64Url.EncodeToString(nonce),
            Base64Url.EncodeToString(PermitVerifier.HolderHash(nonce, Id)), from ?? new DateOnly(2025, 3, 1), to ?? new DateOnly(2026, 2, 28), _clock.GetUtcNow());
        return _ring.Sign(claims, PermitVerifier.TokenType);
    }

    private string Revocations(params string[] revoked) =>
        new RevocationList("330300", 1, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(1), [.. revoked.Select(p => new RevokedPermit(p, new DateOnly(2025, 3, 1), "test"))]).Sign(_ring);

    [Fact]
    public void AnotherCity_VerifiesOffline_WithOnlyThePublishedKeysAndTheRevocationList()
    {
        var token = Token();
        // What the other city holds: text documents, no store, no secret.
        var keys = PublishedKeys.FromJson(_ring.Publish().ToJson());
        var result = PermitVerifier.Verify(token, keys, Revocations(), Now.AddHours(10));
        Assert.Equal(PermitCheck.Valid, result.Check);
        Assert.Equal((1L, null), (result.RevocationList, result.Revoked)); // checked against list 1, not on it
        Assert.Equal(Id.ToString(), result.Claims!.MaskedId);
        Assert.Contains("********", result.Claims.MaskedId);
        Assert.True(PermitVerifier.MatchesHolder(result.Claims, Id));
        Assert.False(PermitVerifier.MatchesHolder(result.Claims, NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 122)));
        Assert.DoesNotContain("19900101", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1])));
    }

    [Fact]
    public void AlteredToken_WrongKeys_Dates_AndRevocation_AreEachRefused()
    {
        var token = Token();
        var keys = _ring.Publish();
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("330302\"", "330303\"", StringComparison.Ordinal);
        var altered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        Assert.Equal(PermitCheck.BadSignature, PermitVerifier.Verify(altered, keys, Revocations(), Now).Check);
        Assert.Equal(PermitCheck.Malformed, PermitVerifier.Verify("abc.def", keys, null, Now).Check);

        using var other = TestData.Temp();
        var otherKeys = IssuerKeyRing.Open(KeyFolder.Open(other.File("k")), "330100", "杭州市", _clock).Publish();
        Assert.Equal(PermitCheck.UnknownKey, PermitVerifier.Verify(token, otherKeys, null, Now).Check);

        Assert.Equal(PermitCheck.NotYetValid, PermitVerifier.Verify(token, keys, Revocations(), Now.AddDays(-2)).Check);
        var expired = PermitVerifier.Verify(token, keys, Revocations(), Now.AddDays(400));
        Assert.Equal((PermitCheck.Expired, "expired: valid until 2026-02-28, its last day"), (expired.Check, expired.Reason)); // not "expired on" its last valid day
        var revoked = PermitVerifier.Verify(token, keys, Revocations("330300-20250301-aa"), Now);
        Assert.Equal(PermitCheck.Revoked, revoked.Check);
        Assert.Equal(new RevokedPermit("330300-20250301-aa", new DateOnly(2025, 3, 1), "test"), revoked.Revoked);
        Assert.Equal(1, revoked.RevocationList);
        var unknown = PermitVerifier.Verify(token, keys, null, Now);
        Assert.Equal((PermitCheck.RevocationUnknown, null), (unknown.Check, unknown.RevocationList));
        Assert.Equal(PermitCheck.RevocationUnknown, PermitVerifier.Verify(token, keys, Revocations(), Now.AddDays(3)).Check); // list past its next update
    }

    [Fact]
    public void ARevocationListSignedByAnotherKey_IsNotBelieved()
    {
        using var other = TestData.Temp();
        var forger = IssuerKeyRing.Open(KeyFolder.Open(other.File("k")), "330300", "温州市", _clock);
        var forged = new RevocationList("330300", 9, Now, Now.AddDays(1), []).Sign(forger);
        var result = PermitVerifier.Verify(Token(), _ring.Publish(), forged, Now);
        Assert.Equal(PermitCheck.RevocationUnknown, result.Check);
        Assert.Contains("do not hold", result.Reason);
    }

    [Fact]
    public void Rotation_OldPermitsStillVerify_NewOnesUseTheNewKey_RetiredKeyCannotSignLater()
    {
        var old = Token("P-old");
        var oldKey = _ring.ActiveKeyId;
        _clock.Now = Now.AddDays(1);
        var newKey = _ring.Rotate();
        Assert.NotEqual(oldKey, newKey);
        var fresh = Token("P-new");
        var keys = _ring.Publish();
        Assert.Equal(2, keys.Keys.Count);
        Assert.NotNull(keys.Find(oldKey)!.RetiredAt);
        Assert.Equal(PermitCheck.Valid, PermitVerifier.Verify(old, keys, Revocations(), Now.AddDays(1)).Check);
        Assert.Equal(PermitCheck.Valid, PermitVerifier.Verify(fresh, keys, Revocations(), Now.AddDays(1)).Check);
        Assert.Contains($"\"kid\":\"{newKey}\"", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(fresh.Split('.')[0])));
    }

    [Fact]
    public void TheRingRefuses_AnotherCity_AnUnknownKey_AndSigningWithEveryKeyRetired_InBothLanguages()
    {
        var otherCity = Assert.Throws<Storage.Services.ServiceRefusedException>(() => IssuerKeyRing.Open(KeyFolder.Open(_temp.File("keys")), "330100", "杭州市", _clock));
        Assert.Contains("belong to city 330300, not 330100", otherCity.Message);
        Assert.EndsWith("中的居住证签名密钥属于城市 330300，不是 330100。", otherCity.Reason.Chinese);
        var unknown = Assert.Throws<Planning.Data.RefusedArgumentException>(() => _ring.Retire("no-such-key"));
        Assert.Equal(("keyId", "密钥环中没有居住证签名密钥 no-such-key。"), (unknown.ParamName, unknown.Reason.Chinese));

        _ring.Retire(_ring.ActiveKeyId);
        var retired = Assert.Throws<Storage.Services.ServiceRefusedException>(() => Token());
        Assert.Equal(("Every permit key is retired: rotate to create a new one.", "所有居住证签名密钥均已停用：请轮换生成新密钥。"), (retired.Message, retired.Reason.Chinese));
        _ring.Rotate();
        Assert.Equal(PermitCheck.Valid, PermitVerifier.Verify(Token(), _ring.Publish(), Revocations(), Now).Check);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void PrivateKeys_AreOwnerOnlyFiles_AndKeyIdsAreThumbprints()
    {
        var file = Path.Combine(_temp.File("keys"), IssuerKeyRing.Folder, _ring.ActiveKeyId + ".pem");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain("PRIVATE", _ring.Publish().ToJson());
        var published = _ring.Publish().Keys[0];
        // Another first character (a thumbprint may itself start with 'x').
        var tampered = published with { KeyId = (published.KeyId[0] == 'x' ? "y" : "x") + published.KeyId[1..] };
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => tampered.ToVerifier());
    }

    [Fact]
    public void QrCode_IsAPngOrAnSvgOfAScannableSize()
    {
        var token = Token();
        var png = PermitQr.Png(token);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Contains("<svg", PermitQr.Svg(token), StringComparison.Ordinal);
        Assert.InRange(PermitQr.Version(token), 10, 25);
    }

    public void Dispose() => _temp.Dispose();
}
