using Npgsql;
using NpgsqlTypes;

namespace Populus.Storage.Registry;

/// <summary>
/// The person registry on a PostgreSQL server; bulk loads go through binary COPY in one transaction (persons first,
/// then their events, since a connection runs one COPY at a time).
/// </summary>
public sealed class PostgresPersonRegistry : PersonRegistry
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;
    private NpgsqlBinaryImporter? _persons;
    private readonly List<(long PersonId, byte Kind, DateOnly Date, int From, int To)> _events = [];

    private bool _ownTransaction;

    private PostgresPersonRegistry(NpgsqlConnection connection, RegistryKey key, bool ownsConnection)
        : base(connection, key, ownsConnection) => _connection = connection;

    /// <summary>The registry on a connection to a migrated store; checks that <paramref name="key"/> is the registry's key.</summary>
    /// <exception cref="RegistryKeyMismatchException">The registry was sealed with another key.</exception>
    internal static PostgresPersonRegistry Open(NpgsqlConnection connection, RegistryKey key, bool ownsConnection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(key);
        var registry = new PostgresPersonRegistry(connection, key, ownsConnection);
        registry.VerifyKey();
        return registry;
    }

    private protected override IDisposable? EnterScope(DataScope scope)
    {
        if (scope.CountyCode is not { } county)
        {
            return null;
        }

        var transaction = _connection.BeginTransaction();
        using (var role = new NpgsqlCommand($"SET LOCAL ROLE {ScopedReader.CountyReaderRole}", _connection, transaction))
        {
            role.ExecuteNonQuery();
        }

        using (var region = new NpgsqlCommand("SELECT set_config('app.region', $1, true)", _connection, transaction) { Parameters = { new() { Value = county } } })
        {
            region.ExecuteNonQuery();
        }

        // Disposing rolls the read-only transaction back, which also ends the role and the setting.
        return transaction;
    }

    private protected override void BeginLoad(System.Data.Common.DbTransaction? enclosing)
    {
        // COPY runs in the connection's open transaction: the import's, or one of the load's own.
        _ownTransaction = enclosing is null;
        _transaction = enclosing as NpgsqlTransaction ?? _connection.BeginTransaction();
        _events.Clear();
        _persons = _connection.BeginBinaryImport(
            $"COPY {RegistrySchema.PersonTable} (person_id, id_lookup, id_sealed, sex, birth_date, hukou_region, residence_region, urban, education, residence_permit, death_date) FROM STDIN (FORMAT BINARY)");
    }

    private protected override void Append(PersonBatch batch)
    {
        var copy = _persons!;
        for (var i = 0; i < batch.Count; i++)
        {
            copy.StartRow();
            copy.Write(batch.PersonId[i], NpgsqlDbType.Bigint);
            copy.Write(batch.IdLookup[i], NpgsqlDbType.Bigint);
            copy.Write(new ReadOnlyMemory<byte>(batch.IdSealed, i * IdProtector.SealedLength, IdProtector.SealedLength), NpgsqlDbType.Bytea);
            copy.Write((short)batch.Sex[i], NpgsqlDbType.Smallint);
            copy.Write(batch.BirthDate[i], NpgsqlDbType.Date);
            copy.Write(batch.HukouRegion[i], NpgsqlDbType.Integer);
            copy.Write(batch.ResidenceRegion[i], NpgsqlDbType.Integer);
            copy.Write(batch.UrbanRural[i] == (byte)UrbanRural.Urban, NpgsqlDbType.Boolean);
            copy.Write((short)batch.Education[i], NpgsqlDbType.Smallint);
            copy.Write((short)batch.ResidencePermit[i], NpgsqlDbType.Smallint);
            if (batch.DeathDate[i] is { } death)
            {
                copy.Write(death, NpgsqlDbType.Date);
            }
            else
            {
                copy.WriteNull();
            }
        }

        for (var e = 0; e < batch.EventCount; e++)
        {
            _events.Add((batch.EventPersonId[e], batch.EventKind[e], batch.EventDate[e], batch.EventFromRegion[e], batch.EventToRegion[e]));
        }
    }

    private protected override void CompleteLoad()
    {
        _persons!.Complete();
        _persons.Dispose();
        _persons = null;
        using (var copy = _connection.BeginBinaryImport(
                   $"COPY {RegistrySchema.EventTable} (person_id, kind, event_date, from_region, to_region) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (personId, kind, date, from, to) in _events)
            {
                copy.StartRow();
                copy.Write(personId, NpgsqlDbType.Bigint);
                copy.Write((short)kind, NpgsqlDbType.Smallint);
                copy.Write(date, NpgsqlDbType.Date);
                WriteRegion(copy, from);
                WriteRegion(copy, to);
            }

            copy.Complete();
        }

        _events.Clear();
        if (_ownTransaction)
        {
            _transaction!.Commit();
            _transaction.Dispose();
        }

        _transaction = null;
    }

    private protected override void AbortLoad()
    {
        try
        {
            _persons?.Dispose();
        }
        finally
        {
            _persons = null;
            _events.Clear();
            if (_ownTransaction)
            {
                _transaction?.Rollback();
                _transaction?.Dispose();
            }

            _transaction = null;
        }
    }

    private protected override void AppendRekeyed(PersonBatch batch)
    {
        // One COPY a block: the connection runs no other command while a COPY is open, and the rotation reads between blocks.
        using var copy = _connection.BeginBinaryImport($"COPY {RegistrySchema.RekeyTable} (person_id, id_lookup, id_sealed) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < batch.Count; i++)
        {
            copy.StartRow();
            copy.Write(batch.PersonId[i], NpgsqlDbType.Bigint);
            copy.Write(batch.IdLookup[i], NpgsqlDbType.Bigint);
            copy.Write(new ReadOnlyMemory<byte>(batch.IdSealed, i * IdProtector.SealedLength, IdProtector.SealedLength), NpgsqlDbType.Bytea);
        }

        copy.Complete();
    }

    private static void WriteRegion(NpgsqlBinaryImporter copy, int region)
    {
        if (region == 0)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(region, NpgsqlDbType.Integer);
        }
    }
}
