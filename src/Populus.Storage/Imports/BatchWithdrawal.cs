using System.Globalization;
using Populus.Storage.Engines;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Withdraws a batch of figures found wrong after it was stored: its figures are deleted and the batch records who
/// withdrew it, when and why, in one transaction (a crash leaves the batch as it was). A figure is stored once and a
/// batch never overwritten, so this is how a wrong figure is put right: withdraw its batch, then import the corrected
/// file under another batch name. Only batches of figures (<see cref="FactImportKind"/>) are withdrawn: the seeded
/// data, the person registry and the plan's work are not figures a department sent.
/// </summary>
internal static class BatchWithdrawal
{
    /// <exception cref="InvalidInputException">No such batch, a batch already withdrawn, one not of figures, or no reason.</exception>
    public static WithdrawnBatch Run(Engine engine, string batch, string reason, string by, Action? beforeCommit)
    {
        const string Where = "store import_batch";
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidInputException(new InputError(Where, 0, "reason", reason, "a withdrawal says why (the figure found wrong and its correct value)",
                "撤回须说明原因（哪一数据有误、正确值是多少）"));
        }

        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction();
        using var writer = engine.AcquireWriterLock(connection, transaction);
        var found = Sql.Query(connection, transaction, "SELECT id, kind, withdrawn_at, withdrawn_by FROM import_batch WHERE batch_key = $1",
            r => (Id: r.GetInt64(0), Kind: r.GetString(1), WithdrawnAt: r.IsDBNull(2) ? (DateTime?)null : r.GetDateTime(2), By: r.Text(3)), batch).SingleOrDefault();
        if (found.Kind is null)
        {
            throw new InvalidInputException(new InputError(Where, 0, "batch", batch, "no batch of that name (`populus withdraw --list` lists the batches)",
                "没有该批次（`populus withdraw --list` 列出全部批次）"));
        }

        if (found.WithdrawnAt is { } at)
        {
            var when = at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            throw new InvalidInputException(new InputError(Where, 0, "batch", batch, $"already withdrawn on {when} UTC by {found.By}", $"已于 {when}（UTC）由 {found.By} 撤回"));
        }

        if (ImportKinds.Find(found.Kind) is not FactImportKind kind)
        {
            var figures = string.Join(", ", ImportKinds.All.OfType<FactImportKind>().Select(k => k.Name));
            throw new InvalidInputException(new InputError(Where, 0, "batch", batch,
                $"a batch of {found.Kind} is not withdrawn: only batches of figures are ({figures}); the seeded data, the person registry and the plan's work are not",
                $"{found.Kind} 批次不可撤回：只有数据批次可以撤回（{figures}）；内置数据、人口登记记录和规划工作不可撤回"));
        }

        var rows = Sql.Execute(connection, transaction, $"DELETE FROM {kind.FigureTable} WHERE batch_id = $1", found.Id);
        var now = Sql.UtcNow();
        Sql.Execute(connection, transaction, "UPDATE import_batch SET withdrawn_at = $2, withdrawn_by = $3, withdrawal_reason = $4 WHERE id = $1",
            found.Id, now, by, reason.Trim());
        beforeCommit?.Invoke();
        transaction.Commit();
        return new WithdrawnBatch(batch, found.Kind, rows, now, by, reason.Trim());
    }
}
