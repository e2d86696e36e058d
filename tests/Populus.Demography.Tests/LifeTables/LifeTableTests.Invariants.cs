using Populus.Demography.LifeTables;

namespace Populus.Demography.Tests.LifeTables;

/// <summary>Identities every life table must satisfy, whatever its rates and options.</summary>
public partial class LifeTableTests
{
    public static TheoryData<int, string, A0Rule, bool> InvariantCases()
    {
        var data = new TheoryData<int, string, A0Rule, bool>();
        foreach (var t in CanadaWpp.Tables)
        {
            data.Add(t.Year, t.Sex, A0Rule.AndreevKingkade, false);
            data.Add(t.Year, t.Sex, A0Rule.CoaleDemeny, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvariantCases))]
    public void Columns_SatisfyLifeTableIdentities(int year, string sex, A0Rule rule, bool kannisto)
    {
        var wpp = CanadaWpp.Get(year, sex);
        var options = new LifeTableOptions
        {
            Sex = wpp.RuleSex, A0Rule = rule, Radix = 1,
            Closure = kannisto ? OpenAgeClosure.Kannisto() : OpenAgeClosure.Reciprocal,
        };
        AssertIdentities(LifeTable.FromRates(new DeathRates(CanadaWpp.Ages, wpp.Mx), options));
    }

    [Fact]
    public void Columns_AbridgedTable_SatisfyLifeTableIdentities()
    {
        var (ages, deaths, population, _, _, _, _) = Austria();
        foreach (var closure in new[] { OpenAgeClosure.Reciprocal, OpenAgeClosure.Kannisto() })
        {
            AssertIdentities(LifeTable.FromDeathsAndExposure(ages, deaths, population,
                new LifeTableOptions { Sex = Sex.Male, Closure = closure }));
        }
    }

    [Fact]
    public void Radix_ScalesCountsButNotRatesOrExpectancies()
    {
        var wpp = CanadaWpp.Get(2019, "female");
        var rates = new DeathRates(CanadaWpp.Ages, wpp.Mx);
        var unit = LifeTable.FromRates(rates, new LifeTableOptions { Sex = Sex.Female, Radix = 1 });
        var standard = LifeTable.FromRates(rates, LifeTableOptions.For(Sex.Female));
        Assert.Equal(100_000, standard.Radix);
        for (var x = 0; x <= 100; x++)
        {
            Assertions.Relative(standard.Survivors[x], unit.Survivors[x] * 100_000, 1e-13, $"lx {x}");
            Assertions.Relative(standard.Expectancy[x], unit.Expectancy[x], 1e-13, $"ex {x}");
        }
    }

    [Fact]
    public void ClosedAt_KeepsPersonYearsAndRowsBelow()
    {
        var wpp = CanadaWpp.Get(1950, "male");
        var full = LifeTable.FromRates(new DeathRates(CanadaWpp.Ages, wpp.Mx), LifeTableOptions.For(Sex.Male));
        var closed = full.ClosedAt(85);

        Assert.Equal(AgeGroups.SingleYear(85), closed.Ages);
        Assert.Equal(full.E0, closed.E0);
        Assert.Equal(full.Survivors[84], closed.Survivors[84]);
        Assert.Equal(full.PersonYearsAbove[85], closed.PersonYears[85]);
        Assertions.Relative(full.Survivors[85] / full.PersonYearsAbove[85], closed.Mx[85], 1e-15, "m85+ = l85 / T85");
        Assert.Equal(full.Expectancy[85], closed.Ax[85]);
        AssertIdentities(closed);
        Assert.Throws<ArgumentOutOfRangeException>(() => full.ClosedAt(101));
    }

    private static void AssertIdentities(LifeTable t)
    {
        var k = t.Ages.Count;
        Assert.Equal(t.Radix, t.Survivors[0]);
        var deaths = 0.0;
        for (var i = 0; i < k; i++)
        {
            Assert.InRange(t.Qx[i], 0.0, 1.0);
            Assert.True(t.PersonYears[i] > 0, $"nLx at {t.Ages.Label(i)} is {t.PersonYears[i]}");
            if (i > 0)
            {
                Assert.True(t.Survivors[i] <= t.Survivors[i - 1], $"lx rises at {t.Ages.Label(i)}");
                Assertions.Relative(t.Survivors[i - 1] - t.Deaths[i - 1], t.Survivors[i], 1e-12, $"l(x+n) = lx − dx at {t.Ages.Label(i)}");
            }

            deaths += t.Deaths[i];
        }

        Assert.Equal(1.0, t.Qx[k - 1]);
        Assertions.Relative(t.Radix, deaths, 1e-12, "Σ dx = l0");
        Assertions.Relative(t.E0, t.PersonYearsAbove[0] / t.Radix, 1e-15, "e0 = T0 / l0");
        var sum = 0.0;
        foreach (var l in t.PersonYears)
        {
            sum += l;
        }

        Assertions.Relative(sum, t.PersonYearsAbove[0], 1e-12, "T0 = Σ nLx");
        foreach (var s in t.SurvivalRatios().Values)
        {
            Assert.InRange(s, 0.0, 1.0);
        }
    }
}
