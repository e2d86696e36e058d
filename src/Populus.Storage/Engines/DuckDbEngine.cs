using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Populus.Storage.Engines;

/// <summary>
/// Embedded DuckDB in one file. The store keeps one connection open for its lifetime: it holds the file lock
/// (so another process gets a clear "in use" message) and the database instance that further connections of this
/// process share.
/// </summary>
internal sealed class DuckDbEngine : Engine
{
    /// <summary>Writers within this process, one lock per database file (DuckDB allows one writing process).</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriterLocks = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly DuckDBConnection _holder;

    private DuckDbEngine(string path, DuckDBConnection holder, string connectionString)
    {
        Location = path;
        _holder = holder;
        _connectionString = connectionString;
    }

    public override StoreEngine Kind => StoreEngine.DuckDb;

    public override string Location { get; }

    public override string MigrationSuffix => "duckdb";

    public override IsolationLevel SnapshotIsolation => IsolationLevel.Snapshot;

    /// <summary>Opens (creating when absent) the database file.</summary>
    /// <exception cref="StoreOpenException">The file is in use, damaged, not a database, or from a newer DuckDB.</exception>
    public static DuckDbEngine Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreOpenException(StoreOpenFailure.Corrupt, $"The database path {full} is a folder; give a file name such as {Path.Combine(full, "populus.duckdb")}.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connectionString = $"Data Source={full}";
        var holder = new DuckDBConnection(connectionString);
        try
        {
            holder.Open();
        }
        catch (DuckDBException ex)
        {
            holder.Dispose();
            throw Explain(full, ex);
        }

        return new DuckDbEngine(full, holder, connectionString);
    }

    public override DbConnection Connect()
    {
        var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public override IDisposable AcquireWriterLock(DbConnection connection, DbTransaction transaction)
    {
        var gate = WriterLocks.GetOrAdd(Location, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Releaser(gate);
    }

    /// <remarks>DuckDB (1.5) cannot replay an ALTER TABLE of a table with a function default (account.id DEFAULT
    /// nextval) from its write-ahead log: a process killed after such a step, before DuckDB's next checkpoint, left a
    /// file that no longer opened ("Failure while replaying WAL file … GetDefaultDatabase", duckdb/duckdb#18259,
    /// #20543). A checkpoint right after the step's commit writes it into the file and empties the log.</remarks>
    public override void SettleSchemaChange(DbConnection connection) => Sql.Execute(connection, null, "CHECKPOINT");

    public override void BulkInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows)
    {
        // The appender writes into the connection's open transaction: a rollback (or a killed process) drops it all.
        using var appender = ((DuckDBConnection)connection).CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    long l => row.AppendValue(l),
                    int i => row.AppendValue(i),
                    double d => row.AppendValue(d),
                    string s => row.AppendValue(s),
                    DateOnly d => row.AppendValue((DateOnly?)d),
                    DateTime t => row.AppendValue(t),
                    bool b => row.AppendValue(b),
                    _ => throw new InvalidOperationException($"No appender mapping for {value.GetType().Name} in table {table}."),
                };
            }

            row.EndRow();
        }
    }

    public override void Dispose() => _holder.Dispose();

    private static StoreOpenException Explain(string path, DuckDBException ex)
    {
        var m = ex.Message;
        if (m.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase) || m.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase))
        {
            var pid = m.IndexOf("PID", StringComparison.Ordinal) is var at and >= 0 ? " (" + m[at..].TrimEnd(')', '.', ' ') + ")" : "";
            return new StoreOpenException(StoreOpenFailure.Locked,
                $"The database file {path} is in use by another process{pid}. Only one program at a time can open a DuckDB store: close the other one (or wait for its import to finish), or use a PostgreSQL store for shared use.", ex);
        }

        if (m.Contains("not a valid DuckDB database", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreOpenException(StoreOpenFailure.Corrupt,
                $"The file {path} is not a Populus database (it is not a DuckDB file, or it is damaged). It was left unchanged; check the --db path, or restore the file from a backup.", ex);
        }

        if (m.Contains("replaying WAL", StringComparison.OrdinalIgnoreCase))
        {
            // DuckDB's own defect (duckdb/duckdb#18259): the file and its log are sound, but this DuckDB cannot replay
            // the log. Only the user can choose to give up the log's changes, so the store says how and changes nothing.
            return new StoreOpenException(StoreOpenFailure.Corrupt,
                $"The database file {path} cannot be opened: DuckDB cannot replay its log of the changes made since its last checkpoint ({path}.wal), " +
                "a known DuckDB defect after a schema change by a program that was stopped before it closed the store (duckdb/duckdb#18259). " +
                $"Both files were left unchanged. To open the store as it was at its last checkpoint, copy both files somewhere safe, then move {path}.wal aside; " +
                "the changes in that log (the last imports or account changes before the stop) are then lost and must be made again.", ex);
        }

        if (m.Contains("version", StringComparison.OrdinalIgnoreCase) && m.Contains("database file", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreOpenException(StoreOpenFailure.NewerSchema,
                $"The file {path} was written by a different (probably newer) DuckDB version and cannot be read by this Populus. It was left unchanged; use the Populus version that wrote it. ({m})", ex);
        }

        return new StoreOpenException(StoreOpenFailure.Corrupt,
            $"The database file {path} cannot be opened: {m}. It was left unchanged; check the path and that the file is a Populus database.", ex);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
