using System.Globalization;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Planning.Targets;

namespace Populus.Planning.Tests;

public class TargetTests
{
    private static TargetEvaluator Evaluator(InMemoryIndicatorData? data = null) =>
        new(new IndicatorCalculator(Seed.Catalogue, data ?? Seed.Data()));

    private static PlanTarget Target(string id, int year) => Seed.Book.For(id).Single(t => t.Year == year);

    [Theory]
    [InlineData(">=1000", TargetKind.AtLeast, 1000)]
    [InlineData(">1000", TargetKind.Above, 1000)]
    [InlineData("<=9", TargetKind.AtMost, 9)]
    [InlineData("<20", TargetKind.Below, 20)]
    [InlineData("=100", TargetKind.Exactly, 100)]
    [InlineData("approx 1.35", TargetKind.Approximately, 1.35)]
    [InlineData("cum>=60", TargetKind.CumulativeAtLeast, 60)]
    public void NumericRules_ParseAndPrintBack(string text, TargetKind kind, double value)
    {
        Assert.True(TargetRule.TryParse(text, out var rule, out _));
        Assert.Equal((kind, value), (rule!.Kind, rule.Value!.Value));
        Assert.Equal(text, rule.ToString());
    }

    [Theory]
    [InlineData("increasing-yearly")]
    [InlineData("maintain-high")]
    [InlineData("maintain-low")]
    [InlineData("stable")]
    [InlineData("near-natural-balance")]
    [InlineData("natural-balance")]
    [InlineData("better-than-province-average")]
    [InlineData("top-of-province")]
    public void WordRules_ParseAndPrintBack(string text)
    {
        Assert.True(TargetRule.TryParse(text, out var rule, out _));
        Assert.Equal(text, rule!.ToString());
    }

    [Theory]
    [InlineData("about 1.35", "not a target the parser reads")]
    [InlineData(">= lots", "'lots' in '>= lots' is not a number")]
    [InlineData("", "the target is empty")]
    [InlineData("cum>=-5", "needs a positive figure")]
    public void UnreadableTargets_AreRefusedWithAReason(string text, string reason)
    {
        Assert.False(TargetRule.TryParse(text, out _, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderOfMagnitudeText_IsReadFromTheJiCharacter()
    {
        Assert.True(TargetRule.TryFromText("approx", "1000", "千亿级", out var rule, out _));
        Assert.Equal(TargetKind.OrderOfMagnitude, rule!.Kind);
        Assert.Equal((1000.0, 10000.0), rule.Band);
    }

    [Fact]
    public void DefaultBook_HasSixtyTargetsFromTable6AndTheTextTargets()
    {
        Assert.Equal(60 + 70, Seed.Book.Targets.Count);
        Assert.Equal(TargetKind.Approximately, Target("total_fertility_rate", 2030).Rule.Kind);
        Assert.Null(Seed.Book.For("TT32").Single().Year);
        Assert.Equal(10.48, Seed.Book.BaseFigures.Single(f => f.IndicatorId == "graduates_attracted").Value);
    }

    [Fact]
    public void UnreadableTargetInTheBook_IsRefusedNamingTheCell()
    {
        var plan = RepoData.Text("plan/plan-indicators.csv").Replace("1.35左右,1.35左右", "X,X", StringComparison.Ordinal).Replace("approx 1.35,approx 1.35", "about 1.35,approx 1.35", StringComparison.Ordinal);
        var e = Assert.Throws<CatalogueException>(() => TargetBook.Parse(Seed.Catalogue, plan, RepoData.Text("plan/targets-text.csv"), Seed.City));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("target_2030", "about 1.35"), (error.Field, error.Value));
        Assert.Contains("indicator 3 总和生育率", error.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void UnlinkedTextTarget_IsRefused()
    {
        var text = RepoData.Text("plan/targets-text.csv").Replace("\nTT12,", "\nTT99,", StringComparison.Ordinal);
        var e = Assert.Throws<CatalogueException>(() => TargetBook.Parse(Seed.Catalogue, RepoData.Text("plan/plan-indicators.csv"), text, Seed.City));
        Assert.Equal(("id", "TT99"), (Assert.Single(e.Errors).Field, e.Errors[0].Value));
    }

    [Theory]
    [InlineData(1005.0, TargetStatus.OnTrack)]
    [InlineData(990.0, TargetStatus.AtRisk)]
    [InlineData(950.0, TargetStatus.OffTrack)]
    public void ResidentPopulation2025_StatusFollowsTheProjection(double projected, TargetStatus expected)
    {
        var projection = new ProjectedIndicators("medium").Add("resident_population", Seed.City, 2025, projected);
        var e = Evaluator().Evaluate(Seed.Book, Target("resident_population", 2025), Seed.City, 2020, projection);
        Assert.Equal(expected, e.Status);
        Assert.Equal(Math.Max(0, 1000 - projected), e.Shortfall!.Value, 1e-9);
        Assert.Equal(DataStatus.Projected, e.Expected!.Provenance!.Status);
        Assert.Equal(expected != TargetStatus.OnTrack, e.IsEarlyWarning);
    }

    [Fact]
    public void RequiredAnnualChange_IsTheGapOverTheYearsLeft()
    {
        var e = Evaluator().Evaluate(Seed.Book, Target("resident_population", 2025), Seed.City, 2020, null);
        // The latest value is computed from the census count 9,572,903 (Table 3), not the rounded base 957.29.
        Assert.Equal((1000 - 957.2903) / 5, e.RequiredAnnualChange!.Value, 1e-9);
        Assert.Equal(ValueBasis.Computed, e.Latest!.Basis);
        Assert.Equal(TargetStatus.NoData, e.Status);
        Assert.Contains("no projection was given", e.Explanation, StringComparison.Ordinal);
        // Why, in Chinese too: the same reason the explanation gives.
        Assert.Equal(e.Explanation, e.NoDataReason!.English);
        Assert.Equal("没有2020年以后的预测", e.NoDataReason.Chinese);
    }

    [Fact]
    public void PassedTargetYear_IsAchievedOrMissedOnTheObservedValue()
    {
        var data = Seed.Data().AddReported(new ReportedValue("ageing_rate_60", Seed.City, 2025, "19.6", Provenance.Observed("test bulletin")));
        var e = Evaluator(data).Evaluate(Seed.Book, Target("ageing_rate_60", 2025), Seed.City, 2025, null);
        Assert.Equal(TargetStatus.Achieved, e.Status);
        data.AddReported(new ReportedValue("ageing_rate_60", Seed.City, 2025, "20.4", Provenance.Observed("test bulletin")));
        Assert.Equal(TargetStatus.OffTrack, Evaluator(data).Evaluate(Seed.Book, Target("ageing_rate_60", 2025), Seed.City, 2025, null).Status);
    }

    [Theory]
    [InlineData(1.32, TargetStatus.OnTrack)]
    [InlineData(1.39, TargetStatus.OnTrack)]
    [InlineData(1.30, TargetStatus.AtRisk)]
    [InlineData(1.20, TargetStatus.OffTrack)]
    public void ApproximatelyTfr_AcceptsThreePercentEitherSide(double tfr, TargetStatus expected)
    {
        var projection = new ProjectedIndicators("s").Add("total_fertility_rate", Seed.City, 2030, tfr);
        Assert.Equal(expected, Evaluator().Evaluate(Seed.Book, Target("total_fertility_rate", 2030), Seed.City, 2020, projection).Status);
    }

    [Theory]
    [InlineData(2030, 108.0, TargetStatus.OnTrack)]
    [InlineData(2030, 108.5, TargetStatus.AtRisk)]
    [InlineData(2035, 108.0, TargetStatus.AtRisk)]
    [InlineData(2035, 105.0, TargetStatus.OnTrack)]
    [InlineData(2035, 101.0, TargetStatus.AtRisk)]
    public void SexRatioAtBirth_NaturalBalanceBands(int year, double srb, TargetStatus expected)
    {
        var projection = new ProjectedIndicators("s").Add("sex_ratio_at_birth", Seed.City, year, srb);
        Assert.Equal(expected, Evaluator().Evaluate(Seed.Book, Target("sex_ratio_at_birth", year), Seed.City, 2020, projection).Status);
    }

    [Fact]
    public void ValuesOnABound_MeetAClosedBandAndMissAnOpenOne_AndTheMessageSaysBy_LessThanShown()
    {
        // The band's upper edge as the arithmetic of a ratio gives it (the next double above it): on the edge, so met.
        var (lower, upper) = TargetRule.NaturalBalanceRange;
        var onEdge = new ProjectedIndicators("s").Add("sex_ratio_at_birth", Seed.City, 2035, Math.BitIncrement(upper));
        Assert.Equal(TargetStatus.OnTrack, Evaluator().Evaluate(Seed.Book, Target("sex_ratio_at_birth", 2035), Seed.City, 2020, onEdge).Status);

        // Beyond the upper edge the margin is taken of that edge, not of the lower one.
        var above = new ProjectedIndicators("s").Add("sex_ratio_at_birth", Seed.City, 2035, upper + 1);
        var missed = Evaluator().Evaluate(Seed.Book, Target("sex_ratio_at_birth", 2035), Seed.City, 2020, above);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"misses it by 1 (within the at-risk margin of 2 % of {upper})"), missed.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(string.Create(CultureInfo.InvariantCulture, $"of {lower})"), missed.Explanation, StringComparison.Ordinal);

        // The plan's >45 (plan-indicators.csv) excludes 45 itself: missed, by less than the figures are shown to.
        var target = Target("graduate_retention_rate", 2030);
        var bound = target.Rule.Value!.Value;
        var atBound = new ProjectedIndicators("s").Add("graduate_retention_rate", Seed.City, 2030, Math.BitDecrement(bound));
        var e = Evaluator().Evaluate(Seed.Book, target, Seed.City, 2020, atBound);
        Assert.Equal(TargetStatus.AtRisk, e.Status);
        Assert.Contains("misses it by less than 0.0001", e.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void CumulativeGraduates_SumTheAnnualCountsSinceTheBaseYear()
    {
        var data = Seed.Data();
        foreach (var y in Enumerable.Range(2021, 5))
        {
            data.AddReported(new ReportedValue("graduates_attracted", Seed.City, y, "12", Provenance.Observed("市教育局")));
        }

        var e = Evaluator(data).Evaluate(Seed.Book, Target("graduates_attracted", 2025), Seed.City, 2025, null);
        Assert.Equal(TargetStatus.Achieved, e.Status);

        var partial = Seed.Data().AddReported(new ReportedValue("graduates_attracted", Seed.City, 2021, "13", Provenance.Observed("市教育局")));
        var missing = Evaluator(partial).Evaluate(Seed.Book, Target("graduates_attracted", 2025), Seed.City, 2021, null);
        Assert.Equal(TargetStatus.NoData, missing.Status);
        Assert.Equal((60 - 13) / 4.0, missing.RequiredAnnualChange!.Value, 1e-9);
        // Which years are lacking, then why the first is (here: after the evaluation year, and no projection given).
        Assert.StartsWith("累计值需要2021—2025年每年的数值，缺2022—2025年：", missing.NoDataReason!.Chinese, StringComparison.Ordinal);
        Assert.StartsWith("the cumulative count needs every year 2021–2025 and lacks 2022–2025: ", missing.NoDataReason.English, StringComparison.Ordinal);
        partial.AddReported(new ReportedValue("graduates_attracted", Seed.City, 2023, "11", Provenance.Observed("市教育局")));
        var gaps = Evaluator(partial).Evaluate(Seed.Book, Target("graduates_attracted", 2025), Seed.City, 2025, null);
        // Which years a department has still to report, then why the first is missing.
        Assert.StartsWith("累计值需要2021—2025年每年的数值，缺2022、2024—2025年：报送部门", gaps.NoDataReason!.Chinese, StringComparison.Ordinal);
        Assert.StartsWith("the cumulative count needs every year 2021–2025 and lacks 2022, 2024–2025: ", gaps.NoDataReason.English, StringComparison.Ordinal);
        var none = Evaluator(Seed.Data()).Evaluate(Seed.Book, Target("graduates_attracted", 2025), Seed.City, 2025, null);
        Assert.StartsWith("累计值需要2021—2025年每年的数值，各年均无数值：报送部门（市教育局）未报送数值", none.NoDataReason!.Chinese, StringComparison.Ordinal);
        Assert.StartsWith("the cumulative count needs every year 2021–2025 and has none of them: no figure reported by 市教育局", none.NoDataReason.English, StringComparison.Ordinal);
        Assert.Null(e.NoDataReason);
    }

    [Fact]
    public void IncreasingYearly_FindsTheFallsInTable4()
    {
        var rule = Seed.Book.For("graduate_retention_rate").First(t => t.Rule.Kind == TargetKind.IncreasingYearly).Rule;
        var since2015 = new PlanTarget("graduate_retention_rate", 2021, rule, 2014, "逐年提高", "test");
        var e = Evaluator().Evaluate(Seed.Book, since2015, Seed.City, 2021, null);
        Assert.Equal(TargetStatus.OffTrack, e.Status);
        Assert.Equal(36.05 - 33.83, e.Shortfall!.Value, 1e-9);

        var since2020 = since2015 with { BaseYear = 2020 };
        Assert.Equal(TargetStatus.Achieved, Evaluator().Evaluate(Seed.Book, since2020, Seed.City, 2021, null).Status);
    }

    [Fact]
    public void StableDependencyRatio_IsJudgedAgainstThe2030Level()
    {
        var projection = new ProjectedIndicators("s").Add("dependency_ratio", Seed.City, 2030, 60).Add("dependency_ratio", Seed.City, 2035, 62.5);
        var onTrack = Evaluator().Evaluate(Seed.Book, Target("dependency_ratio", 2035), Seed.City, 2020, projection);
        Assert.Equal(TargetStatus.OnTrack, onTrack.Status);
        Assert.EndsWith("2035 value 62.5 against the 2030 value 60", onTrack.Explanation, StringComparison.Ordinal);
        projection.Add("dependency_ratio", Seed.City, 2035, 66);
        Assert.Equal(TargetStatus.OffTrack, Evaluator().Evaluate(Seed.Book, Target("dependency_ratio", 2035), Seed.City, 2020, projection).Status);
    }

    [Fact]
    public void MaintainHighLifeExpectancy_KeepsThe2030Target()
    {
        var projection = new ProjectedIndicators("s").Add("life_expectancy", Seed.City, 2035, 82.4);
        var e = Evaluator().Evaluate(Seed.Book, Target("life_expectancy", 2035), Seed.City, 2020, projection);
        Assert.Equal(TargetStatus.AtRisk, e.Status);
        Assert.EndsWith("2035 value 82.4 against the 2030 target >=82.5", e.Explanation, StringComparison.Ordinal); // the target's figure once
    }

    [Fact]
    public void YearsRead_AreTheProjectedYearsEachRuleJudgesOn()
    {
        var evaluator = Evaluator();
        var city = Seed.City;
        // A band: its year only; not ahead of the evaluation year: nothing projected.
        Assert.Equal([2025], evaluator.YearsRead(Seed.Book, Target("resident_population", 2025), city, 2024));
        Assert.Empty(evaluator.YearsRead(Seed.Book, Target("resident_population", 2025), city, 2025));
        // Rising every year since the 2030 target: 2030 and each year after it.
        Assert.Equal([2030, 2031, 2032, 2033, 2034, 2035], evaluator.YearsRead(Seed.Book, Target("central_city_primacy", 2035), city, 2024));
        // Stable: against the 2030 level; the 2030 level observed by then is not read from the projection.
        Assert.Equal([2030, 2035], evaluator.YearsRead(Seed.Book, Target("dependency_ratio", 2035), city, 2024));
        Assert.Equal([2035], evaluator.YearsRead(Seed.Book, Target("dependency_ratio", 2035), city, 2030));
        // Kept high: against the 2030 target's figure, not a projected value.
        Assert.Equal([2035], evaluator.YearsRead(Seed.Book, Target("life_expectancy", 2035), city, 2024));
        // A cumulative count: every year after the evaluation year up to the target's.
        Assert.Equal([2023, 2024, 2025], evaluator.YearsRead(Seed.Book, Target("graduates_attracted", 2025), city, 2022));
    }

    [Fact]
    public void ProvinceComparison_NeedsTheProvinceFigures()
    {
        var data = Seed.Data().AddReported(new ReportedValue("healthy_zhejiang_index", Seed.City, 2025, "80.1", Provenance.Observed("市卫健委")));
        var e = Evaluator(data).Evaluate(Seed.Book, Target("healthy_zhejiang_index", 2025), Seed.City, 2025, null);
        Assert.Equal(TargetStatus.NoData, e.Status);
        Assert.Contains("needs the 浙江省 figure for 2025", e.Explanation, StringComparison.Ordinal);

        data.AddReported(new ReportedValue("healthy_zhejiang_index", "浙江省", 2025, "79.5", Provenance.Observed("省卫健委")));
        Assert.Equal(TargetStatus.Achieved, Evaluator(data).Evaluate(Seed.Book, Target("healthy_zhejiang_index", 2025), Seed.City, 2025, null).Status);

        var ranking = Evaluator(data).Evaluate(Seed.Book, Target("healthy_zhejiang_index", 2030) with { Year = 2025 }, Seed.City, 2025, null);
        Assert.Equal(TargetStatus.NoData, ranking.Status);
        Assert.Contains("missing: 杭州市, 宁波市", ranking.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TopOfProvince_RanksTheCities()
    {
        var data = Seed.Data();
        var cities = Seed.Regions["浙江省"].Members;
        for (var i = 0; i < cities.Count; i++)
        {
            data.AddReported(new ReportedValue("healthy_zhejiang_index", cities[i], 2030, (70 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Provenance.Observed("test")));
        }

        // 温州市 is third in the list, so it scores 72: rank 9 of 11; the third best is 78.
        var e = Evaluator(data).Evaluate(Seed.Book, Target("healthy_zhejiang_index", 2030), Seed.City, 2030, null);
        Assert.Equal(TargetStatus.OffTrack, e.Status);
        Assert.Equal(6, e.Shortfall!.Value, 1e-9);
        Assert.Contains("ranks 9 of 11", e.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ACountysTargets_AreTheCitysRatesAsBenchmarks_NotItsCounts()
    {
        const string Lucheng = "330302";
        Assert.Equal(Seed.City, Seed.Book.Region);
        var population = Seed.Catalogue["resident_population"];
        var tfr = Seed.Catalogue["total_fertility_rate"];
        Assert.True(Seed.Book.AppliesTo(population, Seed.City));
        Assert.False(Seed.Book.AppliesTo(population, Lucheng)); // the city's 10 million is not a county's target
        Assert.True(Seed.Book.AppliesTo(tfr, Lucheng));
        Assert.True(Seed.Book.IsBenchmark(tfr, Lucheng));
        Assert.False(Seed.Book.IsBenchmark(tfr, Seed.City));

        var projection = new ProjectedIndicators("low").Add("resident_population", Lucheng, 2025, 120).Add("total_fertility_rate", Lucheng, 2025, 1.4);
        var county = Evaluator().EvaluateAll(Seed.Book, [Lucheng], 2020, projection);
        Assert.DoesNotContain(county, e => Seed.Catalogue[e.Target.IndicatorId].Measure == IndicatorMeasure.Count);
        Assert.Contains(county, e => e.Target.IndicatorId == "ageing_rate_60");
        // Benchmarks, except a target the plan sets for each county itself (a children's centre in every county-level unit).
        Assert.All(county, e => Assert.Equal(Seed.Catalogue[e.Target.IndicatorId].AppliesTo(Seed.City), e.Benchmark));
        Assert.False(county.Single(e => e.Target.IndicatorId == "TT44").Benchmark);
        Assert.True(county.Single(e => e.Target.IndicatorId == "ageing_rate_60" && e.Target.Year == 2025).Benchmark);
        var fertility = county.Single(e => e.Target.IndicatorId == "total_fertility_rate" && e.Target.Year == 2025);
        Assert.Equal(TargetStatus.OnTrack, fertility.Status);
        Assert.EndsWith("(the plan's target for 温州市, as a benchmark)", fertility.Explanation, StringComparison.Ordinal);
        Assert.All(Evaluator().EvaluateAll(Seed.Book, [Seed.City], 2020, projection), e => Assert.False(e.Benchmark));
    }

    [Fact]
    public void EvaluateAll_GivesEveryTargetAStatusAndWarnsOnProjectedMisses()
    {
        var projection = new ProjectedIndicators("low")
            .Add("resident_population", Seed.City, 2025, 975)
            .Add("ageing_rate_60", Seed.City, 2025, 19.5);
        var all = Evaluator().EvaluateAll(Seed.Book, [Seed.City], 2020, projection);
        Assert.Equal(Seed.Book.Targets.Count(t => Seed.Catalogue[t.IndicatorId].AppliesTo(Seed.City)), all.Count);
        Assert.All(all.Where(e => e.Status == TargetStatus.NoData), e => Assert.False(string.IsNullOrWhiteSpace(e.Explanation)));
        var warning = Assert.Single(TargetEvaluator.EarlyWarnings(all));
        Assert.Equal(("resident_population", TargetStatus.OffTrack), (warning.Target.IndicatorId, warning.Status));
    }
}
