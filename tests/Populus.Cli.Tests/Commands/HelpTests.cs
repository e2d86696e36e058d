using Populus.Storage;

namespace Populus.Cli.Tests.Commands;

/// <summary>The help a user reads first: `populus --help` lists the commands in a column a terminal holds, and
/// `populus import --help` names every kind of file the store takes.</summary>
public sealed class HelpTests
{
    [Fact]
    public void RootHelp_CommandsColumnFitsATerminal()
    {
        var (exit, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, exit);
        var commands = output.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Trim().Length > 0).ToList();
        Assert.Contains(commands, l => l.TrimStart().StartsWith("import <kind> <file>", StringComparison.Ordinal));
        // The description column starts where the widest command's name and arguments end (System.CommandLine's layout).
        var column = commands.Select(l => l.IndexOf("  ", l.Length - l.TrimStart().Length, StringComparison.Ordinal)).Max();
        Assert.InRange(column, 10, 40);
    }

    [Fact]
    public void ImportHelp_NamesEveryKind()
    {
        var (exit, output, _) = CliRunner.Run("import", "--help");
        Assert.Equal(0, exit);
        Assert.All(PopulusStore.ImportKinds, k => Assert.Contains($"  {k.Name}: {k.Summary}", output, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownImportKind_IsRefusedNamingTheKinds()
    {
        var (exit, _, error) = CliRunner.Run("import", "censuses", "census.csv");
        Assert.Equal(1, exit);
        Assert.Contains("censuses", error, StringComparison.Ordinal);
        Assert.Contains("vital-events", error, StringComparison.Ordinal);
    }
}
