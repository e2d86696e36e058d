using System.CommandLine;
using System.Globalization;
using Populus.Demography.Summaries;
using Populus.Storage.Inputs;
using Populus.Storage.Projections;
using Populus.Storage.Tabular;
using Populus.Storage.Wpp;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus project`: a cohort-component projection in annual steps by single age and sex, from a WPP 2024 extract
/// (<c>--wpp folder --location code</c>) or from an input bundle (<c>--input folder</c>, docs/inputs.md). With neither,
/// projects China (156) 2023–2050 from the bundled data/wpp. Prints a summary table and writes the population by
/// year, sex and age (and a summary by year beside it), each file whole or not at all.
/// </summary>
internal static class ProjectCommand
{
    private const int DefaultLocation = 156;
    private const int DefaultFrom = 2023;
    private const int DefaultTo = 2050;

    public static Command Create()
    {
        var wpp = new Option<string>("--wpp") { Description = "Folder of a WPP 2024 extract (as data/wpp); the default when --input is not given" };
        var location = new Option<int?>("--location") { Description = "WPP location code (default 156, China)" };
        var input = new Option<string>("--input") { Description = "Folder of a projection input bundle (docs/inputs.md)" };
        var from = new Option<int?>("--from") { Description = "Base year (default 2023): 1 July for WPP, 1 January for a bundle" };
        var to = new Option<int?>("--to") { Description = "Last population year (default 2050)" };
        var output = new Option<string>("--out") { Description = "Population CSV to write (default out/projection-<code>.csv); a summary goes beside it as <name>-summary.csv. With --trajectories: the run folder (default out/stochastic-<code>-seed<S>)" };
        var trajectories = new Option<int?>("--trajectories") { Description = "Probabilistic projection: number of trajectories (1–100,000); writes quantiles and a manifest to a run folder" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the trajectories (default 1): the same seed gives the same results on any machine and number of threads" };
        var threads = new Option<int?>("--threads") { Description = "Threads for the trajectories (default: all cores); results do not depend on it" };
        var calibration = new Option<int?>("--calibration-location") { Description = "WPP location whose published bounds calibrate the random processes (default: --location, or 156 China for a bundle)" };
        var correlation = new Option<double?>("--correlation") { Description = "Correlation of the regions' deviations (default 0.9)" };

        var command = new Command("project", "Cohort-component projection (人口预测) from WPP 2024 inputs or an input bundle") { wpp, location, input, from, to, output, trajectories, seed, threads, calibration, correlation };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            var y0 = parse.GetValue(from) ?? DefaultFrom;
            var y1 = parse.GetValue(to) ?? DefaultTo;
            if (parse.GetValue(trajectories) is { } n)
            {
                if (n < 1 || n > 100_000)
                {
                    stderr.WriteLine("--trajectories must be between 1 and 100,000.");
                    return CommandExit.Refused;
                }

                var s = parse.GetValue(seed) ?? 1;
                var t = parse.GetValue(threads) ?? 0;
                StochasticRun stochastic;
                string name;
                if (parse.GetValue(input) is { } stochasticBundle)
                {
                    stochastic = StochasticRun.FromBundle(stochasticBundle, parse.GetValue(wpp) ?? DefaultWppFolder(), parse.GetValue(calibration) ?? DefaultLocation,
                        y0, y1, n, s, parse.GetValue(correlation) ?? 0.9, t);
                    name = "input";
                }
                else
                {
                    var code = parse.GetValue(location) ?? DefaultLocation;
                    stochastic = StochasticRun.FromWpp(parse.GetValue(wpp) ?? DefaultWppFolder(), code, y0, y1, n, s, t);
                    name = code.ToString(CultureInfo.InvariantCulture);
                }

                var folder = parse.GetValue(output) ?? Path.Combine("out", $"stochastic-{name}-seed{s.ToString(CultureInfo.InvariantCulture)}");
                stochastic.Write(folder, Environment.GetCommandLineArgs().Skip(1));
                PrintStochastic(stochastic, stdout);
                stdout.WriteLine($"Wrote {Path.Combine(folder, "quantiles.csv")}, calibration.csv and manifest.json.");
                return CommandExit.Done;
            }

            ProjectionRun run;
            string defaultName;
            if (parse.GetValue(input) is { } bundle)
            {
                if (parse.GetValue(wpp) is not null || parse.GetValue(location) is not null)
                {
                    stderr.WriteLine("Give either --input or --wpp/--location, not both.");
                    return CommandExit.Refused;
                }

                run = BundleProjection.Run(bundle, y0, y1);
                defaultName = "projection-input.csv";
            }
            else
            {
                var code = parse.GetValue(location) ?? DefaultLocation;
                var folder = parse.GetValue(wpp) ?? DefaultWppFolder();
                run = WppProjection.Run(folder, code, y0, y1);
                defaultName = $"projection-{code.ToString(CultureInfo.InvariantCulture)}.csv";
            }

            var path = parse.GetValue(output) ?? Path.Combine("out", defaultName);
            var summary = ProjectionSummary.ByYear(run.Result);
            var summaryPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-summary.csv");
            ProjectionCsv.WritePopulation(run, path);
            ProjectionCsv.WriteSummary(summary, summaryPath);
            PrintTable(run, summary, stdout);
            stdout.WriteLine($"Wrote {path} and {summaryPath}.");
            return CommandExit.Done;
        }));
        return command;
    }

    /// <summary>data/wpp of the repository: searched upwards from the working folder, then from the executable's.</summary>
    internal static string DefaultWppFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "wpp");
                if (File.Exists(Path.Combine(candidate, "pop_single_age_midyear.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidInputException(new InputError("data/wpp", 0, null, null,
            "the bundled WPP extract was not found above the working folder or the program; give --wpp <folder>"));
    }

    private static void PrintTable(ProjectionRun run, IReadOnlyList<ProjectionSummaryRow> rows, TextWriter w)
    {
        w.WriteLine($"Projection of {string.Join(", ", run.Codes)}: population on {run.PopulationDate} ({run.PopulationUnit}); births, deaths and net migration over the 12 months before it.");
        string[] widths = ["6", "15", "12", "12", "12", "9", "11", "11", "11"];
        string[] chinese = ["年份", "总人口", "0-14岁", "15-64岁", "65岁及以上", "65+占比%", "出生", "死亡", "净迁移"];
        string[] english = ["Year", "Total", "0-14", "15-64", "65+", "65+ %", "Births", "Deaths", "Net mig."];
        w.WriteLine(string.Join(' ', chinese.Select((h, i) => PadLeft(h, int.Parse(widths[i], CultureInfo.InvariantCulture)))));
        w.WriteLine(string.Join(' ', english.Select((h, i) => PadLeft(h, int.Parse(widths[i], CultureInfo.InvariantCulture)))));
        foreach (var r in rows)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Year,6} {r.Total,15:N1} {r.Children,12:N1} {r.WorkingAge,12:N1} {r.Older,12:N1} {r.OlderSharePercent,9:F2} {Flow(r.Births),11} {Flow(r.Deaths),11} {Flow(r.NetMigration),11}"));
        }
    }

    private static void PrintStochastic(StochasticRun run, TextWriter w)
    {
        var r = run.Results;
        var unit = r.Units[^1];
        w.WriteLine($"{r.Trajectories} trajectories (seed {r.Seed}) of {unit}: total population (median and 80%/95% intervals), in the unit of the inputs.");
        w.WriteLine("  Year        median          80% interval                 95% interval");
        foreach (var year in r.Years.Where(y => y == r.Years[^1] || (y - r.Years[0]) % 5 == 0))
        {
            double Q(int i) => r.Quantile(year, unit, Populus.Demography.Stochastic.TrajectoryIndicator.Population, i);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {year} {Q(3),13:N1}  [{Q(1),12:N1}, {Q(5),12:N1}]  [{Q(0),12:N1}, {Q(6),12:N1}]"));
        }
    }

    /// <summary>Right-aligns text in a terminal column, counting CJK characters as two columns wide.</summary>
    private static string PadLeft(string text, int width)
    {
        var shown = text.Sum(c => c >= '\u2E80' ? 2 : 1);
        return new string(' ', Math.Max(0, width - shown)) + text;
    }

    private static string Flow(double value) => double.IsNaN(value) ? "" : value.ToString("N1", CultureInfo.InvariantCulture);
}
