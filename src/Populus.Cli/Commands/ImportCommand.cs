using System.CommandLine;
using System.Globalization;
using Populus.Storage;

namespace Populus.Cli.Commands;

/// <summary>`populus import KIND FILE [--db …]`: loads one CSV, XLSX or Parquet file into the store as one batch.</summary>
internal static class ImportCommand
{
    /// <summary>Test hook (<see cref="CommitHold"/>): milliseconds to hold the import open with every row written.</summary>
    internal const string HoldVariable = "POPULUS_IMPORT_HOLD_MS";

    public static Command Create()
    {
        var kinds = PopulusStore.ImportKinds;
        // The kinds are listed in the description, one a line: as the argument's help name they would widen the
        // first column of every command's help beyond a terminal's width.
        var kind = new Argument<string>("kind")
        {
            HelpName = "kind",
            Description = "What the file holds:\n" + string.Join("\n", kinds.Select(k => $"  {k.Name}: {k.Summary}")),
        };
        kind.AcceptOnlyFromAmong([.. kinds.Select(k => k.Name)]);
        var path = new Argument<string>("file") { Description = "A .csv, .xlsx or .parquet file with a header row (see docs/storage.md)" };
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

        var command = new Command("import", "Load a data file into the store, all rows or none (census, vital events, migration, surveys, indicators, groups, registry records, graduates, talent, work points)")
        {
            kind, path, db, keyFile, batch, figureKind, source, sourceTitle, publisher, published, confidence, note,
        };
        command.SetAction(parse => CommandExit.Run(parse, (output, error) =>
        {
            Provenance? defaults = null;
            var kindText = parse.GetValue(figureKind);
            var sourceId = parse.GetValue(source);
            if (kindText is not null || sourceId is not null)
            {
                if (sourceId is null)
                {
                    error.WriteLine("--source is required with the other provenance options.");
                    return CommandExit.Refused;
                }

                if (!FigureKinds.TryParse(kindText ?? "observed", out var figure))
                {
                    error.WriteLine($"--figure-kind '{kindText}': must be observed, estimated or projected.");
                    return CommandExit.Refused;
                }

                DateOnly? publishedOn = null;
                if (parse.GetValue(published) is { } p)
                {
                    if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        error.WriteLine($"--published '{p}': not a date (write yyyy-mm-dd).");
                        return CommandExit.Refused;
                    }

                    publishedOn = d;
                }

                defaults = new Provenance(figure, sourceId, parse.GetValue(sourceTitle), parse.GetValue(publisher), publishedOn,
                    parse.GetValue(confidence), parse.GetValue(note));
            }

            var file = parse.GetRequiredValue(path);
            var options = new ImportOptions { Batch = parse.GetValue(batch), Provenance = defaults, KeyFile = parse.GetValue(keyFile), BeforeCommit = CommitHold.FromEnvironment(HoldVariable, "import: rows written", output) };
            using var store = PopulusStore.Open(parse.GetValue(db));
            var result = store.Import(parse.GetRequiredValue(kind), file, options);
            output.WriteLine(result.AlreadyImported
                ? $"{file}: already imported as batch '{result.Batch}'; nothing changed ({store.Location})."
                : $"{file}: imported {result.Rows} rows as batch '{result.Batch}' into {store.Location}{(result.TextEncoding == "GB18030" ? " (read as GB18030/GBK text, not UTF-8)" : "")}.");
            return CommandExit.Done;
        }));
        return command;
    }
}
