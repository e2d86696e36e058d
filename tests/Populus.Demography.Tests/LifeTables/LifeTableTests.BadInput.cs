using Populus.Demography.LifeTables;

namespace Populus.Demography.Tests.LifeTables;

/// <summary>Input a life table cannot be built from is refused with a message naming the age and the reason.</summary>
public partial class LifeTableTests
{
    private static double[] FlatRates(int count, double m = 0.01)
    {
        var mx = new double[count];
        Array.Fill(mx, m);
        return mx;
    }

    [Fact]
    public void DeathRates_NegativeRate_IsRefusedNamingTheAge()
    {
        var mx = FlatRates(101);
        mx[40] = -0.001;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DeathRates(AgeGroups.SingleYear(), mx));
        Assert.Contains("age 40", ex.Message);
    }

    [Fact]
    public void Kernel_NegativeOrNaNRate_IsRefusedNamingTheAge()
    {
        var ages = AgeGroups.SingleYear();
        var mx = FlatRates(101);
        mx[7] = double.NaN;
        var buffers = new double[7][];
        for (var i = 0; i < 7; i++)
        {
            buffers[i] = new double[101];
        }

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LifeTableKernel.Compute(ages, mx, default, LifeTableOptions.For(Sex.Male),
            new LifeTableColumns(buffers[0], buffers[1], buffers[2], buffers[3], buffers[4], buffers[5], buffers[6])));
        Assert.Contains("mx at age 7", ex.Message);
    }

    [Fact]
    public void FromRates_MissingAge_IsRefused()
    {
        // 0, 1, 2, 4, 5, … : age 3 is missing, so the grid is neither single-year nor abridged.
        var ages = AgeGroups.FromStarts(Enumerable.Range(0, 101).Where(a => a != 3));
        var ex = Assert.Throws<ArgumentException>(() => LifeTable.FromRates(new DeathRates(ages, FlatRates(100)), LifeTableOptions.For(Sex.Male)));
        Assert.Contains("an age is missing", ex.Message);
    }

    [Fact]
    public void FromRates_GridNotStartingAtZeroOrClosed_IsRefused()
    {
        var options = LifeTableOptions.For(Sex.Female);
        Assert.Throws<ArgumentException>(() => LifeTable.FromRates(new DeathRates(AgeGroups.FiveYear(0, 85), FlatRates(18)), options));
        Assert.Throws<ArgumentException>(() => LifeTable.FromRates(new DeathRates(AgeGroups.SingleYearRange(0, 99), FlatRates(100)), options));
        Assert.Throws<ArgumentException>(() => LifeTable.FromRates(new DeathRates(AgeGroups.FromStarts(Enumerable.Range(5, 96)), FlatRates(96)), options));
    }

    [Fact]
    public void FromRates_ZeroOpenAgeRateUnderReciprocalClosure_IsRefused()
    {
        var mx = FlatRates(101);
        mx[100] = 0;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LifeTable.FromRates(new DeathRates(AgeGroups.SingleYear(), mx), LifeTableOptions.For(Sex.Male)));
        Assert.Contains("100+", ex.Message);
    }

    [Fact]
    public void FromRates_AxOutsideGroupOrImplyingQAboveOne_IsRefused()
    {
        var ages = AgeGroups.Abridged(85);
        var options = LifeTableOptions.For(Sex.Male);
        var ax = Enumerable.Repeat(double.NaN, ages.Count).ToArray();
        ax[3] = 5.5;
        var wide = Assert.Throws<ArgumentOutOfRangeException>(() => LifeTable.FromRates(new DeathRates(ages, FlatRates(ages.Count)), options, ax));
        Assert.Contains("10-14", wide.Message);

        var mx = FlatRates(ages.Count);
        mx[4] = 0.5; // with ax = 2.5, a·m = 1.25 > 1: q would exceed 1
        var high = Assert.Throws<ArgumentOutOfRangeException>(() => LifeTable.FromRates(new DeathRates(ages, mx), options));
        Assert.Contains("above 1", high.Message);
    }

    [Fact]
    public void FromDeathsAndExposure_ZeroExposure_IsRefused()
    {
        var ages = AgeGroups.Abridged(85);
        var exposure = FlatRates(ages.Count, 1000);
        exposure[5] = 0;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            LifeTable.FromDeathsAndExposure(ages, FlatRates(ages.Count, 10), exposure, LifeTableOptions.For(Sex.Male)));
        Assert.Contains("20-24", ex.Message);
    }

    [Fact]
    public void DeathRatesFromDeathsAndExposure_AreTheQuotients_AndTheFirstBadAgeIsNamed()
    {
        var ages = AgeGroups.SingleYear(100);
        var deaths = Enumerable.Range(0, ages.Count).Select(x => 0.37 * (x + 1)).ToArray();
        var exposure = Enumerable.Range(0, ages.Count).Select(x => 1000.0 + (13 * x)).ToArray();
        var mx = DeathRates.FromDeathsAndExposure(ages, deaths, exposure);
        Assert.Equal(Enumerable.Range(0, ages.Count).Select(x => deaths[x] / exposure[x]), mx.Values.ToArray());

        // Two ages fail: the younger one is named, whichever check it fails.
        deaths[60] = -1;
        exposure[33] = double.PositiveInfinity;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DeathRates.FromDeathsAndExposure(ages, deaths, exposure));
        Assert.Contains("exposure at age 33", ex.Message, StringComparison.Ordinal);
        exposure[33] = 1000;
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => DeathRates.FromDeathsAndExposure(ages, deaths, exposure));
        Assert.Contains("deaths at age 60", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LifeExpectancyAtBirth_RefusesWhatTheTableRefuses()
    {
        var ages = AgeGroups.Abridged(85);
        var options = LifeTableOptions.For(Sex.Female);
        var exposure = FlatRates(ages.Count, 1000);
        exposure[5] = 0;
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => LifeTable.LifeExpectancyAtBirth(ages, FlatRates(ages.Count, 10), exposure, options));
        Assert.Contains("20-24", zero.Message);

        var deaths = FlatRates(ages.Count, 10);
        deaths[3] = -1;
        Assert.Throws<ArgumentOutOfRangeException>(() => LifeTable.LifeExpectancyAtBirth(ages, deaths, FlatRates(ages.Count, 1000), options));

        // mx = 20 at 10-14: above DeathRates.MaximumRate, as FromDeathsAndExposure refuses it.
        deaths = FlatRates(ages.Count, 10);
        deaths[3] = 20_000;
        var high = Assert.Throws<ArgumentOutOfRangeException>(() => LifeTable.LifeExpectancyAtBirth(ages, deaths, FlatRates(ages.Count, 1000), options));
        Assert.Contains("10-14", high.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LifeTable.FromDeathsAndExposure(ages, deaths, FlatRates(ages.Count, 1000), options));

        Assert.Throws<ArgumentException>(() => LifeTable.LifeExpectancyAtBirth(ages, FlatRates(ages.Count - 1, 10), FlatRates(ages.Count, 1000), options));
        Assert.Throws<ArgumentException>(() => LifeTable.LifeExpectancyAtBirth(AgeGroups.FiveYear(0, 85), FlatRates(18, 10), FlatRates(18, 1000), options));
    }

    [Fact]
    public void SummaryMeasures_AgeNotStartingAGroup_IsRefused()
    {
        var table = LifeTable.FromRates(new DeathRates(AgeGroups.Abridged(85), FlatRates(19)), LifeTableOptions.For(Sex.Male));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.LifeExpectancyAt(62));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.ProbabilityOfDying(60, 15));
        Assert.Equal(1 - table.Survivors[13] / table.Survivors[4], table.Q15To60);
    }
}
