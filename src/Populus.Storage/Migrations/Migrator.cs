using System.Data.Common;
using Populus.Storage.Engines;

namespace Populus.Storage.Migrations;

/// <summary>Brings a store's schema up to <see cref="Migrations.Latest"/> when it is opened.</summary>
internal static class Migrator
{
    private const string VersionTable = "schema_version";

    /// <summary>Checks the store and applies the missing steps; returns the schema version.</summary>
    /// <exception cref="StoreOpenException">The store is newer than this program, or holds tables that are not a Populus store.</exception>
    public static int Migrate(Engine engine, IReadOnlyList<Migration> steps)
    {
        using var connection = engine.Connect();
        var current = CurrentVersion(engine, connection, null);
        Refuse(engine, current, steps);
        if (current == steps[^1].Version)
        {
            return current;
        }

        foreach (var step in steps)
        {
            using var transaction = connection.BeginTransaction();
            using var writer = engine.AcquireWriterLock(connection, transaction);
            // Read again under the lock: another process may have migrated meanwhile (PostgreSQL).
            var now = CurrentVersion(engine, connection, transaction);
            Refuse(engine, now, steps);
            if (step.Version <= now)
            {
                continue;
            }

            if (now == 0)
            {
                Sql.Execute(connection, transaction,
                    $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }

            step.Apply(engine, connection, transaction);
            Sql.Execute(connection, transaction, $"INSERT INTO {VersionTable} (version, description, applied_at) VALUES ($1, $2, $3)",
                step.Version, step.Description, Sql.UtcNow());
            transaction.Commit();
            engine.SettleSchemaChange(connection);
        }

        return CurrentVersion(engine, connection, null);
    }

    /// <summary>0 for an empty database; throws for a database with tables but no schema_version.</summary>
    private static int CurrentVersion(Engine engine, DbConnection connection, DbTransaction? transaction)
    {
        var tables = Sql.Query(connection, transaction,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()", r => r.GetString(0));
        if (!tables.Contains(VersionTable, StringComparer.OrdinalIgnoreCase))
        {
            if (tables.Count > 0)
            {
                throw new StoreOpenException(StoreOpenFailure.NotAPopulusStore,
                    $"{engine.Location} holds tables ({string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", …" : "")}) but no Populus schema_version: it is not a Populus store. It was left unchanged; give an empty database, schema or a new file.");
            }

            return 0;
        }

        return Convert.ToInt32(Sql.Scalar(connection, transaction, $"SELECT COALESCE(MAX(version), 0) FROM {VersionTable}") ?? 0,
            System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Refuse(Engine engine, int current, IReadOnlyList<Migration> steps)
    {
        if (current > steps[^1].Version)
        {
            throw new StoreOpenException(StoreOpenFailure.NewerSchema,
                $"{engine.Location} has schema version {current}, written by a newer Populus; this program knows versions up to {steps[^1].Version}. It was left unchanged: update Populus to open it.");
        }
    }
}
