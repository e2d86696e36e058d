using System.Buffers.Binary;
using System.Security.Cryptography;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>A protected block must be exactly the platform's HMAC-SHA256 and AES-GCM of each number, opened independently.</summary>
public class IdProtectorTests
{
    [Fact]
    public void Protect_BlockMatchesIndependentPlatformHmacAndOpensWithIndependentAesGcm()
    {
        using var key = RegistryTestData.NewKey();
        var source = RegistryRoundTrip.Generator(1_003).CreateSource();
        var batch = new PersonBatch(1_003);
        Assert.True(source.FillNext(batch));
        using (var protector = new IdProtector(key))
        {
            protector.Protect(batch);
        }

        using var gcm = new AesGcm(key.SealKey, IdProtector.TagLength);
        var opened = new byte[NationalIdNumber.Length];
        var associated = new byte[9];
        for (var i = 0; i < batch.Count; i++)
        {
            var expected = HMACSHA256.HashData(key.LookupKey, batch.Id(i));
            Assert.Equal(BinaryPrimitives.ReadInt64BigEndian(expected), batch.IdLookup[i]);

            var sealedId = batch.Sealed(i);
            Assert.Equal(IdProtector.FormatVersion, sealedId[0]);
            BinaryPrimitives.WriteInt64BigEndian(associated, batch.PersonId[i]);
            associated[8] = IdProtector.FormatVersion;
            gcm.Decrypt(sealedId.Slice(1, 12), sealedId.Slice(13, 18), sealedId.Slice(31, 16), opened, associated);
            Assert.Equal(batch.Id(i).ToArray(), opened);
            Assert.NotEqual(batch.Id(i).ToArray(), sealedId.Slice(13, 18).ToArray());
        }

        // Fresh nonces: no two sealed copies share one.
        Assert.Equal(batch.Count, Enumerable.Range(0, batch.Count).Select(i => Convert.ToHexString(batch.Sealed(i).Slice(1, 12))).Distinct().Count());
    }

    [Fact]
    public void Protect_ReusedInstanceGivesTheSameLookupsAsAFreshOne()
    {
        using var key = RegistryTestData.NewKey();
        var source = RegistryRoundTrip.Generator(600).CreateSource();
        var batch = new PersonBatch(300);
        using var reused = new IdProtector(key);
        while (source.FillNext(batch))
        {
            reused.Protect(batch);
            using var fresh = new IdProtector(key);
            for (var i = 0; i < batch.Count; i++)
            {
                Assert.Equal(fresh.Lookup(batch.Id(i)), batch.IdLookup[i]);
            }
        }
    }
}
