using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Populus.Storage.Engines;

/// <summary>
/// A PostgreSQL server through one Npgsql data source. The store's tables live in the first schema of the
/// connection's search path (so one database can hold several stores, one a schema).
/// </summary>
internal sealed class PostgresEngine : Engine
{
    private readonly NpgsqlDataSource _source;

    private PostgresEngine(NpgsqlDataSource source, string location)
    {
        _source = source;
        Location = location;
    }

    public override StoreEngine Kind => StoreEngine.PostgreSql;

    public override string Location { get; }

    public override string MigrationSuffix => "postgres";

    public override IsolationLevel SnapshotIsolation => IsolationLevel.RepeatableRead;

    /// <exception cref="StoreOpenException">The connection string is malformed or the server cannot be reached.</exception>
    public static PostgresEngine Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StoreOpenException(StoreOpenFailure.Unreachable, $"The PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        var location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}" +
                       (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        var source = NpgsqlDataSource.Create(builder.ConnectionString);
        var engine = new PostgresEngine(source, location);
        try
        {
            using var probe = engine.Connect();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            source.Dispose();
            throw new StoreOpenException(StoreOpenFailure.Unreachable,
                $"Cannot connect to {location}: {ex.Message}. Check the --db connection string (or POPULUS_DB) and that the server is running.", ex);
        }

        return engine;
    }

    public override DbConnection Connect() => _source.OpenConnection();

    public override IDisposable AcquireWriterLock(DbConnection connection, DbTransaction transaction)
    {
        // A transaction-scoped advisory lock keyed by the store's schema: released by commit, rollback or a dropped
        // connection (a killed client), so it can never be left behind.
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtext('populus:' || current_schema()))";
        command.ExecuteNonQuery();
        return NoRelease.Instance;
    }

    public override void BulkInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows)
    {
        using var writer = ((NpgsqlConnection)connection).BeginBinaryImport(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var values in rows)
        {
            writer.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null:
                        writer.WriteNull();
                        break;
                    case long l:
                        writer.Write(l, NpgsqlDbType.Bigint);
                        break;
                    case int i:
                        writer.Write(i, NpgsqlDbType.Integer);
                        break;
                    case double d:
                        writer.Write(d, NpgsqlDbType.Double);
                        break;
                    case string s:
                        writer.Write(s, NpgsqlDbType.Text);
                        break;
                    case DateOnly d:
                        writer.Write(d, NpgsqlDbType.Date);
                        break;
                    case DateTime t:
                        writer.Write(t, NpgsqlDbType.Timestamp);
                        break;
                    case bool b:
                        writer.Write(b, NpgsqlDbType.Boolean);
                        break;
                    default:
                        throw new InvalidOperationException($"No COPY mapping for {value.GetType().Name} in table {table}.");
                }
            }
        }

        writer.Complete();
    }

    public override void Dispose() => _source.Dispose();

    private sealed class NoRelease : IDisposable
    {
        public static readonly NoRelease Instance = new();

        public void Dispose()
        {
        }
    }
}
