using System.Data;
using System.Data.Common;

namespace Populus.Storage.Engines;

/// <summary>
/// What differs between the two databases: connecting, bulk loading, and serialising writers. Everything else
/// (schema, queries, validation) is shared SQL, so the engines behave the same.
/// </summary>
internal abstract class Engine : IDisposable
{
    public abstract StoreEngine Kind { get; }

    /// <summary>Where the data lives, for messages (a path, or host/port/database without the password).</summary>
    public abstract string Location { get; }

    /// <summary>Suffix of engine-specific migration files: NNNN_name.{suffix}.sql.</summary>
    public abstract string MigrationSuffix { get; }

    /// <summary>The isolation of read transactions: a snapshot, so one read sees one state of the store.</summary>
    public abstract IsolationLevel SnapshotIsolation { get; }

    /// <summary>A new open connection for one operation.</summary>
    public abstract DbConnection Connect();

    /// <summary>
    /// Serialises writers for the rest of <paramref name="transaction"/>: imports and migrations check the store and
    /// then write, and a second writer must see the first one's result. Dispose the result after commit or rollback.
    /// </summary>
    public abstract IDisposable AcquireWriterLock(DbConnection connection, DbTransaction transaction);

    /// <summary>Appends rows (values in the order of <paramref name="columns"/>, which must be the table's order) inside the open transaction.</summary>
    public abstract void BulkInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows);

    /// <summary>
    /// Makes a committed schema step durable in the database file itself, not only in a log that reopening replays.
    /// Nothing to do where the log replays every step (PostgreSQL).
    /// </summary>
    public virtual void SettleSchemaChange(DbConnection connection)
    {
    }

    public virtual void Dispose()
    {
    }
}
