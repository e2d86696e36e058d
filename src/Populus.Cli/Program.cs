using System.CommandLine;
using Populus.Cli.Commands;

namespace Populus.Cli;

/// <summary>The `populus` command: parses, then hands over to the libraries. One file a command under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Populus: population statistics, projection and plan monitoring (人口发展规划监测)");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
