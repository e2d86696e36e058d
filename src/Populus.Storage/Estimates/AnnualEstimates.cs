using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Populus.Demography;
using Populus.Demography.Estimation;
using Populus.Demography.Migration;
using Populus.Storage.Engines;
using Populus.Storage.Migrations;

namespace Populus.Storage.Estimates;

/// <summary>
/// The annual estimates of the plan's city (<see cref="Imports.RegionIndex.PlanRegion"/>) over the store: the calibrated base of 2020-11-01 carried to each year end with
/// <see cref="ComponentsOfChange"/>, fitted to the published figures in the store (docs/estimates.md).
/// </summary>
internal static class AnnualEstimates
{
    public const string Method =
        "cohort components by single age, sex and county-level unit from the calibrated 2020-11-01 base; deaths and births fitted to the published " +
        "counts or crude rates (standard patterns: WPP 2024 China mx 2020-2025, China 2020 census fertility by mother's age, Zhejiang 2020 census sex ratio " +
        "at birth); net migration the residual to the published year-end population, met by county where published, Rogers-Castro age profile";

    public const int FirstYear = 2020;

    private static readonly Lazy<EstimationStandards> Standards = new(() =>
    {
        var (male, female) = StandardPatterns.Mortality(156, "2020-2025");
        return new EstimationStandards(male, female, StandardPatterns.CensusFertilityPattern(), StandardPatterns.CensusSexRatioAtBirth("浙江"),
            RogersCastroSchedule.Standard, 0.5);
    });

    /// <summary>Computes the estimates of <paramref name="vintage"/> from the store (nothing is written).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The vintage is before the base or after the last year the store has a figure for.</exception>
    /// <exception cref="InvalidOperationException">The store has no base population for a unit.</exception>
    public static EstimateSeries Compute(DbConnection connection, DbTransaction transaction, int vintage, bool calibrateCounties)
    {
        var city = Imports.RegionIndex.Load(connection, transaction).PlanRegion();
        var baseDate = SeedWenzhouEstimates.CensusDate;
        var lastYear = Convert.ToInt32(Sql.Scalar(connection, transaction,
            "SELECT COALESCE(MAX(year), 0) FROM survey_total WHERE region_code = $1 AND survey = $2 AND measure = 'population'", city, PublishedFigures.AnnualSurvey),
            CultureInfo.InvariantCulture);
        if (vintage < FirstYear || vintage > lastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(vintage), vintage,
                $"A vintage runs from the base ({baseDate:yyyy-MM-dd}) to a year with a published year-end population: {FirstYear} to {lastYear} in this store.");
        }

        var counties = Sql.Query(connection, transaction,
            "SELECT code FROM region WHERE parent_code = $1 AND level = 'county' AND valid_to IS NULL ORDER BY code", r => r.GetString(0), city);
        var basePopulations = counties.Select(c => SingleYears.Read(connection, transaction, c, baseDate)
                                                   ?? throw new InvalidOperationException($"The store has no single-year base population of {c} on {baseDate:yyyy-MM-dd}.")).ToList();

        var surveys = Sql.Query(connection, transaction,
            "SELECT t.year, t.region_code, t.measure, t.value, pv.figure_kind, pv.source_id, pv.note FROM survey_total t JOIN provenance pv ON pv.id = t.provenance_id " +
            "WHERE t.survey = $1 AND t.sex = 'total' AND t.year BETWEEN $2 AND $3",
            r => (Year: r.Int(0) ?? 0, Region: r.GetString(1), Measure: r.GetString(2), Value: r.Double(3), Kind: r.GetString(4), Source: r.GetString(5), Note: r.Text(6)), PublishedFigures.AnnualSurvey, FirstYear, vintage);
        var rates = Sql.Query(connection, transaction,
            "SELECT year, indicator, value FROM indicator_value WHERE region_code = $1 AND indicator IN ('birth_rate', 'death_rate') AND year BETWEEN $2 AND $3",
            r => (Year: r.Int(0) ?? 0, Indicator: r.GetString(1), Value: r.Double(2)), city, FirstYear, vintage);
        double? Survey(int year, string region, string measure) =>
            surveys.Where(s => s.Year == year && s.Region == region && s.Measure == measure).Select(s => (double?)s.Value).FirstOrDefault();
        double? Rate(int year, string indicator) => rates.Where(x => x.Year == year && x.Indicator == indicator).Select(x => (double?)x.Value).FirstOrDefault();

        var periods = new List<EstimationPeriod>();
        for (var year = FirstYear; year <= vintage; year++)
        {
            var start = year == FirstYear ? baseDate : new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            var length = (end.DayNumber - start.DayNumber + 1) / (double)(DateTime.IsLeapYear(year) ? 366 : 365);
            var countyTotals = counties.Select(c => (Code: c, Value: Survey(year, c, "population")))
                .Where(c => c.Value is not null).ToImmutableDictionary(c => c.Code, c => c.Value!.Value);
            var endRow = surveys.FirstOrDefault(s => s.Year == year && s.Region == city && s.Measure == "population");
            var note = endRow.Kind == "estimated" ? $"itself estimated, {endRow.Source}: {endRow.Note}" : endRow.Kind is null ? null : $"{endRow.Source}";
            periods.Add(new EstimationPeriod(year, length, Survey(year, city, "population"), Survey(year, city, "births"), Rate(year, "birth_rate"),
                Survey(year, city, "deaths"), Rate(year, "death_rate"), countyTotals, note));
        }

        var results = ComponentsOfChange.Estimate(counties, basePopulations, Standards.Value, periods, calibrateCounties);
        return new EstimateSeries(vintage, city, counties, baseDate, basePopulations, results, calibrateCounties);
    }

    /// <summary>Computes and stores a vintage in one transaction.</summary>
    /// <exception cref="InvalidOperationException">The vintage is stored and <paramref name="replace"/> is false.</exception>
    public static EstimateVintage Store(Engine engine, int vintage, bool replace)
    {
        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction();
        using var writerLock = engine.AcquireWriterLock(connection, transaction);
        var existing = Sql.Scalar(connection, transaction, "SELECT created_at FROM estimate_vintage WHERE vintage = $1", vintage);
        if (existing is not null)
        {
            if (!replace)
            {
                throw new InvalidOperationException(
                    $"Vintage {vintage} is already stored (made {existing:yyyy-MM-dd HH:mm} UTC); a vintage is never changed unless asked: use --replace to estimate it again.");
            }

            // The vintage row stays (DuckDB cannot delete a referenced row in the transaction that deletes its references).
            foreach (var table in new[] { "component_estimate", "population_estimate" })
            {
                Sql.Execute(connection, transaction, $"DELETE FROM {table} WHERE vintage = $1", vintage);
            }
        }

        var series = Compute(connection, transaction, vintage, calibrateCounties: true);
        var inputs = string.Join(" | ", series.Periods.Select(p => $"{p.Year}: {string.Join("; ", p.Notes)}"));
        var created = Sql.UtcNow();
        var lastDate = new DateOnly(vintage, 12, 31);
        Sql.Execute(connection, transaction, existing is null
                ? "INSERT INTO estimate_vintage (vintage, base_date, last_date, created_at, method, inputs) VALUES ($1, $2, $3, $4, $5, $6)"
                : "UPDATE estimate_vintage SET base_date = $2, last_date = $3, created_at = $4, method = $5, inputs = $6 WHERE vintage = $1",
            vintage, series.BaseDate, lastDate, created, Method, inputs);
        Write(new FigureWriter(engine, connection, transaction), series);
        transaction.Commit();
        return new EstimateVintage(vintage, series.BaseDate, lastDate, created, Method, inputs);
    }

    private static void Write(FigureWriter writer, EstimateSeries series)
    {
        var v = series.Vintage;
        var baseProvenance = new Provenance(FigureKind.Estimated, BasePopulation.SourceId, $"Base population {series.BaseDate:yyyy-MM-dd}, calibrated to the census",
            "Populus", null, null, $"the base of vintage {v} (see the population table, source {BasePopulation.SourceId})");
        var population = new List<object?[]>();
        var components = new List<object?[]>();
        AddPopulation(population, writer, v, series.BaseDate, series, series.Base, baseProvenance);
        var start = series.BaseDate;
        foreach (var p in series.Periods)
        {
            var end = new DateOnly(p.Year, 12, 31);
            var provenance = new Provenance(FigureKind.Estimated, $"EST-V{v}", $"Population estimates, vintage {v}", "Populus", null, null,
                $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}: {string.Join("; ", p.Notes)}; mortality factor {p.MortalityFactor:F4}, TFR {p.TotalFertility:F3} (docs/estimates.md)");
            AddPopulation(population, writer, v, end, series, p.Populations, provenance);
            AddComponent(components, writer, v, start, end, series, "births", p.Births, p.BirthsPublished ? provenance : Projected(provenance), skipZeros: true);
            AddComponent(components, writer, v, start, end, series, "deaths", p.Deaths, p.DeathsPublished ? provenance : Projected(provenance), skipZeros: false);
            AddComponent(components, writer, v, start, end, series, "net_migration", p.NetMigrants, provenance, skipZeros: false);
            start = end.AddDays(1);
        }

        writer.Engine.BulkInsert(writer.Connection, writer.Transaction, "population_estimate",
            ["vintage", "provenance_id", "reference_date", "region_code", "sex", "age", "age_from", "persons"], population);
        writer.Engine.BulkInsert(writer.Connection, writer.Transaction, "component_estimate",
            ["vintage", "provenance_id", "period_start", "period_end", "region_code", "component", "sex", "age", "age_from", "persons"], components);
    }

    /// <summary>A period's births or deaths that no published count or rate fixed: the previous period's fertility or
    /// mortality carried onto its population is a projection of them, and they are stored as one, as the US Census
    /// Bureau's vintages project the births and deaths of the months not yet published. The year-end population stays
    /// estimated: its total is still met (migration is its residual).</summary>
    private static Provenance Projected(Provenance estimated) => estimated with { Kind = FigureKind.Projected };

    private static void AddPopulation(List<object?[]> rows, FigureWriter writer, int vintage, DateOnly date, EstimateSeries series,
        IReadOnlyList<PopulationByAgeSex> populations, Provenance provenance)
    {
        var id = writer.ProvenanceId(provenance);
        var ages = populations[0].Ages;
        foreach (var sex in SexCodes.All)
        {
            for (var i = 0; i < ages.Count; i++)
            {
                var cityValue = 0.0;
                for (var r = 0; r < populations.Count; r++)
                {
                    rows.Add([vintage, id, date, series.Regions[r], SexName(sex), ages.Label(i), ages.Start(i), populations[r][sex][i]]);
                    cityValue += populations[r][sex][i];
                }

                rows.Add([vintage, id, date, series.City, SexName(sex), ages.Label(i), ages.Start(i), cityValue]);
            }
        }
    }

    private static void AddComponent(List<object?[]> rows, FigureWriter writer, int vintage, DateOnly start, DateOnly end, EstimateSeries series,
        string component, double[][][] values, Provenance provenance, bool skipZeros)
    {
        var id = writer.ProvenanceId(provenance);
        var ages = series.Base[0].Ages;
        for (var s = 0; s < 2; s++)
        {
            for (var i = 0; i < ages.Count; i++)
            {
                var cityValue = 0.0;
                for (var r = 0; r < values.Length; r++)
                {
                    cityValue += values[r][s][i];
                }

                if (skipZeros && cityValue == 0)
                {
                    continue;
                }

                for (var r = 0; r < values.Length; r++)
                {
                    rows.Add([vintage, id, start, end, series.Regions[r], component, SexName((Sex)s), ages.Label(i), ages.Start(i), values[r][s][i]]);
                }

                rows.Add([vintage, id, start, end, series.City, component, SexName((Sex)s), ages.Label(i), ages.Start(i), cityValue]);
            }
        }
    }

    private static string SexName(Sex sex) => sex == Sex.Male ? "male" : "female";
}
