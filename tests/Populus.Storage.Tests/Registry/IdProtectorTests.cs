using System.Buffers.Binary;
using System.Security.Cryptography;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>
/// A protected block must be exactly one AES-256 block per stored value, as independently created platform objects
/// compute it: look-up = AES(look-up key, code ‖ "PPLS-ID1")[0..8], sealed = 2 ‖ AES(seal key, code ‖ person_id).
/// </summary>
public class IdProtectorTests
{
    [Fact]
    public void Protect_BlockMatchesIndependentPlatformAes_AndOpensWithIt()
    {
        using var key = RegistryTestData.NewKey();
        var source = RegistryRoundTrip.Generator(1_003).CreateSource();
        var batch = new PersonBatch(RegistryGenerator.StreamBlock);
        Assert.True(source.FillNext(batch));
        using (var protector = new IdProtector(key))
        {
            protector.Protect(batch);
        }

        using var lookupAes = Aes.Create();
        lookupAes.Key = key.LookupKey.ToArray();
        using var sealAes = Aes.Create();
        sealAes.Key = key.SealKey.ToArray();
        var block = new byte[16];
        for (var i = 0; i < batch.Count; i++)
        {
            var code = ulong.Parse(System.Text.Encoding.ASCII.GetString(batch.Id(i)[..17]), System.Globalization.CultureInfo.InvariantCulture);
            BinaryPrimitives.WriteUInt64BigEndian(block, code);
            "PPLS-ID1"u8.CopyTo(block.AsSpan(8));
            Assert.Equal(BinaryPrimitives.ReadInt64BigEndian(lookupAes.EncryptEcb(block, PaddingMode.None)), batch.IdLookup[i]);

            var sealedId = batch.Sealed(i);
            Assert.Equal(IdProtector.FormatVersion, sealedId[0]);
            var opened = sealAes.DecryptEcb(sealedId[1..].ToArray(), PaddingMode.None);
            Assert.Equal(code, BinaryPrimitives.ReadUInt64BigEndian(opened));
            Assert.Equal(batch.PersonId[i], BinaryPrimitives.ReadInt64BigEndian(opened.AsSpan(8)));
        }

        // One number a row: no two look-up values or sealed values are equal.
        Assert.Equal(batch.Count, batch.IdLookup.Take(batch.Count).Distinct().Count());
        Assert.Equal(batch.Count, Enumerable.Range(0, batch.Count).Select(i => Convert.ToHexString(batch.Sealed(i))).Distinct().Count());
    }

    [Fact]
    public void OpenAll_GivesBackEveryNumber_AndNamesTheFirstRowWhoseSealedValueCameFromAnother()
    {
        using var key = RegistryTestData.NewKey();
        var source = RegistryRoundTrip.Generator(500).CreateSource();
        var batch = new PersonBatch(RegistryGenerator.StreamBlock);
        Assert.True(source.FillNext(batch));
        var plain = batch.IdAscii.AsSpan(0, batch.Count * NationalIdNumber.Length).ToArray();
        using var protector = new IdProtector(key);
        protector.Protect(batch);
        batch.IdAscii.AsSpan().Clear();

        Assert.Equal(-1, protector.OpenAll(batch));
        Assert.Equal(plain, batch.IdAscii.AsSpan(0, plain.Length).ToArray());

        batch.Sealed(3).CopyTo(batch.Sealed(250));
        Assert.Equal(250, protector.OpenAll(batch));
    }

    [Fact]
    public void Protect_ReusedInstanceGivesTheSameValuesAsAFreshOne()
    {
        using var key = RegistryTestData.NewKey();
        // Two blocks: the second reuses the protector.
        var source = RegistryRoundTrip.Generator(RegistryGenerator.StreamBlock + 300).CreateSource();
        var batch = new PersonBatch(RegistryGenerator.StreamBlock);
        using var reused = new IdProtector(key);
        var sealedId = new byte[IdProtector.SealedLength];
        while (source.FillNext(batch))
        {
            reused.Protect(batch);
            using var fresh = new IdProtector(key);
            for (var i = 0; i < batch.Count; i++)
            {
                Assert.Equal(fresh.Lookup(batch.Id(i)), batch.IdLookup[i]);
                fresh.Seal(batch.Id(i), batch.PersonId[i], sealedId);
                Assert.Equal(sealedId, batch.Sealed(i).ToArray());
            }
        }
    }

    [Fact]
    public void Lookup_DiffersUnderAnotherKey_ForEveryNumber()
    {
        using var key = RegistryTestData.NewKey();
        using var other = RegistryTestData.NewKey();
        var source = RegistryRoundTrip.Generator(2_000).CreateSource();
        var batch = new PersonBatch(RegistryGenerator.StreamBlock);
        Assert.True(source.FillNext(batch));
        using var protector = new IdProtector(key);
        using var otherProtector = new IdProtector(other);
        protector.Protect(batch);
        var first = batch.IdLookup.Take(batch.Count).ToArray();
        otherProtector.Protect(batch);
        Assert.All(Enumerable.Range(0, batch.Count), i => Assert.NotEqual(first[i], batch.IdLookup[i]));
        Assert.Empty(first.Intersect(batch.IdLookup.Take(batch.Count)));
    }

    [Fact]
    public void Protect_RefusesANumberWhoseCheckCharacterIsWrong_WithoutNamingIt()
    {
        using var key = RegistryTestData.NewKey();
        var batch = new PersonBatch(1) { Count = 1 };
        "110105194912310020"u8.CopyTo(batch.Id(0)); // the check character of 11010519491231002 is X
        using var protector = new IdProtector(key);
        var refused = Assert.Throws<ArgumentException>(() => protector.Protect(batch));
        Assert.DoesNotContain("1949", refused.Message, StringComparison.Ordinal);
    }
}
