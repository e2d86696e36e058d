using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Populus.Storage;
using Populus.Storage.PlanData;
using Populus.Storage.Registry;
using Populus.Storage.Scenarios;
using Spectre.Console;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus generate-registry --persons N --seed S [--out file.parquet|csv] [--db STORE]`: a synthetic person registry
/// calibrated to the plan's city of the data folder (data/wenzhou: Wenzhou), written to a file and/or bulk-loaded (protected) into the store's registry tables (DuckDB
/// file or PostgreSQL), with a progress bar and the load and count timings.
/// </summary>
internal static class GenerateRegistryCommand
{
    public static Command Create()
    {
        var persons = new Option<long>("--persons") { Description = "Persons to generate", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed gives the same registry", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Write the registry, with full identity numbers, to a .parquet or .csv file" };
        var db = new Option<string?>("--db") { Description = "Load into this store: a DuckDB file (created if absent) or a PostgreSQL connection string" };
        var keyFile = new Option<string?>("--key-file") { Description = $"Registry key file (default: ${RegistryKey.KeyFileVariable}, else for a DuckDB store <store folder>.key beside that folder; required for PostgreSQL)" };
        var data = new Option<string?>("--data") { Description = $"The data folder holding wenzhou/ and china_census/ (default: ${DataFolder.Variable}, else found above the working directory)" };
        var referenceDate = new Option<string?>("--reference-date") { Description = $"Date the ages refer to, yyyy-MM-dd (default {RegistryGenerator.DefaultReferenceDate:yyyy-MM-dd})" };

        var command = new Command("generate-registry", "Synthetic person registry calibrated to the data folder's city (census age-sex, counties, urban/rural, education, hukou)")
        {
            persons, seed, output, db, keyFile, data, referenceDate,
        };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, error) =>
        {
            var outPath = parse.GetValue(output);
            var dbPath = parse.GetValue(db);
            if (outPath is null && dbPath is null)
            {
                error.WriteLine("nothing to do: give --out and/or --db");
                return CommandExit.Refused;
            }

            DateOnly? reference = null;
            if (parse.GetValue(referenceDate) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    error.WriteLine($"--reference-date: '{text}' is not a date yyyy-MM-dd");
                    return CommandExit.Refused;
                }

                reference = d;
            }

            var calibration = RegistryCalibration.Load(parse.GetValue(data) ?? DataFolder.Locate());
            using var store = dbPath is null ? null : PopulusStore.Open(dbPath);
            if (store is not null && PlanningRegions.PlanRegion(store) is var city && city != calibration.City)
            {
                error.WriteLine($"the data folder's city {calibration.City} is not the store's plan city {city}: its persons would live in counties the store does not hold " +
                                $"(数据文件夹的城市 {calibration.City} 不是数据库的规划城市 {city}：其人员所在的县级单位不在数据库中)");
                return CommandExit.Refused;
            }

            var generator = new RegistryGenerator(calibration, parse.GetValue(persons), parse.GetValue(seed), reference);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            if (outPath is not null)
            {
                var written = WithProgress(console, $"writing {Path.GetFileName(outPath)}", generator.Persons,
                    progress => RegistryExport.Write(generator, outPath, progress), out var elapsed);
                console.MarkupLineInterpolated($"wrote {written:N0} persons to {outPath} in {elapsed.TotalSeconds:F2} s");
            }

            if (store is not null)
            {
                using var registry = store.OpenRegistry(parse.GetValue(keyFile));
                Load(console, registry, generator, store.Location);
                if (registry is DuckDbPersonRegistry duck)
                {
                    var timer = Stopwatch.StartNew();
                    duck.Checkpoint();
                    console.MarkupLineInterpolated($"checkpoint {timer.Elapsed.TotalSeconds:F2} s");
                }

                Aggregate(console, registry, generator.ReferenceDate);
            }

            return CommandExit.Done;
        }));
        return command;
    }

    private static void Load(IAnsiConsole console, PersonRegistry registry, RegistryGenerator generator, string engine)
    {
        var loaded = WithProgress(console, $"loading into {engine}", generator.Persons, progress => registry.Load(generator, progress), out var elapsed);
        console.MarkupLineInterpolated(
            $"loaded {loaded:N0} persons into {engine} in {elapsed.TotalSeconds:F2} s ({loaded / elapsed.TotalSeconds:N0} persons/s)");
    }

    private static void Aggregate(IAnsiConsole console, PersonRegistry registry, DateOnly asOf)
    {
        var timer = Stopwatch.StartNew();
        var cells = registry.CountByAgeSexRegion(asOf);
        var elapsed = timer.Elapsed;
        console.MarkupLineInterpolated($"counted {cells.Sum(c => c.Persons):N0} persons alive on {asOf:yyyy-MM-dd}");
        console.MarkupLineInterpolated($"by age × sex × county × urban/rural: {cells.Count:N0} cells in {elapsed.TotalSeconds:F2} s");
    }

    private static long WithProgress(IAnsiConsole console, string label, long total, Func<IProgress<long>, long> work, out TimeSpan elapsed)
    {
        var timer = Stopwatch.StartNew();
        long result = 0;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: total);
                result = work(new TaskProgress(task));
                task.Value = total;
            });
        elapsed = timer.Elapsed;
        return result;
    }

    /// <summary>Moves the bar on the reporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
