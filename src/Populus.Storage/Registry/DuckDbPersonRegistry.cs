using DuckDB.NET.Data;

namespace Populus.Storage.Registry;

/// <summary>The person registry in the embedded DuckDB store; bulk loads go through the appender, a data chunk at a time, in one transaction.</summary>
public sealed class DuckDbPersonRegistry : PersonRegistry
{
    private readonly DuckDBConnection _connection;
    private DuckDbChunkAppender? _persons;
    private DuckDbChunkAppender? _events;

    private bool _ownTransaction;

    private DuckDbPersonRegistry(DuckDBConnection connection, RegistryKey key, bool ownsConnection)
        : base(connection, key, ownsConnection) => _connection = connection;

    /// <summary>The registry on a connection to a migrated store; checks that <paramref name="key"/> is the registry's key.</summary>
    /// <exception cref="RegistryKeyMismatchException">The registry was sealed with another key.</exception>
    internal static DuckDbPersonRegistry Open(DuckDBConnection connection, RegistryKey key, bool ownsConnection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(key);
        var registry = new DuckDbPersonRegistry(connection, key, ownsConnection);
        registry.VerifyKey();
        return registry;
    }

    /// <summary>Writes the registry's tables to disk (DuckDB CHECKPOINT), so the database file holds everything loaded.</summary>
    public void Checkpoint() => Execute("CHECKPOINT");

    private protected override void BeginLoad(System.Data.Common.DbTransaction? enclosing)
    {
        // The appender writes into the connection's open transaction: the import's, or one of the load's own.
        _ownTransaction = enclosing is null;
        if (_ownTransaction)
        {
            Execute("BEGIN TRANSACTION");
        }

        _persons = new DuckDbChunkAppender(_connection, RegistrySchema.PersonTable);
        _events = new DuckDbChunkAppender(_connection, RegistrySchema.EventTable);
    }

    private protected override unsafe void Append(PersonBatch batch)
    {
        var chunk = DuckDbChunkAppender.ChunkRows;
        var epoch = DuckDbChunkAppender.EpochDayNumber;
        var persons = _persons!;
        fixed (byte* sealedIds = batch.IdSealed)
        {
            for (var start = 0; start < batch.Count; start += chunk)
            {
                var rows = Math.Min(chunk, batch.Count - start);
                WriteIdentity(persons, batch, sealedIds, start, rows);
                batch.Sex.AsSpan(start, rows).CopyTo(persons.Column<byte>(3));
                batch.HukouRegion.AsSpan(start, rows).CopyTo(persons.Column<int>(5));
                batch.ResidenceRegion.AsSpan(start, rows).CopyTo(persons.Column<int>(6));
                batch.Education.AsSpan(start, rows).CopyTo(persons.Column<byte>(8));
                batch.ResidencePermit.AsSpan(start, rows).CopyTo(persons.Column<byte>(9));
                var birth = persons.Column<int>(4);
                var urban = persons.Column<byte>(7);
                var death = persons.Column<int>(10);
                var deathValid = persons.Validity(10);
                for (var r = 0; r < rows; r++)
                {
                    var i = start + r;
                    birth[r] = batch.BirthDate[i].DayNumber - epoch;
                    urban[r] = batch.UrbanRural[i] == (byte)UrbanRural.Urban ? (byte)1 : (byte)0;
                    var died = batch.DeathDate[i];
                    death[r] = died is { } d ? d.DayNumber - epoch : 0;
                    DuckDbChunkAppender.SetValid(deathValid, r, died is not null);
                }

                // The sealed numbers are read here, while they are still fixed.
                persons.Flush(rows);
            }
        }

        var events = _events!;
        for (var start = 0; start < batch.EventCount; start += chunk)
        {
            var rows = Math.Min(chunk, batch.EventCount - start);
            batch.EventPersonId.AsSpan(start, rows).CopyTo(events.Column<long>(0));
            batch.EventKind.AsSpan(start, rows).CopyTo(events.Column<byte>(1));
            var date = events.Column<int>(2);
            var from = events.Column<int>(3);
            var to = events.Column<int>(4);
            var fromValid = events.Validity(3);
            var toValid = events.Validity(4);
            for (var r = 0; r < rows; r++)
            {
                var e = start + r;
                date[r] = batch.EventDate[e].DayNumber - epoch;
                from[r] = batch.EventFromRegion[e];
                to[r] = batch.EventToRegion[e];
                DuckDbChunkAppender.SetValid(fromValid, r, batch.EventFromRegion[e] != 0);
                DuckDbChunkAppender.SetValid(toValid, r, batch.EventToRegion[e] != 0);
            }

            events.Flush(rows);
        }
    }

    private protected override unsafe void AppendRekeyed(PersonBatch batch)
    {
        using var rekeyed = new DuckDbChunkAppender(_connection, RegistrySchema.RekeyTable);
        var chunk = DuckDbChunkAppender.ChunkRows;
        fixed (byte* sealedIds = batch.IdSealed)
        {
            for (var start = 0; start < batch.Count; start += chunk)
            {
                var rows = Math.Min(chunk, batch.Count - start);
                WriteIdentity(rekeyed, batch, sealedIds, start, rows);
                rekeyed.Flush(rows);
            }
        }

        rekeyed.Close();
    }

    /// <summary>
    /// Writes rows <paramref name="start"/> … of a block as person_id, id_lookup and id_sealed, the first three columns of
    /// the person table and of the rotation's staging table; the sealed numbers are pointed to, so
    /// <paramref name="sealedIds"/> (the block's <see cref="PersonBatch.IdSealed"/>) stays fixed until the chunk is flushed.
    /// </summary>
    private static unsafe void WriteIdentity(DuckDbChunkAppender appender, PersonBatch batch, byte* sealedIds, int start, int rows)
    {
        batch.PersonId.AsSpan(start, rows).CopyTo(appender.Column<long>(0));
        batch.IdLookup.AsSpan(start, rows).CopyTo(appender.Column<long>(1));
        appender.PointBlobs(2, sealedIds + ((long)start * IdProtector.SealedLength), IdProtector.SealedLength, rows);
    }

    private protected override void CompleteLoad()
    {
        try
        {
            _persons!.Close();
            _events!.Close();
        }
        finally
        {
            DisposeAppenders();
        }

        if (_ownTransaction)
        {
            Execute("COMMIT");
        }
    }

    private protected override void AbortLoad()
    {
        DisposeAppenders();
        if (_ownTransaction)
        {
            Execute("ROLLBACK");
        }
    }

    private void DisposeAppenders()
    {
        _persons?.Dispose();
        _persons = null;
        _events?.Dispose();
        _events = null;
    }
}
