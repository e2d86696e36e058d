using Populus.Demography;
using Populus.Storage.Inputs;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Inputs;

public sealed class BundleProjectionTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("populus-bundle-").FullName;

    private static string Fixture => TestData.RepoPath("tests/Fixtures/bundle-two-regions");

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void Run_TwoRegionsWithOdMigration_EveryStepBalancesAndTransfersCancel()
    {
        var run = BundleProjection.Run(Fixture, 2020, 2030);
        var result = run.Result;
        Assert.Equal(["A", "B"], run.Codes);
        Assert.Equal("region", run.KeyColumn);
        Assert.Equal(85, result.Ages.OpenAge);
        for (var year = 2020; year < 2030; year++)
        {
            var a = result.Balance(year, 0);
            var b = result.Balance(year, 1);
            Assert.Equal(0, a.Residual, 9);
            Assert.Equal(0, b.Residual, 9);
            Assert.Equal(0, a.Clipped + b.Clipped);
            Assert.True(a.TransfersOut > 0 && b.TransfersOut > 0, $"{year}: internal migration in both directions");
            Assert.Equal(a.TransfersOut + b.TransfersOut, a.TransfersIn + b.TransfersIn, 9);
            Assert.Equal(result.TotalPopulation(year + 1), result.TotalPopulation(year + 1, 0) + result.TotalPopulation(year + 1, 1), 9);
        }
    }

    [Fact]
    public void Run_KeepsTheBasePopulation_AndUsesTheGivenRates()
    {
        var inputs = ProjectionInputReader.Read(Fixture);
        var run = BundleProjection.Run(Fixture, 2020, 2022);
        Assert.Equal(inputs.BasePopulation["A"].Total(), run.Result.TotalPopulation(2020, 0), 9);
        // Rates of 2020 drive the step 2020 → 2021; B's SRB changes in 2025 only, A's TFR is five-year groups × 5.
        var first = run.Prepared[0];
        Assert.Equal(5 * (0.01 + 0.06 + 0.09 + 0.06 + 0.025 + 0.006 + 0.001), first[0].TotalFertility, 9);
        Assert.Equal(1.07, first[1].Rates.SexRatioAtBirth.MalesPerFemale, 12);
        Assert.Equal(inputs.NetMigration[("A", Sex.Male)].At(2020)!.Total(), run.Result.NetExternalMigrants(2020, 0, Sex.Male).ToArray().Sum(), 9);
    }

    [Fact]
    public void Run_RatesStartingAfterTheBaseYear_AreRefusedNamingTheFile()
    {
        var ex = Assert.Throws<InvalidInputException>(() => BundleProjection.Run(Fixture, 2019, 2025));
        Assert.Contains(ex.Errors, e => e.File.EndsWith("mortality.csv", StringComparison.Ordinal) && e.Value == "2020");
        Assert.Contains(ex.Errors, e => e.File.EndsWith("fertility.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_OdTablesByYear_EachHoldsUntilTheNext()
    {
        foreach (var file in Directory.GetFiles(Fixture, "*.csv"))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }

        // From 2021 only women aged 30 leave A, all of them, for B; nobody moves from B.
        File.AppendAllText(Path.Combine(_copy, "od_migration.csv"), "A,B,2021,F,30,1.0\n");
        var result = BundleProjection.Run(_copy, 2020, 2023).Result;
        Assert.True(result.TransfersOut(2020, 1, Sex.Male).ToArray().Sum() > 0, "the 2020 table moves people from B in 2020");
        foreach (var year in new[] { 2021, 2022 })
        {
            Assert.Equal(0, result.TransfersOut(year, 1, Sex.Female).ToArray().Sum());
            var outOfA = result.TransfersOut(year, 0, Sex.Female);
            Assert.True(outOfA[30] > 0);
            Assert.Equal(outOfA[30], outOfA.ToArray().Sum(), 12);
            Assert.Equal(outOfA[30], result.TransfersIn(year, 1, Sex.Female)[30], 12);
        }
    }
}
