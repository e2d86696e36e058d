using Populus.Demography;
using Populus.Storage.Tabular;
using Populus.Storage.Wpp;

namespace Populus.Storage.Tests.Wpp;

public class WppReaderTests
{
    private static readonly Lazy<WppLocation> China = new(() => WppReader.Read(TestData.SharedPath("data/wpp"), 156));

    [Fact]
    public void Read_China_MidYearTotalMatchesReadmeSanityFigure()
    {
        var pop = China.Value.MidYearPopulation;
        var total2023 = pop[(2023, Sex.Male)].Sum() + pop[(2023, Sex.Female)].Sum();
        Assert.Equal(1_422_584.9, total2023, 0.1);
        Assert.Equal("China", China.Value.LocationName);
    }

    [Fact]
    public void Read_China_HasEveryInputKind()
    {
        var c = China.Value;
        Assert.Equal(1.000, c.TotalFertility[2023], 0.001);
        Assert.Equal(75.2, c.LifeExpectancy[(2023, Sex.Male)], 1);
        Assert.Equal(1.108, c.SexRatioAtBirth[2023], 3);
        Assert.Equal(-567.724, c.NetMigration[(2023, Sex.Male)].Sum() + c.NetMigration[(2023, Sex.Female)].Sum(), 0.02);
        var mx = c.AbridgedMortality.Single(s => s.Period.StartYear == 2020 && s.Sex == Sex.Female);
        Assert.Equal(2023, mx.MidYear);
        Assert.Equal(WppLocation.MortalityAges.Count, mx.Values.Length);
        var asfr = c.FiveYearFertility.First(s => s.Period.StartYear == 2020);
        Assert.Equal(7, asfr.Values.Length);
    }

    [Fact]
    public void ReadPatterns_China_AreTheWholeReadsPatterns_AndAnUnknownLocationIsRefused()
    {
        var (mortality, fertility) = WppReader.ReadPatterns(TestData.SharedPath("data/wpp"), 156);
        Assert.Equal(China.Value.AbridgedMortality.Count, mortality.Count);
        Assert.All(mortality.Zip(China.Value.AbridgedMortality), p =>
        {
            Assert.Equal((p.Second.Period, p.Second.Sex, p.Second.MidYear), (p.First.Period, p.First.Sex, p.First.MidYear));
            Assert.Equal(p.Second.Values, p.First.Values);
        });
        Assert.Equal(China.Value.FiveYearFertility.Select(f => f.Values), fertility.Select(f => f.Values));
        var ex = Assert.Throws<InvalidInputException>(() => WppReader.ReadPatterns(TestData.SharedPath("data/wpp"), 999));
        Assert.Contains("mx_abridged_5y.csv", ex.Message);
        Assert.Contains("no rows for this location", ex.Message);
    }

    [Fact]
    public void Read_UnknownLocation_IsRefusedClearly()
    {
        var ex = Assert.Throws<InvalidInputException>(() => WppReader.Read(TestData.SharedPath("data/wpp"), 999));
        Assert.Contains("no rows for this location", ex.Message);
    }
}
