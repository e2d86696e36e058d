using Populus.Demography;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;

namespace Populus.Planning.Tests;

public class IndicatorTests
{
    private static readonly IndicatorCalculator Calculator = new(Seed.Catalogue, Seed.Data());
    private static readonly ConsistencyCheck Checker = new(Calculator);

    [Theory]
    [InlineData(2010, 33.97)]
    [InlineData(2020, 46.58)]
    public void DependencyRatio_PlanConvention_ReproducesTable3(int year, double printed)
    {
        var v = Calculator.Compute("dependency_ratio", Seed.City, year);
        Assert.Equal(ValueBasis.Computed, v.Basis);
        Assert.Equal(printed, v.Value!.Value, 0.005);
        Assert.Equal(DataStatus.Observed, v.Provenance!.Status);
        Assert.Contains("Table 3", v.Provenance.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2010, 11.05)]
    [InlineData(2020, 16.5)]
    public void AgeingRate_ReproducesTable3AndIsConsistentWithIt(int year, double printed)
    {
        Assert.Equal(printed, Calculator.Compute("ageing_rate_60", Seed.City, year).Value!.Value, 0.05);
        var check = Checker.Check("ageing_rate_60", Seed.City, year);
        Assert.True(check.Value.Consistent, check.Value.Message);
    }

    [Fact]
    public void DependencyRatio_UnConvention_IsNoDataOnThePlansBroadGroups()
    {
        var v = Calculator.Compute("dependency_ratio_un", Seed.City, 2020);
        Assert.False(v.HasValue);
        Assert.Contains("age 65 is not a bound", v.Note!.English, StringComparison.Ordinal);
        Assert.Contains("no reported figure either", v.Note!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void AgeingRate_OfARegionYearWithOnlyATotal_SaysInChineseThatNoAgeBreakdownIsStored()
    {
        // 鹿城区's 2010 census figure is a total only (Seed: data/wenzhou/census2010_county.csv), its 2020 one by the plan's broad groups.
        var total = Calculator.Compute("ageing_rate_60", "鹿城区", 2010);
        Assert.False(total.HasValue);
        Assert.Contains("鹿城区2010年60岁及以上的常住人口：只有全部年龄的合计人数，没有分年龄的人数", total.Note!.Chinese, StringComparison.Ordinal);

        var broad = Calculator.Compute("dependency_ratio_un", Seed.City, 2020);
        Assert.Contains("65岁及以上的常住人口：现有数据的年龄组为0-14、15-59、60+（岁），不能在65岁处分开", broad.Note!.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    public void LabourProductivity_2019And2020_FollowFromTable1(int year) =>
        Assert.True(Checker.Check("labour_productivity", Seed.City, year).Value.Consistent);

    [Theory]
    [InlineData(2015, 8.10)]
    [InlineData(2016, 8.79)]
    [InlineData(2017, 9.50)]
    [InlineData(2018, 10.44)]
    public void LabourProductivity_2015To2018_AreFlaggedAsInconsistent(int year, double recomputed)
    {
        var check = Checker.Check("labour_productivity", Seed.City, year).Value;
        Assert.False(check.Consistent);
        Assert.Equal(recomputed, check.Recomputed, 0.005);
        Assert.Contains("does not follow from its inputs", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsistencyTolerance_IsHalfTheLastPrintedDigit()
    {
        Assert.Equal(0.05, Checker.Check("labour_productivity", Seed.City, 2018).Value.Tolerance, 1e-6);
        Assert.Equal(0.005, Checker.Check("labour_productivity", Seed.City, 2019).Value.Tolerance, 1e-6);
    }

    [Theory]
    [InlineData("main_centre_share", 59.8)]
    [InlineData("sub_centre_share", 17.35)]
    public void CentreShares_FromTable5AndTable3_AgreeWithTable6Base(string id, double printed)
    {
        Assert.Equal(printed, Calculator.Compute(id, Seed.City, 2020).Value!.Value, 0.05);
        Assert.True(Checker.Check(id, Seed.City, 2020).Value.Consistent);
    }

    [Fact]
    public void CentralCityPrimacy_2010_SumsTheGroupsMembers()
    {
        // 2010 census: 鹿城 1,293,266 + 龙湾 749,300 + 瓯海 996,900 + 洞头 87,700 over 9,122,102. 灵昆 moved from 龙湾 to
        // 洞头 in 2015, inside the group, so the 2010 boundaries do not change the sum.
        var v = Calculator.Compute("central_city_primacy", Seed.City, 2010);
        Assert.Equal(100.0 * (1293266 + 749300 + 996900 + 87700) / 9122102, v.Value!.Value, 1e-9);
        Assert.Equal(DataStatus.Estimated, v.Provenance!.Status);
        Assert.Contains("sum of the members of 中心城区", v.Provenance.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void CentralCityPrimacy_2020_FallsBackToTheReportedFigureAndSaysWhy()
    {
        var v = Calculator.Compute("central_city_primacy", Seed.City, 2020);
        Assert.Equal(ValueBasis.Reported, v.Basis);
        Assert.Equal(31.38, v.Value);
        Assert.Contains("its member 龙湾区 has none", v.Note!.English, StringComparison.Ordinal);
        Assert.Contains("其成员龙湾区也没有", v.Note.Chinese, StringComparison.Ordinal);
        Assert.EndsWith("采用报送值", v.Note.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void NoData_SaysWhyInChineseToo_ForEveryIndicatorRegionAndYearOfTheSeedData()
    {
        // Chinese words only, besides names, codes and numbers: no English sentence and no series or indicator code left over.
        var english = new System.Text.RegularExpressions.Regex(@"\b(of|in|the|no|not|needs?|has|have|is|are|by|either|missing|figure|given)\b|[a-z]_[a-z]");
        var reasons = 0;
        foreach (var entry in Seed.Catalogue.Entries)
        {
            foreach (var region in Seed.Regions.All.Select(r => r.Code))
            {
                for (var year = 2010; year <= 2025; year++)
                {
                    var v = Calculator.Compute(entry.Id, region, year);
                    if (v.Note is { } note)
                    {
                        Assert.DoesNotMatch(english, note.Chinese);
                        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", note.Chinese);
                        reasons++;
                    }
                }
            }
        }

        Assert.True(reasons > 1000, $"{reasons} reasons");
    }

    [Fact]
    public void AReport_ComesBeforeAComputationFromEstimatesOfNoHigherStanding_NotBeforeOneFromObservations()
    {
        var counts = AgeSexCounts.BothSexes(new PopulationByAge(AgeGroups.FromStarts([0, 60]), [800, 200]));
        var data = new InMemoryIndicatorData(Seed.Catalogue);
        data.AddPopulation(PopulationKind.Resident, "鹿城区", 2023, counts, Provenance.Estimated("EST-V2024"));
        data.AddReported(new ReportedValue("resident_population", "鹿城区", 2023, "0.1001", Provenance.Observed("S24")));
        data.AddPopulation(PopulationKind.Resident, "鹿城区", 2020, counts, Provenance.Observed("census"));
        data.AddReported(new ReportedValue("resident_population", "鹿城区", 2020, "0.1001", Provenance.Observed("bulletin")));
        data.AddPopulation(PopulationKind.Resident, "鹿城区", 2022, counts, Provenance.Estimated("EST-V2024"));
        data.AddReported(new ReportedValue("resident_population", "鹿城区", 2022, "0.1001", Provenance.Estimated("derived")));
        var calculator = new IndicatorCalculator(Seed.Catalogue, data);

        // The observation, with the estimate's figure in the note.
        var residents = calculator.Compute("resident_population", "鹿城区", 2023);
        Assert.Equal((0.1001, ValueBasis.Reported, DataStatus.Observed, "S24"), (residents.Value!.Value, residents.Basis, residents.Provenance!.Status, residents.Provenance.Source));
        Assert.Equal("observed figure used; computed from estimated data (EST-V2024): 0.1", residents.Note!.English);
        Assert.Equal("采用观测值；由估计数据（EST-V2024）计算为 0.1", residents.Note.Chinese);
        // What no one reports stays the estimate's.
        var ageing = calculator.Compute("ageing_rate_60", "鹿城区", 2023);
        Assert.Equal((20, ValueBasis.Computed, DataStatus.Estimated), (ageing.Value!.Value, ageing.Basis, ageing.Provenance!.Status));
        // A source's own estimate comes before ours; a computation from observed counts keeps its place before any report.
        var derived = calculator.Compute("resident_population", "鹿城区", 2022);
        Assert.Equal((0.1001, ValueBasis.Reported, "derived"), (derived.Value!.Value, derived.Basis, derived.Provenance!.Source));
        Assert.Equal(("estimated figure used; computed from estimated data (EST-V2024): 0.1", "采用估计值；由估计数据（EST-V2024）计算为 0.1"), (derived.Note!.English, derived.Note.Chinese));
        Assert.Equal((0.1, ValueBasis.Computed), (calculator.Compute("resident_population", "鹿城区", 2020).Value!.Value, calculator.Compute("resident_population", "鹿城区", 2020).Basis));
    }

    [Fact]
    public void UrbanizationWithoutUrbanCounts_HasNoDataWithEveryReason()
    {
        var v = Calculator.Compute("urbanization_rate", Seed.City, 2010);
        Assert.Equal(ValueBasis.None, v.Basis);
        // Each reason once: the missing input names itself, and a report simply not held needs no region and year again.
        Assert.Equal(("no urban population of 温州市 in 2010 in the data; no reported figure either", "数据中没有温州市2010年的城镇人口；也没有报送值"),
            (v.Note!.English, v.Note.Chinese));
    }

    [Fact]
    public void IndicatorOutsideItsRegions_IsNoData()
    {
        var v = Calculator.Compute("central_city_primacy", "鹿城区", 2020);
        Assert.Contains("applies to 温州市, not to 鹿城区", v.Note!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyRegion_ComputesFromItsOwnData() =>
        Assert.Equal(100.0 * 187839 / 1167164, Calculator.Compute("ageing_rate_60", "鹿城区", 2020).Value!.Value, 1e-9);

    [Fact]
    public void ReportedIndicator_TakesTheReportedFigure()
    {
        var v = Calculator.Compute("graduate_retention_rate", Seed.City, 2017);
        Assert.Equal((33.83, ValueBasis.Reported), (v.Value!.Value, v.Basis));
        var none = Calculator.Compute("birth_defect_incidence", Seed.City, 2023);
        Assert.Contains("no figure reported by 市卫健委", none.Note!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportedIndicator_WhoseDepartmentThePlanDoesNotName_MissesItsFigureNamingNobody()
    {
        // 新增人才 (TT01): the catalogue's department is 未指定, which is no department's name.
        Assert.Null(Seed.Catalogue["TT01"].Department);
        var none = Calculator.Compute("TT01", Seed.City, 2023).Note!;
        Assert.EndsWith("no figure reported", none.English, StringComparison.Ordinal);
        Assert.EndsWith("未报送数值", none.Chinese, StringComparison.Ordinal);
        Assert.DoesNotContain(IndicatorCatalogue.NoDepartmentNamed, none.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportedFigure_ForUnknownIndicatorRegionOrYear_IsRefused()
    {
        var data = new InMemoryIndicatorData(Seed.Catalogue, 2000, 2050);
        var source = Provenance.Observed("test");
        Assert.Equal("indicator", Assert.Single(Assert.Throws<CatalogueException>(() => data.AddReported(new ReportedValue("happiness", Seed.City, 2020, "1", source))).Errors).Field);
        Assert.Equal("region", Assert.Single(Assert.Throws<CatalogueException>(() => data.AddReported(new ReportedValue("total_fertility_rate", "Atlantis", 2020, "1", source))).Errors).Field);
        var year = Assert.Single(Assert.Throws<CatalogueException>(() => data.AddReported(new ReportedValue("total_fertility_rate", Seed.City, 2100, "1.3", source))).Errors);
        Assert.Equal(("year", "2100"), (year.Field, year.Value));
    }

    [Fact]
    public void Provenance_CombinesToTheWeakerStatusAndBothSources()
    {
        var p = Provenance.Observed("A").Combine(Provenance.Projected("medium"));
        Assert.Equal((DataStatus.Projected, "A; medium"), (p.Status, p.Source));

        // A provenance that already names every source of the other at a status no stronger is itself; otherwise the
        // other's new sources follow its own, each once.
        var grouped = Provenance.Projected("medium").Combine(Provenance.SumOfMembers("中心城区"));
        Assert.Same(grouped, grouped.Combine(Provenance.Projected("medium")));
        Assert.Same(grouped, grouped.Combine(Provenance.Observed("medium")));
        Assert.Equal("medium; sum of the members of 中心城区", grouped.Source);
        var reversed = Provenance.SumOfMembers("中心城区").Combine(grouped);
        Assert.Equal((DataStatus.Projected, "sum of the members of 中心城区; medium"), (reversed.Status, reversed.Source));
        Assert.Equal("medium; sum of the members of 中心城区; A", grouped.Combine(Provenance.Observed("A; medium")).Source);
        Assert.Equal("medium", Provenance.Projected("medium").Combine(Provenance.Projected("medium; medium")).Source);
    }

    [Fact]
    public void Provenance_InChinese_SaysTheNotesWrittenAboutASource_AndKeepsIdsAndTitles()
    {
        var sources = Provenance.Estimated("S24, 2023年温州各县(市、区)常住人口; plan Table 6 base 2020").Combine(Provenance.SumOfMembers("中心城区"))
            .Combine(Provenance.Estimated("S17 (derived)")).Combine(Provenance.Observed("plan Table 4 (表 4: 在温高校毕业生留温率); data source as printed: 温州市教育局"));
        Assert.Equal("S24, 2023年温州各县(市、区)常住人口; 规划表 6 2020 年基数; 中心城区各成员数值之和; S17（推算）; 规划表 4（在温高校毕业生留温率）; 原表注明的数据来源：温州市教育局",
            sources.SourceZh);
        Assert.Equal("baseline", Provenance.Projected("baseline").SourceZh);
    }

    [Fact]
    public void LifeExpectancy_ConstantHazard_IsItsReciprocal()
    {
        // With a constant mx every group's person-years are d/m, whatever nax, so e0 = 1/m exactly.
        var ages = AgeGroups.Abridged(85);
        var data = Synthetic(ages, pop: _ => 1000, deaths: _ => 20);
        Assert.Equal(50.0, new IndicatorCalculator(Seed.Catalogue, data).Compute("life_expectancy", Seed.City, 2030).Value!.Value, 1e-9);
    }

    [Fact]
    public void LifeExpectancy_NeedsAGridTheLifeTableAccepts()
    {
        var ages = AgeGroups.FiveYear(0, 100);
        var v = new IndicatorCalculator(Seed.Catalogue, Synthetic(ages, pop: _ => 1000, deaths: _ => 20)).Compute("life_expectancy", Seed.City, 2030);
        Assert.False(v.HasValue);
        Assert.Contains("life expectancy of 温州市 in 2030", v.Note!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void LifeExpectancy_WithoutDeaths_FallsBackToTheReportedBase()
    {
        var v = Calculator.Compute("life_expectancy", Seed.City, 2020);
        Assert.Equal((81.72, ValueBasis.Reported), (v.Value!.Value, v.Basis));
        Assert.Contains("no deaths of 温州市 in 2020", v.Note!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Tfr_SumsFiveYearRatesOverSingleYearWomen()
    {
        // 0.04 births per woman-year at every age 15–49: TFR = 35 × 0.04 = 1.4.
        var ages = AgeGroups.SingleYear(100);
        var women = Enumerable.Range(0, ages.Count).Select(i => 1000.0 + i).ToArray();
        var birthAges = AgeGroups.FiveYear(15, 50, open: false);
        var births = Enumerable.Range(0, 7).Select(g => 0.04 * women.Skip(15 + (5 * g)).Take(5).Sum()).ToArray();
        var data = new InMemoryIndicatorData(Seed.Catalogue)
            .AddPopulation(PopulationKind.Resident, Seed.City, 2030, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(ages, women), new PopulationByAge(ages, women))), Provenance.Projected("test"))
            .AddBirths(Seed.City, 2030, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(birthAges, births.Select(b => b * 0.5233).ToArray()), new PopulationByAge(birthAges, births.Select(b => b * 0.4767).ToArray()))), Provenance.Projected("test"));
        var calc = new IndicatorCalculator(Seed.Catalogue, data);
        Assert.Equal(1.4, calc.Compute("total_fertility_rate", Seed.City, 2030).Value!.Value, 1e-9);
        Assert.Equal(100 * 0.5233 / 0.4767, calc.Compute("sex_ratio_at_birth", Seed.City, 2030).Value!.Value, 1e-9);
        Assert.Equal(DataStatus.Projected, calc.Compute("total_fertility_rate", Seed.City, 2030).Provenance!.Status);
    }

    [Fact]
    public void BirthsOfSomeMothersAgesOnly_GiveNoSrbTfrOrInfantMortality_AndSaySo()
    {
        // data/examples/vital-events.csv's shape: one region-year's births to mothers aged 25–29 only, with infant deaths.
        var ages = AgeGroups.SingleYear(100);
        var women = Enumerable.Repeat(1000.0, ages.Count).ToArray();
        var someMothers = AgeGroups.FiveYear(25, 30, open: false);
        var deathAges = AgeGroups.SingleYear(1);
        var data = new InMemoryIndicatorData(Seed.Catalogue)
            .AddPopulation(PopulationKind.Resident, Seed.City, 2030, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(ages, women), new PopulationByAge(ages, women))), Provenance.Observed("test"))
            .AddBirths(Seed.City, 2030, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(someMothers, [2100]), new PopulationByAge(someMothers, [1900]))), Provenance.Observed("test"))
            .AddDeaths(Seed.City, 2030, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(deathAges, [12, 500]), new PopulationByAge(deathAges, [10, 500]))), Provenance.Observed("test"));
        var calc = new IndicatorCalculator(Seed.Catalogue, data);
        foreach (var id in new[] { "sex_ratio_at_birth", "total_fertility_rate", "infant_mortality" })
        {
            var v = calc.Compute(id, Seed.City, 2030);
            Assert.False(v.HasValue, id);
            Assert.Contains("covers ages 25-29 only; it needs every mother's age group 15-49", v.Note!.English, StringComparison.Ordinal);
            Assert.Contains("15-49 岁的全部年龄组", v.Note!.Chinese, StringComparison.Ordinal);
        }

        // A total of the year's births (no mother's age) still gives the infant mortality.
        data.AddBirths(Seed.City, 2031, AgeSexCounts.BothSexes(new PopulationByAge(AgeGroups.FromStarts([0]), [4000])), Provenance.Observed("test"))
            .AddDeaths(Seed.City, 2031, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(deathAges, [12, 500]), new PopulationByAge(deathAges, [10, 500]))), Provenance.Observed("test"));
        Assert.Equal(1000.0 * 22 / 4000, calc.Compute("infant_mortality", Seed.City, 2031).Value!.Value, 1e-12);
    }

    [Fact]
    public void SplitCounts_AddTheSexes_AndRefuseASumThatOverflows()
    {
        var ages = AgeGroups.SingleYear(3);
        var split = AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(ages, [1, 2, 3, 4]), new PopulationByAge(ages, [0.5, 0, 7, 1e300])));
        Assert.Equal([1.5, 2, 10, 1e300 + 4], split.Total.Values.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(ages, [1, 2, 3, double.MaxValue]), new PopulationByAge(ages, [1, 2, 3, double.MaxValue]))));
    }

    [Fact]
    public void GroupSums_AreEachGroupsRangeSum_ReadAtTheirOffsetOrSummed()
    {
        var single = AgeGroups.SingleYear(100);
        var women = Enumerable.Range(0, single.Count).Select(x => x == 20 ? -0.0 : 1000.0 + (3.7 * x)).ToArray();
        var counts = AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(single, women), new PopulationByAge(single, women)));
        foreach (var groups in new[] { AgeGroups.SingleYearRange(15, 49), AgeGroups.FiveYear(15, 50, open: false) })
        {
            var sums = new double[groups.Count];
            Assert.True(counts.TrySumGroups(groups, Sex.Female, sums, out var failed, out _));
            Assert.Equal(-1, failed);
            for (var i = 0; i < groups.Count; i++)
            {
                Assert.True(counts.TrySum(new AgeRange(groups.Start(i), groups.Start(i) + groups.Width(i)), Sex.Female, out var one, out _));
                Assert.Equal(BitConverter.DoubleToInt64Bits(one), BitConverter.DoubleToInt64Bits(sums[i])); // −0 summed is +0 either way
            }
        }

        // Past the open age 45+: the first group that cannot be summed, and the sums before it.
        var open = AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(AgeGroups.SingleYear(45), women[..46]), new PopulationByAge(AgeGroups.SingleYear(45), women[..46])));
        var partial = new double[35];
        Assert.False(open.TrySumGroups(AgeGroups.SingleYearRange(15, 49), Sex.Female, partial, out var at, out var why));
        Assert.Equal(30, at);
        Assert.Equal(women[44], partial[29]);
        Assert.Contains("age 46 is not a bound", why!.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 25, null)] // single-year births below the table's open age: women read at their offset
    [InlineData(100, 20, "no women aged 20-20")]
    [InlineData(45, -1, "women aged 45-45: age 46 is not a bound")] // births past the open age 45+: refused as a range sum refuses it
    public void Tfr_OfSingleYearBirths_IsTheSumOfEachAgesRate_OrSaysWhichWomenAreMissing(int openAge, int noWomenAt, string? missing)
    {
        var ages = AgeGroups.SingleYear(openAge);
        var women = Enumerable.Range(0, ages.Count).Select(i => i == noWomenAt && missing is not null ? 0.0 : 1000.0 + (7 * i)).ToArray();
        var birthAges = AgeGroups.SingleYearRange(15, 49);
        var births = Enumerable.Range(15, 35).Select(x => 0.001 * x * (50 - x)).ToArray();
        var data = new InMemoryIndicatorData(Seed.Catalogue)
            .AddPopulation(PopulationKind.Resident, Seed.City, 2030, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(ages, women), new PopulationByAge(ages, women))), Provenance.Projected("test"))
            .AddBirths(Seed.City, 2030, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(birthAges, births.Select(b => b * 0.52).ToArray()), new PopulationByAge(birthAges, births.Select(b => b * 0.48).ToArray()))), Provenance.Projected("test"));
        var tfr = new IndicatorCalculator(Seed.Catalogue, data).Compute("total_fertility_rate", Seed.City, 2030);
        if (missing is null)
        {
            var expected = Enumerable.Range(0, 35).Sum(i => ((births[i] * 0.52) + (births[i] * 0.48)) / women[15 + i]);
            Assert.Equal(expected, tfr.Value!.Value, 1e-12);
        }
        else
        {
            Assert.False(tfr.HasValue);
            Assert.Contains(missing, tfr.Note!.English, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EducationIndicators_UseTheCensusLevelsAndSchoolingYears()
    {
        var ages = AgeGroups.FromStarts([0, 16, 20, 60]);
        // Per level (none, preschool, primary, junior secondary, senior secondary, secondary vocational, junior college,
        // bachelor, master, doctorate) persons aged 0-15, 16-19, 20-59, 60+. Vocational counts as senior secondary (12 years,
        // not higher education); pre-school children are outside 16-59.
        double[][] byLevel = [[10, 0, 0, 0], [5, 0, 0, 0], [0, 0, 10, 0], [0, 10, 30, 0], [0, 4, 18, 0], [0, 6, 12, 0], [0, 0, 20, 0], [0, 0, 8, 0], [0, 0, 2, 0], [0, 0, 0, 0]];
        var edu = new EducationCounts([.. byLevel.Select(v => new PopulationByAge(ages, v))]);
        var data = new InMemoryIndicatorData(Seed.Catalogue).AddEducation(Seed.City, 2020, edu, Provenance.Observed("test"));
        var calc = new IndicatorCalculator(Seed.Catalogue, data);
        Assert.Equal(100.0 * 30 / 100, calc.Compute("higher_education_share_20_59", Seed.City, 2020).Value!.Value, 1e-9);
        var years = ((6 * 10) + (9 * 40) + (12 * 40) + (15 * 20) + (16 * 8) + (19 * 2)) / 120.0;
        Assert.Equal(years, calc.Compute("mean_schooling_16_59", Seed.City, 2020).Value!.Value, 1e-9);
    }

    [Fact]
    public void EducationLevels_ReadCodesLabelsAndPostgraduate()
    {
        Assert.All(EducationLevels.All, level =>
        {
            Assert.True(EducationLevels.TryParse(level.Code(), out var byCode));
            Assert.Equal(level, byCode);
            Assert.True(EducationLevels.TryParse(level.Label(), out var byLabel));
            Assert.Equal(level, byLabel);
        });
        Assert.Equal(EducationLevel.JuniorCollege, EducationLevels.TryParse("JuniorCollege", out var named) ? named : default);
        // The plan's 研究生 (postgraduate) starts at the master's level: level>=postgraduate counts master and doctorate.
        Assert.Equal(EducationLevel.Master, EducationLevels.TryParse("postgraduate", out var p) ? p : default);
        Assert.Equal(EducationLevel.Master, EducationLevels.TryParse("研究生", out var zh) ? zh : default);
        Assert.False(EducationLevels.TryParse("6", out _));
        Assert.False(EducationLevels.TryParse("college", out _));
        Assert.Throws<ArgumentException>(() => new EducationCounts([new PopulationByAge(AgeGroups.FromStarts([0, 16]), [1, 1])]));
    }

    private static InMemoryIndicatorData Synthetic(AgeGroups ages, Func<int, double> pop, Func<int, double> deaths)
    {
        var p = Enumerable.Range(0, ages.Count).Select(pop).ToArray();
        var d = Enumerable.Range(0, ages.Count).Select(deaths).ToArray();
        return new InMemoryIndicatorData(Seed.Catalogue)
            .AddPopulation(PopulationKind.Resident, Seed.City, 2030, AgeSexCounts.BothSexes(new PopulationByAge(ages, p)), Provenance.Projected("test"))
            .AddDeaths(Seed.City, 2030, AgeSexCounts.BothSexes(new PopulationByAge(ages, d)), Provenance.Projected("test"));
    }
}
