using System.Data.Common;
using Populus.Storage.Engines;
using Populus.Storage.Estimates;
using Populus.Storage.Imports;

namespace Populus.Storage.Migrations;

/// <summary>
/// Schema version 3: the tables of the annual estimates (Sql/0003_estimates.sql), the published Wenzhou figures of
/// the default dataset (observed, with their sources), and the calibrated single-year base population of
/// 2020-11-01 (estimated) that every vintage of the estimates starts from (docs/estimates.md).
/// </summary>
internal sealed class SeedWenzhouEstimates(int version) : Migration
{
    public static readonly DateOnly CensusDate = new(2020, 11, 1);

    public const string PublishedBatch = "wenzhou-published";

    public const string BaseBatch = "base-population-2020-11-01";

    public override int Version => version;

    public override string Description =>
        "estimate tables; published Wenzhou figures (census 2020, survey 2015, annual and county series, plan Table 3); the calibrated base population of 2020-11-01";

    public override void Apply(Engine engine, DbConnection connection, DbTransaction transaction)
    {
        new SqlMigration(version, "estimates", Description).Apply(engine, connection, transaction);
        var writer = new FigureWriter(engine, connection, transaction);

        var sources = Sql.Query(connection, transaction, "SELECT source_id, title, publisher, confidence FROM source",
                r => (Id: r.GetString(0), Title: r.Text(1), Publisher: r.Text(2), Confidence: r.Text(3)))
            .ToDictionary(s => s.Id, s => (s.Title, s.Publisher, s.Confidence), StringComparer.Ordinal);
        // The city is the one whose county-level units version 2 seeded (data/wenzhou/county_units_codes.csv): 330300.
        var city = RegionIndex.Load(connection, transaction).PlanRegion();
        var published = PublishedFigures.Read(sources, city);
        var rows = published.Population.Count + published.Surveys.Count + published.Indicators.Count;
        var batch = writer.Batch(PublishedBatch, "seed", string.Join("; ", PublishedFigures.Files.Select(SeedFiles.DisplayName)),
            SeedFiles.Sha256(PublishedFigures.Files), rows);
        writer.Population(batch, published.Population);
        writer.Surveys(batch, published.Surveys);
        writer.Indicators(batch, published.Indicators);

        var standard = (StandardPatterns.CensusAgeSex(2020, "浙江"), "Zhejiang 2020 census population by sex and age 0, 1-4, 5-9, …, 95-99, 100+ (中国人口普查年鉴-2020 Table 1-5, data/china_census)");
        var basePopulation = BasePopulation.Build(connection, transaction, city, CensusDate, standard);
        var baseRows = basePopulation.EstimatedTotals.Concat(basePopulation.Rows()).ToList();
        var baseBatch = writer.Batch(BaseBatch, "estimate", "calibrated (docs/estimates.md)", SeedFiles.Sha256([.. PublishedFigures.Files, StandardPatterns.CensusFile]),
            baseRows.Count);
        writer.Population(baseBatch, baseRows);
    }
}
