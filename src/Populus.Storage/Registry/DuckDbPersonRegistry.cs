using DuckDB.NET.Data;

namespace Populus.Storage.Registry;

/// <summary>The person registry in the embedded DuckDB store; bulk loads go through the Appender in one transaction.</summary>
public sealed class DuckDbPersonRegistry : PersonRegistry
{
    private readonly DuckDBConnection _connection;
    private DuckDBAppender? _persons;
    private DuckDBAppender? _events;

    private DuckDbPersonRegistry(DuckDBConnection connection, RegistryKey key)
        : base(connection, key) => _connection = connection;

    /// <summary>Creates the registry tables if needed and checks that <paramref name="key"/> is the registry's key.</summary>
    /// <exception cref="RegistryKeyMismatchException">The registry was sealed with another key.</exception>
    public static DuckDbPersonRegistry Open(DuckDBConnection connection, RegistryKey key)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(key);
        var registry = new DuckDbPersonRegistry(connection, key);
        registry.Execute(RegistrySchema.DuckDb);
        registry.VerifyKey();
        return registry;
    }

    /// <summary>Writes the registry's tables to disk (DuckDB CHECKPOINT), so the database file holds everything loaded.</summary>
    public void Checkpoint() => Execute("CHECKPOINT");

    private protected override void BeginLoad()
    {
        Execute("BEGIN TRANSACTION");
        _persons = _connection.CreateAppender(RegistrySchema.PersonTable);
        _events = _connection.CreateAppender(RegistrySchema.EventTable);
    }

    private protected override void Append(PersonBatch batch)
    {
        var persons = _persons!;
        for (var i = 0; i < batch.Count; i++)
        {
            persons.CreateRow()
                .AppendValue(batch.PersonId[i])
                .AppendValue(batch.IdLookup[i])
                .AppendValue(batch.Sealed(i))
                .AppendValue(batch.Sex[i])
                .AppendValue(batch.BirthDate[i])
                .AppendValue(batch.HukouRegion[i])
                .AppendValue(batch.ResidenceRegion[i])
                .AppendValue(batch.UrbanRural[i] == (byte)UrbanRural.Urban)
                .AppendValue(batch.Education[i])
                .AppendValue(batch.ResidencePermit[i])
                .AppendValue(batch.DeathDate[i])
                .EndRow();
        }

        var events = _events!;
        for (var e = 0; e < batch.EventCount; e++)
        {
            events.CreateRow()
                .AppendValue(batch.EventPersonId[e])
                .AppendValue(batch.EventKind[e])
                .AppendValue(batch.EventDate[e])
                .AppendValue(batch.EventFromRegion[e] == 0 ? null : batch.EventFromRegion[e])
                .AppendValue(batch.EventToRegion[e] == 0 ? null : batch.EventToRegion[e])
                .EndRow();
        }
    }

    private protected override void CompleteLoad()
    {
        CloseAppenders();
        Execute("COMMIT");
    }

    private protected override void AbortLoad()
    {
        try
        {
            CloseAppenders();
        }
        finally
        {
            Execute("ROLLBACK");
        }
    }

    private void CloseAppenders()
    {
        try
        {
            _persons?.Dispose();
        }
        finally
        {
            _persons = null;
            _events?.Dispose();
            _events = null;
        }
    }
}
