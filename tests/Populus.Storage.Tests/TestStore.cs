using Npgsql;

namespace Populus.Storage.Tests;

/// <summary>
/// A throwaway store on one engine: a DuckDB file in its own folder, or a PostgreSQL schema of its own in the
/// server named by POPULUS_TEST_PG (scripts/test-env.sh starts one). Without that variable the PostgreSQL cases are
/// left out locally, and fail on CI (CI=true), so a CI run can never pass without PostgreSQL.
/// </summary>
public sealed class TestStore : IDisposable
{
    public const string PostgresVariable = "POPULUS_TEST_PG";

    private readonly string? _folder;
    private readonly string? _schema;

    private TestStore(string engine, string db, string? folder, string? schema)
    {
        Engine = engine;
        Db = db;
        _folder = folder;
        _schema = schema;
    }

    /// <summary>"duckdb" or "postgres".</summary>
    public string Engine { get; }

    /// <summary>The --db text that opens this store.</summary>
    public string Db { get; }

    /// <summary>A folder for this test's input files.</summary>
    public string Folder => _folder ?? throw new InvalidOperationException();

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The engines to run on: DuckDB always, PostgreSQL when a server is given (always on CI).</summary>
    public static IReadOnlyList<string> EngineNames =>
        PostgresServer is not null || OnCi ? ["duckdb", "postgres"] : ["duckdb"];

    /// <summary><see cref="EngineNames"/> as theory data.</summary>
    public static TheoryData<string> Engines => [.. EngineNames];

    /// <summary>A store on <paramref name="engine"/>; a DuckDB store starts as a copy of one migrated store unless <paramref name="fresh"/>.</summary>
    public static TestStore Create(string engine, bool fresh = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "populus-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (engine == "duckdb")
        {
            var path = Path.Combine(folder, "store.duckdb");
            if (!fresh)
            {
                // Copying a migrated, closed file is the same store as migrating anew, without each test paying for it.
                System.IO.File.Copy(MigratedDuckDb.Value, path);
            }

            return new TestStore(engine, path, folder, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set: on CI the PostgreSQL tests must run (scripts/test-env.sh starts a server).");
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}";
            command.ExecuteNonQuery();
        }

        return new TestStore(engine, $"{server};Search Path={schema}", folder, schema);
    }

    public IPopulusStore Open() => PopulusStore.Open(Db);

    private static readonly Lazy<string> MigratedDuckDb = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"populus-test-template-{Environment.ProcessId}-{Guid.NewGuid():N}.duckdb");
        using (PopulusStore.Open(path))
        {
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    });

    /// <summary>Runs SQL on the database directly, not through the store (to fake a newer schema, or foreign tables).</summary>
    public void Execute(string sql)
    {
        using System.Data.Common.DbConnection connection = Engine == "duckdb"
            ? new DuckDB.NET.Data.DuckDBConnection($"Data Source={Db}")
            : new NpgsqlConnection(Db);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_schema is not null && PostgresServer is { } server)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP SCHEMA IF EXISTS {_schema} CASCADE";
            command.ExecuteNonQuery();
        }

        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A killed child may still be releasing the file; the temp folder is cleaned by the system later.
            }
        }
    }
}

/// <summary>A fact that needs PostgreSQL: skipped (visibly) when POPULUS_TEST_PG is missing locally, run (and failing) on CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestStore.PostgresServer is null && !TestStore.OnCi)
        {
            Skip = $"{TestStore.PostgresVariable} is not set; run ./test.sh (it starts PostgreSQL) to include the PostgreSQL cases.";
        }
    }
}
