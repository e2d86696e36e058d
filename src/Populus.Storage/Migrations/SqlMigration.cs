using System.Data.Common;
using Populus.Storage.Engines;

namespace Populus.Storage.Migrations;

/// <summary>
/// A step written as SQL in Migrations/Sql/NNNN_name.sql (embedded). When the engines need different text, a file
/// NNNN_name.duckdb.sql or NNNN_name.postgres.sql takes precedence for that engine.
/// </summary>
internal sealed class SqlMigration(int version, string name, string description) : Migration
{
    public override int Version => version;

    public override string Description => description;

    public override void Apply(Engine engine, DbConnection connection, DbTransaction transaction) =>
        Sql.Execute(connection, transaction, Script(engine.MigrationSuffix));

    /// <summary>The SQL for one engine.</summary>
    public string Script(string engineSuffix)
    {
        var stem = $"Populus.Storage.Migrations.{version:D4}_{name}";
        var assembly = typeof(SqlMigration).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{stem}.{engineSuffix}.sql")
                           ?? assembly.GetManifestResourceStream($"{stem}.sql")
                           ?? throw new InvalidOperationException($"Migration {version} has no embedded SQL {stem}.sql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
