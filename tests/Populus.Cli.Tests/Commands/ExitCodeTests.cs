namespace Populus.Cli.Tests.Commands;

/// <summary>
/// One exit-code convention for every family of commands (README "Exit codes"): 1 refused input or arguments, 2 the
/// store or a file could not be read or written, 3 a valid request whose answer is no. Success (0) is asserted by
/// each command's own tests. {dir} in the arguments stands for the test's own folder.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private const string NotADatabase = "not a database\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("populus-cli-exit-").FullName;

    public ExitCodeTests()
    {
        File.WriteAllText(Path.Combine(_dir, "corrupt.duckdb"), NotADatabase);
        File.WriteAllText(Path.Combine(_dir, "unclosed.json"), "{\n");
        File.WriteAllText(Path.Combine(_dir, "census.csv"), "region,sex,age\n330302,male,0-4\n");
        // Education, title and skill unknown: no settlement rule can be decided.
        File.WriteAllText(Path.Combine(_dir, "unknown.json"), """{ "birth_date": "1960-01-01", "hukou": "nonlocal" }""");
        Directory.CreateDirectory(Path.Combine(_dir, "a-folder"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string[], string> Refused => new()
    {
        { "parser", ["lifetable"], "--input" },
        { "modelling", ["lifetable", "--input", "{dir}/absent.csv"], "absent.csv" },
        { "modelling", ["project", "--to", "2024", "--trajectories", "0", "--out", "{dir}/run"], "between 1 and 100,000" },
        { "planning", ["report", "--year", "2024", "--out", "{dir}/r.docx", "--trajectories", "-1", "--db", "{dir}/corrupt.duckdb"], "--trajectories" },
        { "planning", ["report", "--year", "2024", "--out", "{dir}/r.html", "--db", "{dir}/corrupt.duckdb"], "r.html: the report is written as Word (.docx)" },
        { "planning", ["tasks", "--as-of", "2025-13-01", "--db", "{dir}/corrupt.duckdb"], "2025-13-01" },
        { "data", ["generate-registry", "--persons", "10"], "--out" },
        { "data", ["import", "census", "{dir}/census.csv", "--db", "{dir}/store.duckdb"], "census.csv, row 1, column 'persons'" },
        { "services", ["settle", "check", "--person", "{dir}/unclosed.json"], "unclosed.json" },
        { "services", ["settle", "check", "--person", "{dir}/unknown.json", "--on", "tomorrow"], "--on 'tomorrow'" },
        { "services", ["talent", "retention", "--category", "Z", "--db", "{dir}/store.duckdb"], "人才类别应为 A–F" },
        { "services", ["talent", "retention", "--after", "0", "--db", "{dir}/store.duckdb"], "--after '0': whole years from 1 to 50" },
        { "services", ["talent", "retention", "--after", "1,3,1", "--db", "{dir}/store.duckdb"], "重复" },
        { "services", ["permit", "show", "P1", "--on", "2027-02-30", "--db", "{dir}/corrupt.duckdb"], "--on '2027-02-30'" },
    };

    public static TheoryData<string, string[]> StoreOrFileFailed => new()
    {
        { "planning", ["indicators", "--year", "2025", "--db", "{dir}/corrupt.duckdb"] },
        { "planning", ["tasks", "--year", "2025", "--db", "{dir}/corrupt.duckdb"] },
        { "data", ["estimates", "--db", "{dir}/corrupt.duckdb"] },
        { "data", ["import", "census", "{dir}/census.csv", "--db", "{dir}/corrupt.duckdb"] },
        { "services", ["permit", "show", "P1", "--db", "{dir}/corrupt.duckdb"] },
        { "services", ["talent", "retention", "--db", "{dir}/corrupt.duckdb"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusedInputOrArguments_Exit1_NamingTheProblem(string family, string[] args, string named)
    {
        var (exit, _, error) = Run(args);
        Assert.True(exit == 1, $"{family}: exit {exit}: {error}");
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreOrFileFailed))]
    public void StoreThatCannotBeOpened_Exit2_AndIsLeftUnchanged(string family, string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.True(exit == 2, $"{family}: exit {exit}: {error}");
        Assert.Contains("corrupt.duckdb", error, StringComparison.Ordinal);
        Assert.Equal(NotADatabase, File.ReadAllText(Path.Combine(_dir, "corrupt.duckdb")));
    }

    [Fact]
    public void FileThatCannotBeWritten_Exit2()
    {
        // modelling: the output path is a folder, which no file can replace.
        var (exit, _, error) = Run("project", "--to", "2024", "--out", "{dir}/a-folder");
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("a-folder", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_dir, "a-folder")));
    }

    [Fact]
    public void SettlementUndecided_Exit3()
    {
        var (exit, output, error) = Run("settle", "check", "--person", "{dir}/unknown.json", "--on", "2025-06-30");
        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.StartsWith("Not known", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void PermitThatDoesNotVerify_Exit3()
    {
        var (published, _, publishError) = Run("permit", "publish-keys", "--keys", "{dir}/keys", "--city", "339900", "--city-name", "样例市", "--out", "{dir}/keys.json");
        Assert.True(published == 0, publishError);

        var (exit, output, error) = Run("permit", "verify", "--token", "not.a.permit", "--issuer-keys", "{dir}/keys.json");
        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.StartsWith("Malformed", output, StringComparison.Ordinal);
    }

    private (int ExitCode, string Output, string Error) Run(params string[] args) =>
        CliRunner.Run([.. args.Select(a => a.Replace("{dir}", _dir, StringComparison.Ordinal))]);
}
