using Populus.Demography.Calibration;

namespace Populus.Demography.Tests.Calibration;

public class BasePopulationCalibrationTests
{
    // Zhejiang, 2020 census, abridged 0, 1-4, …, 95-99, 100+ (data/china_census, area 浙江): a real standard.
    private static readonly double[] ZhejiangMale =
    [
        240618, 1309773, 1612841, 1446894, 1519440, 2023475, 2628336, 3271221, 2689753, 2548248, 2930421, 3006857, 2503105,
        1794345, 1615125, 1125829, 627673, 435724, 258878, 77190, 13212, 1050,
    ];

    private static readonly double[] ZhejiangFemale =
    [
        218491, 1182607, 1412166, 1258391, 1289710, 1665551, 2214095, 2867368, 2418649, 2338080, 2738717, 2802726, 2357371,
        1711990, 1633890, 1157928, 652850, 484451, 337368, 118081, 24673, 2427,
    ];

    private static PopulationByAgeSex Standard() => new(
        new PopulationByAge(AgeGroups.Abridged(100), ZhejiangMale),
        new PopulationByAge(AgeGroups.Abridged(100), ZhejiangFemale));

    // Wenzhou, 2020 census, plan Table 3.
    private static readonly AgeSexMargin[] Table3 =
    [
        new("0-14", 0, 15, null, 1_462_497),
        new("15-59", 15, 60, null, 6_530_697),
        new("60+", 60, null, null, 1_579_709),
    ];

    private static double Sum(PopulationByAgeSex p, int from, int? to, Sex? sex)
    {
        var total = 0.0;
        foreach (var s in sex is { } one ? new[] { one } : SexCodes.All)
        {
            for (var i = 0; i < p.Ages.Count; i++)
            {
                var age = p.Ages.Start(i);
                if (age >= from && (to is null || age < to))
                {
                    total += p[s][i];
                }
            }
        }

        return total;
    }

    [Fact]
    public void FromStandard_GivesSingleYearsThatMeetEveryMargin()
    {
        var result = BasePopulationCalibration.FromStandard(Standard(), Table3);

        Assert.Equal(AgeGroups.SingleYear(100), result.Population.Ages);
        foreach (var m in Table3)
        {
            Assert.Equal(m.Total, Sum(result.Population, m.FromAge, m.ToAge, m.Sex), 1e-6 * m.Total);
        }

        Assert.Equal(9_572_903, result.Population.Total(), 1e-3);
        Assert.All(result.Population.Male.Values.ToArray().Concat(result.Population.Female.Values.ToArray()), v => Assert.True(v >= 0));
    }

    [Fact]
    public void FromStandard_WithoutASexMargin_KeepsTheStandardsSexRatioAtEachAge()
    {
        var result = BasePopulationCalibration.FromStandard(Standard(), Table3);
        // Ages 0 and 100+ are not split by graduation, so the standard's own ratio must come back exactly.
        Assert.Equal(ZhejiangMale[0] / ZhejiangFemale[0], result.Population.Male[0] / result.Population.Female[0], 1e-9);
        Assert.Equal(ZhejiangMale[^1] / ZhejiangFemale[^1], result.Population.Male[100] / result.Population.Female[100], 1e-9);
    }

    [Fact]
    public void FromStandard_KeepsTheShapeWithinEachMarginGroup()
    {
        var standard = Standard();
        var graduated = BasePopulationCalibration.FromStandard(standard, [AgeSexMargin.AllAges("all", null, standard.Total())]).Population;
        var result = BasePopulationCalibration.FromStandard(standard, Table3).Population;
        // Within 15-59 every single age is scaled by the same factor (one margin covers it, no other cuts it).
        var factor = result.Male[20] / graduated.Male[20];
        for (var age = 15; age < 60; age++)
        {
            Assert.Equal(factor, result.Male[age] / graduated.Male[age], 1e-9);
            Assert.Equal(factor, result.Female[age] / graduated.Female[age], 1e-9);
        }
    }

    [Fact]
    public void FromStandard_WithSexAndNestedAgeMargins_MeetsThemAll()
    {
        // 鹿城区 2020 bulletin: sex totals, 0-14, 15-59, 60+ and the nested 65+.
        AgeSexMargin[] lucheng =
        [
            new("male", 0, null, Sex.Male, 607_675), new("female", 0, null, Sex.Female, 559_489),
            new("0-14", 0, 15, null, 150_080), new("15-59", 15, 60, null, 829_245), new("60+", 60, null, null, 187_839),
            new("65+", 65, null, null, 129_354),
        ];
        var result = BasePopulationCalibration.FromStandard(Standard(), lucheng).Population;
        foreach (var m in lucheng)
        {
            Assert.Equal(m.Total, Sum(result, m.FromAge, m.ToAge, m.Sex), 1e-6 * m.Total);
        }
    }

    [Fact]
    public void Rake_RefusesAMarginOffTheGrid_AndContradictoryMargins()
    {
        var standard = Standard();
        var offGrid = Assert.Throws<ArgumentException>(() => BasePopulationCalibration.Rake(standard, [new AgeSexMargin("3-7", 3, 8, null, 10)]));
        Assert.Contains("not a bound", offGrid.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BasePopulationCalibration.Rake(standard, []));

        AgeSexMargin[] contradictory = [AgeSexMargin.AllAges("all", null, 100), new("0-14", 0, 15, null, 30), new("15+", 15, null, null, 80)];
        Assert.Throws<InvalidOperationException>(() => BasePopulationCalibration.Rake(standard, contradictory));
    }

    [Fact]
    public void Distribute_RegionsMeetTheirTotalsAndMargins_AndAddUpToTheWholeInEveryCell()
    {
        var whole = BasePopulationCalibration.FromStandard(Standard(), Table3).Population;
        RegionMargins[] regions =
        [
            new("鹿城", 1_167_164, [new("male", 0, null, Sex.Male, 607_675), new("0-14", 0, 15, null, 150_080), new("60+", 60, null, null, 187_839)]),
            new("A", 5_000_000, []),
            new("B", 9_572_903 - 1_167_164 - 5_000_000, []),
        ];

        var parts = BasePopulationCalibration.Distribute(whole, regions);

        for (var i = 0; i < whole.Ages.Count; i++)
        {
            Assert.Equal(whole.Male[i], parts.Sum(p => p.Male[i]), 1e-6 * Math.Max(1, whole.Male[i]));
            Assert.Equal(whole.Female[i], parts.Sum(p => p.Female[i]), 1e-6 * Math.Max(1, whole.Female[i]));
        }

        for (var r = 0; r < regions.Length; r++)
        {
            Assert.Equal(regions[r].Total, parts[r].Total(), 1e-6 * regions[r].Total);
            foreach (var m in regions[r].Margins)
            {
                Assert.Equal(m.Total, Sum(parts[r], m.FromAge, m.ToAge, m.Sex), 1e-6 * m.Total);
            }
        }

        // The regions without margins share the rest in the same proportions at every age.
        Assert.Equal(parts[1].Female[30] / parts[2].Female[30], parts[1].Male[80] / parts[2].Male[80], 1e-9);
    }

    [Fact]
    public void Distribute_RefusesTotalsThatDoNotAddUp()
    {
        var whole = BasePopulationCalibration.FromStandard(Standard(), Table3).Population;
        var ex = Assert.Throws<ArgumentException>(() => BasePopulationCalibration.Distribute(whole, [new RegionMargins("A", 1_000, [])]));
        Assert.Contains("must be equal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStandard_OldAges_FallWithinEachGroup_AndKeepTheGroupTotals()
    {
        var result = BasePopulationCalibration.FromStandard(Standard(), [AgeSexMargin.AllAges("all", null, Standard().Total())]).Population;
        for (var age = 85; age < 99; age++)
        {
            Assert.True(result.Male[age + 1] < result.Male[age], $"male {age + 1} vs {age}");
            Assert.True(result.Female[age + 1] < result.Female[age], $"female {age + 1} vs {age}");
        }

        // Raked to the standard's own total, every five-year group comes back (graduation keeps group totals).
        for (var g = 2; g < 21; g++)
        {
            var from = 5 * (g - 1);
            Assert.Equal(ZhejiangMale[g], Sum(result, from, from + 5, Sex.Male), 1e-6 * ZhejiangMale[g]);
        }

        // Sprague alone puts more men at 99 than at 98 in this standard: the reason for the log-linear old ages.
        var sprague = BasePopulationCalibration.FromStandard(Standard(), [AgeSexMargin.AllAges("all", null, Standard().Total())], oldAgeFrom: null).Population;
        Assert.True(sprague.Male[99] > sprague.Male[98]);
    }
}
