using System.Data.Common;
using System.Globalization;
using Populus.Storage.Engines;
using Populus.Storage.Imports;

namespace Populus.Storage.Estimates;

/// <summary>Writes figures computed or seeded by the program (not read from a user's file) as one batch inside an open transaction.</summary>
internal sealed class FigureWriter(Engine engine, DbConnection connection, DbTransaction transaction)
{
    private readonly Dictionary<Provenance, long> _provenance = [];

    public Engine Engine => engine;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    /// <summary>The id of a provenance record, inserted on first use.</summary>
    public long ProvenanceId(Provenance provenance)
    {
        if (!_provenance.TryGetValue(provenance, out var id))
        {
            id = ImportSession.InsertProvenance(connection, transaction, provenance);
            _provenance[provenance] = id;
        }

        return id;
    }

    /// <summary>Records a batch; <paramref name="fileName"/> says where the figures come from.</summary>
    public long Batch(string key, string kind, string fileName, string sha256, int rows) =>
        Convert.ToInt64(Sql.Scalar(connection, transaction,
            "INSERT INTO import_batch (batch_key, kind, file_name, content_sha256, row_count, imported_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            key, kind, fileName, sha256, rows, Sql.UtcNow()), CultureInfo.InvariantCulture);

    public void Population(long batch, IEnumerable<PopulationRow> rows) =>
        engine.BulkInsert(connection, transaction, "population",
            ["batch_id", "provenance_id", "reference_date", "year", "region_code", "sex", "age", "age_from", "age_to", "residence", "education", "persons"],
            rows.Select(r => (object?[])[batch, ProvenanceId(r.Provenance), r.ReferenceDate, r.ReferenceDate.Year, r.Region, r.Sex, r.Age, r.AgeFrom, r.AgeTo,
                r.Residence, "total", r.Persons]).ToList());

    public void Surveys(long batch, IEnumerable<SurveyRow> rows) =>
        engine.BulkInsert(connection, transaction, "survey_total",
            ["batch_id", "provenance_id", "year", "region_code", "survey", "measure", "sex", "value"],
            rows.Select(r => (object?[])[batch, ProvenanceId(r.Provenance), r.Year, r.Region, r.Survey, r.Measure, "total", r.Value]).ToList());

    public void Indicators(long batch, IEnumerable<IndicatorRow> rows) =>
        engine.BulkInsert(connection, transaction, "indicator_value",
            ["batch_id", "provenance_id", "year", "region_code", "indicator", "value", "unit", "department"],
            rows.Select(r => (object?[])[batch, ProvenanceId(r.Provenance), r.Year, r.Region, r.Indicator, r.Value, r.Unit, r.Department]).ToList());
}
