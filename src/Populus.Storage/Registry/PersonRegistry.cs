using System.Data.Common;
using System.Globalization;
using Populus.Demography;
using Populus.Planning.Data;

namespace Populus.Storage.Registry;

/// <summary>
/// The person registry on an open database connection: bulk loading, single additions, events, look-up by identity
/// number and the counts that feed annual estimates. <see cref="DuckDbPersonRegistry"/> and
/// <see cref="PostgresPersonRegistry"/> add what differs between the engines (DDL, bulk load).
/// </summary>
/// <remarks>
/// Obtained from the store (<see cref="IPopulusStore.OpenRegistry(string?)"/>), whose migration 4 created the tables;
/// the registry then owns its connection (and the key, when the store read it from the key file) and releases them on
/// <see cref="Dispose"/>. Identity numbers are protected (look-up value, sealed copy) with the <see cref="RegistryKey"/> before they reach
/// the connection, and opened only to confirm a look-up.
/// </remarks>
public abstract class PersonRegistry : IDisposable
{
    private readonly bool _ownsConnection;
    private RegistryKey? _ownedKey;

    private protected PersonRegistry(DbConnection connection, RegistryKey key, bool ownsConnection)
    {
        Connection = connection;
        Key = key;
        _ownsConnection = ownsConnection;
    }

    private protected DbConnection Connection { get; }

    private protected RegistryKey Key { get; private set; }

    /// <summary>
    /// Enters a county scope for the reads that follow, until disposed: on PostgreSQL a read-only transaction running
    /// as the county reader role with app.region set, so row-level security (store migration 9) holds the county even
    /// if a statement's own condition were wrong. Null where the engine has no row-level security (DuckDB) or the
    /// scope is the whole store: the statements' conditions carry the scope there.
    /// </summary>
    private protected virtual IDisposable? EnterScope(DataScope scope) => null;

    /// <summary>Loads generated persons (and their events) in bulk into an empty registry; returns the persons loaded.</summary>
    /// <exception cref="InvalidOperationException">The registry already holds persons (generated person_ids start at 1).</exception>
    public long Load(RegistryGenerator generator, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (Count() is var held and > 0)
        {
            throw new InvalidOperationException(
                $"the registry already holds {held:N0} persons; a generated registry is loaded into an empty one (use a new store)");
        }

        return Load(generator.CreateSource(), progress);
    }

    /// <summary>Loads persons in bulk (imports); returns the persons loaded. Numbers already registered are not checked here.</summary>
    public long Load(IEnumerable<Person> persons, IProgress<long>? progress = null) => Load(new PersonListSource(persons), progress);

    /// <summary>Persons in the registry, alive or dead.</summary>
    public long Count() => Convert.ToInt64(Scalar($"SELECT count(*) FROM {RegistrySchema.PersonTable}"), CultureInfo.InvariantCulture);

    /// <summary>Adds one person.</summary>
    /// <exception cref="InvalidOperationException">The identity number or person_id is already registered.</exception>
    public void Add(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (FindByNationalId(person.NationalId) is { } existing)
        {
            throw new InvalidOperationException($"identity number {person.NationalId} is already registered (person {existing.PersonId})");
        }

        if (Convert.ToInt64(Scalar($"SELECT count(*) FROM {RegistrySchema.PersonTable} WHERE person_id = $1", person.PersonId), CultureInfo.InvariantCulture) > 0)
        {
            throw new InvalidOperationException($"person_id {person.PersonId} is already in use");
        }

        Span<byte> id = stackalloc byte[NationalIdNumber.Length];
        var sealedId = new byte[IdProtector.SealedLength];
        long lookup;
        person.NationalId.WriteAscii(id);
        using (var protector = new IdProtector(Key))
        {
            lookup = protector.Lookup(id);
            protector.Seal(id, person.PersonId, sealedId);
        }

        id.Clear();
        Execute($"""
            INSERT INTO {RegistrySchema.PersonTable} (person_id, id_lookup, id_sealed, sex, birth_date, hukou_region,
                residence_region, urban, education, residence_permit, death_date)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            person.PersonId, lookup, sealedId, (short)person.Sex, person.BirthDate, person.HukouRegion, person.ResidenceRegion,
            person.UrbanRural == UrbanRural.Urban, (short)person.Education, (short)person.ResidencePermit,
            person.DeathDate is { } d ? d : DBNull.Value);
    }

    /// <summary>Finds the person with an identity number, or null.</summary>
    /// <remarks>
    /// Candidates come from the keyed look-up value; each is confirmed by opening its sealed number, so a look-up collision
    /// cannot return the wrong person.
    /// </remarks>
    public Person? FindByNationalId(NationalIdNumber number) => FindByNationalId(number, DataScope.All);

    /// <summary>
    /// Finds the person with an identity number living or holding hukou in <paramref name="scope"/>, or null: to a
    /// county-scoped reader a person of another county is not there (the condition is part of the statement).
    /// </summary>
    public Person? FindByNationalId(NationalIdNumber number, DataScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (number.IsDefault)
        {
            throw new ArgumentException("an identity number is required", nameof(number));
        }

        Span<byte> wanted = stackalloc byte[NationalIdNumber.Length];
        Span<byte> opened = stackalloc byte[NationalIdNumber.Length];
        number.WriteAscii(wanted);
        using var protector = new IdProtector(Key);
        using var scoped = EnterScope(scope);
        using var command = scope.CountyCode is { } county
            ? Command($"SELECT {PersonColumns}, id_sealed FROM {RegistrySchema.PersonTable} WHERE id_lookup = $1 AND ({InCounty("residence_region", 2)} OR {InCounty("hukou_region", 2)})",
                protector.Lookup(wanted), CountyPattern(county))
            : Command($"SELECT {PersonColumns}, id_sealed FROM {RegistrySchema.PersonTable} WHERE id_lookup = $1", protector.Lookup(wanted));
        using var reader = command.ExecuteReader();
        try
        {
            while (reader.Read())
            {
                var personId = reader.GetInt64(0);
                var sealedId = ReadBytes(reader, PersonColumnCount);
                if (protector.TryOpen(sealedId, personId, opened) && opened.SequenceEqual(wanted))
                {
                    return ReadPerson(reader, number);
                }
            }

            return null;
        }
        finally
        {
            wanted.Clear();
            opened.Clear();
        }
    }

    /// <summary>Records an event and applies it: a death sets the death date, a move the residence, a hukou change the hukou region.</summary>
    /// <exception cref="InvalidOperationException">The person is unknown, already dead, or the event precedes birth.</exception>
    public void RecordEvent(PersonEvent personEvent)
    {
        ArgumentNullException.ThrowIfNull(personEvent);
        using var transaction = Connection.BeginTransaction();
        using (var command = Command($"SELECT birth_date, death_date FROM {RegistrySchema.PersonTable} WHERE person_id = $1", personEvent.PersonId))
        {
            command.Transaction = transaction;
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException($"person {personEvent.PersonId} is not in the registry");
            }

            var birth = reader.GetFieldValue<DateOnly>(0);
            if (personEvent.Date < birth)
            {
                throw new InvalidOperationException(
                    $"a {personEvent.Kind} event on {personEvent.Date:yyyy-MM-dd} precedes the birth of person {personEvent.PersonId} ({birth:yyyy-MM-dd})");
            }

            if (!reader.IsDBNull(1))
            {
                throw new InvalidOperationException(
                    $"person {personEvent.PersonId} died on {reader.GetFieldValue<DateOnly>(1):yyyy-MM-dd}; no event can follow");
            }
        }

        Apply(transaction, personEvent);
        transaction.Commit();
    }

    /// <summary>
    /// Re-protects every stored identity number under <paramref name="newKey"/> and makes it the registry's only key,
    /// in one transaction; returns the persons re-protected. From then on the registry uses <paramref name="newKey"/>
    /// (which the caller keeps and disposes).
    /// </summary>
    /// <remarks>
    /// Each sealed number is opened under the current key, given a new look-up value and sealed afresh under
    /// the new key, a block of persons at a time, into a staging table created inside the transaction; one
    /// <c>UPDATE … FROM</c> then swaps the columns and the key fingerprint is replaced. Until the commit nothing is
    /// visible, so a failure or a killed process leaves the registry as it was, readable with the old key only. A
    /// sealed number that does not open (altered, or moved to another row) stops the rotation, since re-sealing it
    /// would launder the damage. The rotation holds the store's writer lock, so imports (which seal under the old
    /// key) wait for it and then find the new key.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="newKey"/> is the registry's current key.</exception>
    /// <exception cref="InvalidOperationException">A stored number does not open under the current key; nothing changed.</exception>
    /// <param name="newKey">The key to re-protect under.</param>
    /// <param name="engine">The store's engine, whose writer lock the rotation holds so that imports wait for it.</param>
    /// <param name="progress">Persons re-protected so far.</param>
    /// <param name="beforeCommit">Runs with every number re-protected, just before the commit (tests hold the transaction open here).</param>
    internal long RotateKey(RegistryKey newKey, Engines.Engine engine, IProgress<long>? progress = null, Action? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        if (newKey.KeyId.AsSpan().SequenceEqual(Key.KeyId))
        {
            throw new ArgumentException("the new key is the registry's current key", nameof(newKey));
        }

        var batch = new PersonBatch(ProtectedLoad.BlockSize);
        long rotated = 0;
        using var transaction = Connection.BeginTransaction();
        using var current = new IdProtector(Key);
        using var next = new IdProtector(newKey);
        using var writer = engine.AcquireWriterLock(Connection, transaction);
        try
        {
            Execute(transaction, $"CREATE TABLE {RegistrySchema.RekeyTable} AS SELECT person_id, id_lookup, id_sealed FROM {RegistrySchema.PersonTable} WHERE 1 = 0");
            // Pages by person_id range rather than ORDER BY … LIMIT, which would sort all the remaining rows for every page;
            // DuckDB's zone maps then read only the row groups of each range.
            var (first, last) = PersonIdRange(transaction);
            for (var low = first; low <= last; low += batch.Capacity)
            {
                batch.Clear();
                using (var command = Command(
                           $"SELECT person_id, id_sealed FROM {RegistrySchema.PersonTable} WHERE person_id >= $1 AND person_id < $2", low, low + batch.Capacity))
                {
                    command.Transaction = transaction;
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        var personId = reader.GetInt64(0);
                        if (batch.Count == batch.Capacity)
                        {
                            throw new InvalidOperationException($"person_id {personId} is stored more than once; the key was not rotated");
                        }

                        var i = batch.Count++;
                        batch.PersonId[i] = personId;
                        var sealedId = ReadBytes(reader, 1);
                        if (sealedId.Length != IdProtector.SealedLength)
                        {
                            throw NotOpened(personId);
                        }

                        sealedId.CopyTo(batch.Sealed(i));
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                if (current.OpenAll(batch) is var failed and >= 0)
                {
                    throw NotOpened(batch.PersonId[failed]);
                }

                next.Protect(batch);
                batch.IdAscii.AsSpan(0, batch.Count * NationalIdNumber.Length).Clear();
                AppendRekeyed(batch);
                rotated += batch.Count;
                progress?.Report(rotated);
            }

            Execute(transaction, $"""
                UPDATE {RegistrySchema.PersonTable} SET id_lookup = r.id_lookup, id_sealed = r.id_sealed
                FROM {RegistrySchema.RekeyTable} AS r WHERE {RegistrySchema.PersonTable}.person_id = r.person_id
                """);
            Execute(transaction, $"DROP TABLE {RegistrySchema.RekeyTable}");
            Execute(transaction, $"DELETE FROM {RegistrySchema.KeyTable}");
            Execute(transaction, $"INSERT INTO {RegistrySchema.KeyTable} (key_id, created_at) VALUES ($1, $2)", newKey.KeyId, DateTime.UtcNow);
            beforeCommit?.Invoke();
            transaction.Commit();
        }
        finally
        {
            batch.IdAscii.AsSpan().Clear();
        }

        if (ReferenceEquals(_ownedKey, Key))
        {
            _ownedKey.Dispose();
            _ownedKey = null;
        }

        Key = newKey;
        return rotated;
    }

    /// <summary>
    /// Records events inside an import's open transaction (not committed here), in the order given; the caller has
    /// checked them against the registry (persons known, alive, dates after birth).
    /// </summary>
    internal void RecordWithin(DbTransaction transaction, IEnumerable<PersonEvent> events)
    {
        foreach (var personEvent in events)
        {
            Apply(transaction, personEvent);
        }
    }

    /// <summary>The death date of each of <paramref name="personIds"/> that is registered and dead (one query per thousand persons).</summary>
    internal IReadOnlyDictionary<long, DateOnly> DeathDates(IEnumerable<long> personIds)
    {
        var deaths = new Dictionary<long, DateOnly>();
        foreach (var chunk in personIds.Distinct().Chunk(1_000))
        {
            // Integers, written into the statement rather than bound one by one.
            var list = string.Join(", ", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            using var command = Command($"SELECT person_id, death_date FROM {RegistrySchema.PersonTable} WHERE person_id IN ({list}) AND death_date IS NOT NULL");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                deaths[reader.GetInt64(0)] = reader.GetFieldValue<DateOnly>(1);
            }
        }

        return deaths;
    }

    /// <summary>Stores an event and its effect on the person: a death sets the death date, a move the residence, a hukou change the hukou region.</summary>
    private void Apply(DbTransaction transaction, PersonEvent personEvent)
    {
        Execute(transaction, $"INSERT INTO {RegistrySchema.EventTable} (person_id, kind, event_date, from_region, to_region) VALUES ($1, $2, $3, $4, $5)",
            personEvent.PersonId, (short)personEvent.Kind, personEvent.Date,
            personEvent.FromRegion is { } from ? from : DBNull.Value, personEvent.ToRegion is { } to ? to : DBNull.Value);
        var update = personEvent.Kind switch
        {
            PersonEventKind.Death => ("death_date", (object)personEvent.Date),
            PersonEventKind.MoveIn or PersonEventKind.MoveOut => ("residence_region", personEvent.ToRegion!.Value),
            PersonEventKind.HukouChange => ("hukou_region", personEvent.ToRegion!.Value),
            _ => default,
        };
        if (update.Item1 is not null)
        {
            Execute(transaction, $"UPDATE {RegistrySchema.PersonTable} SET {update.Item1} = $1 WHERE person_id = $2", update.Item2, personEvent.PersonId);
        }

    }

    /// <summary>The events of a person in date order.</summary>
    public IReadOnlyList<PersonEvent> EventsOf(long personId)
    {
        using var command = Command(
            $"SELECT kind, event_date, from_region, to_region FROM {RegistrySchema.EventTable} WHERE person_id = $1 ORDER BY event_date, kind",
            personId);
        using var reader = command.ExecuteReader();
        var events = new List<PersonEvent>();
        while (reader.Read())
        {
            events.Add(new PersonEvent(personId, (PersonEventKind)Convert.ToByte(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.GetFieldValue<DateOnly>(1),
                reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }

        return events;
    }

    /// <summary>
    /// Persons alive on <paramref name="asOf"/> by completed age, sex, region and urban/rural, ordered by region,
    /// urban/rural, sex and age. Only non-empty cells are returned.
    /// </summary>
    /// <param name="asOf">The count date: persons born on or before it and not dead by it.</param>
    /// <param name="basis">Count by region of residence (常住) or of hukou (户籍); urban/rural is always that of residence.</param>
    /// <param name="openAge">Ages at or above it are counted in the open group <paramref name="openAge"/>+.</param>
    public IReadOnlyList<RegistryCell> CountByAgeSexRegion(DateOnly asOf, RegionBasis basis = RegionBasis.Residence, int openAge = 100) =>
        CountByAgeSexRegion(asOf, DataScope.All, basis, openAge);

    /// <inheritdoc cref="CountByAgeSexRegion(DateOnly, RegionBasis, int)"/>
    /// <param name="asOf">The count date.</param>
    /// <param name="basis">Residence (常住) or hukou (户籍) region.</param>
    /// <param name="openAge">Ages at or above it are counted in the open group.</param>
    /// <param name="scope">Only persons counted in a region of the scope (by the basis' region); the condition is part of the statement.</param>
    public IReadOnlyList<RegistryCell> CountByAgeSexRegion(DateOnly asOf, DataScope scope, RegionBasis basis = RegionBasis.Residence, int openAge = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(openAge);
        ArgumentNullException.ThrowIfNull(scope);
        var region = basis == RegionBasis.Hukou ? "hukou_region" : "residence_region";
        var inScope = scope.CountyCode is null ? "" : $" AND {InCounty(region, 1)}";
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT LEAST(CAST(floor(({Ymd(asOf)} - ymd) / 10000.0) AS INTEGER), {openAge}) AS age,
                   CAST(sex AS INTEGER) AS sex, {region} AS region, urban, count(*) AS persons
            FROM (SELECT sex, hukou_region, residence_region, urban, {YmdExpression} AS ymd
                  FROM {RegistrySchema.PersonTable} WHERE {AliveOn(asOf)}{inScope}) AS alive
            GROUP BY 1, 2, 3, 4
            ORDER BY 3, 4 DESC, 2, 1
            """);
        using var scoped = EnterScope(scope);
        using var command = scope.CountyCode is { } county ? Command(sql, CountyPattern(county)) : Command(sql);
        using var reader = command.ExecuteReader();
        var cells = new List<RegistryCell>();
        while (reader.Read())
        {
            cells.Add(new RegistryCell(
                Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                (Sex)Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.GetBoolean(3) ? UrbanRural.Urban : UrbanRural.Rural,
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return cells;
    }

    /// <summary>For each region, the persons alive on <paramref name="asOf"/> living there, holding hukou there, and both.</summary>
    public IReadOnlyList<HukouResidenceCount> CountHukouAndResidence(DateOnly asOf)
    {
        var sql = $"""
            SELECT region, CAST(sum(residents) AS BIGINT), CAST(sum(holders) AS BIGINT), CAST(sum(resident_holders) AS BIGINT)
            FROM (
                SELECT residence_region AS region, 1 AS residents, 0 AS holders,
                       CASE WHEN hukou_region = residence_region THEN 1 ELSE 0 END AS resident_holders
                FROM {RegistrySchema.PersonTable} WHERE {AliveOn(asOf)}
                UNION ALL
                SELECT hukou_region, 0, 1, 0 FROM {RegistrySchema.PersonTable} WHERE {AliveOn(asOf)}
            ) AS u
            GROUP BY region
            ORDER BY region
            """;
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var counts = new List<HukouResidenceCount>();
        while (reader.Read())
        {
            counts.Add(new HukouResidenceCount(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return counts;
    }

    /// <summary>Appends one protected block through the engine's bulk path.</summary>
    private protected abstract void Append(PersonBatch batch);

    /// <summary>Called once after the last block (closing appenders, completing COPY).</summary>
    private protected abstract void CompleteLoad();

    /// <summary>
    /// Called once before the first block: begins the load's own transaction, or joins <paramref name="enclosing"/>
    /// (an import's), which the caller then commits or rolls back.
    /// </summary>
    private protected abstract void BeginLoad(DbTransaction? enclosing);

    /// <summary>Called instead of <see cref="CompleteLoad"/> when the load failed: nothing of it may remain.</summary>
    private protected abstract void AbortLoad();

    /// <summary>Writes a block's person_id, id_lookup and id_sealed into the rotation's staging table (in the open transaction).</summary>
    private protected abstract void AppendRekeyed(PersonBatch batch);
    private protected long Load(IPersonBatchSource source, IProgress<long>? progress, DbTransaction? enclosing = null)
    {
        BeginLoad(enclosing);
        long loaded;
        try
        {
            loaded = ProtectedLoad.Run(source, Key, Append, progress);
        }
        catch
        {
            AbortLoad();
            throw;
        }

        CompleteLoad();
        return loaded;
    }

    /// <summary>Bulk-loads persons inside an import's open transaction (not committed here).</summary>
    internal long LoadWithin(DbTransaction transaction, IEnumerable<Person> persons) =>
        Load(new PersonListSource(persons), null, transaction);

    /// <summary>The smallest and largest person_id in use; (1, 0), an empty range, for an empty registry.</summary>
    private (long First, long Last) PersonIdRange(DbTransaction transaction)
    {
        using var command = Command($"SELECT COALESCE(MIN(person_id), 1), COALESCE(MAX(person_id), 0) FROM {RegistrySchema.PersonTable}");
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    private static InvalidOperationException NotOpened(long personId) => new(
        $"the sealed identity number of person {personId} does not open under the registry's key (altered, or moved from another row); the key was not rotated");

    /// <summary>The largest person_id in use (0 for an empty registry); imports number new persons after it.</summary>
    internal long MaxPersonId() =>
        Convert.ToInt64(Scalar($"SELECT COALESCE(MAX(person_id), 0) FROM {RegistrySchema.PersonTable}"), CultureInfo.InvariantCulture);

    /// <summary>
    /// For each number already registered, its index in <paramref name="numbers"/> and the person_id holding it.
    /// Candidates come from the look-up value (one query per thousand numbers) and are confirmed by opening the sealed copy.
    /// </summary>
    internal IReadOnlyDictionary<int, long> FindRegistered(IReadOnlyList<NationalIdNumber> numbers)
    {
        var found = new Dictionary<int, long>();
        Span<byte> ascii = stackalloc byte[NationalIdNumber.Length];
        Span<byte> opened = stackalloc byte[NationalIdNumber.Length];
        using var protector = new IdProtector(Key);
        var byLookup = new Dictionary<long, List<int>>();
        for (var i = 0; i < numbers.Count; i++)
        {
            numbers[i].WriteAscii(ascii);
            var lookup = protector.Lookup(ascii);
            if (!byLookup.TryGetValue(lookup, out var indexes))
            {
                byLookup[lookup] = indexes = [];
            }

            indexes.Add(i);
        }

        try
        {
            foreach (var chunk in byLookup.Keys.Chunk(1_000))
            {
                // The look-up values are integers, so they are written into the statement rather than bound one by one.
                var list = string.Join(", ", chunk.Select(l => l.ToString(CultureInfo.InvariantCulture)));
                using var command = Command($"SELECT person_id, id_lookup, id_sealed FROM {RegistrySchema.PersonTable} WHERE id_lookup IN ({list})");
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var personId = reader.GetInt64(0);
                    if (!protector.TryOpen(ReadBytes(reader, 2), personId, opened))
                    {
                        continue;
                    }

                    foreach (var i in byLookup[reader.GetInt64(1)])
                    {
                        numbers[i].WriteAscii(ascii);
                        if (opened.SequenceEqual(ascii))
                        {
                            found[i] = personId;
                        }
                    }
                }
            }
        }
        finally
        {
            ascii.Clear();
            opened.Clear();
        }

        return found;
    }

    /// <summary>Releases the connection and key when the store handed them over with the registry.</summary>
    public void Dispose()
    {
        if (_ownsConnection)
        {
            Connection.Dispose();
        }

        _ownedKey?.Dispose();
        _ownedKey = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>Makes the registry dispose <see cref="Key"/> with itself (the store read it from the key file).</summary>
    internal PersonRegistry OwningKey()
    {
        _ownedKey = Key;
        return this;
    }

    /// <summary>The registry over an open connection of a migrated store, on whichever engine it is.</summary>
    /// <exception cref="RegistryKeyMismatchException">The registry was sealed with another key.</exception>
    internal static PersonRegistry On(DbConnection connection, RegistryKey key, bool ownsConnection) => connection switch
    {
        DuckDB.NET.Data.DuckDBConnection duck => DuckDbPersonRegistry.Open(duck, key, ownsConnection),
        Npgsql.NpgsqlConnection pg => PostgresPersonRegistry.Open(pg, key, ownsConnection),
        _ => throw new ArgumentException($"no registry for {connection.GetType().Name}", nameof(connection)),
    };

    /// <summary>
    /// Checks that the store's migrations created the registry tables, and the stored key fingerprint against
    /// <see cref="Key"/>, storing it when the registry is new.
    /// </summary>
    private protected void VerifyKey()
    {
        if (Convert.ToInt64(Scalar($"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{RegistrySchema.KeyTable}'"),
                CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidOperationException(
                "this database has no person registry tables: open it as a Populus store (PopulusStore.Open), whose migration 4 creates them");
        }

        var stored = new List<byte[]>();
        using (var command = Command($"SELECT key_id FROM {RegistrySchema.KeyTable}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored.Add(ReadBytes(reader, 0));
            }
        }

        if (stored.Count == 0)
        {
            Execute($"INSERT INTO {RegistrySchema.KeyTable} (key_id, created_at) VALUES ($1, $2)", Key.KeyId, DateTime.UtcNow);
            return;
        }

        if (!stored.Any(k => k.AsSpan().SequenceEqual(Key.KeyId)))
        {
            throw new RegistryKeyMismatchException(
                "this registry was sealed with another key: the key file given is not the one used to load it (check POPULUS_KEY_FILE)");
        }
    }

    private protected void Execute(string sql, params object[] parameters) => Execute(null, sql, parameters);

    private protected void Execute(DbTransaction? transaction, string sql, params object[] parameters)
    {
        using var command = Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private const string PersonColumns =
        "person_id, sex, birth_date, hukou_region, residence_region, urban, education, residence_permit, death_date";

    private const int PersonColumnCount = 9;

    private static string YmdExpression =>
        "(CAST(date_part('year', birth_date) AS INTEGER) * 10000 + CAST(date_part('month', birth_date) AS INTEGER) * 100 + CAST(date_part('day', birth_date) AS INTEGER))";

    private static int Ymd(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    /// <summary>A region column (an integer code) in the county given as parameter $N: the county or a township under it (DataScope.Allows).</summary>
    private static string InCounty(string column, int parameter) =>
        string.Create(CultureInfo.InvariantCulture, $"CAST({column} AS VARCHAR) LIKE ${parameter}");

    private static string CountyPattern(string county) => county + "%";

    private static string AliveOn(DateOnly date)
    {
        var literal = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"birth_date <= DATE '{literal}' AND (death_date IS NULL OR death_date > DATE '{literal}')";
    }

    /// <summary>A BLOB/bytea cell: PostgreSQL gives a byte array, DuckDB a stream.</summary>
    private static byte[] ReadBytes(DbDataReader reader, int ordinal)
    {
        switch (reader.GetValue(ordinal))
        {
            case byte[] bytes:
                return bytes;
            case Stream stream:
                using (stream)
                {
                    var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }

            case var other:
                throw new InvalidCastException($"column {reader.GetName(ordinal)} holds {other.GetType().Name}, not bytes");
        }
    }

    private static Person ReadPerson(DbDataReader reader, NationalIdNumber number) => new(
        reader.GetInt64(0),
        number,
        (Sex)Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
        reader.GetFieldValue<DateOnly>(2),
        reader.GetInt32(3),
        reader.GetInt32(4),
        reader.GetBoolean(5) ? UrbanRural.Urban : UrbanRural.Rural,
        (EducationLevel)Convert.ToByte(reader.GetValue(6), CultureInfo.InvariantCulture),
        (ResidencePermitStatus)Convert.ToByte(reader.GetValue(7), CultureInfo.InvariantCulture),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8));

    private object? Scalar(string sql, params object[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private DbCommand Command(string sql, params object[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
