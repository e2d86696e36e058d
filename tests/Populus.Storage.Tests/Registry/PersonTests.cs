using Populus.Demography;
using Populus.Planning.Data;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

public class PersonTests
{
    private static readonly NationalIdNumber Id = NationalIdNumber.Create(330302, new DateOnly(1990, 3, 7), 123); // male

    private static Person Make(Sex sex, DateOnly birth, int hukou = 330302, DateOnly? death = null) =>
        new(1, Id, sex, birth, hukou, 330302, UrbanRural.Urban, EducationLevel.Bachelor, ResidencePermitStatus.NotRequired, death);

    [Fact]
    public void Constructor_RefusesASexTheNumberContradicts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Make(Sex.Female, new DateOnly(1990, 3, 7)));
        Assert.Contains("sex", ex.Message);
        Assert.DoesNotContain(Id.Disclose(), ex.Message);
    }

    [Fact]
    public void Constructor_RefusesABirthDateTheNumberContradicts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Make(Sex.Male, new DateOnly(1990, 3, 8)));
        Assert.Contains("1990-03-07", ex.Message);
        Assert.DoesNotContain(Id.Disclose(), ex.Message);
    }

    [Fact]
    public void Constructor_RefusesBadRegionsAndDeathBeforeBirth()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(Sex.Male, new DateOnly(1990, 3, 7), hukou: 3303));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(Sex.Male, new DateOnly(1990, 3, 7), death: new DateOnly(1990, 3, 6)));
    }

    [Fact]
    public void ToString_ShowsTheMaskedNumberOnly()
    {
        var person = Make(Sex.Male, new DateOnly(1990, 3, 7));
        Assert.Contains(Id.ToString(), person.ToString());
        Assert.DoesNotContain(Id.Disclose(), person.ToString());
    }

    [Fact]
    public void PersonEvent_MovesNameTheirRegions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonEvent(1, PersonEventKind.MoveIn, new DateOnly(2021, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonEvent(1, PersonEventKind.MoveOut, new DateOnly(2021, 1, 1), toRegion: 330302));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonEvent(1, PersonEventKind.HukouChange, new DateOnly(2021, 1, 1), 330302, 12));
        Assert.Equal(330303, new PersonEvent(1, PersonEventKind.MoveIn, new DateOnly(2021, 1, 1), toRegion: 330303).ToRegion);
    }

    [Fact]
    public void EducationLevels_ReadCensusLabels()
    {
        Assert.Equal(10, EducationLevels.All.Length);
        Assert.All(EducationLevels.All, level =>
        {
            Assert.True(EducationLevels.TryParse(level.Label(), out var parsed));
            Assert.Equal(level, parsed);
        });
        Assert.Equal(EducationLevel.JuniorSecondary, EducationLevels.TryParse("初中", out var l) ? l : default);
        Assert.False(EducationLevels.TryParse("3", out _));
        Assert.Equal(16, EducationLevel.Bachelor.SchoolingYears());
    }
}
