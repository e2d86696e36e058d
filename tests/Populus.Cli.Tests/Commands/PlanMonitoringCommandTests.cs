using System.Globalization;
using System.Text.Json;

namespace Populus.Cli.Tests.Commands;

/// <summary>indicators, evaluate, goal and demand on the repository's data, each with its own empty store.</summary>
public sealed class PlanMonitoringCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("populus-cli-plan-").FullName;

    private string Db => Path.Combine(_folder, "store.duckdb");

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void Indicators_Csv_EveryApplicableIndicatorWithProvenance()
    {
        var (exit, output, error) = CliRunner.Run("indicators", "--year", "2025", "--format", "csv", "--db", Db);
        Assert.True(exit == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.Equal("indicator,name,value,unit,provenance,source_or_reason", lines[0]);
        var population = lines.Single(l => l.StartsWith("resident_population,", StringComparison.Ordinal));
        Assert.Contains(",projected,baseline", population, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("registered_population,", StringComparison.Ordinal) && l.Contains(",no data,", StringComparison.Ordinal));
    }

    [Fact]
    public void Indicators_ObservedYear_UsesReportedFigures()
    {
        var (exit, output, _) = CliRunner.Run("indicators", "--year", "2023", "--format", "json", "--db", Db);
        Assert.Equal(0, exit);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var population = rows.Single(r => r.GetProperty("indicator").GetString() == "resident_population");
        Assert.Equal("976.1", population.GetProperty("value").GetString());
        Assert.Equal("observed", population.GetProperty("provenance").GetString());
    }

    [Fact]
    public void Indicators_StoredCountsInPersons_AreShownInTheCataloguesTenThousands()
    {
        // The store keeps the published 2022 registered population (831.8万) in persons; the catalogue states it in 10k persons.
        var (exit, output, _) = CliRunner.Run("indicators", "--year", "2022", "--format", "json", "--db", Db);
        Assert.Equal(0, exit);
        var row = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Single(r => r.GetProperty("indicator").GetString() == "registered_population");
        var value = double.Parse(row.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(831.8, value, 1);
    }

    [Fact]
    public void Indicators_CountyByCode()
    {
        var (exit, output, _) = CliRunner.Run("indicators", "--year", "2030", "--region", "330302", "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("resident_population", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicators_UnknownRegion_Exit1WithReason()
    {
        var (exit, _, error) = CliRunner.Run("indicators", "--year", "2025", "--region", "Atlantis", "--db", Db);
        Assert.Equal(1, exit);
        Assert.Contains("'Atlantis'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_2025Targets_StatusesAndEarlyWarnings()
    {
        var (exit, output, error) = CliRunner.Run("evaluate", "--year", "2024", "--scenario", "plan", "--db", Db);
        Assert.True(exit == 0, error);
        var population = output.Split('\n').First(l => l.StartsWith("resident_population ", StringComparison.Ordinal) && l.Contains(" 2025 ", StringComparison.Ordinal));
        Assert.Matches("on track|at risk|off track", population);
        Assert.Contains(" 常住人口 ", population, StringComparison.Ordinal); // the name beside the id, as `indicators` gives it
        Assert.Contains("Early warnings", output, StringComparison.Ordinal);
        // Each warning names its indicator in Chinese after the id.
        var warnings = output.Split('\n').Where(l => l.StartsWith("  at risk: ", StringComparison.Ordinal) || l.StartsWith("  off track: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, l => Assert.Matches(@"^  (at risk|off track): [A-Za-z0-9_]+ [\u4e00-\u9fff]", l));
        Assert.Contains("scenario 'plan'", output, StringComparison.Ordinal);
    }

    /// <summary>Without --year, evaluate, indicators and report work as of the last observed year, as the cockpit does
    /// (the bureau's 2024 year end on the embedded data).</summary>
    [Fact]
    public void WithoutAYear_TheLastObservedYear()
    {
        foreach (var command in new[] { "evaluate", "indicators" })
        {
            var (exit, output, error) = CliRunner.Run(command, "--format", "csv", "--db", Db);
            Assert.True(exit == 0, error);
            Assert.Equal(CliRunner.Run(command, "--year", "2024", "--format", "csv", "--db", Db).Output, output);
            Assert.NotEqual(CliRunner.Run(command, "--year", "2023", "--format", "csv", "--db", Db).Output, output);
        }
    }

    [Fact]
    public void Evaluate_UnknownScenario_Exit1ListingKnownOnes()
    {
        var (exit, _, error) = CliRunner.Run("evaluate", "--year", "2024", "--scenario", "utopia", "--db", Db);
        Assert.Equal(1, exit);
        Assert.Contains("baseline", error, StringComparison.Ordinal);
        Assert.Contains("'utopia'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_RefusedArgument_IsWordedForTheUser_WithoutDotNetsParameterSuffixes()
    {
        var (exit, _, error) = CliRunner.Run("goal", "--indicator", "resident_population", "--year", "2025", "--lever", "net-migration", "--probability", "1.5", "--db", Db);
        Assert.Equal(1, exit);
        Assert.Contains("probability: must be strictly between 0 and 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value was", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_TenMillion_ReachedWithLevelAndSensitivity()
    {
        var (exit, output, error) = CliRunner.Run("goal", "--indicator", "resident_population", "--year", "2025", "--lever", "net-migration", "--db", Db);
        Assert.True(exit == 0, error);
        Assert.Contains("Outcome: Reached", output, StringComparison.Ordinal);
        Assert.Contains("Level: ", output, StringComparison.Ordinal);
        Assert.Contains("Sensitivity: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_WithAProbability_NeedsMoreMigrantsThanTheCentralPath()
    {
        // Reaching 10 million in four of five trajectories asks more than reaching it on the central path: the level at
        // which the 20% quantile of the trajectories meets the target lies above the level at which the scenario does.
        var (exit, output, error) = CliRunner.Run("goal", "--indicator", "resident_population", "--year", "2025", "--lever", "net-migration", "--db", Db);
        Assert.True(exit == 0, error);
        var (pExit, pOutput, pError) = CliRunner.Run("goal", "--indicator", "resident_population", "--year", "2025", "--lever", "net-migration",
            "--probability", "0.8", "--trajectories", "100", "--db", Db);
        Assert.True(pExit == 0, pError);
        Assert.Contains("Outcome: Reached", pOutput, StringComparison.Ordinal);
        Assert.Contains("Probability: 100 trajectories a level", pOutput, StringComparison.Ordinal);
        Assert.True(Level(pOutput) > Level(output), $"{Level(pOutput)} with probability 0.8, {Level(output)} on the central path");

        static double Level(string text) =>
            double.Parse(text.Split('\n').Single(l => l.StartsWith("Level: ", StringComparison.Ordinal))["Level: ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Goal_NoTargetThatYear_Exit1()
    {
        var (exit, _, error) = CliRunner.Run("goal", "--indicator", "resident_population", "--year", "2027", "--lever", "tfr", "--db", Db);
        Assert.Equal(1, exit);
        Assert.Contains("no target with a figure in 2027", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_ACountsTargetInACounty_Exit1_InEnglishThenChinese()
    {
        var (exit, _, error) = CliRunner.Run("goal", "--indicator", "resident_population", "--year", "2035", "--lever", "tfr", "--region", "鹿城区", "--db", Db);
        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("is not 鹿城区's", lines[0], StringComparison.Ordinal);
        Assert.Contains("不分解到鹿城区，无法在该地区倒推", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_Unreachable_Exit3WithMessage()
    {
        // Migration does not change the sex ratio at birth, which the scenario holds at 109.82 against a target of 109 or less.
        var (exit, output, _) = CliRunner.Run("goal", "--indicator", "sex_ratio_at_birth", "--year", "2025", "--lever", "net-migration", "--db", Db);
        Assert.Equal(3, exit);
        Assert.Contains("cannot be reached", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demand_GroupingAndYears_Csv()
    {
        var (exit, output, error) = CliRunner.Run("demand", "--scenario", "baseline", "--region", "中心城区", "--from", "2025", "--to", "2026", "--format", "csv", "--db", Db);
        Assert.True(exit == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("scenario,region,year,service", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (2 * 6), lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("baseline,中心城区,202", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Demand_WithTrajectories_GivesEachDemandsMedianWithinItsIntervals()
    {
        var (exit, output, error) = CliRunner.Run("demand", "--region", "温州市", "--from", "2024", "--to", "2030", "--trajectories", "40", "--seed", "3", "--format", "csv", "--db", Db);
        Assert.True(exit == 0, error);
        // The intervals are the last five columns (the source before them may hold a quoted comma); the year the third.
        var lines = output.Trim().Split('\n').Select(l => l.Split(',')).ToList();
        Assert.Equal(["median", "lower80", "upper80", "lower95", "upper95"], lines[0][^5..]);
        var rows = lines.Skip(1).ToList();
        Assert.Equal(7 * 6, rows.Count);
        foreach (var row in rows)
        {
            var q = row[^5..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var (median, lo80, hi80, lo95, hi95) = (q[0], q[1], q[2], q[3], q[4]);
            Assert.True(lo95 <= lo80 && lo80 <= median && median <= hi80 && hi80 <= hi95, string.Join(",", row));
            // The last observed year (2024) is every trajectory's; the years after it spread.
            Assert.True(row[2] == "2024" ? hi95 - lo95 <= 1 : hi95 > lo95, string.Join(",", row));
        }
    }

    [Fact]
    public void Demand_GroupingOfTownships_Exit1_SayingItsMembersAreTownships()
    {
        // 市域主中心 is listed as its 街道 (data/regions/groupings.csv); the projection has counties only.
        var streets = File.ReadLines(TestData.RepoPath("data/regions/groupings.csv")).Count(l => l.StartsWith("市域主中心,", StringComparison.Ordinal));
        var (exit, _, error) = CliRunner.Run("demand", "--region", "市域主中心", "--db", Db);
        Assert.Equal(1, exit);
        Assert.Contains($"市域主中心 is made of {streets} regions of kind township (", error, StringComparison.Ordinal);
        Assert.Contains($"市域主中心由 {streets} 个乡镇（街道）（", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not listed", error, StringComparison.Ordinal);
    }
}
