using System.CommandLine;

namespace Populus.Cli.Commands;

/// <summary>Every subcommand of `populus`, one line each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return LifeTableCommand.Create();
        yield return ProjectCommand.Create();
        yield return ImportCommand.Create();
        yield return UncertaintyCommand.Create();
    }
}
