using System.CommandLine;
using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Storage.Projections;
using Populus.Storage.Scenarios;
using Populus.Storage.Wpp;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus uncertainty`: fits the random processes of probabilistic projections to WPP 2024's published 80% and
/// 95% bounds of TFR, e0 by sex and net migration, and prints each fit (docs/methods.md "Probabilistic projection");
/// with --compare-wpp, compares a run's population intervals with WPP's published ones (docs/validation.md).
/// </summary>
internal static class UncertaintyCommand
{
    private static readonly int[] ExtractLocations = [156, 392, 276, 566, 356, 76, 410, 840];

    public static Command Create()
    {
        var wpp = new Option<string>("--wpp") { Description = "Folder of a WPP 2024 extract (default: the bundled data/wpp)" };
        var location = new Option<int[]>("--location") { Description = "WPP location codes (default: the eight of the extract)", AllowMultipleArgumentsPerToken = true };
        var compare = new Option<string>("--compare-wpp")
        {
            Description = "Folder of a probabilistic run (project --trajectories --out): print its total-population intervals against WPP's published 80%/95% bounds (one --location, default 156)",
            HelpName = "RUN_FOLDER",
        };
        var command = new Command("uncertainty", "Fit the stochastic TFR, e0 and migration processes to WPP's published bounds (不确定性校准)") { wpp, location, compare };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            var folder = parse.GetValue(wpp) ?? ProjectCommand.DefaultWppFolder();
            if (parse.GetValue(compare) is { } run)
            {
                if (parse.GetValue(location) is { Length: > 1 })
                {
                    stderr.WriteLine("--compare-wpp compares one location: give one --location.");
                    return CommandExit.Refused;
                }

                var code = parse.GetValue(location) is [var one] ? one : PlanMonitor.CalibrationLocation;
                WppIntervalComparison.WriteMarkdown(stdout, WppIntervalComparison.Compare(run, folder, code));
                return CommandExit.Done;
            }

            var codes = parse.GetValue(location) is { Length: > 0 } given ? given : ExtractLocations;
            stdout.WriteLine("| location | variable | σ1 | φ | σ | β | RMS error of half-widths | max error |");
            stdout.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var code in codes)
            {
                WppUncertainty.Calibration c;
                try
                {
                    c = WppUncertainty.Calibrate(folder, code);
                }
                catch (ArithmeticException ex)
                {
                    // The migration rates need the deterministic projection to 2100, which some locations' schedules do not allow yet.
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {code} | not fitted | | | | | {ex.Message} | |"));
                    continue;
                }

                foreach (var (name, fit) in new[] { ("TFR", c.TotalFertility), ("e0 female", c.FemaleLifeExpectancy), ("e0 male (own part)", c.MaleLifeExpectancy), ("net migration rate", c.NetMigrationRate) })
                {
                    var p = fit.Process;
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {c.Location} ({code}) | {name} | {p.FirstYearSd:G3} | {p.Persistence:0.0000} | {p.InnovationSd:G3} | {(name.StartsWith("e0 male", StringComparison.Ordinal) ? fit.Loading.ToString("0.000", CultureInfo.InvariantCulture) : "")} | {fit.RmsRelativeError:P1} | {fit.MaxRelativeError:P1} |"));
                }
            }

            return CommandExit.Done;
        }));
        return command;
    }
}
