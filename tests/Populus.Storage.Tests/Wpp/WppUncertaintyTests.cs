using Populus.Demography.Stochastic;
using Populus.Storage.Projections;
using Populus.Storage.Tabular;
using Populus.Storage.Wpp;

namespace Populus.Storage.Tests.Wpp;

/// <summary>The random processes fitted to WPP's published bounds, and a short probabilistic projection of China.</summary>
public class WppUncertaintyTests
{
    private static string Folder => TestData.SharedPath("data/wpp");

    private static readonly Lazy<WppUncertainty.Calibration> China = new(() => WppUncertainty.Calibrate(Folder, 156));

    [Fact]
    public void China_ProcessesReproduceThePublishedHalfWidths()
    {
        var c = China.Value;
        Assert.Equal(2023, c.Model.BaseYear);
        Assert.Equal(77, c.TotalFertility.Rows.Count); // 2024–2100
        foreach (var (name, fit) in new[] { ("TFR", c.TotalFertility), ("female e0", c.FemaleLifeExpectancy), ("male e0", c.MaleLifeExpectancy), ("migration", c.NetMigrationRate) })
        {
            Assert.True(fit.RmsRelativeError < 0.06, $"{name}: RMS relative error {fit.RmsRelativeError:P1}");
            Assert.True(fit.MaxRelativeError < 0.15, $"{name}: max relative error {fit.MaxRelativeError:P1}");
        }
    }

    [Fact]
    public void China_MedianFollowsTheDeterministicRunAndIntervalsWiden()
    {
        var run = StochasticRun.FromWpp(Folder, 156, 2023, 2030, 300, 1);
        var deterministic = WppProjection.Run(Folder, 156, 2023, 2030);
        var r = run.Results;
        double Width(int year) => r.Quantile(year, "China", TrajectoryIndicator.Population, 5) - r.Quantile(year, "China", TrajectoryIndicator.Population, 1);
        foreach (var year in r.Years)
        {
            var median = r.Quantile(year, "China", TrajectoryIndicator.Population, 3);
            Assert.InRange(median / deterministic.Result.TotalPopulation(year), 0.999, 1.001);
        }

        Assert.True(Width(2030) > 3 * Width(2024));
    }

    [Fact]
    public void LocationWithoutBounds_IsRefused()
    {
        Assert.Throws<InvalidInputException>(() => WppUncertainty.Calibrate(Folder, 4));
    }

    [Fact]
    public void AnEmptyExtract_IsRefusedForTheCalibrationsFirstFile_ThoughTheInputsAreReadBesideIt()
    {
        // The location's inputs are read while the processes are calibrated; when both fail, the calibration's error is
        // reported, as when it ran first (its first file is the TFR bounds).
        var empty = Directory.CreateTempSubdirectory("populus-empty-wpp-").FullName;
        try
        {
            var e = Assert.Throws<InvalidInputException>(() => StochasticRun.FromWpp(empty, 156, 2023, 2025, 10, 1));
            Assert.Contains("tfr_annual.csv", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("pop_single_age_midyear.csv", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void RunFolder_HasManifestQuantilesAndCalibration()
    {
        var run = StochasticRun.FromWpp(Folder, 156, 2023, 2025, 20, 9);
        var folder = Path.Combine(Path.GetTempPath(), $"populus-stochastic-{Guid.NewGuid():N}");
        try
        {
            run.Write(folder, ["project", "--trajectories", "20", "--seed", "9"]);
            var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
            Assert.Equal("9", (string?)manifest["seed"]);
            Assert.Equal(20, (int?)manifest["trajectories"]);
            Assert.False(string.IsNullOrEmpty((string?)manifest["code_version"]));
            Assert.Contains(manifest["inputs"]!.AsArray(), i => (string?)i!["file"] == "tfr_annual.csv" && ((string?)i["sha256"])!.Length == 64);
            var quantiles = File.ReadAllLines(Path.Combine(folder, "quantiles.csv"));
            Assert.Equal("year,unit,measure,sex,age_group,mean,q025,q100,q250,q500,q750,q900,q975", quantiles[0]);
            Assert.Contains(quantiles, l => l.StartsWith("2025,China,population,F,100+,", StringComparison.Ordinal));
            Assert.Contains(File.ReadAllLines(Path.Combine(folder, "calibration.csv")), l => l.StartsWith("tfr,2100,77,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
