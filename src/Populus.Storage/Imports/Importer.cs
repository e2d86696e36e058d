using System.Security.Cryptography;
using Populus.Storage.Engines;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Loads one file as one batch in one transaction: either every row is stored, with the batch record, or nothing
/// changes. A batch already imported with the same content is a no-op, so running an import twice is safe.
/// </summary>
internal static class Importer
{
    /// <exception cref="InvalidInputException">The file or a row is refused; every problem is listed and nothing changed.</exception>
    public static ImportResult Run(Engine engine, ImportKind kind, string file, ImportOptions options)
    {
        using var table = kind.HoldsPersonalData ? CsvTable.OpenPersonal(file, kind.RequiredColumns) : CsvTable.Open(file, kind.RequiredColumns);
        var sha = Sha256(file);
        var batch = string.IsNullOrWhiteSpace(options.Batch) ? Path.GetFileName(file) : options.Batch.Trim();

        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction();
        using var writer = engine.AcquireWriterLock(connection, transaction);
        var previous = Sql.Query(connection, transaction,
            "SELECT batch_key, content_sha256, kind, withdrawn_at IS NOT NULL FROM import_batch WHERE batch_key = $1 OR (content_sha256 = $2 AND kind = $3)",
            r => (Batch: r.GetString(0), Sha: r.GetString(1), Kind: r.GetString(2), Withdrawn: r.GetBoolean(3)), batch, sha, kind.Name);
        if (previous.FirstOrDefault(p => p.Sha == sha && p.Kind == kind.Name) is { Batch: not null } same)
        {
            // The same content again changes nothing; the content of a withdrawn batch is refused, not silently skipped.
            return same.Withdrawn
                ? throw new InvalidInputException(new InputError(file, 0, null, null,
                    $"this content was imported as batch '{same.Batch}' and withdrawn (`populus withdraw --list` says why): import the corrected file",
                    $"该文件内容曾作为批次“{same.Batch}”导入并已撤回（`populus withdraw --list` 列出原因）：请导入更正后的文件"))
                : new ImportResult(kind.Name, file, same.Batch, 0, AlreadyImported: true, sha, table.TextEncoding);
        }

        if (previous.FirstOrDefault(p => p.Batch == batch) is { Batch: not null } clash)
        {
            var (was, wasZh) = clash.Withdrawn ? (" and withdrawn", "并已撤回") : ("", "");
            throw new InvalidInputException(new InputError(file, 0, null, null,
                $"batch '{batch}' was already imported from different content ({clash.Kind}, sha256 {clash.Sha[..12]}…){was}; a stored batch is never overwritten: give this file another batch name",
                $"批次“{batch}”已由内容不同的文件导入（{clash.Kind}，sha256 {clash.Sha[..12]}…）{wasZh}；已入库的批次不会被覆盖：请为此文件另起批次名"));
        }

        var session = new ImportSession(engine, connection, transaction, table, kind.Name, batch, file, sha, options);
        var rows = kind.Load(session);
        table.ThrowIfInvalid();
        options.BeforeCommit?.Invoke();
        transaction.Commit();
        return new ImportResult(kind.Name, file, batch, rows, AlreadyImported: false, sha, table.TextEncoding);
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
