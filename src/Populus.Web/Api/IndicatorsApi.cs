using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Planning.Catalogue;
using Populus.Planning.Indicators;
using Populus.Planning.Targets;
using Populus.Storage;
using Populus.Web.Formats;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>The plan's indicators, their values with provenance, the targets and their evaluation, and early warnings.</summary>
internal static class IndicatorsApi
{
    public static void MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicators").WithTags("Indicators").RequireAuthorization(Policies.ReadData);
        group.MapGet("/", Catalogue).WithName("ListIndicators").Produces<IReadOnlyList<IndicatorView>>().WithSummary("The plan's 20 main indicators (Table 6) with their targets.");
        group.MapGet("/overview", Overview).WithName("GetIndicatorOverview").Produces<OverviewView>()
            .WithSummary("Each main indicator's latest value (with provenance) and its targets' status as of a year (?region=&asOf=).");
        group.MapGet("/{id}/series", Series).WithName("GetIndicatorSeries")
            .WithSummary("An indicator's values by year with provenance (or the reason a year has none). ?region=&from=&to=&format=json|csv|sdmx-csv");
        group.MapGet("/figures", Figures).WithName("ListReportedFigures")
            .WithSummary("Department-reported figures stored in the store (?indicator=&region=&year=&format=csv).");
        app.MapGroup("/api/v1/evaluations").WithTags("Indicators").RequireAuthorization(Policies.ReadData)
            .MapGet("/", Evaluations).WithName("ListEvaluations")
            .WithSummary("Every target of the plan (Table 6 and text) evaluated for a region as of a year; ?warnings=true for early warnings only; ?format=csv.");
    }

    internal static FileContentHttpResult Catalogue(CockpitViews views) => TypedResults.Bytes(views.CachedJson("catalogue", () =>
        (IReadOnlyList<IndicatorView>)[.. views.Plan.MainIndicators.Select(e => new IndicatorView(e.Id, e.PlanId, e.NameZh, e.NameEn, e.Unit, e.UnitZh,
            e.Kind.ToString().ToLowerInvariant(), e.Department, e.Better.ToString().ToLowerInvariant(),
            [.. views.Plan.Targets.For(e.Id).Select(Target)]))]), "application/json; charset=utf-8");

    /// <remarks>The cockpit's most asked and largest answer: it is kept serialized, so requests only copy bytes.</remarks>
    internal static Results<FileContentHttpResult, ProblemHttpResult> Overview(string? region, int? asOf, ClaimsPrincipal user, IPopulusStore store,
        CockpitViews views, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var me = CurrentAccount.From(user);
        if (ParameterProblems.PlanYear("asOf", asOf) is { } bad)
        {
            return bad;
        }

        if (!TryPlanRegion(region, me, store, views, out var name, out var problem))
        {
            return problem!;
        }

        var year = asOf ?? views.DefaultAsOfYear;
        var scope = me.Scope;
        var bytes = views.Cached($"overview|{scope}|{name}|{year}", () =>
        {
            var evaluations = views.Evaluations(scope, name, year);
            var items = views.Plan.MainIndicators.Select(e =>
            {
                var latest = views.AppliesTo(e, name) ? views.Latest(scope, e.Id, name, year) : IndicatorValue.NoData(e.Id, name, year, new($"{e.Id} does not apply to {name}", $"该指标不适用于{name}"));
                var targets = evaluations.Where(v => v.Target.IndicatorId == e.Id)
                    .Select(v => Evaluation(v, views.Plan.Catalogue)).ToList();
                return new OverviewItem(e.Id, e.PlanId!, e.NameZh, e.NameEn, e.Unit, e.UnitZh, Value(latest), targets, Worst(targets));
            }).ToList();
            var view = new OverviewView(name, year, items, [.. evaluations.Where(v => v.IsEarlyWarning).Select(v => Evaluation(v, views.Plan.Catalogue))],
                views.Calculator(scope).Refused, views.ProjectionMissing is { } missing ? $"no projection: {missing}" : $"targets after {year} are judged on the {ScenarioService.Baseline} scenario's projection",
                store.For(scope).Vintages() is [.., var vintage] ? vintage.Vintage : null);
            return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view, json.Value.SerializerOptions);
        });
        return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }

    internal static Results<Ok<SeriesView>, ContentHttpResult, ProblemHttpResult> Series(string id, string? region, int? from, int? to,
        HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var me = CurrentAccount.From(user);
        if (!views.Plan.Catalogue.Contains(id))
        {
            return BilingualProblem.Of(StatusCodes.Status404NotFound, "Unknown indicator", $"indicator '{id}' is not in the catalogue (GET /api/v1/indicators lists them).",
                $"指标“{id}”不在指标目录中（GET /api/v1/indicators 列出全部指标）");
        }

        if ((ParameterProblems.PlanYear("from", from) ?? ParameterProblems.PlanYear("to", to)) is { } bad)
        {
            return bad;
        }

        if (!TryPlanRegion(region, me, store, views, out var name, out var problem))
        {
            return problem!;
        }

        var first = from ?? 2010;
        var last = to ?? ScenarioService.LastYear;
        if (first > last)
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Bad years", $"from ({first}) must not be after to ({last}).",
                $"起始年份 from（{first}）不能晚于截止年份 to（{last}）");
        }

        var entry = views.Plan.Catalogue[id];
        var values = views.Cached($"series|{me.Scope}|{id}|{name}|{first}|{last}", () => views.Calculator(me.Scope).Calculator.Series(id, name, first, last));
        var format = OutputFormat.Of(request);
        if (format == OutputFormat.SdmxCsv)
        {
            return TypedResults.Text(SdmxCsv.Write(values, views.StoreCode(name) ?? name, entry.Unit), SdmxCsv.ContentType);
        }

        var points = values.Select(Value).ToList();
        if (format == OutputFormat.Csv)
        {
            return TypedResults.Text(CsvText.Write(points), CsvText.ContentType);
        }

        var (targets, benchmark) = TargetsOf(views.Plan.Targets, entry, views.Plan.Regions.KeyOrSelf(name));
        return TypedResults.Ok(new SeriesView(id, entry.NameZh, entry.NameEn, entry.Unit, entry.UnitZh, name, points, targets, benchmark));
    }

    internal static Results<Ok<IReadOnlyList<FigureRow>>, ContentHttpResult, ProblemHttpResult> Figures(string? indicator, string? region, int? year,
        HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var me = CurrentAccount.From(user);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (!RegionAccess.TryResolve(region, me, views, out var resolved, out var problem))
            {
                return problem!;
            }

            code = resolved;
        }

        var rows = store.For(me.Scope).Indicators(indicator, code, year)
            .Select(f => new FigureRow(f.Year, f.RegionCode, f.Indicator, f.Value, f.Unit, f.Department, f.Provenance.Kind.Code(), f.Provenance.SourceId, f.Provenance.Note, f.Batch))
            .ToList();
        return OutputFormat.RowsOrProblem<FigureRow>(request, rows);
    }

    internal static Results<Ok<IReadOnlyList<EvaluationView>>, ContentHttpResult, ProblemHttpResult> Evaluations(string? region, int? asOf, bool? warnings,
        HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var me = CurrentAccount.From(user);
        if (ParameterProblems.PlanYear("asOf", asOf) is { } bad)
        {
            return bad;
        }

        if (!TryPlanRegion(region, me, store, views, out var name, out var problem))
        {
            return problem!;
        }

        var all = views.Evaluations(me.Scope, name, asOf ?? views.DefaultAsOfYear);
        var rows = (warnings == true ? all.Where(e => e.IsEarlyWarning) : all).Select(e => Evaluation(e, views.Plan.Catalogue)).ToList();
        return OutputFormat.RowsOrProblem<EvaluationView>(request, rows);
    }

    /// <summary>The plan-registry name of the asked region, checked against the account's scope.</summary>
    internal static bool TryPlanRegion(string? asked, CurrentAccount me, IPopulusStore store, CockpitViews views, out string name, out ProblemHttpResult? problem)
    {
        name = "";
        var city = views.Plan.PlanRegion;
        if (!RegionAccess.TryResolve(string.IsNullOrWhiteSpace(asked) ? (me.Scope.CountyCode ?? city) : (views.StoreCode(asked) ?? asked), me, views, out var code, out problem))
        {
            return false;
        }

        var planName = views.PlanRegionName(code);
        if (planName is null)
        {
            problem = BilingualProblem.Of(StatusCodes.Status404NotFound, "Not a plan region", $"{code} is not a region or group of the store, which the plan reads its regions from.",
                $"{code}不是数据库中的地区或地区组合（规划的地区取自数据库）");
            return false;
        }

        name = planName;
        return true;
    }

    /// <summary>The targets of an indicator held against a region (none for a count in a county) and whether they are the
    /// plan region's, as benchmarks (docs/planning.md "Where a target applies").</summary>
    internal static (IReadOnlyList<TargetView> Targets, bool Benchmark) TargetsOf(TargetBook book, IndicatorEntry entry, string region) =>
        book.AppliesTo(entry, region) ? ([.. book.For(entry.Id).Select(Target)], book.IsBenchmark(entry, region)) : ([], false);

    internal static TargetView Target(PlanTarget t) => new(t.Year, t.Rule.Kind.ToString(), t.Rule.Value, t.PrintedZh, t.Rule.ToString(), t.Source);

    internal static ValueView Value(IndicatorValue v) => new(v.Year, v.Value, v.Provenance?.Status.ToString().ToLowerInvariant(), v.Provenance?.Source,
        v.Provenance?.SourceZh, v.Basis.ToString().ToLowerInvariant(), v.Note?.English, v.Note?.Chinese);

    /// <summary>A target's evaluation with its indicator's names: targets of the plan's text are held against indicators
    /// outside its 20 main ones (劳动力人口总量), which a reader listing the main ones cannot name.</summary>
    internal static EvaluationView Evaluation(TargetEvaluation e, IndicatorCatalogue catalogue) => new(e.Target.IndicatorId,
        catalogue[e.Target.IndicatorId].NameZh, catalogue[e.Target.IndicatorId].NameEn, e.Target.Year, e.Target.PrintedZh, e.Target.Rule.ToString(),
        e.Target.Rule.Kind.ToString(), e.Target.Rule.Value,
        e.Region, e.AsOfYear, Status(e.Status), e.Latest?.Value, e.Latest?.Year, e.Latest?.Provenance?.Status.ToString().ToLowerInvariant(), e.Latest?.Provenance?.Source,
        e.Expected?.Value, e.Shortfall, e.RequiredAnnualChange, e.IsEarlyWarning, e.Explanation, e.NoDataReason?.Chinese, e.Target.Source, e.Benchmark);

    internal static string Status(TargetStatus s) => s switch
    {
        TargetStatus.Achieved => "achieved",
        TargetStatus.OnTrack => "on_track",
        TargetStatus.AtRisk => "at_risk",
        TargetStatus.OffTrack => "off_track",
        _ => "no_data",
    };

    /// <summary>The status that most needs attention among an indicator's targets.</summary>
    private static string Worst(IReadOnlyList<EvaluationView> targets)
    {
        string[] order = ["off_track", "at_risk", "no_data", "on_track", "achieved"];
        return targets.Count == 0 ? "no_data" : targets.Select(t => t.Status).OrderBy(s => Array.IndexOf(order, s)).First();
    }

    internal sealed record TargetView(int? Year, string Kind, double? Value, string PrintedZh, string Rule, string Source);

    internal sealed record IndicatorView(string Id, string? PlanId, string NameZh, string NameEn, string Unit, string UnitZh, string Kind, string? Department, string Better,
        IReadOnlyList<TargetView> Targets);

    /// <param name="Status">observed, estimated or projected; null when there is no value.</param>
    /// <param name="Source">Where the value comes from: source ids and titles, with the notes on them in English.</param>
    /// <param name="SourceZh">The same with the notes in Chinese.</param>
    /// <param name="Note">For no data, the reason; for a reported stand-in, why the computed value is missing.</param>
    /// <param name="NoteZh">The same in Chinese.</param>
    internal sealed record ValueView(int Year, double? Value, string? Status, string? Source, string? SourceZh, string Basis, string? Note, string? NoteZh);

    /// <param name="Explanation">Why the status is what it is, in English words.</param>
    /// <param name="NoDataZh">For no_data, why the target cannot be judged, in Chinese.</param>
    internal sealed record EvaluationView(string IndicatorId, string NameZh, string NameEn, int? TargetYear, string TargetPrinted, string Rule, string TargetKind, double? TargetValue,
        string Region, int AsOfYear, string Status,
        double? LatestValue, int? LatestYear, string? LatestStatus, string? LatestSource, double? ExpectedValue, double? Shortfall, double? RequiredAnnualChange,
        bool EarlyWarning, string Explanation, string? NoDataZh, string TargetSource, bool Benchmark);

    internal sealed record OverviewItem(string Id, string PlanId, string NameZh, string NameEn, string Unit, string UnitZh, ValueView Latest, IReadOnlyList<EvaluationView> Targets,
        string Status);

    /// <param name="RefusedFigures">Stored figures the plan's data could not take, with the reason.</param>
    /// <param name="ProjectionNote">What is missing for targets ahead of the evaluation year.</param>
    /// <param name="Vintage">The vintage of the annual estimates the years between censuses rest on (their age structure,
    /// the city's TFR); null when none is stored, and those years are the projection's.</param>
    internal sealed record OverviewView(string Region, int AsOfYear, IReadOnlyList<OverviewItem> Indicators, IReadOnlyList<EvaluationView> EarlyWarnings,
        IReadOnlyList<string> RefusedFigures, string ProjectionNote, int? Vintage);

    /// <param name="Benchmark">True when the targets are the plan region's, held against this region's rate as benchmarks.</param>
    internal sealed record SeriesView(string Id, string NameZh, string NameEn, string Unit, string UnitZh, string Region, IReadOnlyList<ValueView> Values, IReadOnlyList<TargetView> Targets,
        bool Benchmark);

    internal sealed record FigureRow(int Year, string RegionCode, string Indicator, double Value, string Unit, string Department, string Status, string Source,
        string? Note, string Batch);
}
