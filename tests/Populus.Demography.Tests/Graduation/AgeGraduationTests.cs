using Populus.Demography.Graduation;

namespace Populus.Demography.Tests.Graduation;

public class AgeGraduationTests
{
    [Fact]
    public void BeersOrdinary_MatchesJohnson2016Spreadsheet()
    {
        // U.S. Census Bureau, P. Johnson (2016) BEERSP.XLS, males (the worked example reproduced in DemoTools
        // tests/testthat/test-Beers.R). Ages 9–12 are plain Beers ordinary (the spreadsheet's extra adjustment
        // touches ages 1–8 only); the sheet rounds to whole persons, hence the tolerance of 1.
        double[] counts = [184499, 752124 - 184499, 582662, 463534, 369976, 286946, 235867, 199561, 172133, 151194,
            131502, 113439, 95614, 78777, 60157, 40960, 21318, 25451];
        var result = AgeGraduation.ToSingleYear(new PopulationByAge(AgeGroups.Abridged(80), counts), GraduationMethod.BeersOrdinary);
        double[] published = [105733, 101088, 96719, 92551];
        for (var i = 0; i < published.Length; i++)
        {
            Assert.Equal(published[i], result.Counts.AtAge(9 + i), 1.0);
        }

        Assert.Equal(184499, result.Counts.AtAge(0));
        Assert.Equal(752124 - 184499, Enumerable.Range(1, 4).Sum(result.Counts.AtAge), 1e-6);
        Assert.Equal(25451, result.Counts.AtAge(80));
        Assert.Equal(counts.Sum(), result.Counts.Total(), 1e-6);
    }

    [Fact]
    public void ToSingleYear_ShiftingTheStartAgeChangesNothing()
    {
        double[] counts = [5000, 5200, 5100, 4900, 4700, 4300, 3900, 3200, 2600, 1500];
        var young = AgeGraduation.ToSingleYear(new PopulationByAge(AgeGroups.FiveYear(0, 45), counts));
        var older = AgeGraduation.ToSingleYear(new PopulationByAge(AgeGroups.FiveYear(30, 75), counts));
        Assert.Equal(young.Counts.ToArray(), older.Counts.ToArray());
        Assert.Equal(30, older.Counts.Ages.FirstAge);
        Assert.Equal(75, older.Counts.Ages.OpenAge);
    }

    [Fact]
    public void ToSingleYear_RepairsNegativesKeepingTotals()
    {
        // A collapse into the last closed group makes Sprague go negative there.
        double[] counts = [100, 900, 1000, 1000, 1000, 1000, 20, 300];
        var raw = Sprague.Split(counts.AsSpan(0, 7));
        Assert.Contains(raw, x => x < 0);

        var result = AgeGraduation.ToSingleYear(new PopulationByAge(AgeGroups.FiveYear(0, 35), counts));
        Assert.NotEmpty(result.RepairedGroups);
        Assert.All(result.Counts.ToArray(), x => Assert.True(x >= 0));
        for (var g = 0; g < 7; g++)
        {
            Assert.Equal(counts[g], Enumerable.Range(5 * g, 5).Sum(result.Counts.AtAge), 1e-9);
        }

        Assert.Equal(300, result.Counts.AtAge(35));
    }

    [Fact]
    public void ToSingleYear_ClosedGridStaysClosed()
    {
        var result = AgeGraduation.ToSingleYear(new PopulationByAge(AgeGroups.FiveYear(15, 50, open: false), [40, 60, 80, 70, 50, 30, 15]));
        Assert.False(result.Counts.Ages.IsOpenEnded);
        Assert.Equal(35, result.Counts.Count);
        Assert.Empty(result.RepairedGroups);
        Assert.Equal(345, result.Counts.Total(), 1e-9);
    }

    [Fact]
    public void ToSingleYear_RejectsSingleYearInput()
    {
        var ex = Assert.Throws<ArgumentException>(() => AgeGraduation.ToSingleYear(new PopulationByAge(AgeGroups.SingleYear(20), new double[21])));
        Assert.Contains("five-year groups", ex.Message);
    }
}
