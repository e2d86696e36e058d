using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Demography;
using Populus.Planning.Data;
using Populus.Planning.GoalSeeking;
using Populus.Planning.Scenarios;
using Populus.Planning.Services;
using Populus.Planning.Targets;
using Populus.Storage.Scenarios;
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
        // The scenarios' names are what every reader's probabilities and service demand are labelled with (基准情景).
        app.MapGet("/api/v1/projections/scenarios", Scenarios).WithTags("Projections").RequireAuthorization(Policies.ReadData)
            .WithName("ListScenarios").WithSummary("The scenarios of data/scenarios with their descriptions.");
        group.MapPost("/run", Run).WithName("RunScenario")
            .WithSummary("Projects a scenario to 2035 with optional levers (tfr, lifeExpectancy, netMigration, graduateRetention): population path, yearly levels, and the plan's targets met or not; with probabilities: true, the probability each target is met over the cockpit's trajectories (seed: default 2024).");
        group.MapPost("/goal", Goal).WithName("SeekGoal")
            .WithSummary("Goal seeking (目标倒推): the level of one lever (net-migration, tfr, e0, retention), held every year after the last observed one to the target's, at which a scenario meets a plan target (indicator, year, region); with probability (e.g. 0.8), at which that share of the cockpit's trajectories meets it.");
        group.MapGet("/compare", Compare).WithName("CompareScenarios").WithSummary("Resident population by year of several scenarios (?scenarios=baseline,plan&region=).");
        group.MapGet("/pyramid", Pyramid).WithName("GetProjectedPyramid").WithSummary("Projected males and females by five-year group (?scenario=&year=&region=).");
        app.MapGroup("/api/v1/services").WithTags("Projections").RequireAuthorization(Policies.ReadData)
            .MapGet("/demand", Demand).WithName("GetServiceDemand")
            .WithSummary("Public-service demand of a scenario's projection by region and service (?scenario=&year=); a county viewer gets its county.");
    }

    internal static Results<Ok<IReadOnlyList<ScenarioView>>, ProblemHttpResult> Scenarios(ScenarioService service) =>
        service.Monitor is { } m
            ? TypedResults.Ok((IReadOnlyList<ScenarioView>)[.. m.Scenarios.Select(s => new ScenarioView(s.Name, s.NameZh, s.Description))])
            : Unavailable(service);

    internal static Results<Ok<RunView>, ProblemHttpResult> Run(RunRequest request, ScenarioService service, CockpitViews views, CancellationToken cancel)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        var problem = CheckLevers(request.Tfr, request.LifeExpectancy, request.NetMigration, request.GraduateRetention) ?? ParameterProblems.Scenario(request.Scenario, monitor);
        if (problem is not null)
        {
            return problem;
        }

        var region = string.IsNullOrWhiteSpace(request.Region) ? monitor.Model.City : views.PlanRegionName(request.Region);
        if (region is null || !monitor.Plan.Regions.Contains(region))
        {
            return NotAPlanRegion(request.Region);
        }

        var projected = service.Project(request.Scenario, new ScenarioLevers(request.Tfr, request.LifeExpectancy, request.NetMigration, request.GraduateRetention));

        var catalogue = monitor.Plan.Catalogue;
        var main = views.Plan.MainIndicators.Where(e => views.AppliesTo(e, region)).Select(e => e.Id).ToList();
        var indicators = service.IndicatorsOf(projected, region, main);
        var evaluator = new TargetEvaluator(views.Calculator(Storage.DataScope.All).Calculator);
        var asOf = views.DefaultAsOfYear;
        var made = monitor.Plan.Book.HeldAgainst(region).Where(t => main.Contains(t.IndicatorId) && t.Year > asOf)
            .Select(t => evaluator.Evaluate(monitor.Plan.Book, t, region, asOf, indicators)).ToList();
        var evaluations = made.Select(e => IndicatorsApi.Evaluation(e, catalogue)).ToList();
        var p = projected.Projection;
        var population = Enumerable.Range(p.BaseYear, p.LastYear - p.BaseYear + 1).Select(y => indicators.Get("resident_population", region, y))
            .Select(IndicatorsApi.Value).ToList();
        var entry = catalogue["resident_population"];
        var (targets, benchmark) = IndicatorsApi.TargetsOf(monitor.Plan.Book, entry, catalogue.Regions.KeyOrSelf(region));
        var series = new IndicatorsApi.SeriesView(entry.Id, entry.NameZh, entry.NameEn, entry.Unit, entry.UnitZh, region, population, targets, benchmark);
        // The city's both-sexes e0 as monitoring computes it: the level the e0 lever sets, where the slider stands on the scenario's path.
        double? LifeExpectancy(int year) => catalogue.Contains(LifeExpectancyIndicator) && projected.Calculator.Recompute(LifeExpectancyIndicator, monitor.Model.City, year) is { HasValue: true } e0 ? e0.Value : null;
        var years = p.Years.Select(y => new YearView(y.Year, p.Total(y.Year), y.Births, y.Deaths, y.NetMigrants, y.TotalFertility, y.MaleLifeExpectancy, y.FemaleLifeExpectancy,
            LifeExpectancy(y.Year))).ToList();
        ProbabilitiesView? probabilities = null;
        if (request.Probabilities == true)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var levers = new ScenarioLevers(request.Tfr, request.LifeExpectancy, request.NetMigration, request.GraduateRetention);
            var seed = request.Seed ?? PlanMonitor.DefaultSeed;
            try
            {
                var run = service.RunToJudge(request.Scenario, levers, region, seed, evaluator, made, cancel);
                var values = run.Probabilities(evaluator, monitor.Plan.Book, made);
                probabilities = new ProbabilitiesView(run.Trajectories, run.Seed, values, [.. made.Select(e => ProbabilitiesApi.Varies(run, e))],
                    clock.Elapsed.TotalMilliseconds, ProbabilitiesApi.Note(run, monitor), ProbabilitiesApi.Fan(run, "resident_population", region, views));
            }
            catch (InvalidInputException ex)
            {
                return ProbabilitiesApi.CannotRun(ex);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // The page gave this slider move up for the next (it aborts the request): its run stopped.
                return TypedResults.Problem(title: "Request given up", statusCode: StatusCodes.Status499ClientClosedRequest);
            }
        }

        return TypedResults.Ok(new RunView(projected.Name, projected.Projection.Scenario.NameZh, projected.ElapsedMs, series, years, evaluations, probabilities,
            monitor.PublishedYearEnds, [.. monitor.PublishedRegionYearEnds.Select(r => new RegionsCalibrationView(r.Year,
                [.. monitor.Model.Counties.Select(c => c.Region).Where(r.Residents.ContainsKey)], monitor.Model.Counties.Count, r.Source))]));
    }

    internal static Results<Ok<GoalView>, ProblemHttpResult> Goal(GoalRequest request, ScenarioService service, CockpitViews views)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        if (request.Lever is null || !ScenarioGoal.Named.TryGetValue(request.Lever, out var which))
        {
            var levers = string.Join(", ", ScenarioGoal.Named.Keys);
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Unknown lever", $"lever '{request.Lever}': one of {levers}.", $"调节量“{request.Lever}”：应为以下之一：{levers}");
        }

        var problem = CheckLevers(request.Tfr, request.LifeExpectancy, request.NetMigration, request.GraduateRetention) ?? ParameterProblems.Scenario(request.Scenario, monitor);
        if (problem is not null)
        {
            return problem;
        }

        if (request.Probability is { } p && !(p > 0 && p < 1))
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Probability out of range", string.Create(CultureInfo.InvariantCulture, $"probability = {p}: strictly between 0 and 1 (0.8 for 80%)."),
                string.Create(CultureInfo.InvariantCulture, $"probability = {p}：应严格介于 0 与 1 之间（80% 写作 0.8）"));
        }

        var region = string.IsNullOrWhiteSpace(request.Region) ? monitor.Model.City : views.PlanRegionName(request.Region);
        if (region is null || !monitor.Plan.Regions.Contains(region))
        {
            return NotAPlanRegion(request.Region);
        }

        try
        {
            var target = monitor.GoalTarget(request.Indicator ?? "", request.Year);
            if (monitor.Plan.Catalogue[target.IndicatorId] is { Formula: null } reported)
            {
                // A reported indicator (birth defects, skilled talent) is the department's figure: no lever of the projection moves it.
                return ParameterProblems.Invalid("indicator", reported.Id, title: "Cannot seek this target", expected: new(
                    $"{reported.NameEn} is reported by {reported.Department ?? "a department"}, not computed from the projection, so no lever can be sought for its target",
                    $"{reported.NameZh}由{reported.Department ?? "部门"}报送，不由人口预测计算，无法为其目标倒推杠杆"));
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var seed = request.Seed ?? PlanMonitor.DefaultSeed;
            var held = new ScenarioLevers(request.Tfr, request.LifeExpectancy, request.NetMigration, request.GraduateRetention);
            var (result, scenario) = service.Goal(request.Scenario, held, target, region, which, request.Probability, seed);
            var l = result.Lever;
            return TypedResults.Ok(new GoalView(target.IndicatorId, target.Year, target.PrintedZh, target.Rule.ToString(), region,
                scenario.Name, scenario.NameZh, request.Lever!, l.Name, l.Unit, l.Minimum, l.Maximum,
                monitor.LeversFrom, result.Outcome.ToString(), result.Boundary, result.LeverValue, result.IndicatorValue, result.Sensitivity,
                result.ValueAtMinimum, result.ValueAtMaximum, result.Message, request.Probability,
                request.Probability is null ? null : service.Trajectories, request.Probability is null ? null : seed, clock.Elapsed.TotalMilliseconds));
        }
        catch (InvalidInputException ex)
        {
            var error = ex.Errors[0];
            return BilingualProblem.Of(StatusCodes.Status404NotFound, error.Column == "indicator" ? "Unknown indicator" : "No such target",
                $"{error.Column} '{error.Value}': {error.Reason}", $"{error.Column}“{error.Value}”：{error.ReasonZh ?? error.Reason}");
        }
        catch (GoalSeekRefusedException ex)
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Cannot seek this target", ex.Reason.English + ".", ex.Reason.Chinese);
        }
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
            if (ParameterProblems.Scenario(name, monitor) is { } unknown)
            {
                return unknown;
            }

            var projected = service.Project(name, ScenarioLevers.None);
            var indicators = service.IndicatorsOf(projected, planRegion, ["resident_population"]);
            result.Add(new CompareView(name, [.. Enumerable.Range(projected.Projection.BaseYear + 1, ScenarioService.LastYear - projected.Projection.BaseYear)
                .Select(y => indicators.Get("resident_population", planRegion, y)).Select(IndicatorsApi.Value)]));
        }

        return TypedResults.Ok((IReadOnlyList<CompareView>)result);
    }

    internal static Results<Ok<PopulationApi.PyramidView>, ProblemHttpResult> Pyramid(string? scenario, int? year, string? region, ScenarioService service, CockpitViews views)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        if ((ParameterProblems.Scenario(scenario, monitor) ?? ProjectedYear(year, monitor)) is { } problem)
        {
            return problem;
        }

        var projected = service.Project(scenario, ScenarioLevers.None);
        var p = projected.Projection;
        var y = year ?? ScenarioService.LastYear;
        var name = string.IsNullOrWhiteSpace(region) ? monitor.Model.City : views.PlanRegionName(region) ?? region;
        int? county = name == monitor.Model.City ? null : p.Regions.ToList().IndexOf(name);
        if (county == -1)
        {
            return BilingualProblem.Of(StatusCodes.Status404NotFound, "Not a projected region", $"{name} is not a county of the projection.", $"{name}不是预测中的区县");
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

        return TypedResults.Ok(new PopulationApi.PyramidView(name, new DateOnly(y, 12, 31), labels, male, female, [$"projected ({projected.Name})"], null, null));
    }

    internal static Results<Ok<IReadOnlyList<DemandRow>>, ProblemHttpResult> Demand(string? scenario, int? year, ClaimsPrincipal user, ScenarioService service, CockpitViews views)
    {
        if (service.Monitor is not { } monitor)
        {
            return Unavailable(service);
        }

        if ((ParameterProblems.Scenario(scenario, monitor) ?? ProjectedYear(year, monitor)) is { } problem)
        {
            return problem;
        }

        var me = CurrentAccount.From(user);
        var projected = service.Project(scenario, ScenarioLevers.None);
        var y = year ?? ScenarioService.LastYear;
        var regions = ServiceDemand.RegionsAndCity(projected.Projection).ToList();
        if (me.Scope.CountyCode is { } county)
        {
            var own = views.PlanRegionName(county);
            regions = [.. regions.Where(r => r.Name == own)];
        }

        var rows = ServiceDemand.Compute(projected.Projection, monitor.Standards, regions, y, y)
            .Select(r => new DemandRow(r.Scenario, r.Region, r.Year, r.Standard.Id, r.Standard.NameZh, r.Standard.NameEn, r.Standard.Unit, r.Standard.UnitZh, r.Residents, r.Demand))
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

    /// <summary>400 when a year is given that the projection does not hold (its base year to <see cref="ScenarioService.LastYear"/>).</summary>
    private static ProblemHttpResult? ProjectedYear(int? year, Storage.Scenarios.PlanMonitor monitor) =>
        ParameterProblems.Year("year", year, monitor.Model.BaseYear, ScenarioService.LastYear,
            new($"the projection starts from its {monitor.Model.BaseYear} base and ends at the plan's horizon", $"预测以 {monitor.Model.BaseYear} 年为基期，止于规划期末"));

    /// <summary>The lowest life expectancy the lever takes: the projection reaches a level by scaling each year's WPP 2024
    /// death rates by one factor (LifeExpectancyCalibration), and for men below about 64 years (the lever at 67, the
    /// scenarios' female–male gap of about 5.7 years) the scaled rates at old ages leave the life table's range.
    /// 70 keeps a margin for the years and scenarios whose rates differ.</summary>
    private const double LowestLifeExpectancy = 70;

    /// <summary>The catalogue's indicator of life expectancy at birth of both sexes (人均预期寿命, e0()).</summary>
    private const string LifeExpectancyIndicator = "life_expectancy";

    /// <summary>The levers within the ranges the scenario's assumptions accept (<see cref="ScenarioAssumptions.Range"/>;
    /// life expectancy from <see cref="LowestLifeExpectancy"/>), else the first refused.</summary>
    private static ProblemHttpResult? CheckLevers(double? tfr, double? lifeExpectancy, double? netMigration, double? graduateRetention) =>
        Check(tfr, ScenarioAssumption.TotalFertility, "tfr")
        ?? Check(lifeExpectancy, "lifeExpectancy", LowestLifeExpectancy, ScenarioAssumption.LifeExpectancy.Range().Maximum,
            new("the projection scales each year's death rates to the level, and below it the scaled rates at old ages leave the life table's range",
                "预测按比例缩放各年死亡率以达到该水平，低于下限时高龄死亡率超出生命表的范围"))
        ?? Check(netMigration, ScenarioAssumption.NetMigration, "netMigration") ?? Check(graduateRetention, ScenarioAssumption.GraduateRetention, "graduateRetention");

    private static ProblemHttpResult? Check(double? value, ScenarioAssumption assumption, string name) =>
        Check(value, name, assumption.Range().Minimum, assumption.Range().Maximum,
            new($"the range scenario files accept for {assumption.Name()}", $"情景文件中 {assumption.Name()} 的取值范围"));

    private static ProblemHttpResult? Check(double? value, string name, double min, double max, Reason why) =>
        value is { } v && (double.IsNaN(v) || v < min || v > max)
            ? ParameterProblems.Invalid(name, v.ToString(CultureInfo.InvariantCulture),
                new Reason(string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}"), string.Create(CultureInfo.InvariantCulture, $"应在 {min} 与 {max} 之间")).Because(why))
            : null;

    /// <summary>503: the server has no projection (its scenario files could not be read), with why.</summary>
    internal static ProblemHttpResult Unavailable(ScenarioService service) =>
        BilingualProblem.Of(StatusCodes.Status503ServiceUnavailable, "Not available", service.Missing ?? "", $"服务器没有可用的情景预测（{service.Missing}）");

    private static ProblemHttpResult NotAPlanRegion(string? region) =>
        BilingualProblem.Of(StatusCodes.Status404NotFound, "Unknown region", $"'{region}' is not a region of the plan.", $"“{region}”不是规划中的地区");

    /// <param name="NameZh">The name the Chinese interface shows (基准情景; the name itself when the scenario file gives none).</param>
    internal sealed record ScenarioView(string Name, string NameZh, string Description);

    /// <param name="Probabilities">Also the probability of each target over the cockpit's trajectories (about half a second the first time).</param>
    /// <param name="Seed">The trajectories' seed (default 2024).</param>
    internal sealed record RunRequest(string? Scenario, double? Tfr, double? LifeExpectancy, double? NetMigration, double? GraduateRetention, string? Region,
        bool? Probabilities = null, ulong? Seed = null);

    /// <param name="Values">The probability of each target of <see cref="RunView.Targets"/>, in its order (null: not computed from population).</param>
    /// <param name="ElapsedMs">Time the trajectories and probabilities took on the server (≈ 0 when the run was already made).</param>
    /// <param name="Varies">For each target, whether the trajectories move its indicator (false: the probability is the deterministic 0 or 1).</param>
    /// <param name="Population">The resident population's median and bands in the years the run holds it: every projected year
    /// with no lever moved, the targets' years with one (the run keeps what judging them reads); null when the
    /// trajectories do not give it for the region.</param>
    internal sealed record ProbabilitiesView(int Trajectories, ulong Seed, IReadOnlyList<double?> Values, IReadOnlyList<bool?> Varies, double ElapsedMs, string Note,
        ProbabilitiesApi.FanView? Population);

    internal sealed record YearView(int Year, double Residents, double Births, double Deaths, double NetMigrants, double Tfr, double MaleLifeExpectancy, double FemaleLifeExpectancy,
        double? LifeExpectancy);

    /// <param name="ElapsedMs">Time the projection took on the server (0 when it was already made).</param>
    /// <param name="ScenarioZh">The scenario's name for a Chinese reader, the levers in Chinese words (基准情景 [总和生育率=1.5]).</param>
    /// <param name="CalibratedTo">The year ends published after the scenario files that the scenario is calibrated to
    /// (PlanMonitor.PublishedYearEnds: residents, births, urban share, source); empty when there are none.</param>
    /// <param name="RegionsCalibratedTo">The years whose counties' published year ends the scenario's counties are calibrated
    /// to (PlanMonitor.PublishedRegionYearEnds); empty when there are none.</param>
    internal sealed record RunView(string Scenario, string ScenarioZh, double ElapsedMs, IndicatorsApi.SeriesView Population, IReadOnlyList<YearView> Years, IReadOnlyList<IndicatorsApi.EvaluationView> Targets,
        ProbabilitiesView? Probabilities, IReadOnlyList<Planning.Scenarios.ObservedYearEnd> CalibratedTo, IReadOnlyList<RegionsCalibrationView> RegionsCalibratedTo);

    /// <summary>A year whose published county year ends the scenario's counties are calibrated to.</summary>
    /// <param name="Regions">The counties published that year (the others share the rest in proportion to their residents).</param>
    /// <param name="Of">How many counties the city has.</param>
    internal sealed record RegionsCalibrationView(int Year, IReadOnlyList<string> Regions, int Of, string Source);

    /// <param name="Lever">The lever asked for (net-migration, tfr, e0, retention); <paramref name="Probability"/>: null for the central path.</param>
    /// <param name="Tfr">The other levers, held over the scenario's assumptions as in <see cref="RunRequest"/> (the scenario explorer's sliders); the sought one is ignored.</param>
    internal sealed record GoalRequest(string? Indicator, int Year, string? Lever, string? Scenario, string? Region, double? Probability = null, ulong? Seed = null,
        double? Tfr = null, double? LifeExpectancy = null, double? NetMigration = null, double? GraduateRetention = null);

    /// <param name="Outcome">Reached, MetAcrossRange or Unreachable.</param>
    /// <param name="Boundary">The figure the indicator (or, with a probability, its quantile) must reach.</param>
    /// <param name="Level">The lever's level that reaches it, held every year from <paramref name="FirstYear"/> to the target year (Reached).</param>
    /// <param name="Sensitivity">d indicator / d lever there.</param>
    /// <param name="Scenario">The scenario with the other levers held (its name lists them).</param>
    /// <param name="ScenarioZh">The same for a Chinese reader.</param>
    /// <param name="ElapsedMs">Time the seek took on the server (≈ 0 when the same question was answered before).</param>
    internal sealed record GoalView(string IndicatorId, int? TargetYear, string TargetPrinted, string Rule, string Region, string Scenario, string ScenarioZh,
        string Lever, string LeverName, string LeverUnit, double LeverMinimum, double LeverMaximum, int FirstYear,
        string Outcome, double Boundary, double? Level, double? IndicatorValue, double? Sensitivity, double ValueAtMinimum, double ValueAtMaximum, string Message,
        double? Probability, int? Trajectories, ulong? Seed, double ElapsedMs);

    internal sealed record CompareView(string Scenario, IReadOnlyList<IndicatorsApi.ValueView> ResidentPopulation);

    internal sealed record DemandRow(string Scenario, string Region, int Year, string Service, string NameZh, string NameEn, string Unit, string UnitZh, double Residents, double Demand);
}
