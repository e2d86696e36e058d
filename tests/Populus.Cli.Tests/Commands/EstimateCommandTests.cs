namespace Populus.Cli.Tests.Commands;

public class EstimateCommandTests
{
    [Fact]
    public void Serve_SaysWhichVintageItsFiguresBetweenCensusesRestOn_OrThatNoneIsStored()
    {
        Assert.StartsWith("Annual estimates: none stored yet, so between censuses the age structure is the projection's; `populus estimate`",
            Cli.Commands.ServeCommand.EstimatesLine([]), StringComparison.Ordinal);
        static Storage.EstimateVintage Made(int vintage, int day) =>
            new(vintage, new DateOnly(2020, 11, 1), new DateOnly(vintage, 12, 31), new DateTime(2026, 11, day, 8, 0, 0, DateTimeKind.Utc), "method", "inputs");
        Assert.StartsWith("Annual estimates: vintage 2024 (made 2026-11-30);",
            Cli.Commands.ServeCommand.EstimatesLine([Made(2021, 2), Made(2024, 30)]), StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_StoresAVintage_ThatEstimatesReadsBack_AndRefusesToOverwriteIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "populus-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var db = Path.Combine(folder, "store.duckdb");
            var none = CliRunner.Run("estimates", "--db", db);
            Assert.Equal(1, none.ExitCode);
            Assert.StartsWith("No vintage of the estimates is stored yet. Make one with `populus estimate`", none.Error, StringComparison.Ordinal);

            var (exit, output, error) = CliRunner.Run("estimate", "--vintage", "2021", "--db", db);
            Assert.True(exit == 0, error);
            Assert.Contains("2021-12-31     9,645,000", output, StringComparison.Ordinal);

            var csv = CliRunner.Run("estimates", "--vintage", "2021", "--region", "330302", "--format", "csv", "--db", db);
            Assert.Equal(0, csv.ExitCode);
            var lines = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("vintage,reference_date,region,sex,age,persons,figure_kind,source_id", lines[0].TrimEnd('\r'));
            // 3 dates (base, 2020, 2021) × 2 sexes × 101 ages.
            Assert.Equal(3 * 2 * 101, lines.Length - 1);
            Assert.All(lines.Skip(1), l => Assert.Contains(",estimated,", l, StringComparison.Ordinal));

            var again = CliRunner.Run("estimate", "--vintage", "2021", "--db", db);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("--replace", again.Error, StringComparison.Ordinal);

            var missing = CliRunner.Run("estimates", "--vintage", "2023", "--db", db);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("stored: 2021", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
