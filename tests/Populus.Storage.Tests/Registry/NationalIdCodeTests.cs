using System.Text;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>The 64-bit code of an identity number: lossless for every valid number, the check character derived.</summary>
public class NationalIdCodeTests
{
    public static TheoryData<string> EdgeNumbers => [
        "11010519491231002X", // the GB 11643-1999 example: check character X
        WithCheck("00000000000000000"), // smallest code
        WithCheck("99999999999999999"), // largest code, 10^17 - 1
        WithCheck("82991220261231999"),
        WithCheck("11000019000101000"),
        NationalIdNumber.Create(330302, new DateOnly(2000, 2, 29), 1).Disclose(),
        NationalIdNumber.Create(659999, new DateOnly(1900, 1, 1), 998).Disclose(),
    ];

    [Theory]
    [MemberData(nameof(EdgeNumbers))]
    public void Encode_Decode_RoundTrips(string number)
    {
        var ascii = Encoding.ASCII.GetBytes(number);
        var code = NationalIdCode.Encode(ascii);
        Assert.Equal(ulong.Parse(number[..17], System.Globalization.CultureInfo.InvariantCulture), code);
        Assert.True(code < NationalIdCode.Limit);
        var decoded = new byte[NationalIdNumber.Length];
        Assert.True(NationalIdCode.TryDecode(code, decoded));
        Assert.Equal(number, Encoding.ASCII.GetString(decoded));
    }

    [Fact]
    public void Encode_Decode_RoundTripsEveryCheckCharacter()
    {
        var seen = new HashSet<char>();
        var decoded = new byte[NationalIdNumber.Length];
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            var number = NationalIdNumber.Create(330382, new DateOnly(1987, 6, 15), sequence);
            var ascii = Encoding.ASCII.GetBytes(number.Disclose());
            Assert.True(NationalIdCode.TryDecode(NationalIdCode.Encode(ascii), decoded));
            Assert.Equal(ascii, decoded);
            seen.Add(number.CheckCharacter);
        }

        Assert.Equal("0123456789X", string.Concat(seen.Order()));
    }

    [Theory]
    [InlineData("110105194912310020")] // check character should be X
    [InlineData("11010519491231002x")] // lower case is read as X by Parse, never written by WriteAscii
    [InlineData("1101051949123100AX")]
    public void Encode_RefusesAWrongCheckCharacterOrANonDigit(string number) =>
        Assert.Throws<ArgumentException>(() => NationalIdCode.Encode(Encoding.ASCII.GetBytes(number)));

    [Theory]
    [InlineData(100_000_000_000_000_000UL)]
    [InlineData(ulong.MaxValue)]
    public void TryDecode_RefusesACodeOf10To17OrMore(ulong code)
    {
        var decoded = new byte[NationalIdNumber.Length];
        Assert.False(NationalIdCode.TryDecode(code, decoded));
        Assert.All(decoded, b => Assert.Equal(0, b));
    }

    private static string WithCheck(string first17) => first17 + NationalIdNumber.ComputeCheckCharacter(first17);
}
