using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Demography;
using Populus.Planning.Scenarios;
using Populus.Planning.Services;
using Populus.Planning.Targets;
using Populus.Storage.Tabular;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>Scenario projections to 2035 (PlanMonitor's projector), their pyramids, comparisons and public-service demand.</summary>
internal static class ProjectionsApi
{
    public static void MapProjectionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projections").WithTags("Projections").RequireAuthorization(Policies.CityWork);
        group.MapGet("/scenarios", Scenarios).WithName("ListScenarios").WithSummary("The scenarios of data/scenarios with their descriptions.");
        group.MapPost("/run", Run).WithName("RunScenario")
            .WithSummary("Projects a scenario to 2035 with optional levers (tfr, lifeExpectancy, netMigration, graduateRetention): population path, yearly levels, and the plan's targets met or not.");
        group.MapGet("/compare", Compare).WithName("CompareScenarios").WithSummary("Resident population by year of several scenarios (?scenarios=baseline,plan&region=).");
        group.MapGet("/pyramid", Pyramid).WithName("GetProjectedPyramid").WithSummary("Projected males and females by five-year group (?scenario=&year=&region=).");
        app.MapGroup("/api/v1/services").WithTags("Projections").RequireAuthorization(Policies.ReadData)
            .MapGet("/demand", Demand).WithName("GetServiceDemand")
            .WithSummary("Public-service demand of a scenario's projection by region and service (?scenario=&year=); a county viewer gets its county.");
    }

    internal static Results<Ok<IReadOnlyList<ScenarioView>>, ProblemHttpResult> Scenarios(ScenarioService service) =>
        service.Monitor is { } m
            ? TypedResults.Ok((IReadOnlyList<ScenarioView>)[.. m.Scenarios.Select(s => new ScenarioView(s.Name, s.Description))])
            : Unavailable(service);

    internal static Results<Ok<RunView>, ProblemHttpResult> Run(RunRequest request, ScenarioService service, CockpitViews views)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        var problem = Check(request.Tfr, 0.3, 5, "tfr") ?? Check(request.LifeExpectancy, 40, 100, "lifeExpectancy")
                      ?? Check(request.NetMigration, -1_000_000, 1_000_000, "netMigration") ?? Check(request.GraduateRetention, 0, 100, "graduateRetention");
        if (problem is not null)
        {
            return problem;
        }

        var region = string.IsNullOrWhiteSpace(request.Region) ? monitor.Model.City : views.PlanRegionName(request.Region);
        if (region is null || !monitor.Plan.Regions.Contains(region))
        {
            return TypedResults.Problem(title: "Unknown region", detail: $"'{request.Region}' is not a region of the plan.", statusCode: StatusCodes.Status404NotFound);
        }

        ScenarioService.Projected projected;
        try
        {
            projected = service.Project(request.Scenario, new ScenarioLevers(request.Tfr, request.LifeExpectancy, request.NetMigration, request.GraduateRetention));
        }
        catch (InvalidInputException ex)
        {
            return TypedResults.Problem(title: "Unknown scenario", detail: ex.Errors[0].Reason, statusCode: StatusCodes.Status404NotFound);
        }

        var catalogue = monitor.Plan.Catalogue;
        var main = views.Plan.MainIndicators.Where(e => views.AppliesTo(e, region)).Select(e => e.Id).ToList();
        var indicators = service.IndicatorsOf(projected, region, main);
        var evaluator = new TargetEvaluator(views.Calculator(Storage.DataScope.All).Calculator);
        var asOf = views.DefaultAsOfYear;
        var evaluations = monitor.Plan.Book.Targets.Where(t => main.Contains(t.IndicatorId) && t.Year > asOf)
            .Select(t => IndicatorsApi.Evaluation(evaluator.Evaluate(monitor.Plan.Book, t, region, asOf, indicators))).ToList();
        var p = projected.Projection;
        var population = Enumerable.Range(p.BaseYear, p.LastYear - p.BaseYear + 1).Select(y => indicators.Get("resident_population", region, y))
            .Select(IndicatorsApi.Value).ToList();
        var entry = catalogue["resident_population"];
        var series = new IndicatorsApi.SeriesView(entry.Id, entry.NameZh, entry.NameEn, entry.Unit, region, population, [.. monitor.Plan.Book.For(entry.Id).Select(IndicatorsApi.Target)]);
        var years = p.Years.Select(y => new YearView(y.Year, p.Total(y.Year), y.Births, y.Deaths, y.NetMigrants, y.TotalFertility, y.MaleLifeExpectancy, y.FemaleLifeExpectancy)).ToList();
        return TypedResults.Ok(new RunView(projected.Name, projected.ElapsedMs, series, years, evaluations));
    }

    internal static Results<Ok<IReadOnlyList<CompareView>>, ProblemHttpResult> Compare(string? scenarios, string? region, ScenarioService service, CockpitViews views)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        var names = (scenarios ?? string.Join(',', monitor.Scenarios.Select(s => s.Name))).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var planRegion = string.IsNullOrWhiteSpace(region) ? monitor.Model.City : views.PlanRegionName(region) ?? region;
        var result = new List<CompareView>();
        foreach (var name in names)
        {
            try
            {
                var projected = service.Project(name, ScenarioLevers.None);
                var indicators = service.IndicatorsOf(projected, planRegion, ["resident_population"]);
                result.Add(new CompareView(name, [.. Enumerable.Range(projected.Projection.BaseYear + 1, ScenarioService.LastYear - projected.Projection.BaseYear)
                    .Select(y => indicators.Get("resident_population", planRegion, y)).Select(IndicatorsApi.Value)]));
            }
            catch (InvalidInputException ex)
            {
                return TypedResults.Problem(title: "Unknown scenario", detail: ex.Errors[0].Reason, statusCode: StatusCodes.Status404NotFound);
            }
        }

        return TypedResults.Ok((IReadOnlyList<CompareView>)result);
    }

    internal static Results<Ok<PopulationApi.PyramidView>, ProblemHttpResult> Pyramid(string? scenario, int? year, string? region, ScenarioService service, CockpitViews views)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        var projected = service.Project(scenario, ScenarioLevers.None);
        var p = projected.Projection;
        var y = Math.Clamp(year ?? ScenarioService.LastYear, p.BaseYear, p.LastYear);
        var name = string.IsNullOrWhiteSpace(region) ? monitor.Model.City : views.PlanRegionName(region) ?? region;
        int? county = name == monitor.Model.City ? null : p.Regions.ToList().IndexOf(name);
        if (county == -1)
        {
            return TypedResults.Problem(title: "Not a projected region", detail: $"{name} is not a county of the projection.", statusCode: StatusCodes.Status404NotFound);
        }

        var population = p.Population(y, county);
        var labels = new List<string>();
        var male = new List<double?>();
        var female = new List<double?>();
        for (var from = 0; from <= 85; from += 5)
        {
            var to = from == 85 ? int.MaxValue : from + 4;
            labels.Add(from == 85 ? "85+" : $"{from}-{from + 4}");
            male.Add(Sum(population.Male, from, to));
            female.Add(Sum(population.Female, from, to));
        }

        return TypedResults.Ok(new PopulationApi.PyramidView(name, new DateOnly(y, 12, 31), labels, male, female, [$"projected ({projected.Name})"], null));
    }

    internal static Results<Ok<IReadOnlyList<DemandRow>>, ProblemHttpResult> Demand(string? scenario, int? year, ClaimsPrincipal user, ScenarioService service, CockpitViews views)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        var me = CurrentAccount.From(user);
        var projected = service.Project(scenario, ScenarioLevers.None);
        var y = Math.Clamp(year ?? ScenarioService.LastYear, projected.Projection.BaseYear, projected.Projection.LastYear);
        var regions = ServiceDemand.RegionsAndCity(projected.Projection).ToList();
        if (me.Scope.CountyCode is { } county)
        {
            var own = views.PlanRegionName(county);
            regions = [.. regions.Where(r => r.Name == own)];
        }

        var rows = ServiceDemand.Compute(projected.Projection, monitor.Standards, regions, y, y)
            .Select(r => new DemandRow(r.Scenario, r.Region, r.Year, r.Standard.Id, r.Standard.NameZh, r.Standard.NameEn, r.Standard.Unit, r.Residents, r.Demand))
            .ToList();
        return TypedResults.Ok((IReadOnlyList<DemandRow>)rows);
    }

    private static double Sum(PopulationByAge population, int from, int to)
    {
        var total = 0.0;
        for (var i = 0; i < population.Count; i++)
        {
            var start = population.Ages.Start(i);
            if (start >= from && start <= to)
            {
                total += population[i];
            }
        }

        return total;
    }

    private static ProblemHttpResult? Check(double? value, double min, double max, string name) =>
        value is { } v && (double.IsNaN(v) || v < min || v > max)
            ? TypedResults.Problem(title: "Lever out of range", detail: string.Create(CultureInfo.InvariantCulture, $"{name} = {v}: between {min} and {max}."), statusCode: StatusCodes.Status400BadRequest)
            : null;

    private static ProblemHttpResult Unavailable(ScenarioService service) =>
        TypedResults.Problem(title: "Not available", detail: service.Missing, statusCode: StatusCodes.Status503ServiceUnavailable);

    internal sealed record ScenarioView(string Name, string Description);

    internal sealed record RunRequest(string? Scenario, double? Tfr, double? LifeExpectancy, double? NetMigration, double? GraduateRetention, string? Region);

    internal sealed record YearView(int Year, double Residents, double Births, double Deaths, double NetMigrants, double Tfr, double MaleLifeExpectancy, double FemaleLifeExpectancy);

    /// <param name="ElapsedMs">Time the projection took on the server (0 when it was already made).</param>
    internal sealed record RunView(string Scenario, double ElapsedMs, IndicatorsApi.SeriesView Population, IReadOnlyList<YearView> Years, IReadOnlyList<IndicatorsApi.EvaluationView> Targets);

    internal sealed record CompareView(string Scenario, IReadOnlyList<IndicatorsApi.ValueView> ResidentPopulation);

    internal sealed record DemandRow(string Scenario, string Region, int Year, string Service, string NameZh, string NameEn, string Unit, double Residents, double Demand);
}
