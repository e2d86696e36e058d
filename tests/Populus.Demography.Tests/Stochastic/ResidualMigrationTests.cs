using Populus.Demography.Stochastic;

namespace Populus.Demography.Tests.Stochastic;

public class ResidualMigrationTests
{
    [Fact]
    public void Rate_IsWhatTheNaturalIncreaseDoesNotExplain_OverTheMeanPopulation()
    {
        // 1,000 → 1,010 with natural growth 2‰ of the mean 1,005: 2.01 born more than died, 7.99 net migrants.
        Assert.Equal(7.99 / 1005, ResidualMigration.Rate(1000, 1010, 2), 15);
        // A loss that natural growth does not explain is net out-migration.
        Assert.True(ResidualMigration.Rate(1000, 995, 1) < 0);
    }

    [Fact]
    public void Spread_IsTheSampleStandardDeviation_WithoutPersistence()
    {
        var process = ResidualMigration.Spread([0.004, 0.006, 0.011]);
        var sd = Math.Sqrt( // deviations from the mean 0.007
            (0.003 * 0.003 + 0.001 * 0.001 + 0.004 * 0.004) / 2);
        Assert.Equal(sd, process.FirstYearSd, 15);
        Assert.Equal(sd, process.InnovationSd, 15);
        Assert.Equal(0, process.Persistence);
        Assert.Equal(sd * sd, process.Variance(5), 15); // every year's deviation its own
    }

    [Fact]
    public void TooFewYearsOrBadFigures_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => ResidualMigration.Spread([0.004, 0.006]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidualMigration.Spread([0.004, double.NaN, 0.01]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidualMigration.Rate(0, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidualMigration.Rate(10, 10, double.PositiveInfinity));
    }
}
