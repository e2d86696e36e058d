using Populus.Storage.Engines;
using Populus.Storage.Imports;

namespace Populus.Storage;

/// <summary>Opens the store: embedded DuckDB by default, PostgreSQL when given a connection string.</summary>
public static class PopulusStore
{
    /// <summary>The environment variable naming the database when no --db is given.</summary>
    public const string DatabaseVariable = "POPULUS_DB";

    /// <summary>The DuckDB file used when neither a database nor <see cref="DatabaseVariable"/> is given (relative to the working folder).</summary>
    public static readonly string DefaultPath = Path.Combine("populus-data", "populus.duckdb");

    /// <summary>
    /// Opens (creating it on first use) the store named by <paramref name="db"/>, else by the POPULUS_DB
    /// environment variable, else ./populus-data/populus.duckdb, and brings its schema up to date.
    /// </summary>
    /// <param name="db">A DuckDB file path, or a PostgreSQL connection string ("Host=…;Database=…": anything with '=').</param>
    /// <exception cref="StoreOpenException">The store is newer than this program, damaged, locked, not a Populus store, or unreachable; it was not changed.</exception>
    public static IPopulusStore Open(string? db = null)
    {
        var target = string.IsNullOrWhiteSpace(db) ? Environment.GetEnvironmentVariable(DatabaseVariable) : db;
        if (string.IsNullOrWhiteSpace(target))
        {
            target = DefaultPath;
        }

        Engine engine = IsConnectionString(target) ? PostgresEngine.Open(target) : DuckDbEngine.Open(target);
        try
        {
            var version = Migrations.Migrator.Migrate(engine, Migrations.Migrations.All);
            return new SqlStore(engine, version);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>The import kinds: name (as in `populus import NAME FILE`) and what the file holds, in English and Chinese.</summary>
    public static IReadOnlyList<(string Name, string Summary, string SummaryZh, IReadOnlyList<string> RequiredColumns)> ImportKinds =>
        [.. Imports.ImportKinds.All.Select(k => (k.Name, k.Summary, k.SummaryZh, (IReadOnlyList<string>)k.RequiredColumns))];

    /// <summary>True for "Host=…;Database=…" style text; a file path has no '='.</summary>
    internal static bool IsConnectionString(string db) => db.Contains('=', StringComparison.Ordinal);
}
