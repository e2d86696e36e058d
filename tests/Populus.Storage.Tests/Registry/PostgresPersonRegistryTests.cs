using Npgsql;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>The registry on PostgreSQL, each test in a schema of its own that is dropped afterwards.</summary>
public sealed class PostgresPersonRegistryTests : IDisposable
{
    private readonly RegistryKey _key = RegistryTestData.NewKey();
    private readonly string _schema = $"registry_test_{Guid.NewGuid():N}";
    private NpgsqlConnection? _connection;

    public void Dispose()
    {
        if (_connection is not null)
        {
            using (var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", _connection))
            {
                drop.ExecuteNonQuery();
            }

            _connection.Dispose();
        }

        _key.Dispose();
    }

    [RegistryPostgresFact]
    public void Load_CountsAggregatesAndLooksUpWhatWasLoaded() =>
        RegistryRoundTrip.LoadAggregateAndFind(PostgresPersonRegistry.Open(Connect(), _key), 20_000);

    [RegistryPostgresFact]
    public void Add_RecordEvent_ChangeCountsAndHistory() =>
        RegistryRoundTrip.AddAndRecordEvents(PostgresPersonRegistry.Open(Connect(), _key));

    [RegistryPostgresFact]
    public void Load_ThatFailsPartWay_LeavesNothing() =>
        RegistryRoundTrip.FailedLoadLeavesNothing(PostgresPersonRegistry.Open(Connect(), _key));

    [RegistryPostgresFact]
    public void Open_WithAnotherKey_IsRefused()
    {
        var connection = Connect();
        PostgresPersonRegistry.Open(connection, _key).Load(RegistryRoundTrip.Generator(500));
        using var other = RegistryTestData.NewKey();
        Assert.Throws<RegistryKeyMismatchException>(() => PostgresPersonRegistry.Open(connection, other));
        Assert.Equal(500, PostgresPersonRegistry.Open(connection, _key).Count());
    }

    private NpgsqlConnection Connect()
    {
        var connectionString = Environment.GetEnvironmentVariable(RegistryPostgresFactAttribute.Variable);
        Assert.False(string.IsNullOrWhiteSpace(connectionString),
            $"{RegistryPostgresFactAttribute.Variable} must hold a PostgreSQL connection string when CI=true");
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}; SET search_path TO {_schema}", _connection);
        create.ExecuteNonQuery();
        return _connection;
    }
}
