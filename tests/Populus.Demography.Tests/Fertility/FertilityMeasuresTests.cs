using Populus.Demography.Fertility;

namespace Populus.Demography.Tests.Fertility;

public class FertilityMeasuresTests
{
    private static readonly AgeGroups FiveYear1549 = AgeGroups.FiveYear(15, 50, open: false);

    [Fact]
    public void FromBirths_DividesBirthsByExposure()
    {
        var f = FertilityMeasures.FromBirths(AgeGroups.FiveYear(15, 25, open: false), [300, 1200], [10000, 8000]);
        Assert.Equal([0.03, 0.15], f.ToArray());
        Assert.Equal(5 * (0.03 + 0.15), f.TotalFertilityRate(), 1e-12);
    }

    [Fact]
    public void FromBirths_RejectsZeroExposureAndNegativeBirths()
    {
        var ages = AgeGroups.FiveYear(15, 25, open: false);
        Assert.Contains("20-24", Assert.Throws<ArgumentOutOfRangeException>(() => FertilityMeasures.FromBirths(ages, [1, 1], [1, 0])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FertilityMeasures.FromBirths(ages, [-1, 1], [1, 1]));
        Assert.Throws<ArgumentException>(() => FertilityMeasures.FromBirths(ages, [1], [1, 1]));
    }

    [Fact]
    public void Regroup_PlainMeanKeepsTfr_ExposureWeightingGivesObservedRate()
    {
        var single = new FertilityRates(AgeGroups.SingleYearRange(15, 49), Enumerable.Range(15, 35).Select(a => 0.1 * Math.Exp(-Math.Pow((a - 29) / 6.0, 2))).ToArray());
        var plain = FertilityMeasures.Regroup(single, FiveYear1549);
        Assert.Equal(single.TotalFertilityRate(), plain.TotalFertilityRate(), 1e-12);

        var exposure = Enumerable.Range(0, 35).Select(i => 1000.0 + 50 * i).ToArray();
        var weighted = FertilityMeasures.Regroup(single, FiveYear1549, exposure);
        var births = Enumerable.Range(0, 5).Sum(i => single[i] * exposure[i]);
        Assert.Equal(births / exposure.Take(5).Sum(), weighted[0], 1e-15);
    }

    [Fact]
    public void Regroup_RejectsGroupsThatSplitTheFineGrid()
    {
        var five = new FertilityRates(FiveYear1549, [0.01, 0.05, 0.1, 0.07, 0.03, 0.01, 0.001]);
        Assert.Throws<ArgumentException>(() => FertilityMeasures.Regroup(five, AgeGroups.FromStarts([15, 25, 33], 50)));
        Assert.Throws<ArgumentException>(() => FertilityMeasures.Regroup(five, AgeGroups.FiveYear(15, 55, open: false)));
    }

    [Fact]
    public void MeanAgeAtChildbearing_UsesGroupMidpoints()
    {
        var f = new FertilityRates(FiveYear1549, [0, 0.1, 0.1, 0, 0, 0, 0]);
        Assert.Equal(25.0, FertilityMeasures.MeanAgeAtChildbearing(f), 12);
        var single = new FertilityRates(AgeGroups.SingleYearRange(15, 49), Enumerable.Range(0, 35).Select(i => i == 10 ? 0.2 : 0.0).ToArray());
        Assert.Equal(25.5, FertilityMeasures.MeanAgeAtChildbearing(single), 12);
        Assert.Throws<ArgumentException>(() => FertilityMeasures.MeanAgeAtChildbearing(new FertilityRates(FiveYear1549, new double[7])));
    }

    [Fact]
    public void ScaleToTotalFertility_KeepsShapeAndHitsTarget()
    {
        var f = new FertilityRates(FiveYear1549, [0.01, 0.05, 0.1, 0.07, 0.03, 0.01, 0.001]);
        var scaled = FertilityMeasures.ScaleToTotalFertility(f, 1.3);
        Assert.Equal(1.3, scaled.TotalFertilityRate(), 1e-12);
        Assert.Equal(FertilityMeasures.MeanAgeAtChildbearing(f), FertilityMeasures.MeanAgeAtChildbearing(scaled), 1e-12);
        Assert.Equal(f[2] / f[1], scaled[2] / scaled[1], 1e-12);
        Assert.Throws<ArgumentException>(() => FertilityMeasures.ScaleToTotalFertility(new FertilityRates(FiveYear1549, new double[7]), 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FertilityMeasures.ScaleToTotalFertility(f, double.NaN));
    }

    [Fact]
    public void SexRatioAtBirth_FromCensusBirths()
    {
        // China 2020 census long form, national births by sex (data/china_census): 111.3 boys per 100 girls.
        var rows = TestData.ReadCsv("data/china_census/census_births_sex_parity_by_province_2010_2020.csv")
            .Where(r => r["period"] == "2019.11.1-2020.10.31" && r["residence"] == "all" && r["area"] == "全国" && r["parity"] == "all")
            .ToDictionary(r => r["measure"], r => TestData.Number(r["value"]));
        var srb = SexRatioAtBirth.FromBirths(rows["M"], rows["F"]);
        Assert.Equal(rows["M"] + rows["F"], rows["T"]);
        if (rows.TryGetValue("sex_ratio_per100F", out var published))
        {
            Assert.Equal(published, srb.Per100Females, 0.01);
        }

        Assert.InRange(srb.MalesPerFemale, 1.05, 1.2);
        Assert.Throws<ArgumentOutOfRangeException>(() => SexRatioAtBirth.FromBirths(100, 0));
    }
}
