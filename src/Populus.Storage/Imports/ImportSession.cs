using System.Data.Common;
using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Engines;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>Everything an <see cref="ImportKind"/> needs while loading one file inside one open transaction.</summary>
internal sealed class ImportSession
{
    private readonly Dictionary<Provenance, long> _provenanceIds = [];
    private readonly Dictionary<string, (string? Title, string? Publisher, string? Confidence)> _sources;
    private long? _batchId;
    private IReadOnlyDictionary<string, string>? _catalogueUnits;

    public ImportSession(Engine engine, DbConnection connection, DbTransaction transaction, CsvTable table, string kind,
        string batch, string file, string sha256, ImportOptions options)
    {
        Engine = engine;
        Connection = connection;
        Transaction = transaction;
        Table = table;
        Kind = kind;
        Batch = batch;
        File = file;
        Sha256 = sha256;
        Options = options;
        Today = DateOnly.FromDateTime((options.Clock ?? TimeProvider.System).GetLocalNow().DateTime);
        Regions = RegionIndex.Load(connection, transaction);
        _sources = Sql.Query(connection, transaction, "SELECT source_id, title, publisher, confidence FROM source",
                r => (Id: r.GetString(0), Title: r.Text(1), Publisher: r.Text(2), Confidence: r.Text(3)))
            .ToDictionary(s => s.Id, s => (s.Title, s.Publisher, s.Confidence), StringComparer.Ordinal);
    }

    public Engine Engine { get; }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public CsvTable Table { get; }

    public string Kind { get; }

    public string Batch { get; }

    public string File { get; }

    public string Sha256 { get; }

    public ImportOptions Options { get; }

    /// <summary>The import's day (<see cref="ImportOptions.Clock"/>): one day for every row, however long the import takes.</summary>
    public DateOnly Today { get; }

    public RegionIndex Regions { get; }

    /// <summary>The plan catalogue's indicator ids and units (data/plan/indicator-catalogue.csv), read on first use.</summary>
    public IReadOnlyDictionary<string, string> CatalogueUnits => _catalogueUnits ??= PlanData.StoredIndicators.CatalogueUnits(Scenarios.DataFolder.Locate());

    /// <summary>
    /// The provenance of a row: its own provenance cells over the import's defaults. A source known to the store
    /// (data/wenzhou/sources.csv) lends its title, publisher and confidence when the row does not give them.
    /// </summary>
    public Provenance? ReadProvenance(CsvRecord record)
    {
        var d = Options.Provenance;
        var kindText = record.Text("figure_kind");
        FigureKind kind;
        if (kindText is not null)
        {
            if (!FigureKinds.TryParse(kindText, out kind))
            {
                record.Fail("figure_kind", kindText, new Reason("must be observed, estimated or projected", "应为 observed（实测）、estimated（估计）或 projected（预测）"));
                return null;
            }
        }
        else if (d is not null)
        {
            kind = d.Kind;
        }
        else
        {
            record.Fail("figure_kind", null, new Reason("the kind of figure is required (observed, estimated or projected): give the column or a default (--figure-kind)", "必须注明数据类别（observed 实测、estimated 估计或 projected 预测）：填写该列或在上传时指定默认值"));
            return null;
        }

        var sourceId = record.Text("source_id") ?? d?.SourceId;
        if (sourceId is null)
        {
            record.Fail("source_id", null, new Reason("a source is required: give the column or a default (--source)", "必须注明来源：填写该列或在上传时指定默认值"));
            return null;
        }

        DateOnly? published = d?.Published;
        if (record.Text("published") is not null)
        {
            published = record.Date("published", required: false);
            if (published is null)
            {
                return null;
            }
        }

        _sources.TryGetValue(sourceId, out var known);
        return new Provenance(kind, sourceId,
            record.Text("source_title") ?? d?.SourceTitle ?? known.Title,
            record.Text("publisher") ?? d?.Publisher ?? known.Publisher,
            published,
            record.Text("confidence") ?? d?.Confidence ?? known.Confidence,
            record.Text("note") ?? d?.Note);
    }

    /// <summary>The id of a provenance record, inserting it on first use within this batch.</summary>
    public long ProvenanceId(Provenance provenance)
    {
        if (_provenanceIds.TryGetValue(provenance, out var id))
        {
            return id;
        }

        id = InsertProvenance(Connection, Transaction, provenance);
        _provenanceIds[provenance] = id;
        return id;
    }

    /// <summary>Runs <paramref name="load"/> on the person registry inside this transaction, under the key the options
    /// give or else the store's key file (opened here and disposed after).</summary>
    public T WithRegistry<T>(Func<Registry.PersonRegistry, T> load)
    {
        if (Options.RegistryKey is { } given)
        {
            return load(Registry.PersonRegistry.On(Connection, given, ownsConnection: false));
        }

        using var key = Registry.RegistryKey.ForStore(Engine, Options.KeyFile);
        return load(Registry.PersonRegistry.On(Connection, key, ownsConnection: false));
    }

    /// <summary>Records the batch (once, after the rows were checked) and returns its id.</summary>
    public long BatchId(int rows)
    {
        _batchId ??= Convert.ToInt64(Sql.Scalar(Connection, Transaction,
            "INSERT INTO import_batch (batch_key, kind, file_name, content_sha256, row_count, imported_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            Batch, Kind, Path.GetFileName(File), Sha256, rows, Sql.UtcNow()), CultureInfo.InvariantCulture);
        return _batchId.Value;
    }

    public static long InsertProvenance(DbConnection connection, DbTransaction transaction, Provenance p) =>
        Convert.ToInt64(Sql.Scalar(connection, transaction,
            "INSERT INTO provenance (figure_kind, source_id, source_title, publisher, published_on, confidence, note) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            p.Kind.Code(), p.SourceId, p.SourceTitle, p.Publisher, p.Published, p.Confidence, p.Note), CultureInfo.InvariantCulture);
}
