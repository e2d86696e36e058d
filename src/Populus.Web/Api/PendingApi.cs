using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>
/// Endpoints whose service is not on main yet: projections and scenarios, public-service demand (branch scenarios). They answer 501 with the reason, so the cockpit shows 'no data'
/// instead of anything made up; each is replaced by its real endpoint class when the service lands.
/// </summary>
internal static class PendingApi
{
    public static void MapPendingApi(this IEndpointRouteBuilder app)
    {
        var projections = app.MapGroup("/api/v1/projections").WithTags("Projections").RequireAuthorization(Policies.CityWork);
        projections.MapGet("/scenarios", Projections).WithName("ListScenarios").WithSummary("Scenarios (not available yet: 501 with the reason).");
        projections.MapPost("/run", Projections).WithName("RunScenario").WithSummary("Runs a scenario to 2035 (not available yet).");
        projections.MapGet("/compare", Projections).WithName("CompareScenarios").WithSummary("Compares scenarios (not available yet).");
        app.MapGroup("/api/v1/services").WithTags("Projections").RequireAuthorization(Policies.ReadData)
            .MapGet("/demand", Services).WithName("GetServiceDemand").WithSummary("Public-service demand from a projection (not available yet).");
    }

    private static ProblemHttpResult Projections() => NotYet("the projection and scenario service (Wenzhou scenarios, projection, evaluation, goal seeking) is not on main yet; no projection is shown");

    private static ProblemHttpResult Services() => NotYet("public-service demand is computed from a projection, and the projection service is not on main yet");

    private static ProblemHttpResult NotYet(string reason) =>
        TypedResults.Problem(title: "Not available", detail: reason, statusCode: StatusCodes.Status501NotImplemented);
}
