using Populus.Demography;
using Populus.Storage.Tabular;
using Populus.Storage.Wpp;

namespace Populus.Storage.Tests.Wpp;

/// <summary>
/// The projection from WPP 2024 inputs against WPP's own medium-variant 1 July populations (a check, never an input:
/// the projection reads only the 2023 base population and the rates).
/// </summary>
public class WppProjectionTests
{
    private static readonly Dictionary<int, Lazy<WppLocation>> Locations = new()
    {
        [156] = new(() => WppReader.Read(Folder, 156)),
        [840] = new(() => WppReader.Read(Folder, 840)),
    };

    private static string Folder => TestData.SharedPath("data/wpp");

    [Theory]
    [InlineData(156)]
    [InlineData(840)]
    public void Run_2023To2050_MatchesWppTotalAndShare65PlusEveryYear(int location)
    {
        var run = WppProjection.Run(Locations[location].Value, Folder, 2023, 2050);
        var published = Locations[location].Value.MidYearPopulation;
        Assert.Equal(Enumerable.Range(2023, 28), run.Result.Years);
        for (var year = 2024; year <= 2050; year++)
        {
            var projected = run.Result.PopulationByAgeSex(year, 0);
            var total = projected.Total();
            var older = Sum(projected.Male.Values[65..]) + Sum(projected.Female.Values[65..]);
            var wppMale = published[(year, Sex.Male)];
            var wppFemale = published[(year, Sex.Female)];
            var wppTotal = wppMale.Sum() + wppFemale.Sum();
            var wppOlder = wppMale[65..].Sum() + wppFemale[65..].Sum();

            var totalError = Math.Abs(total / wppTotal - 1);
            Assert.True(totalError < 0.001, $"{location} {year}: total {total:F1} vs WPP {wppTotal:F1} ({100 * totalError:F3}%)");
            var shareError = Math.Abs(100 * (older / total - wppOlder / wppTotal));
            Assert.True(shareError < 0.1, $"{location} {year}: 65+ share off by {shareError:F3} percentage points");
        }
    }

    [Fact]
    public void Run_China_StepsReachTheAnnualLevels_AndBalance()
    {
        var location = Locations[156].Value;
        var run = WppProjection.Run(location, Folder, 2023, 2026);
        // Step July 2023 → July 2024 is centred on 1 January 2024: the mean of the two calendar years.
        var first = run.Prepared[0][0];
        Assert.Equal((location.LifeExpectancy[(2023, Sex.Female)] + location.LifeExpectancy[(2024, Sex.Female)]) / 2, first.FemaleLifeExpectancy, 6);
        Assert.Equal((location.TotalFertility[2023] + location.TotalFertility[2024]) / 2, first.TotalFertility, 9);
        for (var year = 2023; year < 2026; year++)
        {
            var balance = run.Result.Balance(year);
            Assert.Equal(0, balance.Residual, 6);
            Assert.Equal(0, balance.Clipped);
        }
    }

    [Fact]
    public void Run_BeforeMigrationByAgeIsPublished_IsRefusedNamingTheFileAndYears()
    {
        var ex = Assert.Throws<InvalidInputException>(() => WppProjection.Run(Locations[156].Value, Folder, 2020, 2030));
        var error = Assert.Single(ex.Errors);
        Assert.EndsWith("net_migration_single_age.csv", error.File);
        Assert.Equal("2020 2021 2022", error.Value);
    }

    [Fact]
    public void Run_ToNotAfterFrom_IsRefused()
    {
        Assert.Throws<InvalidInputException>(() => WppProjection.Run(Locations[156].Value, Folder, 2030, 2030));
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var s = 0.0;
        foreach (var v in values)
        {
            s += v;
        }

        return s;
    }
}
