namespace Populus.Cli.Tests.Commands;

public sealed class ProjectCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("populus-project-").FullName;

    private static string Bundle => TestData.RepoPath("tests/Fixtures/bundle-two-regions");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name = "p.csv") => Path.Combine(_dir, name);

    private string CopyBundle()
    {
        var copy = Directory.CreateDirectory(Path.Combine(_dir, "bundle")).FullName;
        foreach (var file in Directory.GetFiles(Bundle, "*.csv"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    [Fact]
    public void Input_WritesPopulationBySexAndAge_AndASummary()
    {
        var (exit, output, error) = CliRunner.Run("project", "--input", Bundle, "--from", "2020", "--to", "2025", "--out", Out());
        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(Out());
        Assert.Equal("region,year,sex,age,value", lines[0]);
        Assert.Equal(1 + 6 * 2 * 2 * 86, lines.Length);
        Assert.StartsWith("A,2020,M,0,", lines[1]);
        Assert.Contains("B,2025,F,85,", lines[^1]);
        var summary = File.ReadAllLines(Out("p-summary.csv"));
        Assert.Equal("year,total,age_0_14,age_15_64,age_65_plus,share_65_plus_pct,births,deaths,net_migration", summary[0]);
        Assert.Equal(7, summary.Length);
        Assert.Contains("65+", output);
        Assert.Contains("2025", output);
        // A bundle's counts are its own (persons, here): not WPP's thousands.
        Assert.Contains("population on 1 January (the unit of the inputs)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("thousands", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Wpp_WritesLocationCodeRows_StartingFromThePublishedBase()
    {
        var (exit, _, error) = CliRunner.Run("project", "--wpp", TestData.SharedPath("data/wpp"), "--location", "156", "--from", "2023", "--to", "2024", "--out", Out());
        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(Out());
        Assert.Equal("location_code,year,sex,age,value", lines[0]);
        Assert.Equal(1 + 2 * 2 * 101, lines.Length);
        Assert.Equal("156,2023,M,100,", lines[101][..15]);
    }

    [Fact]
    public void BadCell_ReportsFileRowColumnValue_Exits1_AndWritesNothing()
    {
        var bundle = CopyBundle();
        var population = Path.Combine(bundle, "population.csv");
        var rows = File.ReadAllLines(population);
        rows[3] = "A,M,2,-5";
        File.WriteAllLines(population, rows);
        File.WriteAllText(Out(), "previous content");

        var (exit, _, error) = CliRunner.Run("project", "--input", bundle, "--from", "2020", "--to", "2025", "--out", Out());

        Assert.Equal(1, exit);
        Assert.Contains("population.csv, row 4, column 'value', value '-5'", error);
        Assert.Equal("previous content", File.ReadAllText(Out()));
        Assert.False(File.Exists(Out("p-summary.csv")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void UnknownLocation_Exits1_AndWritesNothing()
    {
        var (exit, _, error) = CliRunner.Run("project", "--wpp", TestData.SharedPath("data/wpp"), "--location", "999", "--out", Out());
        Assert.Equal(1, exit);
        Assert.Contains("no rows for this location", error);
        Assert.False(File.Exists(Out()));
    }

    [Fact]
    public void YearsWithoutMigrationByAge_AreRefused()
    {
        var (exit, _, error) = CliRunner.Run("project", "--wpp", TestData.SharedPath("data/wpp"), "--location", "840", "--from", "2010", "--to", "2030", "--out", Out());
        Assert.Equal(1, exit);
        Assert.Contains("net_migration_single_age.csv", error);
        Assert.False(File.Exists(Out()));
    }

    [Fact]
    public void InputAndWppTogether_AreRefused()
    {
        var (exit, _, error) = CliRunner.Run("project", "--input", Bundle, "--wpp", "x", "--out", Out());
        Assert.Equal(1, exit);
        Assert.Contains("either", error);
        Assert.False(File.Exists(Out()));
    }

    [Fact]
    public void NoSource_UsesTheBundledWppExtractForChina()
    {
        var (exit, output, error) = CliRunner.Run("project", "--to", "2025", "--out", Out());
        Assert.True(exit == 0, error);
        Assert.StartsWith("location_code,year,sex,age,value", File.ReadAllText(Out()));
        Assert.Contains("156", output);
        Assert.Contains("2025", output);
    }

    [Fact]
    public void Trajectories_WriteARunFolderForEveryRegionAndTheirSum()
    {
        var folder = Path.Combine(_dir, "run");
        var (exit, output, error) = CliRunner.Run("project", "--input", Bundle, "--wpp", TestData.SharedPath("data/wpp"), "--from", "2020", "--to", "2023",
            "--trajectories", "20", "--seed", "3", "--out", folder);
        Assert.True(exit == 0, error);
        Assert.Contains("20 trajectories (seed 3)", output);
        var quantiles = File.ReadAllLines(Path.Combine(folder, "quantiles.csv"));
        Assert.Contains(quantiles, l => l.StartsWith("2023,total,total_population,", StringComparison.Ordinal));
        Assert.Contains(quantiles, l => l.StartsWith("2021,A,population,F,85+,", StringComparison.Ordinal));
        Assert.Contains("\"seed\": \"3\"", File.ReadAllText(Path.Combine(folder, "manifest.json")));

        var (badExit, _, badError) = CliRunner.Run("project", "--input", Bundle, "--trajectories", "0");
        Assert.Equal(1, badExit);
        Assert.Contains("between 1 and 100,000", badError);
    }
}
