using System.Globalization;
using Populus.Demography.LifeTables;

namespace Populus.Demography.Tests.LifeTables;

/// <summary>Preston, Heuveline &amp; Guillot (2001), Box 3.1: Austrian males 1992, abridged, 85+ open, published nax.</summary>
public partial class LifeTableTests
{
    [Fact]
    public void FromDeathsAndExposure_Austria1992Males_MatchesPublishedRoundedColumns()
    {
        var (ages, deaths, population, ax, lx, dx, nLx) = Austria();
        var table = LifeTable.FromDeathsAndExposure(ages, deaths, population, LifeTableOptions.For(Sex.Male), ax);

        Assert.True(ages.IsAbridged);
        for (var i = 0; i < ages.Count; i++)
        {
            // Published to the nearest person: our unrounded values must round to them.
            Assertions.Absolute(lx[i], table.Survivors[i], 0.5, $"lx {ages.Label(i)}");
            Assertions.Absolute(dx[i], table.Deaths[i], 0.5, $"ndx {ages.Label(i)}");
            Assertions.Absolute(nLx[i], table.PersonYears[i], 0.5, $"nLx {ages.Label(i)}");
        }

        Assert.Equal(72.889, Math.Round(table.E0, 3));
    }

    [Theory]
    [InlineData(Sex.Male)]
    [InlineData(Sex.Female)]
    public void LifeExpectancyAtBirth_IsTheTablesE0_BitForBit(Sex sex)
    {
        var (ages, deaths, population, _, _, _, _) = Austria();
        var options = new LifeTableOptions { Sex = sex, A0Rule = A0Rule.CoaleDemeny };
        var table = LifeTable.FromDeathsAndExposure(ages, deaths, population, options);
        Assert.Equal(table.E0, LifeTable.LifeExpectancyAtBirth(ages, deaths, population, options));
        Assert.Equal(LifeTable.FromDeathsAndExposure(ages, deaths, population, LifeTableOptions.For(sex)).E0,
            LifeTable.LifeExpectancyAtBirth(ages, deaths, population, LifeTableOptions.For(sex)));
    }

    [Fact]
    public void SurvivalRatios_Abridged_AreOnFiveYearGroupsWithMergedFirstGroup()
    {
        var (ages, deaths, population, ax, _, _, _) = Austria();
        var table = LifeTable.FromDeathsAndExposure(ages, deaths, population, LifeTableOptions.For(Sex.Male), ax);
        var sx = table.SurvivalRatios();

        Assert.Equal(AgeGroups.FiveYear(0, 85), sx.Ages);
        var fiveL0 = table.PersonYears[0] + table.PersonYears[1];
        Assertions.Relative(fiveL0 / (5 * table.Radix), sx[0], 1e-15, "S0 = 5L0 / (5·l0)");
        Assertions.Relative(table.PersonYears[2] / fiveL0, sx[1], 1e-15, "S5 = 5L5 / 5L0");
        Assertions.Relative(table.PersonYears[3] / table.PersonYears[2], sx[2], 1e-15, "S10");
        Assertions.Relative(table.PersonYearsAbove[^1] / table.PersonYearsAbove[^2], sx[^1], 1e-15, "S85+ = T85 / T80");
    }

    [Fact]
    public void FromRates_AbridgedCoaleDemeny_Uses4a1FromInfantMortality()
    {
        var (ages, deaths, population, _, _, _, _) = Austria();
        var rates = DeathRates.FromDeathsAndExposure(ages, deaths, population);
        var table = LifeTable.FromRates(rates, new LifeTableOptions { Sex = Sex.Male, A0Rule = A0Rule.CoaleDemeny });

        Assertions.Relative(CoaleDemeny.A0(rates[0], Sex.Male), table.Ax[0], 1e-15, "1a0");
        Assertions.Relative(1.653 - 3.013 * table.Qx[0], table.Ax[1], 1e-15, "4a1");
        Assert.Equal(2.5, table.Ax[2]);
        Assert.Equal(2.5, table.Ax[^2]);
    }

    private static (AgeGroups Ages, double[] Deaths, double[] Population, double[] Ax, double[] Lx, double[] Dx, double[] NLx) Austria()
    {
        var lines = File.ReadAllLines(TestData.SharedPath("data/testvectors/preston2001_austria1992_males_abridged_lt.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        double[] Column(string name) => rows.Select(r => double.Parse(r[Array.IndexOf(header, name)], CultureInfo.InvariantCulture)).ToArray();
        var starts = rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture));
        return (AgeGroups.FromStarts(starts), Column("deaths_nDx"), Column("pop_nNx"), Column("nax"), Column("lx_published"),
            Column("ndx_published"), Column("nLx_published"));
    }
}
