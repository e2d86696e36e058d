using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Storage;
using Populus.Web.Formats;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>
/// The annual population estimates (年度人口估计; docs/estimates.md) for the departments that plan on them: the stored
/// vintages with what each rests on, each vintage's year-end residents by county-level unit, sex and single age, and
/// its components of change. Every row is estimated, with its vintage's source and the period's note, but for the births
/// and deaths of a period nothing was published for, which are projected (docs/estimates.md); a county viewer
/// reads its county's rows only (on PostgreSQL also by row-level security). Vintages are made at the command line
/// (`populus estimate`), as a release is: the API only reads them.
/// </summary>
internal static class EstimatesApi
{
    public static void MapEstimatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/estimates").WithTags("Population").RequireAuthorization(Policies.ReadData);
        group.MapGet("/", Vintages).WithName("ListEstimateVintages")
            .WithSummary("The stored vintages of the annual estimates, oldest first: base and last date, when made, the method and what each period rests on.");
        group.MapGet("/population", Population).WithName("GetPopulationEstimates")
            .WithSummary("A vintage's year-end residents by sex and single age (?vintage= default the latest, &region=&year=&sex=&format=csv), each estimated with its source and note.");
        group.MapGet("/components", Components).WithName("GetComponentEstimates")
            .WithSummary("A vintage's births (by the mother's age), deaths and net migrants of each period (?vintage=&region=&year=&component=births|deaths|net_migration&format=csv).");
    }

    internal static Ok<IReadOnlyList<VintageView>> Vintages(ClaimsPrincipal user, IPopulusStore store) =>
        TypedResults.Ok<IReadOnlyList<VintageView>>([.. store.For(CurrentAccount.From(user).Scope).Vintages()
            .Select(v => new VintageView(v.Vintage, v.BaseDate, v.LastDate, v.CreatedAtUtc, v.Method, v.Inputs.Split(" | ")))]);

    internal static Results<Ok<IReadOnlyList<EstimateRow>>, ContentHttpResult, ProblemHttpResult> Population(int? vintage, string? region, int? year, string? sex,
        HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        if (ParameterProblems.OneOf("sex", sex, ["male", "female"]) is { } bad)
        {
            return bad;
        }

        if (!TryAsk(vintage, region, user, store, views, out var reader, out var v, out var code, out var problem))
        {
            return problem!;
        }

        var rows = reader.PopulationEstimates(v, code)
            .Where(f => (year is null || f.ReferenceDate.Year == year) && (string.IsNullOrWhiteSpace(sex) || f.Sex == sex.Trim().ToLowerInvariant()))
            .Select(f => new EstimateRow(f.Vintage, f.ReferenceDate, null, f.RegionCode, "population", f.Sex, f.Age, f.Persons,
                f.Provenance.Kind.Code(), f.Provenance.SourceId, f.Provenance.Note))
            .ToList();
        return OutputFormat.RowsOrProblem<EstimateRow>(request, rows);
    }

    internal static Results<Ok<IReadOnlyList<EstimateRow>>, ContentHttpResult, ProblemHttpResult> Components(int? vintage, string? region, int? year, string? component,
        HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        if (ParameterProblems.OneOf("component", component, ["births", "deaths", "net_migration"]) is { } bad)
        {
            return bad;
        }

        if (!TryAsk(vintage, region, user, store, views, out var reader, out var v, out var code, out var problem))
        {
            return problem!;
        }

        var rows = reader.ComponentEstimates(v, code)
            .Where(f => (year is null || f.PeriodEnd.Year == year) && (string.IsNullOrWhiteSpace(component) || f.Component == component.Trim().ToLowerInvariant()))
            .Select(f => new EstimateRow(f.Vintage, f.PeriodEnd, f.PeriodStart, f.RegionCode, f.Component, f.Sex, f.Age, f.Persons,
                f.Provenance.Kind.Code(), f.Provenance.SourceId, f.Provenance.Note))
            .ToList();
        return OutputFormat.RowsOrProblem<EstimateRow>(request, rows);
    }

    /// <summary>The account's scoped reader, the vintage asked for (the latest when none) and the region (a code in the
    /// account's scope, or null for every region it may read), or the problem: no vintage stored yet, one not stored, a
    /// region unknown or outside the scope.</summary>
    private static bool TryAsk(int? asked, string? region, ClaimsPrincipal user, IPopulusStore store, CockpitViews views,
        out IScopedReader reader, out int vintage, out string? code, out ProblemHttpResult? problem)
    {
        var me = CurrentAccount.From(user);
        reader = store.For(me.Scope);
        (vintage, code, problem) = (0, null, null);
        var stored = reader.Vintages().Select(v => v.Vintage).ToList();
        if (stored.Count == 0)
        {
            problem = BilingualProblem.Of(StatusCodes.Status404NotFound, "No estimates yet",
                "No vintage of the annual estimates is stored yet: an analyst makes one at the command line (populus estimate).",
                "尚未生成年度人口估计：分析人员可在命令行运行 populus estimate 生成");
            return false;
        }

        if (asked is { } a && !stored.Contains(a))
        {
            problem = BilingualProblem.Of(StatusCodes.Status404NotFound, "No such vintage",
                $"Vintage {a} of the annual estimates is not stored; the stored ones are {string.Join(", ", stored)}.",
                $"没有第{a}版年度人口估计；已有：{string.Join("、", stored)}");
            return false;
        }

        vintage = asked ?? stored[^1];
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (!RegionAccess.TryResolve(region, me, views, out var resolved, out problem))
            {
                return false;
            }

            code = resolved;
        }

        return true;
    }

    /// <param name="Inputs">What each period rests on: the published figures used and what was filled in.</param>
    internal sealed record VintageView(int Vintage, DateOnly BaseDate, DateOnly LastDate, DateTime CreatedAtUtc, string Method, IReadOnlyList<string> Inputs);

    /// <param name="Date">The reference date: a year end (or the base date) for residents, a period's end for a component.</param>
    /// <param name="PeriodStart">A component's period start (the 2020 period begins on the census day); null for residents.</param>
    /// <param name="Measure">population, births (by the mother's age and the child's sex), deaths or net_migration (by the age at the period's end).</param>
    /// <param name="Status">estimated; projected for a component the previous period's fertility or mortality carried on.</param>
    /// <param name="Note">The period's note: what was published and what was filled in.</param>
    internal sealed record EstimateRow(int Vintage, DateOnly Date, DateOnly? PeriodStart, string Region, string Measure, string Sex, string Age, double Persons,
        string Status, string Source, string? Note);
}
