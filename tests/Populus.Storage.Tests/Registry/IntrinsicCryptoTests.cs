using System.Buffers.Binary;
using System.Security.Cryptography;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>The bulk-load primitives must give exactly the platform's HMAC-SHA256 and AES-GCM bytes.</summary>
public class IntrinsicCryptoTests
{
    [Fact]
    public void HmacSha256x8_EqualsThePlatformsHmacForEveryLaneCount()
    {
        if (!HmacSha256x8.IsSupported)
        {
            return;
        }

        var random = new Random(256);
        for (var round = 0; round < 200; round++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var lanes = 1 + (round % HmacSha256x8.Lanes);
            var numbers = new byte[lanes * NationalIdNumber.Length];
            random.NextBytes(numbers);
            var tags = new long[lanes];
            new HmacSha256x8(key).Tag(numbers, lanes, tags);
            for (var lane = 0; lane < lanes; lane++)
            {
                var expected = HMACSHA256.HashData(key, numbers.AsSpan(lane * NationalIdNumber.Length, NationalIdNumber.Length));
                Assert.Equal(BinaryPrimitives.ReadInt64BigEndian(expected), tags[lane]);
            }
        }
    }

    [Fact]
    public void AesGcm18_EqualsThePlatformsAesGcm()
    {
        if (!AesGcm18.IsSupported)
        {
            return;
        }

        var random = new Random(38);
        for (var round = 0; round < 500; round++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var nonce = new byte[12];
            var plain = new byte[18];
            var associated = new byte[9];
            random.NextBytes(nonce);
            random.NextBytes(plain);
            random.NextBytes(associated);
            var cipher = new byte[18];
            var tag = new byte[16];
            new AesGcm18(key).Encrypt(nonce, plain, associated, cipher, tag);

            var expectedCipher = new byte[18];
            var expectedTag = new byte[16];
            using var platform = new AesGcm(key, 16);
            platform.Encrypt(nonce, plain, expectedCipher, expectedTag, associated);
            Assert.Equal(expectedCipher, cipher);
            Assert.Equal(expectedTag, tag);
        }
    }

    [Fact]
    public void Protect_BlockOpensWithThePlatformAndMatchesItsLookup()
    {
        using var key = RegistryTestData.NewKey();
        var source = RegistryRoundTrip.Generator(1_003).CreateSource();
        var batch = new PersonBatch(1_003);
        Assert.True(source.FillNext(batch));
        using var fast = new IdProtector(key);
        using var platform = new IdProtector(key, useIntrinsics: false);
        fast.Protect(batch);
        var opened = new byte[NationalIdNumber.Length];
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(platform.Lookup(batch.Id(i)), batch.IdLookup[i]);
            Assert.True(platform.TryOpen(batch.Sealed(i), batch.PersonId[i], opened));
            Assert.Equal(batch.Id(i).ToArray(), opened);
        }

        // Fresh nonces: no two sealed copies share one.
        Assert.Equal(batch.Count, Enumerable.Range(0, batch.Count).Select(i => Convert.ToHexString(batch.Sealed(i).Slice(1, 12))).Distinct().Count());
    }
}
