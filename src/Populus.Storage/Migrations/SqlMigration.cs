using System.Data.Common;
using Populus.Storage.Engines;

namespace Populus.Storage.Migrations;

/// <summary>
/// A step written as SQL in Migrations/Sql (embedded): NNNN_name.sql runs on both engines, then NNNN_name.duckdb.sql or
/// NNNN_name.postgres.sql on that engine only, so an engine's extras (triggers, row-level security) or its own
/// variant of a step (either file alone) never repeat the shared text.
/// </summary>
internal sealed class SqlMigration(int version, string name, string description) : Migration
{
    public override int Version => version;

    public override string Description => description;

    public override void Apply(Engine engine, DbConnection connection, DbTransaction transaction) =>
        Sql.Execute(connection, transaction, Script(engine.MigrationSuffix));

    /// <summary>The SQL for one engine: the shared script, then the engine's own.</summary>
    public string Script(string engineSuffix)
    {
        var stem = $"Populus.Storage.Migrations.{version:D4}_{name}";
        var parts = new[] { $"{stem}.sql", $"{stem}.{engineSuffix}.sql" }.Select(Read).OfType<string>().ToList();
        return parts.Count > 0
            ? string.Join("\n", parts)
            : throw new InvalidOperationException($"Migration {version} has no embedded SQL {stem}.sql or {stem}.{engineSuffix}.sql.");
    }

    private static string? Read(string resource)
    {
        using var stream = typeof(SqlMigration).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
