namespace Populus.Storage.Tests.Estimates;
public class DebugTmp
{
    [Fact]
    public void Print()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        foreach (var c in new[] { "330300", "330302", "330303", "330328", "330383" })
        {
            var p = store.SingleYearPopulation(c, new DateOnly(2020, 11, 1))!;
            double S(int a, int b) { var s = 0.0; for (var i = a; i < b; i++) s += p.Male[i] + p.Female[i]; return s; }
            Console.WriteLine($"{c} total {p.Total():F0} SR {100 * p.Male.Total() / p.Female.Total():F1} 0-14 {S(0, 15) / p.Total():P2} 65+ {S(65, 101) / p.Total():P2} age0 {p.Male[0] + p.Female[0]:F0} age1 {p.Male[1] + p.Female[1]:F0} 98 {p.Male[98]:F1} 99 {p.Male[99]:F1} 100 {p.Male[100]:F1}");
        }
        Assert.Fail("x");
    }
}
