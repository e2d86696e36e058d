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
    private string ChinaRun(int to, int trajectories, int seed = 5, int threads = 0, string name = "run")
    {
        var run = Path.Combine(_folder, name);
        string[] args = ["project", "--wpp", Wpp, "--location", "156", "--from", "2023", "--to", to.ToString(CultureInfo.InvariantCulture),
            "--trajectories", trajectories.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", run];
        var (exit, _, error) = CliRunner.Run(threads > 0 ? [.. args, "--threads", threads.ToString(CultureInfo.InvariantCulture)] : args);
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
        var (exit, _, error) = CliRunner.Run("report", "--out", docx, "--trajectories", "0", "--db", Db);
        Assert.True(exit == 0, error);
        Assert.True(new FileInfo(Path.ChangeExtension(docx, ".xlsx")).Length > 0);

        // Without --year, the report of the last observed year (the bureau's 2024 year end on the embedded data).
        using var archive = System.IO.Compression.ZipFile.OpenRead(docx);
        using var reader = new StreamReader(archive.GetEntry("word/document.xml")!.Open());
        Assert.Contains("2024年度（预测情景", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutASeed_DrawsTheCockpitsTrajectories()
    {
        var docx = Path.Combine(_folder, "seeded.docx");
        var (exit, _, error) = CliRunner.Run("report", "--year", "2024", "--out", docx, "--trajectories", "20", "--db", Db);
        Assert.True(exit == 0, error);

        // The probability tables' footnotes name the seed: the one default the cockpit's runs use too.
        using var archive = System.IO.Compression.ZipFile.OpenRead(docx);
        using var reader = new StreamReader(archive.GetEntry("word/footnotes.xml")!.Open());
        Assert.Contains($"种子{Populus.Storage.Scenarios.PlanMonitor.DefaultSeed}", reader.ReadToEnd(), StringComparison.Ordinal);
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
    public void Compare_TheSameSeedOnOneOrTwoThreads_IsIdentical_AnotherSeedAndHorizonShowWhatMoved()
    {
        var one = ChinaRun(to: 2027, trajectories: 40, threads: 1, name: "one");
        var two = ChinaRun(to: 2027, trajectories: 40, threads: 2, name: "two");
        var (exit, output, error) = CliRunner.Run("compare", one, two);
        Assert.True(exit == 0, error);
        Assert.Contains("0 only in the first, 0 only in the second; every figure identical.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("- seed:", output, StringComparison.Ordinal);

        var other = ChinaRun(to: 2029, trajectories: 40, seed: 6, name: "other");
        var csv = Path.Combine(_folder, "diff.csv");
        (exit, output, error) = CliRunner.Run("compare", one, other, "--out", csv);
        Assert.True(exit == 0, error);
        Assert.Contains("- seed: \"5\" → \"6\"", output, StringComparison.Ordinal);
        Assert.Contains("- to: 2027 → 2029", output, StringComparison.Ordinal);
        Assert.DoesNotContain("every figure identical", output, StringComparison.Ordinal);
        var measures = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| measure", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToDictionary(r => r[1]);
        Assert.Contains("total_population", measures.Keys);
        Assert.Contains("population", measures.Keys);

        // The CSV has every row both runs have: the first run's years, each with both medians and their difference.
        var rows = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(measures.Values.Sum(m => int.Parse(m[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)), rows.Count);
        Assert.All(rows, r => Assert.InRange(int.Parse(r[0], CultureInfo.InvariantCulture), 2023, 2027));
        Assert.All(rows, r => Assert.Equal(double.Parse(r[6], CultureInfo.InvariantCulture) - double.Parse(r[5], CultureInfo.InvariantCulture), double.Parse(r[7], CultureInfo.InvariantCulture), 9));
        var total2027 = rows.Single(r => r[0] == "2027" && r[2] == "total_population");
        Assert.InRange(Math.Abs(double.Parse(total2027[8], CultureInfo.InvariantCulture)), 1e-9, 0.01); // another seed moves China's median total a little, not much
    }

    [Fact]
    public void Compare_AFolderThatIsNoRun_Exit1NamingTheFile()
    {
        var run = ChinaRun(to: 2025, trajectories: 5);
        var (exit, _, error) = CliRunner.Run("compare", run, _folder);
        Assert.Equal(1, exit);
        Assert.Contains(Path.Combine(_folder, "manifest.json"), error, StringComparison.Ordinal);
        Assert.Contains("file not found", error, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(run, "quantiles.csv"), "2025,China,births,,,x,1,1,1,1,1,1,1\n");
        (exit, _, error) = CliRunner.Run("compare", run, run);
        Assert.Equal(1, exit);
        Assert.Contains("column 'mean', value 'x'", error, StringComparison.Ordinal);
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
