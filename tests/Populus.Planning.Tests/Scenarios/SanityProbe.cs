using Populus.Planning.Scenarios;
using Xunit.Abstractions;

namespace Populus.Planning.Tests.Scenarios;

public class SanityProbe(ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var p = new ScenarioProjector(Wenzhou.Model).Project(Wenzhou.Scenario("baseline"), 2035);
        for (var y = 2020; y <= 2035; y++)
        {
            var births = 0.0;
            if (y > 2020)
            {
                for (var c = 0; c < 12; c++) { for (var r = 0; r < 2; r++) { births += p.Births(y, c, r, Demography.Sex.Male) + p.Births(y, c, r, Demography.Sex.Female); } }
            }
            output.WriteLine($"{y} pop {p.Total(y):0} urban {100 * p.Total(y, null, 0) / p.Total(y):0.00} births {births:0}");
        }
    }
}
