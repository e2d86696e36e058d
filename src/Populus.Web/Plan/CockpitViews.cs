using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Planning.Targets;
using Populus.Storage;
using Populus.Web.Hosting;
using PlanningProvenance = Populus.Planning.Data.Provenance;

namespace Populus.Web.Plan;

/// <summary>
/// Composes Planning over the store for the cockpit: the indicator data a scope may see, the calculator and the
/// evaluator on it, and a short-lived cache of the computed views (the cockpit polls them; imports clear it).
/// </summary>
/// <remarks>
/// Every region: the observed data of <see cref="ScenarioService.Monitor"/> (the plan's Table 6 base values and
/// published tables, the bureau's annual figures, the store's department figures, the graduates and talent intake
/// counted from its records, its census tables, annual estimates and year-end totals),
/// with targets ahead judged on the baseline projection. A county scope: only its county's figures read through the
/// scoped store (its department figures, then its census tables, estimates and year-end totals:
/// <see cref="Storage.PlanData.StorePopulation"/>), so nothing of another county reaches its views; without the
/// monitor the city scope falls back to the same.
/// </remarks>
internal sealed class CockpitViews(IPopulusStore store, PlanBook plan, PopulusSettings settings, TimeProvider clock, ScenarioService scenarios,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<object>> _pending = new(StringComparer.Ordinal);

    public PlanBook Plan => plan;

    /// <summary>The year evaluations are made as of by default: the last year with observed figures, else the last complete calendar year.</summary>
    public int DefaultAsOfYear => scenarios.Monitor?.LastObservedYear ?? clock.GetUtcNow().Year - 1;

    private DataStamp? _stamp;
    private long _stampReadAt;
    private int _stampReading;

    /// <summary>After an import: the monitor reads the store's figures again and every cached view is forgotten.</summary>
    public void Invalidate()
    {
        // The stamp first: an import that lands while the figures are read again moves it, and is followed.
        Volatile.Write(ref _stamp, store.Stamp());
        Volatile.Write(ref _stampReadAt, Stopwatch.GetTimestamp());
        scenarios.ObservedChanged();
        _cache.Clear();
        _pending.Clear();
    }

    /// <summary>
    /// Follows imports made elsewhere — a department's `populus import` or `populus estimate` against the shared
    /// PostgreSQL store, another web server — which this server hears nothing of: once a cache time (at most), the
    /// store's stamp is read, and when it moved the views are computed again from the store as for an import here.
    /// </summary>
    private void FollowStore()
    {
        if (Stopwatch.GetElapsedTime(Volatile.Read(ref _stampReadAt)) < TimeSpan.FromSeconds(settings.CacheSeconds) ||
            Interlocked.CompareExchange(ref _stampReading, 1, 0) != 0)
        {
            return;
        }

        try
        {
            var now = store.Stamp();
            Volatile.Write(ref _stampReadAt, Stopwatch.GetTimestamp());
            // Before the first look, what the monitor's figures were read as of (nothing cached here is older).
            var known = Volatile.Read(ref _stamp) ?? scenarios.LoadedStamp ?? now;
            if (known != now)
            {
                Invalidate();
            }
            else
            {
                Volatile.Write(ref _stamp, now);
            }
        }
        finally
        {
            Volatile.Write(ref _stampReading, 0);
        }
    }

    /// <summary>
    /// Computes or reuses a view; the key must include everything the view depends on (scope, region, year). A view is
    /// computed once however many requests ask at the same moment, and when it is older than the cache time one
    /// request recomputes it while the others are answered with the previous value, so a busy cockpit never computes
    /// the same view many times over.
    /// </summary>
    public T Cached<T>(string key, Func<T> compute)
        where T : notnull
    {
        FollowStore();
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache.TryGetValue(key, out var hit))
        {
            if (now - hit.At < TimeSpan.FromSeconds(settings.CacheSeconds) || !hit.TryStartRefresh())
            {
                return (T)hit.Value;
            }

            try
            {
                var fresh = new Entry(now, compute());
                _cache[key] = fresh;
                return (T)fresh.Value;
            }
            finally
            {
                hit.EndRefresh();
            }
        }

        var first = _pending.GetOrAdd(key, _ => new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var value = (T)first.Value;
            _cache.TryAdd(key, new Entry(now, value));
            return value;
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    /// <summary>A view kept as its JSON (UTF-8): the cockpit's frequent answers are then a copy of bytes per request.</summary>
    public byte[] CachedJson<T>(string key, Func<T> compute)
        where T : notnull =>
        Cached("json|" + key, () => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(compute(), json.Value.SerializerOptions));

    /// <summary>A computed view and when it was computed; one refresh at a time.</summary>
    private sealed class Entry(DateTime at, object value)
    {
        private int _refreshing;

        public DateTime At { get; } = at;

        public object Value { get; } = value;

        public bool TryStartRefresh() => Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0;

        public void EndRefresh() => Volatile.Write(ref _refreshing, 0);
    }

    /// <summary>The store's regions (they change only with a migration), cached like the views.</summary>
    public IReadOnlyList<Storage.Region> StoreRegions() => Cached("regions", store.Regions);

    /// <summary>The store's groups (they change with a groups import), cached like the views.</summary>
    public IReadOnlyList<RegionGroup> StoreGroups() => Cached("groups", store.Groups);

    /// <summary>The plan registry's name of a region given by code or name ("330302" → "鹿城区"), or null when the registry has neither.</summary>
    public string? PlanRegionName(string regionOrCode) =>
        plan.Regions.TryCodeOf(regionOrCode, out var code) ? plan.Regions[code].Name : null;

    /// <summary>True when the entry applies to a region given by code or name (the catalogue keys regions by code).</summary>
    public bool AppliesTo(IndicatorEntry entry, string regionOrCode) => entry.AppliesTo(plan.Regions.KeyOrSelf(regionOrCode));

    /// <summary>The store code of a plan region name, when the store has it.</summary>
    public string? StoreCode(string planName) => StoreRegions().FirstOrDefault(r => r.NameZh == planName && r.ValidTo is null)?.Code;

    /// <summary>A calculator over the data <paramref name="scope"/> may see, with the figures the data refused and why.</summary>
    public (IndicatorCalculator Calculator, IReadOnlyList<string> Refused) Calculator(DataScope scope) => Cached($"calc|{scope}", () =>
    {
        if (scope.IsAll && scenarios.Monitor is { } monitor)
        {
            // The monitor's observed data: Table 6 base values, the bureau's annual figures, the store's department figures.
            return (monitor.Calculator, (IReadOnlyList<string>)[]);
        }

        var data = new InMemoryIndicatorData(plan.Catalogue);
        var refused = new List<string>();
        if (scope.IsAll)
        {
            foreach (var figure in plan.Targets.BaseFigures)
            {
                data.AddReported(figure);
            }
        }

        var names = store.For(scope).Regions().ToDictionary(r => r.Code, r => r.NameZh, StringComparer.Ordinal);
        foreach (var f in store.For(scope).Indicators())
        {
            var name = names.GetValueOrDefault(f.RegionCode);
            if (!plan.Catalogue.Contains(f.Indicator) || name is null || !plan.Regions.Contains(name))
            {
                refused.Add($"{f.Indicator} {f.RegionCode} {f.Year}: {(plan.Catalogue.Contains(f.Indicator) ? "region not in the plan's region list" : "indicator not in the catalogue")}");
                continue;
            }

            if (!string.Equals(f.Unit, plan.Catalogue[f.Indicator].Unit, StringComparison.OrdinalIgnoreCase))
            {
                // A figure in another unit (persons for an indicator in 10k persons) would be read as the catalogue's unit.
                refused.Add($"{f.Indicator} {f.RegionCode} {f.Year}: unit '{f.Unit}' is not the catalogue's '{plan.Catalogue[f.Indicator].Unit}'");
                continue;
            }

            try
            {
                var status = f.Provenance.Kind switch
                {
                    FigureKind.Observed => DataStatus.Observed,
                    FigureKind.Estimated => DataStatus.Estimated,
                    _ => DataStatus.Projected,
                };
                var source = f.Provenance.SourceTitle is { } t ? $"{f.Provenance.SourceId} {t}" : f.Provenance.SourceId;
                data.AddReported(new ReportedValue(f.Indicator, name, f.Year, f.Value.ToString("R", CultureInfo.InvariantCulture),
                    new PlanningProvenance(status, $"{source} ({f.Department})")));
            }
            catch (CatalogueException ex)
            {
                refused.Add($"{f.Indicator} {f.RegionCode} {f.Year}: {ex.Message}");
            }
        }

        if (scope.IsAll)
        {
            // The graduates and talent intake counted from the records: the city's indicators 11 and 8 (a county's
            // views have neither: both indicators are the city's).
            Storage.PlanData.TalentIndicators.AddTo(data, store.Services.Graduates(), store.Services.TalentIntake(), plan.Targets.Region);
        }

        Storage.PlanData.StorePopulation.Read(store.For(scope), plan.Regions).AddTo(data);
        return (new IndicatorCalculator(plan.Catalogue, data), (IReadOnlyList<string>)refused);
    });

    /// <summary>Every target of the book for one region, evaluated as of a year against the baseline projection.</summary>
    public IReadOnlyList<TargetEvaluation> Evaluations(DataScope scope, string region, int asOf, string? scenario = null) => Cached($"eval|{scope}|{region}|{asOf}|{scenario}", () =>
    {
        var evaluator = new TargetEvaluator(Calculator(scope).Calculator);
        var targets = plan.Targets.HeldAgainst(region).ToList();
        var projection = scenarios.Monitor is null ? null
            : scenarios.IndicatorsOf(scenarios.Project(scenario, Planning.Scenarios.ScenarioLevers.None), region, targets.Select(t => t.IndicatorId).Distinct());
        return (IReadOnlyList<TargetEvaluation>)[.. targets.Select(t => evaluator.Evaluate(plan.Targets, t, region, asOf, projection))];
    });

    /// <summary>Why projections are missing, or null when the scenario service is there.</summary>
    public string? ProjectionMissing => scenarios.Missing;

    /// <summary>The first year the views read figures for: <see cref="Latest"/> searches back to it (the API refuses an
    /// earlier as-of year: <see cref="Api.ParameterProblems.PlanYear"/>).</summary>
    public const int FirstYear = 2000;

    /// <summary>The latest value of an indicator up to <paramref name="asOf"/> (searching back to <see cref="FirstYear"/>), or 'no data' for asOf.</summary>
    public IndicatorValue Latest(DataScope scope, string indicatorId, string region, int asOf)
    {
        var calculator = Calculator(scope).Calculator;
        IndicatorValue? first = null;
        for (var year = asOf; year >= FirstYear; year--)
        {
            var value = calculator.Compute(indicatorId, region, year);
            first ??= value;
            if (value.HasValue)
            {
                return value;
            }
        }

        return first!;
    }
}
