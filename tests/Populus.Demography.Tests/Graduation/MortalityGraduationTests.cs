using Populus.Demography.Graduation;

namespace Populus.Demography.Tests.Graduation;

public class MortalityGraduationTests
{
    private const string Canada = "data/testvectors/ccmppwpp_canada_single_age_lt_1950_1954_2019.csv";

    /// <summary>WPP 2019 single-year Canada tables, abridged by exposure (nMx = Σd / ΣL), graduated back.</summary>
    public static TheoryData<string, string> Tables => new()
    {
        { "1950", "male" }, { "1950", "female" }, { "1952", "male" }, { "2019", "male" }, { "2019", "female" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void ToSingleYear_RecoversPublishedSingleYearRates(string year, string sex)
    {
        var rows = TestData.ReadCsv(Canada).Where(r => r["year"] == year && r["sex"] == sex)
            .OrderBy(r => int.Parse(r["age"])).ToArray();
        var mx = rows.Select(r => TestData.Number(r["lt_nMx"])).ToArray();
        var dx = rows.Select(r => TestData.Number(r["lt_ndx"])).ToArray();
        var lx = rows.Select(r => TestData.Number(r["lt_nLx"])).ToArray();
        var abridged = AgeGroups.Abridged(100);
        var m5 = new double[abridged.Count];
        for (var i = 0; i < m5.Length; i++)
        {
            var ages = Enumerable.Range(abridged.Start(i), abridged.IsOpen(i) ? 1 : abridged.Width(i)).ToArray();
            m5[i] = ages.Sum(a => dx[a]) / ages.Sum(a => lx[a]);
        }

        var single = MortalityGraduation.ToSingleYear(new DeathRates(abridged, m5));

        Assert.Equal(AgeGroups.SingleYear(100), single.Ages);
        Assert.Equal(mx[0], single[0], 1e-12);
        Assert.Equal(m5[^1], single[100]);
        // Each group's yearly rates add up to n·nMx: the group's survival exp(−n·nMx) is kept exactly.
        for (var i = 1; i < abridged.Count - 1; i++)
        {
            var sum = Enumerable.Range(abridged.Start(i), abridged.Width(i)).Sum(a => single[a]);
            Assert.Equal(abridged.Width(i) * m5[i], sum, 1e-12);
        }

        // Measured: worst age 4–10% (at the mortality minimum near 10, and at 95+), mean 1.0–1.6% over 1–99.
        // Abridgement removes the curvature within groups; no smooth graduation can restore it exactly, and the
        // published rates themselves are smoothed (Kannisto above 80). Bounds: 12% at any age, 2% on average.
        var relative = Enumerable.Range(1, 99).Select(a => Math.Abs(single[a] / mx[a] - 1)).ToArray();
        Assert.True(relative.Max() < 0.12, $"worst {relative.Max():P2}");
        Assert.True(relative.Average() < 0.02, $"mean {relative.Average():P2}");
    }

    [Fact]
    public void ToSingleYear_NeverNegativeEvenWithSteepDrop()
    {
        // Infant-like spike then near-zero child mortality: a plain spline on the rates would undershoot below zero.
        double[] m = [0.2, 0.05, 0.00001, 0.00001, 0.0002, 0.001, 0.002, 0.004, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
        var single = MortalityGraduation.ToSingleYear(new DeathRates(AgeGroups.Abridged(80), m));
        Assert.All(single.ToArray(), x => Assert.True(x >= 0));
        Assert.Equal(4 * 0.05, single[1] + single[2] + single[3] + single[4], 1e-12);
    }

    [Fact]
    public void ToSingleYear_RejectsFiveYearGrid()
    {
        var ex = Assert.Throws<ArgumentException>(() => MortalityGraduation.ToSingleYear(new DeathRates(AgeGroups.FiveYear(0, 85), new double[18])));
        Assert.Contains("abridged", ex.Message);
    }
}
