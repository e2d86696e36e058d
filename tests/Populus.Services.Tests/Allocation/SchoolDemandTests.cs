using Populus.Demography;
using Populus.Services.Allocation;

namespace Populus.Services.Tests.Allocation;

public class SchoolDemandTests
{
    private static PopulationByAgeSex SingleYears(double perAge) =>
        new(new PopulationByAge(AgeGroups.SingleYear(20), Enumerable.Repeat(perAge, 21).ToArray()),
            new PopulationByAge(AgeGroups.SingleYear(20), Enumerable.Repeat(perAge, 21).ToArray()));

    [Fact]
    public void SchoolAgeChildren_AreTheSumOverTheAges_AndRatiosFollow()
    {
        var rows = SchoolDemand.Compare(new Dictionary<(string, int), PopulationByAgeSex> { [("330302", 2030)] = SingleYears(1000) },
            new Dictionary<string, int> { ["330302"] = 900 }, new Dictionary<string, int> { ["330302"] = 600 }, 6, 11);
        var row = Assert.Single(rows);
        Assert.Equal(6 * 2 * 1000, row.SchoolAgeChildren);
        Assert.Equal(1.5, row.ApplicantsPerPlace);
        Assert.Equal(50, row.PlacesPer1000Children);
    }

    [Fact]
    public void FiveYearGroups_ThatStraddleTheSchoolAges_AreRefused()
    {
        var five = new PopulationByAgeSex(new PopulationByAge(AgeGroups.FiveYear(0, 20), [1, 1, 1, 1, 1]), new PopulationByAge(AgeGroups.FiveYear(0, 20), [1, 1, 1, 1, 1]));
        var ex = Assert.Throws<ArgumentException>(() => SchoolDemand.Compare(new Dictionary<(string, int), PopulationByAgeSex> { [("330302", 2030)] = five },
            new Dictionary<string, int>(), new Dictionary<string, int>(), 6, 11));
        Assert.Contains("straddles", ex.Message);
    }
}
