using Populus.Demography;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

public class NationalIdNumberTests
{
    private static readonly DateOnly Today = new(2024, 6, 30);

    // The check character computed from the standard's definition, independently of the implementation's tables:
    // a(18) satisfies Σ a(i)·2^(18-i) ≡ 1 (mod 11) over i = 1..18, with X standing for 10 (ISO 7064 MOD 11-2).
    private static char StandardCheck(string first17)
    {
        for (var candidate = 0; candidate <= 10; candidate++)
        {
            long sum = candidate; // position 18 has weight 2^0 = 1
            for (var i = 0; i < 17; i++)
            {
                sum += (first17[i] - '0') * (long)Math.Pow(2, 17 - i);
            }

            if (sum % 11 == 1)
            {
                return candidate == 10 ? 'X' : (char)('0' + candidate);
            }
        }

        throw new InvalidOperationException("no check character");
    }

    [Theory]
    // The two examples printed in GB 11643-1999 (Beijing Chaoyang 1949-12-31 female; Guangdong Chaoyang 1880-01-01 male).
    [InlineData("11010519491231002X", 110105, "1949-12-31", Sex.Female)]
    [InlineData("440524188001010014", 440524, "1880-01-01", Sex.Male)]
    public void Parse_AcceptsTheStandardsExamples(string text, int region, string birth, Sex sex)
    {
        var result = NationalIdNumber.Parse(text, Today);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(region, result.Value.RegionCode);
        Assert.Equal(DateOnly.Parse(birth), result.Value.BirthDate);
        Assert.Equal(sex, result.Value.Sex);
        Assert.Equal(text, result.Value.Disclose());
    }

    [Fact]
    public void ComputeCheckCharacter_AgreesWithTheStandardsDefinition()
    {
        var random = new Random(11643);
        var seenX = false;
        for (var n = 0; n < 2000; n++)
        {
            var first17 = $"33{random.Next(0, 10000):0000}{new DateOnly(1920, 1, 1).AddDays(random.Next(0, 37000)):yyyyMMdd}{random.Next(0, 1000):000}";
            var expected = StandardCheck(first17);
            seenX |= expected == 'X';
            Assert.Equal(expected, NationalIdNumber.ComputeCheckCharacter(first17));
            Assert.True(NationalIdNumber.Parse(first17 + expected, Today).IsValid);
        }

        Assert.True(seenX);
    }

    [Fact]
    public void Parse_RefusesEveryOtherCheckCharacter()
    {
        const string first17 = "33030219900307123";
        var valid = 0;
        foreach (var c in "0123456789X")
        {
            var result = NationalIdNumber.Parse(first17 + c, Today);
            if (result.IsValid)
            {
                valid++;
            }
            else
            {
                Assert.Equal(NationalIdError.WrongCheckDigit, result.Error);
            }
        }

        Assert.Equal(1, valid);
    }

    [Theory]
    [InlineData("", NationalIdError.Empty)]
    [InlineData("33030219900307123", NationalIdError.WrongLength)]
    [InlineData("3303021990030712345", NationalIdError.WrongLength)]
    [InlineData("33030219900307A235", NationalIdError.NotDigits)]
    [InlineData("33030219900307123Y", NationalIdError.NotDigits)]
    [InlineData("003302199003071235", NationalIdError.UnknownProvince)]
    [InlineData("990302199003071235", NationalIdError.UnknownProvince)]
    [InlineData("330302199002301235", NationalIdError.InvalidBirthDate)] // 30 February
    [InlineData("330302190002291235", NationalIdError.InvalidBirthDate)] // 1900 was no leap year
    [InlineData("330302199013011235", NationalIdError.InvalidBirthDate)] // month 13
    [InlineData("330302203001011235", NationalIdError.BirthDateInFuture)]
    public void Parse_RefusesMalformedNumbersWithTheirReason(string text, NationalIdError error)
    {
        // Give each text its correct check character where it has 17 leading digits, so only the named fault remains.
        if (text.Length == 18 && text[..17].All(char.IsAsciiDigit) && error != NationalIdError.NotDigits)
        {
            text = text[..17] + StandardCheck(text[..17]);
        }

        var result = NationalIdNumber.Parse(text, Today);
        Assert.False(result.IsValid);
        Assert.Equal(error, result.Error);
        Assert.NotEmpty(result.Reason);
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text, result.Reason);
        }

        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Parse_AcceptsBirthOnTheCheckDateAndLowerCaseX()
    {
        var first17 = "110105" + Today.ToString("yyyyMMdd") + "002";
        var text = first17 + StandardCheck(first17);
        Assert.True(NationalIdNumber.Parse(text, Today).IsValid);
        Assert.Equal(NationalIdError.BirthDateInFuture, NationalIdNumber.Parse(text, Today.AddDays(-1)).Error);
        Assert.True(NationalIdNumber.Parse("11010519491231002x", Today).IsValid);
        Assert.True(NationalIdNumber.Parse("  11010519491231002X ", Today).IsValid);
    }

    [Fact]
    public void ToString_MasksTheBirthDate()
    {
        var id = NationalIdNumber.Parse("11010519491231002X", Today).Value;
        Assert.Equal("110105********002X", id.ToString());
        Assert.Equal("110105********002X", $"{id}");
        Assert.DoesNotContain("19491231", id.ToString());
        Assert.Equal("(no number)", default(NationalIdNumber).ToString());
        Assert.Equal("110105********002X", NationalIdNumber.Parse("11010519491231002X", Today).ToString());
    }

    [Fact]
    public void Create_BuildsTheNumberItsPartsDescribe()
    {
        var id = NationalIdNumber.Create(330302, new DateOnly(1990, 3, 7), 123);
        var text = id.Disclose();
        Assert.Equal("33030219900307123" + StandardCheck("33030219900307123"), text);
        Assert.Equal(Sex.Male, id.Sex);
        Assert.Equal(id, NationalIdNumber.Parse(text, Today).Value);
        Assert.Equal(Sex.Female, NationalIdNumber.Create(330302, new DateOnly(1990, 3, 7), 124).Sex);
        Assert.Throws<ArgumentOutOfRangeException>(() => NationalIdNumber.Create(990302, new DateOnly(1990, 3, 7), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NationalIdNumber.Create(330302, new DateOnly(1990, 3, 7), 1000));
        Assert.Throws<InvalidOperationException>(() => default(NationalIdNumber).Disclose());
    }
}
