using Populus.Demography.Preparation;

namespace Populus.Demography.Tests.Preparation;

public class AnnualCountsTests
{
    private static readonly AgeGroups Ages = AgeGroups.SingleYear(2);

    private static AnnualCounts Counts() => new(Ages, new Dictionary<int, double[]>
    {
        [2023] = [10, -4, 2],
        [2024] = [20, -6, 0],
    });

    [Fact]
    public void Over_JulyToJuly_IsHalfOfEachCalendarYear()
    {
        Assert.Equal([15, -5, 1], Counts().Over(2023.5, 2024.5));
    }

    [Fact]
    public void Over_WholeYears_KeepsTheTotals()
    {
        var c = Counts();
        Assert.Equal([30, -10, 2], c.Over(2023, 2025));
        Assert.Equal([10, -4, 2], c.Over(2023, 2024));
    }

    [Fact]
    public void Over_YearsWithoutCounts_ContributeNothing_AndCoversSaysSo()
    {
        var c = Counts();
        Assert.Equal([10, -3, 0], c.Over(2024.5, 2025.5));
        Assert.True(c.Covers(2023.5, 2024.5));
        Assert.False(c.Covers(2024.5, 2025.5));
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new AnnualCounts(Ages, new Dictionary<int, double[]> { [2023] = [1, 2] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnualCounts(Ages, new Dictionary<int, double[]> { [2023] = [1, double.PositiveInfinity, 0] }));
        Assert.Throws<ArgumentException>(() => Counts().Over(2024, 2024));
    }
}
