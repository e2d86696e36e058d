using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Storage.PlanData;

namespace Populus.Storage.Tests.PlanData;

public class StoreIndicatorDataTests
{
    private static IndicatorCalculator Calculator(IPopulusStore store)
    {
        var regions = PlanningRegions.From(store);
        var catalogue = IndicatorCatalogue.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "data", "plan", "indicator-catalogue.csv")), regions);
        return new IndicatorCalculator(catalogue, new StoreIndicatorData(store));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void PlanIndicators_ComeFromTheStoresCensusAndSurveyFigures(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var calculator = Calculator(store);

        // 2020: the census's own broad groups (plan Table 3), observed; the plan prints 46.58.
        var dependency = calculator.Compute("dependency_ratio", "温州市", 2020);
        Assert.Equal(46.58, dependency.Value!.Value, 2);
        Assert.Equal(DataStatus.Observed, dependency.Provenance!.Status);
        // 65 is not a bound of the census groups: no silent interpolation.
        Assert.Null(calculator.Compute("ageing_rate_65", "330300", 2020).Value);

        // 2021: the annual survey's urban and total residents (S02): 701.8 / 964.5.
        Assert.Equal(100 * 7_018_000.0 / 9_645_000, calculator.Compute("urbanization_rate", "330300", 2021).Value!.Value, 9);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ThePlansRegion_IsTheCityWhoseCountiesTheStoreHolds_NotTheProvincesOtherCities(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var cities = store.Regions().Where(r => r.Level == RegionLevel.City && r.ValidTo is null).Select(r => r.Code).ToList();
        Assert.Contains("330100", cities); // 杭州市, stored for the province comparisons
        Assert.Equal("330300", PlanningRegions.PlanRegion(store));
        Assert.Equal("330300", PlanningRegions.From(store).KeyOrSelf("温州市"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void AGroupsFigure_IsTheSumOverItsMembers(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var calculator = Calculator(store);

        // 2021: the county table gives every member of 中心城区 (鹿城, 龙湾, 瓯海, 洞头).
        var primacy = calculator.Compute("central_city_primacy", "温州市", 2021);
        var members = new[] { 1_189_500.0, 732_900, 978_200, 150_300 }.Sum();
        Assert.Equal(100 * members / 9_645_000, primacy.Value!.Value, 9);
        Assert.Contains("sum of the members of 中心城区", primacy.Provenance!.Source, StringComparison.Ordinal);

        // 2022: only 永嘉 is published, so the sum over 中心城区 is missing and says which member lacks a figure.
        var missing = calculator.Compute("central_city_primacy", "330300", 2022);
        Assert.Null(missing.Value);
        Assert.Contains("its member 鹿城区 has none", missing.Note!.English, StringComparison.Ordinal);
        Assert.Contains("其成员鹿城区也没有", missing.Note.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void YearsBetweenCensuses_AreAnsweredByTheLatestVintage(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Estimate(2023);
        var calculator = Calculator(store);

        // With estimates by single age, 65+ and the sums over groups are answered, as estimated figures.
        var old = calculator.Compute("ageing_rate_65", "330300", 2022);
        Assert.Equal(DataStatus.Estimated, old.Provenance!.Status);
        Assert.InRange(old.Value!.Value, 11, 15);
        var primacy = calculator.Compute("central_city_primacy", "330300", 2022);
        Assert.NotNull(primacy.Value);

        // The 2023 fertility fitted to the published births (52,500) comes back through tfr().
        var tfr = calculator.Compute("total_fertility_rate", "330300", 2023);
        Assert.Equal(DataStatus.Estimated, tfr.Provenance!.Status);
        Assert.InRange(tfr.Value!.Value, 0.7, 1.0);
    }
}
