using Populus.Demography;

namespace Populus.Demography.Tests;

public class AgeGroupsTests
{
    [Fact]
    public void SingleYear_Default_Has101GroupsWithOpen100()
    {
        var ages = AgeGroups.SingleYear();
        Assert.Equal(101, ages.Count);
        Assert.Equal(100, ages.OpenAge);
        Assert.True(ages.IsSingleYear);
        Assert.Equal("100+", ages.Label(100));
        Assert.Throws<InvalidOperationException>(() => ages.Width(100));
    }

    [Fact]
    public void Abridged_LabelsFollowLifeTableConvention()
    {
        var ages = AgeGroups.Abridged(85);
        Assert.Equal(["0", "1-4", "5-9"], ages.Labels().Take(3));
        Assert.Equal("85+", ages.Label(ages.Count - 1));
        Assert.True(ages.IsAbridged);
        Assert.Equal(4, ages.Width(1));
    }

    [Fact]
    public void IndexOf_FindsContainingGroup()
    {
        var ages = AgeGroups.Abridged(85);
        Assert.Equal(0, ages.IndexOf(0));
        Assert.Equal(1, ages.IndexOf(3));
        Assert.Equal(2, ages.IndexOf(9));
        Assert.Equal(ages.Count - 1, ages.IndexOf(110));
        Assert.Equal(-1, AgeGroups.SingleYearRange(15, 49).IndexOf(50));
    }

    [Theory]
    [InlineData(0, 100, null, true)] // 0 … 100+
    [InlineData(15, 49, 50, true)] // 15 … 49, closed
    [InlineData(15, 49, 55, false)] // the last group 49–54
    [InlineData(3, 3, null, true)] // one open group
    public void IndexOf_OnSingleYears_IsTheGroupWhoseRangeHoldsTheAge(int first, int last, int? end, bool singleYear)
    {
        var ages = AgeGroups.FromStarts(Enumerable.Range(first, last - first + 1), end);
        Assert.Equal(singleYear, ages.IsSingleYear);
        for (var age = 0; age <= 130; age++)
        {
            var expected = -1;
            for (var i = 0; i < ages.Count; i++)
            {
                if (age >= ages.Start(i) && (i < ages.Count - 1 ? age < ages.Start(i + 1) : end is null || age < end))
                {
                    expected = i;
                }
            }

            Assert.Equal(expected, ages.IndexOf(age));
        }
    }

    [Fact]
    public void FromStarts_RejectsNonIncreasingBounds()
    {
        var ex = Assert.Throws<ArgumentException>(() => AgeGroups.FromStarts([0, 5, 5, 10]));
        Assert.Contains("5 follows 5", ex.Message);
    }

    [Fact]
    public void Schedules_RejectWrongLengthAndOutOfRangeValues()
    {
        var ages = AgeGroups.Abridged(85);
        var tooShort = Assert.Throws<ArgumentException>(() => new DeathRates(ages, new double[ages.Count - 1]));
        Assert.Contains("every age needs a value", tooShort.Message);
        var negative = new double[ages.Count];
        negative[3] = -0.1;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PopulationByAge(ages, negative));
        Assert.Contains("10-14", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SexRatioAtBirth(106));
    }

    [Fact]
    public void PopulationByAgeSex_RejectsMixedGrids()
    {
        var m = new PopulationByAge(AgeGroups.SingleYear(100), new double[101]);
        var f = new PopulationByAge(AgeGroups.SingleYear(90), new double[91]);
        Assert.Throws<ArgumentException>(() => new PopulationByAgeSex(m, f));
    }
}
