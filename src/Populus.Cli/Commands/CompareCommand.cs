using System.CommandLine;
using Populus.Storage.Projections;
using Populus.Storage.Tabular;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus compare RUN_A RUN_B`: two probabilistic runs (folders of `project --trajectories --out`) compared — what
/// differs in their manifests and, measure by measure, how far their medians and interval widths lie apart
/// (<see cref="RunComparison"/>; docs/storage.md "Probabilistic runs").
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("RUN_A") { Description = "Folder of the first run" };
        var second = new Argument<string>("RUN_B") { Description = "Folder of the second run" };
        var output = new Option<string>("--out") { Description = "Also write every row both runs have, with both medians and interval widths, to this CSV file", HelpName = "FILE" };
        var command = new Command("compare", "Compare two probabilistic runs: manifests and quantiles (运行比较)") { first, second, output };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, _) =>
        {
            var comparison = RunComparison.Compare(parse.GetValue(first)!, parse.GetValue(second)!);
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.Write(file, comparison.WriteCsv);
            }

            comparison.WriteMarkdown(stdout);
            return CommandExit.Done;
        }));
        return command;
    }
}
