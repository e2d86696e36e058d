using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Storage;
using Populus.Web.Formats;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>Regions (codes over time) and the plan's region groups, within the account's scope.</summary>
internal static class RegionsApi
{
    public static void MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Regions").RequireAuthorization(Policies.ReadData);
        group.MapGet("/regions", Regions).WithName("ListRegions")
            .WithSummary("Regions the account may read (a county viewer: its county and townships); ?level=city|county|township; ?format=csv.");
        group.MapGet("/groups", Groups).WithName("ListGroups")
            .WithSummary("Region groups (中心城区, 市域主中心, 市域副中心) with members and the plan's published figures; only groups wholly in scope.");
    }

    internal static Results<Ok<IReadOnlyList<RegionRow>>, ContentHttpResult> Regions(string? level, HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var scope = CurrentAccount.From(user).Scope;
        var rows = views.Cached($"regions|{scope}", () => store.For(scope).Regions())
            .Where(r => level is null || string.Equals(r.Level.ToString(), level, StringComparison.OrdinalIgnoreCase))
            .Select(r => new RegionRow(r.Code, r.NameZh, r.NameEn, r.Level.ToString().ToLowerInvariant(), r.ParentCode, r.ValidFrom, r.ValidTo, r.Note))
            .ToList();
        return OutputFormat.Rows<RegionRow>(request, rows);
    }

    internal static Ok<IReadOnlyList<GroupView>> Groups(ClaimsPrincipal user, IPopulusStore store)
    {
        var groups = store.For(CurrentAccount.From(user).Scope).Groups();
        return TypedResults.Ok((IReadOnlyList<GroupView>)[.. groups.Select(g => new GroupView(g.Name, g.NameEn,
            [.. g.Members.Select(m => new MemberView(m.RegionCode, m.Note))],
            [.. store.GroupReferences(g.Name).Select(r => new ReferenceView(r.Year, r.Indicator, r.Value, r.Unit, r.Provenance.Kind.Code(), r.Provenance.SourceId, r.Provenance.SourceTitle, r.Provenance.Note))]))]);
    }

    internal sealed record RegionRow(string Code, string NameZh, string? NameEn, string Level, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? Note);

    internal sealed record MemberView(string RegionCode, string? Note);

    internal sealed record ReferenceView(int Year, string Indicator, double Value, string Unit, string Status, string Source, string? SourceTitle, string? Note);

    internal sealed record GroupView(string Name, string? NameEn, IReadOnlyList<MemberView> Members, IReadOnlyList<ReferenceView> References);
}
