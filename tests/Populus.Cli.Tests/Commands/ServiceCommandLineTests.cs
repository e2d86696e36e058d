using System.CommandLine;

namespace Populus.Cli.Tests.Commands;

/// <summary>
/// The services commands' command line: every one takes the common options --db, --keys and --actor
/// (docs/services.md "Commands"), and the talent tables say which rows rest on estimated records.
/// </summary>
public sealed class ServiceCommandLineTests : IDisposable
{
    private static readonly string[] Services = ["settle", "policies", "permit", "points", "allocate", "talent"];

    private readonly string _dir = Directory.CreateTempSubdirectory("populus-cli-services-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> ServiceCommands()
    {
        var data = new TheoryData<string>();
        foreach (var command in Program.BuildRoot().Subcommands.Where(c => Services.Contains(c.Name)))
        {
            foreach (var leaf in command.Subcommands.Count == 0 ? [command] : command.Subcommands)
            {
                data.Add(command == leaf ? command.Name : $"{command.Name} {leaf.Name}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServiceCommands))]
    public void EveryServicesCommand_TakesTheCommonOptions(string path)
    {
        Command command = Program.BuildRoot();
        foreach (var name in path.Split(' '))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        Assert.Superset(new HashSet<string>(["--db", "--keys", "--actor"]), command.Options.Select(o => o.Name).ToHashSet());
    }

    [Fact]
    public void ACommonOptionACommandDoesNotUse_IsAcceptedAndChangesNothing()
    {
        string[] common = ["--db", Path.Combine(_dir, "store.duckdb"), "--keys", Path.Combine(_dir, "keys"), "--actor", "clerk"];
        var settle = CliRunner.Run(["settle", "check", "--person", TestData.RepoPath("data/services/examples/person.json"), "--on", "2025-06-30", .. common]);
        Assert.True(settle.ExitCode == 0, settle.Error);
        Assert.False(File.Exists(Path.Combine(_dir, "store.duckdb")));   // settle reads no store
        Assert.False(Directory.Exists(Path.Combine(_dir, "keys")));

        // The tester's refusals: the whole usage text for --keys; now the command itself answers.
        var show = CliRunner.Run(["permit", "show", "P1", .. common]);
        Assert.Equal((1, "refused, nothing was changed: No permit P1.\n  没有居住证 P1。"), (show.ExitCode, show.Error.Trim().ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(Path.Combine(_dir, "keys")));
    }

    [Fact]
    public void PermitApply_ForARegionNotACountyOfTheCity_IsRefusedInBothLanguages()
    {
        var id = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 123).Disclose();
        var apply = CliRunner.Run(["permit", "apply", "330100", "--id-number", id, "--db", Path.Combine(_dir, "store.duckdb"), "--keys", Path.Combine(_dir, "keys"), "--actor", "clerk"]);

        Assert.Equal(1, apply.ExitCode);
        var lines = apply.Error.Trim().ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("refused, nothing was changed: 330100 is not a current county of 温州市 (330300)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  330100 不是温州市（330300）现行的县级单位", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(id, apply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulatingARuleChange_ForARoundWithoutApplications_IsRefusedInBothLanguages()
    {
        var simulate = CliRunner.Run(["allocate", "simulate", "--round", "R-EMPTY", "--quota", TestData.RepoPath("data/services/examples/quotas.csv"),
            "--proposed", TestData.RepoPath("data/services/points-rules.example.json"), "--db", Path.Combine(_dir, "store.duckdb")]);

        Assert.Equal((1, "refused, nothing was changed: Round R-EMPTY has no applications.\n  轮次 R-EMPTY 没有申请。"), (simulate.ExitCode, simulate.Error.Trim().ReplaceLineEndings("\n")));
    }

    [Fact]
    public void TalentRetention_MarksRowsOfEstimatedRecords()
    {
        var db = Path.Combine(_dir, "store.duckdb");
        foreach (var kind in new[] { "graduates", "talent-intake" })
        {
            Assert.Equal(0, CliRunner.Run("import", kind, TestData.RepoPath($"data/examples/{kind}.csv"), "--db", db).ExitCode);
        }

        // The example records are marked estimated in their figure_kind column.
        Assert.All(new[] { "graduates", "talent-intake" }, kind =>
            Assert.All(File.ReadLines(TestData.RepoPath($"data/examples/{kind}.csv")).Skip(1), l => Assert.Contains(",estimated,", l, StringComparison.Ordinal)));
        var (exit, output, error) = CliRunner.Run("talent", "retention", "--db", db);
        Assert.True(exit == 0, error);
        var tables = output.Split("\n\n");
        Assert.All(new[] { tables[0], tables[1] }, table =>
        {
            var lines = table.Trim().Split('\n');
            var column = Array.IndexOf(lines[0].Split(','), "figure_kind");
            Assert.True(column >= 0, lines[0]);
            Assert.NotEmpty(lines[1..]);
            Assert.All(lines[1..], l => Assert.Equal("estimated", l.Split(',')[column]));
        });
    }
}
