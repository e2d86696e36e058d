using System.Collections.Immutable;
using Populus.Demography.Estimation;
using Populus.Demography.Migration;

namespace Populus.Demography.Tests.Estimation;

public class ComponentsOfChangeTests
{
    private static readonly AgeGroups Ages = AgeGroups.SingleYear(100);

    private static PopulationByAgeSex Population(double scale) => new(
        new PopulationByAge(Ages, [.. Enumerable.Range(0, 101).Select(a => scale * 1000 * Math.Exp(-a / 60.0))]),
        new PopulationByAge(Ages, [.. Enumerable.Range(0, 101).Select(a => scale * 950 * Math.Exp(-a / 65.0))]));

    private static DeathRates Gompertz(double level) =>
        new(Ages, [.. Enumerable.Range(0, 101).Select(a => a == 0 ? 0.004 : Math.Min(1.5, level * Math.Exp(0.09 * (a - 30))))]);

    private static readonly EstimationStandards Standards = new(
        Gompertz(0.0006), Gompertz(0.0004), new FertilityRates(AgeGroups.SingleYearRange(15, 49), [.. Enumerable.Repeat(0.04, 35)]),
        new SexRatioAtBirth(1.08), RogersCastroSchedule.Standard, 0.52);

    private static readonly string[] Regions = ["A", "B", "C"];

    private static PopulationByAgeSex[] Base() => [Population(1), Population(2), Population(0.5)];

    private static EstimationPeriod Period(int year, double length, double? end, double? births = null, double? birthRate = null,
        double? deaths = null, double? deathRate = null, params (string Region, double Total)[] regions) =>
        new(year, length, end, births, birthRate, deaths, deathRate, regions.ToImmutableDictionary(r => r.Region, r => r.Total));

    [Fact]
    public void PublishedTotals_AreMetExactly_AndTheAccountingIdentityHolds()
    {
        var start = Base();
        var startTotal = start.Sum(p => p.Total());
        var result = ComponentsOfChange.Estimate(Regions, start, Standards, [Period(2021, 1, startTotal + 1500, births: 1200, deaths: 900)]);

        var p = result.Single();
        var births = PeriodEstimate.Total(p.Births);
        var deaths = PeriodEstimate.Total(p.Deaths);
        var migration = PeriodEstimate.Total(p.NetMigrants);
        Assert.Equal(1200, births, 1e-6);
        Assert.Equal(900, deaths, 1e-6);
        Assert.Equal(startTotal + 1500, p.TotalPopulation(), 1e-6);
        Assert.Equal(p.TotalPopulation(), startTotal + births - deaths + migration, 1e-6);
        Assert.True(p.MortalityFactor > 0 && p.TotalFertility > 0);
    }

    [Fact]
    public void PublishedRegionTotals_AreMet_AndTheOthersShareTheRest()
    {
        var start = Base();
        var startTotal = start.Sum(p => p.Total());
        var result = ComponentsOfChange.Estimate(Regions, start, Standards,
            [Period(2021, 1, startTotal + 3000, births: 1200, deaths: 900, regions: ("B", start[1].Total() + 2500))]).Single();

        Assert.Equal(start[1].Total() + 2500, result.Populations[1].Total(), 1e-6);
        Assert.Equal(startTotal + 3000, result.TotalPopulation(), 1e-6);
        Assert.Contains(result.Notes, n => n.Contains("published end totals of B", StringComparison.Ordinal));

        var uncalibrated = ComponentsOfChange.Estimate(Regions, start, Standards,
            [Period(2021, 1, startTotal + 3000, births: 1200, deaths: 900, regions: ("B", start[1].Total() + 2500))], calibrateRegions: false).Single();
        Assert.NotEqual(start[1].Total() + 2500, uncalibrated.Populations[1].Total(), 1e-3);
        Assert.Equal(startTotal + 3000, uncalibrated.TotalPopulation(), 1e-6);
    }

    [Fact]
    public void RatesStandInForCounts_AndAShortPeriodTakesItsFraction()
    {
        var start = Base();
        var startTotal = start.Sum(p => p.Total());
        var f = 61 / 365.0;
        var end = startTotal + 200;
        var p = ComponentsOfChange.Estimate(Regions, start, Standards, [Period(2020, f, end, birthRate: 7.4, deathRate: 5.8)]).Single();

        var mean = (startTotal + end) / 2;
        Assert.Equal(7.4 / 1000 * mean * f, PeriodEstimate.Total(p.Births), 1e-6);
        Assert.Equal(5.8 / 1000 * mean * f, PeriodEstimate.Total(p.Deaths), 1e-6);
        Assert.Equal(end, p.TotalPopulation(), 1e-6);
        Assert.Contains(p.Notes, n => n.StartsWith("births: no count published; birth rate 7.4", StringComparison.Ordinal));
        Assert.True(p.BirthsPublished && p.DeathsPublished);
    }

    [Fact]
    public void MissingFigures_KeepThePreviousLevels_AndSaySo()
    {
        var start = Base();
        var total = start.Sum(p => p.Total());
        var result = ComponentsOfChange.Estimate(Regions, start, Standards,
            [Period(2021, 1, total - 500, births: 1200, deaths: 900), Period(2022, 1, null)]);

        Assert.Equal(result[0].MortalityFactor, result[1].MortalityFactor, 12);
        Assert.Equal(result[0].TotalFertility, result[1].TotalFertility, 12);
        Assert.Contains(result[1].Notes, n => n.StartsWith("deaths: none published", StringComparison.Ordinal));
        Assert.Contains(result[1].Notes, n => n.StartsWith("net migration: no end population published", StringComparison.Ordinal));
        // Which periods' events a published figure fixed: what a store marks estimated, and the rest projected.
        Assert.Equal((true, true, false, false), (result[0].BirthsPublished, result[0].DeathsPublished, result[1].BirthsPublished, result[1].DeathsPublished));
        // The previous period's net migration rate (negative here) is kept.
        Assert.True(PeriodEstimate.Total(result[1].NetMigrants) < 0);
        Assert.All(result[1].Populations, p => Assert.All(p.Male.Values.ToArray(), v => Assert.True(v >= 0)));
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        var start = Base();
        Assert.Throws<ArgumentOutOfRangeException>(() => ComponentsOfChange.Estimate(Regions, start, Standards, [Period(2021, 1.5, null)]));
        Assert.Throws<ArgumentException>(() => ComponentsOfChange.Estimate(Regions, start, Standards, []));
        Assert.Throws<ArgumentException>(() => ComponentsOfChange.Estimate(["A"], start, Standards, [Period(2021, 1, null)]));
    }
}
