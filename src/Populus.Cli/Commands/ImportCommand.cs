using System.CommandLine;
using System.Globalization;
using Populus.Storage;
using Populus.Storage.Tabular;

namespace Populus.Cli.Commands;

/// <summary>`populus import KIND FILE [--db …]`: loads one CSV, XLSX or Parquet file into the store as one batch.</summary>
internal static class ImportCommand
{
    /// <summary>
    /// Test hook: when set to a number of milliseconds, the import prints <see cref="HoldMarker"/> after writing every
    /// row and waits that long before committing, so a test can kill the process mid-import.
    /// </summary>
    internal const string HoldVariable = "POPULUS_IMPORT_HOLD_MS";

    internal const string HoldMarker = "import: rows written, holding before commit";

    public static Command Create()
    {
        var kinds = PopulusStore.ImportKinds;
        var kind = new Argument<string>("kind")
        {
            Description = "What the file holds: " + string.Join("; ", kinds.Select(k => $"{k.Name} ({k.Summary})")),
        };
        kind.AcceptOnlyFromAmong([.. kinds.Select(k => k.Name)]);
        var file = new Argument<string>("file") { Description = "A .csv, .xlsx or .parquet file with a header row (see docs/storage.md)" };
        var db = DbOption.Create();
        var keyFile = new Option<string?>("--key-file") { Description = "Registry key file for person-level kinds (default: $POPULUS_KEY_FILE, else <store folder>.key beside the store folder)" };
        var batch = new Option<string?>("--batch") { Description = "Batch name (default: the file name); the same content under the same name is imported once" };
        var figureKind = new Option<string?>("--figure-kind") { Description = "Default provenance for rows without a figure_kind column: observed, estimated or projected" };
        var source = new Option<string?>("--source") { Description = "Default source id for rows without a source_id column (e.g. S02 of data/wenzhou/sources.csv)" };
        var sourceTitle = new Option<string?>("--source-title") { Description = "Default source title" };
        var publisher = new Option<string?>("--publisher") { Description = "Default publisher" };
        var published = new Option<string?>("--published") { Description = "Default publication date (yyyy-mm-dd)" };
        var confidence = new Option<string?>("--confidence") { Description = "Default confidence (high, medium, low …)" };
        var note = new Option<string?>("--note") { Description = "Default note stored with each figure's provenance" };

        var command = new Command("import", "Load a data file into the store, all rows or none (census, vital-events, migration, survey, indicators, groups)")
        {
            kind, file, db, keyFile, batch, figureKind, source, sourceTitle, publisher, published, confidence, note,
        };
        command.SetAction(parse =>
        {
            Provenance? defaults = null;
            var kindText = parse.GetValue(figureKind);
            var sourceId = parse.GetValue(source);
            if (kindText is not null || sourceId is not null)
            {
                if (sourceId is null)
                {
                    Console.Error.WriteLine("--source is required with the other provenance options.");
                    return 2;
                }

                if (!FigureKinds.TryParse(kindText ?? "observed", out var figure))
                {
                    Console.Error.WriteLine($"--figure-kind '{kindText}': must be observed, estimated or projected.");
                    return 2;
                }

                DateOnly? publishedOn = null;
                if (parse.GetValue(published) is { } p)
                {
                    if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        Console.Error.WriteLine($"--published '{p}': not a date (write yyyy-mm-dd).");
                        return 2;
                    }

                    publishedOn = d;
                }

                defaults = new Provenance(figure, sourceId, parse.GetValue(sourceTitle), parse.GetValue(publisher), publishedOn,
                    parse.GetValue(confidence), parse.GetValue(note));
            }

            var options = new ImportOptions { Batch = parse.GetValue(batch), Provenance = defaults, KeyFile = parse.GetValue(keyFile), BeforeCommit = Hold() };
            return Run(parse.GetValue(db), parse.GetRequiredValue(kind), parse.GetRequiredValue(file), options);
        });
        return command;
    }

    private static int Run(string? db, string kind, string file, ImportOptions options)
    {
        try
        {
            using var store = PopulusStore.Open(db);
            var result = store.Import(kind, file, options);
            Console.WriteLine(result.AlreadyImported
                ? $"{file}: already imported as batch '{result.Batch}'; nothing changed ({store.Location})."
                : $"{file}: imported {result.Rows} rows as batch '{result.Batch}' into {store.Location}.");
            return 0;
        }
        catch (InvalidInputException ex)
        {
            var noun = ex.Errors.Count == 1 ? "problem" : "problems";
            Console.Error.WriteLine($"{file}: refused, nothing was imported. {ex.Errors.Count} {noun}:");
            foreach (var error in ex.Errors)
            {
                Console.Error.WriteLine("  " + error);
            }

            return 1;
        }
        catch (StoreOpenException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is Populus.Storage.Registry.RegistryKeyMismatchException or InvalidOperationException)
        {
            // The registry key is missing, refused, or not the one that sealed the store's registry.
            Console.Error.WriteLine($"{file}: refused, nothing was imported: {ex.Message}");
            return 2;
        }
    }

    private static Action? Hold()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(HoldVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return null;
        }

        return () =>
        {
            Console.WriteLine(HoldMarker);
            Console.Out.Flush();
            Thread.Sleep(ms);
        };
    }
}
