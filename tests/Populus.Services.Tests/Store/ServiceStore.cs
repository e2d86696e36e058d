using Npgsql;
using Populus.Storage;

namespace Populus.Services.Tests.Store;

/// <summary>
/// A throwaway store for one test, on DuckDB (a file in its own folder) or PostgreSQL (a schema of its own in the
/// server named by POPULUS_TEST_PG), as the storage tests do: without the variable the PostgreSQL cases are left
/// out locally and fail on CI.
/// </summary>
public sealed class ServiceStore : IDisposable
{
    private readonly string? _schema;

    private ServiceStore(string engine, string db, TempFolder folder, string? schema)
    {
        Engine = engine;
        Db = db;
        Folder = folder;
        _schema = schema;
    }

    public string Engine { get; }

    public string Db { get; }

    internal TempFolder Folder { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("POPULUS_TEST_PG") is { Length: > 0 } s ? s : null;

    private static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static TheoryData<string> Engines => PostgresServer is not null || OnCi ? ["duckdb", "postgres"] : ["duckdb"];

    public static ServiceStore Create(string engine)
    {
        var folder = TestData.Temp();
        if (engine == "duckdb")
        {
            return new ServiceStore(engine, folder.File("store.duckdb"), folder, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException("POPULUS_TEST_PG is not set: on CI the PostgreSQL tests must run.");
        var schema = "s_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}";
            command.ExecuteNonQuery();
        }

        return new ServiceStore(engine, $"{server};Search Path={schema}", folder, schema);
    }

    public IPopulusStore Open() => PopulusStore.Open(Db);

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

        Folder.Dispose();
    }
}
