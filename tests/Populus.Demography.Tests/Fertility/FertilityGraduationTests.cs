using Populus.Demography.Fertility;
using Populus.Demography.Graduation;

namespace Populus.Demography.Tests.Fertility;

public class FertilityGraduationTests
{
    private static readonly AgeGroups FiveYear1549 = AgeGroups.FiveYear(15, 50, open: false);

    /// <summary>China 1950–1955 and 2020–2025 five-year ASFR, WPP 2024 (data/wpp/fertility_pasfr_asfr_5y.csv).</summary>
    public static TheoryData<string> ChinaPeriods => new() { "1950-1955", "1990-1995", "2020-2025" };

    private static FertilityRates ChinaAsfr(string period)
    {
        var asfr = TestData.ReadCsv("data/wpp/fertility_pasfr_asfr_5y.csv")
            .Where(r => r["location_code"] == "156" && r["period"] == period)
            .DistinctBy(r => r["age_start"])
            .OrderBy(r => int.Parse(r["age_start"]))
            .Select(r => TestData.Number(r["asfr"]))
            .ToArray();
        return new FertilityRates(FiveYear1549, asfr);
    }

    [Theory]
    [MemberData(nameof(ChinaPeriods))]
    public void ToSingleYear_KeepsTfrAndGroupsExactlyWithoutNegatives(string period)
    {
        var grouped = ChinaAsfr(period);
        var single = FertilityGraduation.ToSingleYear(grouped);

        Assert.Equal(AgeGroups.SingleYearRange(15, 49), single.Ages);
        Assert.Equal(grouped.TotalFertilityRate(), single.TotalFertilityRate(), 1e-12);
        for (var g = 0; g < 7; g++)
        {
            Assert.Equal(5 * grouped[g], Enumerable.Range(15 + 5 * g, 5).Sum(single.AtAge), 1e-12);
        }

        Assert.All(single.ToArray(), f => Assert.True(f >= 0));
        // Plausible shape: one peak, in the peak group or next to it (a flat top may peak at a bound), and the
        // rates fall steadily after it.
        var values = single.ToArray();
        var peak = Array.IndexOf(values, values.Max());
        var peakGroup = grouped.ToArray().ToList().IndexOf(grouped.ToArray().Max());
        Assert.InRange(peak, 5 * peakGroup - 2, 5 * peakGroup + 6);
        for (var a = 0; a < peak; a++)
        {
            Assert.True(values[a + 1] >= values[a] - 1e-12, $"rate falls before the peak at {16 + a}");
        }

        for (var a = peak; a < values.Length - 1; a++)
        {
            Assert.True(values[a + 1] <= values[a] + 1e-12, $"rate rises again at {16 + a}");
        }
    }

    [Fact]
    public void ToSingleYear_RecoversCensusSingleYearBirthPattern()
    {
        // China 2020 census (long form), births by mother's single age 15–49: group into five-year groups,
        // graduate back, and compare the distributions. Measured: dissimilarity 3.1% (2020) and 2.7% (2010); the
        // census pattern itself is heaped (age 30, 38) which no smooth curve follows. Sprague on the same birth counts
        // gives 3.9% and 9.7%, Beers ordinary 4.9% and 9.8%, and both go negative (ages 15–17, 46). Bound: 5%.
        foreach (var period in new[] { "2019.11.1-2020.10.31", "2009.11.1-2010.10.31" })
        {
            var births = TestData.ReadCsv("data/china_census/census_births_by_mother_age_education_parity_national.csv")
                .Where(r => r["period"] == period && r["residence"] == "all" && r["education"] == "不区分" &&
                            r["measure"] == "total" && int.TryParse(r["mother_age"], out _))
                .OrderBy(r => int.Parse(r["mother_age"]))
                .Select(r => TestData.Number(r["value"]))
                .ToArray();
            Assert.Equal(35, births.Length);
            var total = births.Sum();
            // Scaled to an ASFR-like level (births per 1e6 woman-years with equal exposure): only the shape matters.
            var grouped = new FertilityRates(FiveYear1549, Enumerable.Range(0, 7).Select(g => births.Skip(5 * g).Take(5).Sum() / 5 / 1e6).ToArray());
            var single = FertilityGraduation.ToSingleYear(grouped).ToArray();
            var dissimilarity = 0.5 * single.Zip(births).Sum(p => Math.Abs(p.First * 1e6 / total - p.Second / total));
            Assert.True(dissimilarity < 0.05, $"{period}: index of dissimilarity {dissimilarity:P2}");
        }
    }

    [Fact]
    public void ToSingleYear_ZeroGroupsStayZero()
    {
        var single = FertilityGraduation.ToSingleYear(new FertilityRates(FiveYear1549, [0, 0.1, 0.12, 0.05, 0.01, 0, 0]));
        Assert.All(Enumerable.Range(15, 5), a => Assert.Equal(0, single.AtAge(a)));
        Assert.All(Enumerable.Range(40, 10), a => Assert.Equal(0, single.AtAge(a)));
    }

    [Fact]
    public void ToSingleYear_RejectsOpenGrid()
    {
        Assert.Throws<ArgumentException>(() => FertilityGraduation.ToSingleYear(new FertilityRates(AgeGroups.FiveYear(15, 45), new double[7])));
    }
}
