using System.Globalization;
using System.Text.Json;

namespace Populus.Cli.Tests.Commands;

/// <summary>The probabilistic options of evaluate and report, tasks, and `uncertainty --compare-wpp`, each with its own empty store.</summary>
public sealed class ProbabilityCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("populus-cli-prob-").FullName;

    private string Db => Path.Combine(_folder, "store.duckdb");

    private static string Wpp => TestData.SharedPath("data/wpp");

    public void Dispose() => Directory.Delete(_folder, true);

    /// <summary>A short probabilistic run of China from the WPP extract, its folder.</summary>
    private string ChinaRun(int to, int trajectories)
    {
        var run = Path.Combine(_folder, "run");
        var (exit, _, error) = CliRunner.Run("project", "--wpp", Wpp, "--location", "156", "--from", "2023", "--to", to.ToString(CultureInfo.InvariantCulture),
            "--trajectories", trajectories.ToString(CultureInfo.InvariantCulture), "--seed", "5", "--out", run);
        Assert.True(exit == 0, error);
        return run;
    }

    [Fact]
    public void Evaluate_Trajectories_ProbabilityIsAPercentageOrBlank_AndTheSameSeedRepeats()
    {
        string[] args = ["evaluate", "--year", "2024", "--trajectories", "20", "--seed", "1", "--format", "json", "--db", Db];
        var (exit, output, error) = CliRunner.Run(args);
        Assert.True(exit == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        var probabilities = rows.Select(r => r.GetProperty("probability").GetString()).ToList();
        Assert.Contains(probabilities, p => !string.IsNullOrEmpty(p));
        Assert.All(probabilities.Where(p => !string.IsNullOrEmpty(p)), p =>
        {
            Assert.EndsWith("%", p, StringComparison.Ordinal);
            Assert.InRange(double.Parse(p![..^1], CultureInfo.InvariantCulture), 0, 100);
        });

        var again = CliRunner.Run(args);
        Assert.Equal(output, again.Output);

        // The table names the indicators no draw moves, whose probability is the deterministic 0 or 1.
        var (_, table, _) = CliRunner.Run("evaluate", "--year", "2024", "--trajectories", "20", "--seed", "1", "--db", Db);
        var line = table.Split('\n').Single(l => l.StartsWith("The same in every trajectory", StringComparison.Ordinal));
        Assert.Contains("sex_ratio_at_birth", line, StringComparison.Ordinal);
        Assert.DoesNotContain("resident_population", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_ListsTheImportedWorkPointsWithTheirState()
    {
        var points = Path.Combine(_folder, "points.csv");
        File.WriteAllText(points, "year,point_key,task_id,department,description,deadline\n" +
            "2025,P1,3.1.1,市发展改革委,新认定省级平台,2025-06-30\n" +
            "2025,P2,3.1.2,市经信局,培育专精特新企业,2025-12-31\n");
        var (importExit, _, importError) = CliRunner.Run("import", "workpoints", points, "--db", Db);
        Assert.True(importExit == 0, importError);

        var (exit, output, error) = CliRunner.Run("tasks", "--year", "2025", "--as-of", "2025-09-30", "--all", "--format", "csv", "--db", Db);
        Assert.True(exit == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("department,point,task,deadline,state", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        // P1's deadline has passed without a report; P2 has nothing reported after more than half of its period.
        Assert.Contains(lines, l => l.StartsWith("市发展改革委,P1,3.1.1", StringComparison.Ordinal) && l.Contains(",overdue,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("市经信局,P2,3.1.2", StringComparison.Ordinal) && l.Contains(",lagging,", StringComparison.Ordinal));

        var (_, department, _) = CliRunner.Run("tasks", "--year", "2025", "--as-of", "2025-09-30", "--department", "市经信局", "--format", "csv", "--db", Db);
        Assert.DoesNotContain("P1", department, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutTrajectories_WritesTheWordAndExcelFiles()
    {
        var docx = Path.Combine(_folder, "report.docx");
        var (exit, _, error) = CliRunner.Run("report", "--year", "2024", "--out", docx, "--trajectories", "0", "--db", Db);
        Assert.True(exit == 0, error);
        Assert.True(new FileInfo(docx).Length > 0);
        Assert.True(new FileInfo(Path.ChangeExtension(docx, ".xlsx")).Length > 0);
    }

    [Fact]
    public void CompareWpp_ShortRun_TableOfYearsWithFinitePositiveRatios()
    {
        var run = ChinaRun(to: 2028, trajectories: 30);
        var (exit, output, error) = CliRunner.Run("uncertainty", "--compare-wpp", run, "--wpp", Wpp, "--location", "156");
        Assert.True(exit == 0, error);
        var rows = output.Split('\n').Where(l => l.StartsWith("| 20", StringComparison.Ordinal)).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
        // WPP's dec31 rows start at 2024 (1 January 2025), so 1 July 2025 is the first year both rows around it are published.
        Assert.Equal(["2025", "2026", "2027", "2028"], rows.Select(r => r[1]));
        Assert.All(rows, r =>
        {
            foreach (var ratio in new[] { r[8], r[9] })
            {
                var v = double.Parse(ratio, CultureInfo.InvariantCulture);
                Assert.True(double.IsFinite(v) && v > 0, ratio);
            }
        });
        Assert.Contains("width ratio 80%: min ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareWpp_LocationWithoutBounds_Exit1NamingIt()
    {
        var run = ChinaRun(to: 2025, trajectories: 5);
        var (exit, _, error) = CliRunner.Run("uncertainty", "--compare-wpp", run, "--wpp", Wpp, "--location", "999");
        Assert.Equal(1, exit);
        Assert.Contains("999", error, StringComparison.Ordinal);
        Assert.Contains("no population bounds for this location", error, StringComparison.Ordinal);
    }
}
