using System.Security.Claims;
using Populus.Services.Talent;
using Populus.Storage.Services;
using Populus.Web.Security;
using Populus.Web.Services;

namespace Populus.Web.Api;

/// <summary>
/// Talent and graduate retention (留温/离温): the local-graduate retention rate by graduation year and retention by
/// intake cohort after 1, 3 and 5 years. A county viewer's figures are computed from its county's records only.
/// </summary>
internal static class TalentApi
{
    public static void MapTalentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/services/talent").WithTags("Talent").RequireAuthorization(Security.Policies.ReadData);
        group.MapGet("/retention", Retention).WithName("GetGraduateRetention")
            .WithSummary("Local-graduate retention rate (在温高校应届毕业生留温率) by graduation year: employed locally / all graduates, with the batches it comes from.");
        group.MapGet("/cohorts", Cohorts).WithName("GetCohortRetention")
            .WithSummary("Of each intake year's talent, still local / left / not yet known after ?after=1,3,5 years (?category=A…F); the rate is over the known.");
    }

    internal static IResult Retention(ClaimsPrincipal user, ServiceDesk desk)
    {
        var scope = CurrentAccount.From(user).Scope;
        return TypedResults.Ok(GraduateRetention.ByYear([.. desk.Store.Services.Graduates().Where(g => scope.Allows(g.RegionCode))]));
    }

    internal static IResult Cohorts(string? category, string? after, ClaimsPrincipal user, ServiceDesk desk)
    {
        var (horizons, wrong) = CohortRetention.Horizons(after);
        if (wrong is not null)
        {
            return ServiceProblems.Invalid("after", wrong);
        }

        if (CohortRetention.CategoryProblem(category) is { } problem)
        {
            return ServiceProblems.Invalid("category", problem);
        }

        var scope = CurrentAccount.From(user).Scope;
        var intake = desk.Store.Services.TalentIntake().Where(p => scope.Allows(p.RegionCode)).ToList();
        return TypedResults.Ok(CohortRetention.Compute(intake, horizons, category));
    }
}
