using Populus.Storage.PlanData;

namespace Populus.Storage.Tests.PlanData;

public class PlanningRegionsTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ThePlansRegion_IsTheCityWhoseCountiesTheStoreHolds_NotTheProvincesOtherCities(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var cities = store.Regions().Where(r => r.Level == RegionLevel.City && r.ValidTo is null).Select(r => r.Code).ToList();
        Assert.Contains("330100", cities); // 杭州市, stored for the province comparisons
        Assert.True(cities.Count > 1);
        Assert.Equal("330300", PlanningRegions.PlanRegion(store));
        Assert.Equal("330300", PlanningRegions.From(store).KeyOrSelf("温州市"));
    }
}
