using System.Data.Common;
using System.Text;
using Populus.Storage.Engines;
using Populus.Storage.Imports;

namespace Populus.Storage;

/// <summary><see cref="IScopedReader"/> over either engine: shared SQL with the scope as a condition of every statement.</summary>
internal sealed class ScopedReader(Engine engine, DataScope scope) : IScopedReader
{
    /// <summary>The PostgreSQL role county-scoped reads run as (made by migration 6 with its row-level security policies).</summary>
    internal const string CountyReaderRole = "populus_county_reader";

    public DataScope Scope => scope;

    public IReadOnlyList<Region> Regions() => Read((c, t) => RegionIndex.Load(c, t).All.Where(r => scope.Allows(r.Code)).ToList());

    public IReadOnlyList<RegionGroup> Groups() => Read((c, t) =>
    {
        var members = Sql.Query(c, t, "SELECT group_name, region_code, note FROM region_group_member ORDER BY group_name, region_code",
            r => (Group: r.GetString(0), Member: new GroupMember(r.GetString(1), r.Text(2))));
        return Sql.Query(c, t, "SELECT name, name_en FROM region_group ORDER BY name",
                r => new RegionGroup(r.GetString(0), r.Text(1), members.Where(m => m.Group == r.GetString(0)).Select(m => m.Member).ToList()))
            .Where(g => g.Members.Count > 0 && g.Members.All(m => scope.Allows(m.RegionCode)))
            .ToList();
    });

    public IReadOnlyList<PopulationFigure> Population(PopulationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new Conditions(scope, "t.region_code");
        where.Add("t.residence = {0}", query.Residence);
        where.Add("t.education = {0}", query.Education);
        where.AddIfGiven("t.year = {0}", query.Year);
        where.AddIfGiven("t.sex = {0}", query.Sex);
        if (query.RegionCodes is { Count: > 0 } regions)
        {
            where.AddIn("t.region_code", regions);
        }

        if (query.AgeBands is { Count: > 0 } bands)
        {
            var any = new List<string>();
            foreach (var band in bands)
            {
                var from = where.Parameter(band.From);
                any.Add(band.To is { } to
                    ? $"(t.age_from >= {from} AND t.age_to IS NOT NULL AND t.age_to <= {where.Parameter(to)})"
                    : $"(t.age_from >= {from} AND t.age <> 'total')");
            }

            where.AddRaw("t.age <> 'total' AND (" + string.Join(" OR ", any) + ")");
        }

        return Read((c, t) => Sql.Query(c, t,
            $"SELECT t.reference_date, t.region_code, t.sex, t.age, t.residence, t.education, t.persons, {SqlStore.ProvenanceColumns} FROM population t {SqlStore.ProvenanceJoin} " +
            $"WHERE {where} ORDER BY t.reference_date, t.region_code, t.sex, t.age_from, t.age_to",
            r => new PopulationFigure(r.Date(0)!.Value, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.Double(6),
                SqlStore.ReadProvenance(r, 7), r.GetString(14)), where.Arguments));
    }

    public IReadOnlyList<DateOnly> PopulationDates(string? regionCode = null)
    {
        var where = new Conditions(scope, "region_code");
        where.AddIfGiven("region_code = {0}", regionCode);
        return Read((c, t) => Sql.Query(c, t, $"SELECT DISTINCT reference_date FROM population WHERE {where} ORDER BY reference_date",
            r => r.Date(0)!.Value, where.Arguments));
    }

    public AggregateFigure PopulationOf(string regionOrGroup, DateOnly referenceDate, PopulationCell? cell = null)
    {
        cell ??= new PopulationCell();
        var members = Read((c, t) => Sql.Query(c, t,
            "SELECT region_code FROM region_group_member WHERE group_name = $1 UNION ALL SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM region_group WHERE name = $1)",
            r => r.GetString(0), regionOrGroup));
        var outside = members.Where(m => !scope.Allows(m)).ToList();
        if (outside.Count > 0)
        {
            throw new DataScopeException($"{regionOrGroup} lies outside the reader's scope ({scope}): {string.Join(", ", outside.Take(5))}{(outside.Count > 5 ? ", …" : "")}.");
        }

        var rows = Population(new PopulationQuery(RegionCodes: members, Sex: cell.Sex, Residence: cell.Residence, Education: cell.Education))
            .Where(f => f.ReferenceDate == referenceDate && f.Age == cell.Age)
            .ToDictionary(f => f.RegionCode, StringComparer.Ordinal);
        var counted = members.Where(rows.ContainsKey).ToList();
        return new AggregateFigure(regionOrGroup,
            counted.Count == 0 ? null : counted.Sum(m => rows[m].Persons),
            counted,
            [.. members.Where(m => !rows.ContainsKey(m))],
            [.. counted.Select(m => rows[m].Provenance).Distinct()]);
    }

    public IReadOnlyList<IndicatorFigure> Indicators(string? indicator = null, string? regionCode = null, int? year = null)
    {
        var where = new Conditions(scope, "t.region_code");
        where.AddIfGiven("t.indicator = {0}", indicator);
        where.AddIfGiven("t.region_code = {0}", regionCode);
        where.AddIfGiven("t.year = {0}", year);
        return Read((c, t) => Sql.Query(c, t,
            $"SELECT t.year, t.region_code, t.indicator, t.value, t.unit, t.department, {SqlStore.ProvenanceColumns} FROM indicator_value t {SqlStore.ProvenanceJoin} " +
            $"WHERE {where} ORDER BY t.indicator, t.region_code, t.year",
            r => new IndicatorFigure(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.Double(3), r.GetString(4), r.GetString(5), SqlStore.ReadProvenance(r, 6), r.GetString(13)),
            where.Arguments));
    }

    public IReadOnlyList<VitalEventFigure> VitalEvents(string? regionCode = null, int? year = null)
    {
        var where = new Conditions(scope, "t.region_code");
        where.AddIfGiven("t.region_code = {0}", regionCode);
        where.AddIfGiven("t.year = {0}", year);
        return Read((c, t) => Sql.Query(c, t,
            $"SELECT t.year, t.region_code, t.event, t.sex, t.age, t.events, {SqlStore.ProvenanceColumns} FROM vital_event t {SqlStore.ProvenanceJoin} " +
            $"WHERE {where} ORDER BY t.year, t.region_code, t.event, t.sex, t.age_from, t.age_to",
            r => new VitalEventFigure(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Double(5), SqlStore.ReadProvenance(r, 6), r.GetString(13)),
            where.Arguments));
    }

    public IReadOnlyList<SurveyTotalFigure> SurveyTotals(string? measure = null, string? regionCode = null, int? year = null)
    {
        var where = new Conditions(scope, "t.region_code");
        where.AddIfGiven("t.measure = {0}", measure);
        where.AddIfGiven("t.region_code = {0}", regionCode);
        where.AddIfGiven("t.year = {0}", year);
        return Read((c, t) => Sql.Query(c, t,
            $"SELECT t.year, t.region_code, t.survey, t.measure, t.sex, t.value, {SqlStore.ProvenanceColumns} FROM survey_total t {SqlStore.ProvenanceJoin} " +
            $"WHERE {where} ORDER BY t.year, t.region_code, t.survey, t.measure, t.sex",
            r => new SurveyTotalFigure(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Double(5), SqlStore.ReadProvenance(r, 6), r.GetString(13)),
            where.Arguments));
    }

    public IReadOnlyList<EstimateVintage> Vintages() => Read((c, t) => Sql.Query(c, t,
        "SELECT vintage, base_date, last_date, created_at, method, inputs FROM estimate_vintage ORDER BY vintage",
        r => new EstimateVintage(r.Int(0) ?? 0, r.Date(1)!.Value, r.Date(2)!.Value, r.GetDateTime(3), r.GetString(4), r.GetString(5))));

    public IReadOnlyList<PopulationEstimateFigure> PopulationEstimates(int vintage, string? regionCode = null)
    {
        var where = new Conditions(scope, "t.region_code");
        where.Add("t.vintage = {0}", vintage);
        where.AddIfGiven("t.region_code = {0}", regionCode);
        return Read((c, t) => Sql.Query(c, t,
            "SELECT t.vintage, t.reference_date, t.region_code, t.sex, t.age, t.persons, pv.figure_kind, pv.source_id, pv.source_title, pv.publisher, pv.published_on, pv.confidence, pv.note " +
            "FROM population_estimate t JOIN provenance pv ON pv.id = t.provenance_id " +
            $"WHERE {where} ORDER BY t.reference_date, t.region_code, t.sex, t.age_from",
            r => new PopulationEstimateFigure(r.Int(0) ?? 0, r.Date(1)!.Value, r.GetString(2), r.GetString(3), r.GetString(4), r.Double(5), SqlStore.ReadProvenance(r, 6)),
            where.Arguments));
    }

    public IReadOnlyList<ComponentEstimateFigure> ComponentEstimates(int vintage, string? regionCode = null)
    {
        var where = new Conditions(scope, "t.region_code");
        where.Add("t.vintage = {0}", vintage);
        where.AddIfGiven("t.region_code = {0}", regionCode);
        return Read((c, t) => Sql.Query(c, t,
            "SELECT t.vintage, t.period_start, t.period_end, t.region_code, t.component, t.sex, t.age, t.persons, pv.figure_kind, pv.source_id, pv.source_title, pv.publisher, pv.published_on, pv.confidence, pv.note " +
            "FROM component_estimate t JOIN provenance pv ON pv.id = t.provenance_id " +
            $"WHERE {where} ORDER BY t.period_start, t.region_code, t.component, t.sex, t.age_from",
            r => new ComponentEstimateFigure(r.Int(0) ?? 0, r.Date(1)!.Value, r.Date(2)!.Value, r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.Double(7),
                SqlStore.ReadProvenance(r, 8)),
            where.Arguments));
    }

    /// <summary>
    /// One snapshot transaction. For a county scope on PostgreSQL the transaction first drops to the county reader
    /// role and sets app.region (both undone by commit), so row-level security applies to every statement in it.
    /// </summary>
    private T Read<T>(Func<DbConnection, DbTransaction, T> read)
    {
        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction(engine.SnapshotIsolation);
        if (engine.Kind == StoreEngine.PostgreSql && scope.CountyCode is { } county)
        {
            Sql.Execute(connection, transaction, $"SET LOCAL ROLE {CountyReaderRole}");
            Sql.Scalar(connection, transaction, "SELECT set_config('app.region', $1, true)", county);
        }

        var result = read(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>A WHERE clause with positional parameters; it always starts with the scope's condition.</summary>
    private sealed class Conditions
    {
        private readonly List<string> _parts = [];
        private readonly List<object?> _arguments = [];

        public Conditions(DataScope scope, string regionColumn)
        {
            if (scope.CountyCode is { } county)
            {
                _parts.Add($"substr({regionColumn}, 1, 6) = {Parameter(county)}");
            }
            else
            {
                _parts.Add("TRUE");
            }
        }

        public object?[] Arguments => [.. _arguments];

        public string Parameter(object value)
        {
            _arguments.Add(value);
            return $"${_arguments.Count}";
        }

        public void Add(string format, object value) => _parts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Parameter(value)));

        /// <summary>The condition when a value is given; none ("any") when it is null.</summary>
        public void AddIfGiven(string format, object? value)
        {
            if (value is not null)
            {
                Add(format, value);
            }
        }

        public void AddIn(string column, IEnumerable<string> values)
        {
            var list = new StringBuilder();
            foreach (var v in values)
            {
                list.Append(list.Length == 0 ? "" : ", ").Append(Parameter(v));
            }

            _parts.Add($"{column} IN ({list})");
        }

        public void AddRaw(string condition) => _parts.Add(condition);

        public override string ToString() => string.Join(" AND ", _parts);
    }
}
