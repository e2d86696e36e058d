using System.Data.Common;
using Populus.Storage.Engines;
using Populus.Storage.Imports;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Storage;

/// <summary>The store over either engine: all queries are shared SQL; the engine supplies connections and bulk loads.</summary>
internal sealed class SqlStore(Engine engine, int schemaVersion) : IPopulusStore
{
    internal const string ProvenanceColumns = "pv.figure_kind, pv.source_id, pv.source_title, pv.publisher, pv.published_on, pv.confidence, pv.note, b.batch_key";

    internal const string ProvenanceJoin = "JOIN provenance pv ON pv.id = t.provenance_id JOIN import_batch b ON b.id = t.batch_id";

    public StoreEngine Engine => engine.Kind;

    public string Location => engine.Location;

    public int SchemaVersion { get; } = schemaVersion;

    internal Engine Backend => engine;

    public Services.IServiceRecords Services => field ??= new Services.ServiceRecords(engine, this);

    public Accounts.IAccountStore Accounts { get; } = new Accounts.AccountStore(engine);

    public PlanWork.IPlanWork Work { get; } = new PlanWork.PlanWorkStore(engine);

    public IScopedReader For(DataScope scope) => new ScopedReader(engine, scope ?? throw new ArgumentNullException(nameof(scope)));

    public ImportResult Import(string kind, string file, ImportOptions? options = null)
    {
        var found = ImportKinds.Find(kind)
                    ?? throw new ArgumentException($"Unknown import kind '{kind}'; the kinds are {string.Join(", ", ImportKinds.All.Select(k => k.Name))}.", nameof(kind));
        return Importer.Run(engine, found, file, options ?? new ImportOptions());
    }

    public IReadOnlyList<ImportBatch> Batches() => Read((c, t) => Sql.Query(c, t,
        "SELECT batch_key, kind, file_name, content_sha256, row_count, imported_at, withdrawn_at, withdrawn_by, withdrawal_reason FROM import_batch ORDER BY id",
        r => new ImportBatch(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.Int(4) ?? 0, r.GetDateTime(5),
            r.IsDBNull(6) ? null : new WithdrawnBatch(r.GetString(0), r.GetString(1), r.Int(4) ?? 0, r.GetDateTime(6), r.Text(7) ?? "", r.Text(8) ?? ""))));

    public WithdrawnBatch Withdraw(string batch, string reason, string by, Action? beforeCommit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batch);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return BatchWithdrawal.Run(engine, batch.Trim(), reason, by, beforeCommit);
    }

    public DataStamp Stamp() => Read((c, t) => Sql.Query(c, t,
        "SELECT (SELECT count(*) FROM import_batch), (SELECT coalesce(max(id), 0) FROM import_batch), (SELECT count(withdrawn_at) FROM import_batch), " +
        "(SELECT count(*) FROM estimate_vintage), (SELECT CAST(max(created_at) AS TEXT) FROM estimate_vintage)",
        r => new DataStamp(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetString(4))).Single());

    public IReadOnlyList<Region> Regions() => Read((c, t) => RegionIndex.Load(c, t).All.ToList());

    public IReadOnlyList<RegionGroup> Groups() => Read((c, t) =>
    {
        var members = Sql.Query(c, t, "SELECT group_name, region_code, note FROM region_group_member ORDER BY group_name, region_code",
            r => (Group: r.GetString(0), Member: new GroupMember(r.GetString(1), r.Text(2))));
        return Sql.Query(c, t, "SELECT name, name_en FROM region_group ORDER BY name",
            r => new RegionGroup(r.GetString(0), r.Text(1), members.Where(m => m.Group == r.GetString(0)).Select(m => m.Member).ToList()));
    });

    public void SetGroupMembers(string group, IEnumerable<GroupMember> members)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(members);
        var text = new StringWriter();
        text.WriteLine("group,region_code,note");
        foreach (var m in members)
        {
            text.WriteLine($"{Quote(group)},{Quote(m.RegionCode)},{Quote(m.Note ?? "")}");
        }

        using var table = CsvTable.FromReader($"members of {group}", new StringReader(text.ToString()), "group", "region_code");
        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction();
        using var writer = engine.AcquireWriterLock(connection, transaction);
        GroupsImport.Replace(engine, connection, transaction, RegionIndex.Load(connection, transaction), table);
        transaction.Commit();
    }

    public IReadOnlyList<ReferenceFigure> GroupReferences(string group) => Read((c, t) => Sql.Query(c, t,
        "SELECT t.group_name, t.year, t.indicator, t.value, t.unit, pv.figure_kind, pv.source_id, pv.source_title, pv.publisher, pv.published_on, pv.confidence, pv.note " +
        "FROM region_group_reference t JOIN provenance pv ON pv.id = t.provenance_id WHERE t.group_name = $1 ORDER BY t.year, t.indicator",
        r => new ReferenceFigure(r.GetString(0), r.Int(1) ?? 0, r.GetString(2), r.Double(3), r.GetString(4), ReadProvenance(r, 5)), group));

    public IReadOnlyList<PopulationFigure> Population(string regionCode, int year) => Read((c, t) => Sql.Query(c, t,
        $"SELECT t.reference_date, t.region_code, t.sex, t.age, t.residence, t.education, t.persons, {ProvenanceColumns} FROM population t {ProvenanceJoin} " +
        "WHERE t.region_code = $1 AND t.year = $2 ORDER BY t.reference_date, t.sex, t.residence, t.education, t.age_from, t.age_to",
        r => new PopulationFigure(r.Date(0)!.Value, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.Double(6),
            ReadProvenance(r, 7), r.GetString(14)), regionCode, year));

    public Populus.Demography.PopulationByAgeSex? SingleYearPopulation(string regionCode, DateOnly referenceDate) =>
        Read((c, t) => Estimates.SingleYears.Read(c, t, regionCode, referenceDate));

    public AggregateFigure PopulationOf(string regionOrGroup, DateOnly referenceDate, PopulationCell? cell = null)
    {
        cell ??= new PopulationCell();
        // One statement, so the sum is taken over one committed state of the store.
        var rows = Read((c, t) => Sql.Query(c, t,
            $"WITH members AS (SELECT region_code FROM region_group_member WHERE group_name = $1 UNION ALL SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM region_group WHERE name = $1)) " +
            $"SELECT m.region_code, t.persons, {ProvenanceColumns} FROM members m " +
            "LEFT JOIN population t ON t.region_code = m.region_code AND t.reference_date = $2 AND t.sex = $3 AND t.age = $4 AND t.residence = $5 AND t.education = $6 " +
            "LEFT JOIN provenance pv ON pv.id = t.provenance_id LEFT JOIN import_batch b ON b.id = t.batch_id ORDER BY m.region_code",
            r => (Member: r.GetString(0), Persons: r.IsDBNull(1) ? (double?)null : r.Double(1), Provenance: r.IsDBNull(1) ? null : ReadProvenance(r, 2)),
            regionOrGroup, referenceDate, cell.Sex, cell.Age, cell.Residence, cell.Education));
        var counted = rows.Where(r => r.Persons is not null).ToList();
        return new AggregateFigure(regionOrGroup,
            counted.Count == 0 ? null : counted.Sum(r => r.Persons!.Value),
            [.. counted.Select(r => r.Member)],
            [.. rows.Where(r => r.Persons is null).Select(r => r.Member)],
            [.. counted.Select(r => r.Provenance!).Distinct()]);
    }

    public IReadOnlyList<VitalEventFigure> VitalEvents(string regionCode, int year) => Read((c, t) => Sql.Query(c, t,
        $"SELECT t.year, t.region_code, t.event, t.sex, t.age, t.events, {ProvenanceColumns} FROM vital_event t {ProvenanceJoin} " +
        "WHERE t.region_code = $1 AND t.year = $2 ORDER BY t.event, t.sex, t.age_from, t.age_to",
        r => new VitalEventFigure(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Double(5), ReadProvenance(r, 6), r.GetString(13)),
        regionCode, year));

    public IReadOnlyList<MigrationFlowFigure> MigrationFlows(int year) => Read((c, t) => Sql.Query(c, t,
        $"SELECT t.year, t.origin_code, t.destination_code, t.sex, t.age, t.persons, {ProvenanceColumns} FROM migration_flow t {ProvenanceJoin} " +
        "WHERE t.year = $1 ORDER BY t.origin_code, t.destination_code, t.sex, t.age_from, t.age_to",
        r => new MigrationFlowFigure(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Double(5), ReadProvenance(r, 6), r.GetString(13)),
        year));

    public IReadOnlyList<SurveyTotalFigure> SurveyTotals(string regionCode, int year) => For(DataScope.All).SurveyTotals(regionCode: regionCode, year: year);

    public IReadOnlyList<IndicatorFigure> Indicators(string indicator, string? regionCode = null) => Read((c, t) => Sql.Query(c, t,
        $"SELECT t.year, t.region_code, t.indicator, t.value, t.unit, t.department, {ProvenanceColumns} FROM indicator_value t {ProvenanceJoin} " +
        "WHERE t.indicator = $1 AND (CAST($2 AS TEXT) IS NULL OR t.region_code = CAST($2 AS TEXT)) ORDER BY t.region_code, t.year",
        r => new IndicatorFigure(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.Double(3), r.GetString(4), r.GetString(5), ReadProvenance(r, 6), r.GetString(13)),
        indicator, regionCode));

    public EstimateSeries ComputeEstimates(int vintage, bool calibrateCounties = true) =>
        Read((c, t) => Estimates.AnnualEstimates.Compute(c, t, vintage, calibrateCounties));

    public EstimateVintage Estimate(int vintage, bool replace = false) => Estimates.AnnualEstimates.Store(engine, vintage, replace);

    public IReadOnlyList<EstimateVintage> Vintages() => For(DataScope.All).Vintages();

    public IReadOnlyList<PopulationEstimateFigure> PopulationEstimates(int vintage, string? regionCode = null) => For(DataScope.All).PopulationEstimates(vintage, regionCode);

    public IReadOnlyList<ComponentEstimateFigure> ComponentEstimates(int vintage, string? regionCode = null) => For(DataScope.All).ComponentEstimates(vintage, regionCode);

    public PersonRegistry OpenRegistry(string? keyFile = null)
    {
        var key = RegistryKey.ForStore(engine, keyFile);
        try
        {
            return OpenRegistry(key).OwningKey();
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public long RotateRegistryKey(string? keyFile = null, IProgress<long>? progress = null, Action? beforeCommit = null) =>
        RegistryKeyRotation.Rotate(this, keyFile, progress, beforeCommit);

    public PersonRegistry OpenRegistry(RegistryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = engine.Connect();
        try
        {
            return PersonRegistry.On(connection, key, ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Rows per table: lets tests and tools check that a failed import left the store as it was.</summary>
    internal IReadOnlyDictionary<string, long> RowCounts() => Read((c, t) =>
    {
        string[] tables = ["schema_version", "source", "provenance", "import_batch", "region", "region_group", "region_group_member",
            "region_group_reference", "population", "vital_event", "migration_flow", "survey_total", "indicator_value", "estimate_vintage",
            "population_estimate", "component_estimate",
            RegistrySchema.KeyTable, RegistrySchema.PersonTable, RegistrySchema.EventTable,
            "service_audit", "service_application", "points_score", "points_objection", "residence_permit", "allocation_run", "allocation_placement",
            "graduate_record", "talent_intake"];
        return (IReadOnlyDictionary<string, long>)tables.ToDictionary(n => n, n => Convert.ToInt64(Sql.Scalar(c, t, $"SELECT COUNT(*) FROM {n}"),
            System.Globalization.CultureInfo.InvariantCulture));
    });

    public void Dispose() => engine.Dispose();

    /// <summary>Runs a read in one snapshot transaction, so it never sees part of an import.</summary>
    internal T Read<T>(Func<DbConnection, DbTransaction, T> read)
    {
        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction(engine.SnapshotIsolation);
        var result = read(connection, transaction);
        transaction.Commit();
        return result;
    }

    internal static Provenance ReadProvenance(DbDataReader r, int i)
    {
        FigureKinds.TryParse(r.GetString(i), out var kind);
        return new Provenance(kind, r.GetString(i + 1), r.Text(i + 2), r.Text(i + 3), r.Date(i + 4), r.Text(i + 5), r.Text(i + 6));
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
