using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Demography;
using Populus.Demography.Stochastic;
using Populus.Planning.Scenarios;
using Populus.Planning.Services;
using Populus.Planning.Targets;
using Populus.Storage;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;
using Populus.Web.Formats;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>Probabilistic projection in the cockpit: the probability that each plan target is met, fan-chart quantiles
/// of the target indicators and a probabilistic pyramid (docs/cockpit.md "Probabilities").</summary>
internal static class ProbabilitiesApi
{
    public static void MapProbabilitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/probabilities").WithTags("Indicators").RequireAuthorization(Policies.ReadData);
        group.MapGet("/", Targets).WithName("GetTargetProbabilities").Produces<ProbabilityView>()
            .WithSummary("Probability each plan target of a region is met, and fan-chart quantiles (median, 80% and 95%) of its indicators (?region=&scenario=&seed=&asOf=).");
        group.MapGet("/pyramid", Pyramid).WithName("GetProbabilisticPyramid").Produces<PyramidView>()
            .WithSummary("Projected males and females by five-year group: median with 80% and 95% bands (?region=&year=&scenario=&seed=).");
        app.MapGroup("/api/v1/services").WithTags("Projections").RequireAuthorization(Policies.ReadData)
            .MapGet("/demand/fan", ServiceFans).WithName("GetServiceDemandFans").Produces<ServiceFansView>()
            .WithSummary("Each public service's demand in a region by year: the scenario's projection, and the median with 80% and 95% bands of the cockpit's trajectories (?region=&scenario=&seed=&format=csv).");
    }

    internal static Results<Ok<ProbabilityView>, ProblemHttpResult> Targets(string? region, string? scenario, ulong? seed, int? asOf,
        ClaimsPrincipal user, IPopulusStore store, CockpitViews views, ScenarioService scenarios)
    {
        var me = CurrentAccount.From(user);
        if (ParameterProblems.PlanYear("asOf", asOf) is { } bad)
        {
            return bad;
        }

        if (!IndicatorsApi.TryPlanRegion(region, me, store, views, out var name, out var problem))
        {
            return problem!;
        }

        if (scenarios.Monitor is not { } monitor)
        {
            return ProjectionsApi.Unavailable(scenarios);
        }

        if (ParameterProblems.Scenario(scenario, monitor) is { } unknown)
        {
            return unknown;
        }

        var year = asOf ?? views.DefaultAsOfYear;
        var s = seed ?? PlanMonitor.DefaultSeed;
        try
        {
            var view = views.Cached($"probabilities|{me.Scope}|{name}|{scenario}|{s}|{year}", () =>
            {
                var run = scenarios.Run(scenario, name, s);
                var evaluations = views.Evaluations(me.Scope, name, year, scenario);
                var probabilities = run.Probabilities(new TargetEvaluator(views.Calculator(me.Scope).Calculator), views.Plan.Targets, evaluations);
                var catalogue = views.Plan.Catalogue;
                var targets = evaluations.Select((e, i) => new TargetProbabilityView(e.Target.IndicatorId, catalogue[e.Target.IndicatorId].NameZh,
                    catalogue[e.Target.IndicatorId].NameEn, e.Target.Year, e.Target.PrintedZh, e.Target.Rule.ToString(),
                    IndicatorsApi.Status(e.Status), probabilities[i], Varies(run, e), e.Expected?.Value, e.Benchmark)).Where(t => t.Probability is not null).ToList();
                var fans = monitor.TargetSeries([name]).Select(p => Fan(run, p.Indicator, p.Region, views)).OfType<FanView>().ToList();
                return new ProbabilityView(name, run.Scenario, year, run.Trajectories, run.Seed, targets, fans, Note(run, monitor));
            });
            return TypedResults.Ok(view);
        }
        catch (InvalidInputException ex)
        {
            return CannotRun(ex);
        }
    }

    /// <summary>Trajectories that cannot be run (the WPP extract missing or unreadable): the reasons with the file's name,
    /// never its path on the server.</summary>
    internal static ProblemHttpResult CannotRun(InvalidInputException ex) => BilingualProblem.Of(StatusCodes.Status400BadRequest, "Cannot run trajectories",
        string.Join("; ", ex.Errors.Select(e => $"{Path.GetFileName(e.File)}: {e.Reason}")),
        "无法运行概率预测：" + string.Join("；", ex.Errors.Select(e => $"{Path.GetFileName(e.File)}：{e.ReasonZh ?? e.Reason}")));

    /// <summary>Whether the run's trajectories move the evaluation's indicator; null when the run does not hold it.</summary>
    internal static bool? Varies(Planning.Probability.ScenarioRun run, TargetEvaluation e) =>
        run.Holds(e.Target.IndicatorId, e.Region) ? run.Varies(e.Target.IndicatorId, e.Region) : null;

    /// <summary>What a run is and how precise its probabilities are, in a sentence.</summary>
    internal static string Note(Planning.Probability.ScenarioRun run, Storage.Scenarios.PlanMonitor monitor) =>
        $"{run.Trajectories} trajectories (seed {run.Seed}) around the scenario '{run.Scenario}': {monitor.UncertaintySources}" +
        $"; each probability is within ±{100 / Math.Sqrt(run.Trajectories):0.#} points (2 standard errors at most).";

    internal static Results<Ok<PyramidView>, ProblemHttpResult> Pyramid(string? region, int? year, string? scenario, ulong? seed,
        ClaimsPrincipal user, IPopulusStore store, CockpitViews views, ScenarioService scenarios)
    {
        if (PlaceRun(region, scenario, seed, user, store, views, scenarios, out var name, out var run) is { } problem)
        {
            return problem;
        }

        var y = year ?? run.Years[^1];
        if (!run.Years.Contains(y))
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Bad year", $"{y} is not projected ({run.Years[0]}–{run.Years[^1]}).",
                $"{y} 年不在预测年份内（{run.Years[0]}–{run.Years[^1]}）");
        }

        Bands Of(Sex sex) => Bands.Of([.. Enumerable.Range(0, run.AgeGroups.Count).Select(g => QuantileBands.Of(run.PyramidQuantiles(name, y, sex, g)))]);

        return TypedResults.Ok(new PyramidView(name, y, run.Scenario, run.Trajectories, run.Seed,
            [.. Enumerable.Range(0, run.AgeGroups.Count).Select(run.AgeGroups.Label)], Of(Sex.Male), Of(Sex.Female)));
    }

    /// <summary>Each public service's demand in a region by year: the scenario's projection and the median, 80% and 95%
    /// bands of its trajectories (the residents of the ages served, times the standard's rate: a standard scales every
    /// quantile alike); with ?format=csv one row a service and year.</summary>
    internal static Results<Ok<ServiceFansView>, ContentHttpResult, ProblemHttpResult> ServiceFans(string? region, string? scenario, ulong? seed,
        HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views, ScenarioService scenarios)
    {
        if (PlaceRun(region, scenario, seed, user, store, views, scenarios, out var name, out var run) is { } problem)
        {
            return problem;
        }

        var monitor = scenarios.Monitor!;
        var projected = scenarios.Project(scenario, ScenarioLevers.None).Projection;
        // The run keeps the place's pyramid, so the projection gives the place.
        var central = ServiceDemand.Compute(projected, monitor.Standards, [ServiceDemand.Place(projected, views.Plan.Regions, name)!.Value], run.Years[0], run.Years[^1]);
        var fans = monitor.Standards.Select(s =>
        {
            return new ServiceFanView(s.Id, s.NameZh, s.NameEn, s.Unit, s.UnitZh, s.AgeLabel, s.AgeLabelZh, s.Rate, s.Per, s.Source, s.SourceZh,
                [.. central.Where(c => c.Standard.Id == s.Id).OrderBy(c => c.Year).Select(c => c.Demand)],
                Bands.Of([.. run.Years.Select(y => QuantileBands.Of(ServiceDemand.Quantiles(run, s, name, y)))]));
        }).ToList();
        var years = run.Years.ToArray();
        if (OutputFormat.Of(request) == OutputFormat.Csv)
        {
            var rows = from f in fans
                       from y in Enumerable.Range(0, years.Length)
                       select new ServiceFanRow(name, run.Scenario, run.Trajectories, run.Seed, f.Service, f.NameZh, f.NameEn, years[y], f.Unit, f.UnitZh, f.Central[y],
                           f.Bands.Q50[y], f.Bands.Q10[y], f.Bands.Q90[y], f.Bands.Q025[y], f.Bands.Q975[y]);
            return TypedResults.Text(CsvText.Write(rows), CsvText.ContentType);
        }

        return TypedResults.Ok(new ServiceFansView(name, run.Scenario, run.Trajectories, run.Seed, years, fans));
    }

    /// <summary>The run of a scenario (default baseline) keeping a region's pyramid place, the region by its plan name,
    /// or why there is none: the region not the reader's or not the plan's, no projection, an unknown scenario, no WPP
    /// extract, or a region whose residents by age no projection gives.</summary>
    private static ProblemHttpResult? PlaceRun(string? region, string? scenario, ulong? seed, ClaimsPrincipal user, IPopulusStore store, CockpitViews views,
        ScenarioService scenarios, out string name, out Planning.Probability.ScenarioRun run)
    {
        run = null!;
        if (!IndicatorsApi.TryPlanRegion(region, CurrentAccount.From(user), store, views, out name, out var problem))
        {
            return problem;
        }

        if (scenarios.Monitor is not { } monitor)
        {
            return ProjectionsApi.Unavailable(scenarios);
        }

        if (ParameterProblems.Scenario(scenario, monitor) is { } unknown)
        {
            return unknown;
        }

        try
        {
            run = scenarios.Run(scenario, name, seed ?? PlanMonitor.DefaultSeed);
        }
        catch (InvalidInputException ex)
        {
            return CannotRun(ex);
        }

        return run.HasPyramid(name) ? null : BilingualProblem.Of(StatusCodes.Status404NotFound, "Not by age",
            $"{name}: the projection does not give its residents by age (a grouping of streets); probabilistic pyramids and service demand are of a region, the city or a grouping of regions (中心城区).",
            $"{name}：预测不给出其分年龄人口（由街镇组成的功能区）；概率人口金字塔与公共服务需求只适用于一个地区、全市或由地区组成的功能区（如中心城区）");
    }

    /// <summary>The quantiles of one indicator in the years the run holds it (every projected year, or those a run
    /// keeping only some holds: a slider's, the targets' years), or null when a trajectory cannot compute it in one.</summary>
    internal static FanView? Fan(Planning.Probability.ScenarioRun run, string indicator, string region, CockpitViews views)
    {
        var held = run.Years.Where(y => run.Holds(indicator, region, y)).ToArray();
        var rows = held.Select(y => run.Quantiles(indicator, region, y)).ToList();
        if (rows.Any(r => r is null))
        {
            return null;
        }

        var entry = views.Plan.Catalogue[indicator];
        return held.Length == 0 ? null : new FanView(indicator, entry.NameZh, entry.NameEn, entry.Unit, entry.UnitZh, held, Bands.Of([.. rows.Select(r => QuantileBands.Of(r!))]));
    }

    /// <summary>Quantiles 2.5, 10, 50, 90 and 97.5% (<see cref="TrajectoryResults.Probabilities"/>): the median, the 80% and the 95% band.</summary>
    internal sealed record Bands(double[] Q025, double[] Q10, double[] Q50, double[] Q90, double[] Q975)
    {
        /// <summary>The columns of each row's bands.</summary>
        public static Bands Of(IReadOnlyList<QuantileBands> rows) =>
            new([.. rows.Select(r => r.Lower95)], [.. rows.Select(r => r.Lower80)], [.. rows.Select(r => r.Median)], [.. rows.Select(r => r.Upper80)], [.. rows.Select(r => r.Upper95)]);
    }

    /// <param name="Varies">False when the trajectories all give the indicator the same values (no drawn process moves it): the
    /// probability is then the deterministic answer, 0 or 1 (<see cref="Planning.Probability.ScenarioRun.Varies"/>).</param>
    /// <param name="Benchmark">True when the target is the plan region's, held against this region as a benchmark.</param>
    internal sealed record TargetProbabilityView(string IndicatorId, string NameZh, string NameEn, int? TargetYear, string TargetPrinted, string Rule, string Status, double? Probability,
        bool? Varies, double? Expected, bool Benchmark);

    internal sealed record FanView(string IndicatorId, string NameZh, string NameEn, string Unit, string UnitZh, int[] Years, Bands Bands);

    internal sealed record ProbabilityView(string Region, string Scenario, int AsOfYear, int Trajectories, ulong Seed,
        IReadOnlyList<TargetProbabilityView> Targets, IReadOnlyList<FanView> Fans, string Note);

    internal sealed record PyramidView(string Region, int Year, string Scenario, int Trajectories, ulong Seed, string[] Ages, Bands Male, Bands Female);

    /// <param name="Central">The scenario's projection, year by year.</param>
    /// <param name="Bands">The trajectories' median and bands.</param>
    internal sealed record ServiceFanView(string Service, string NameZh, string NameEn, string Unit, string UnitZh, string Ages, string AgesZh, double Rate, double Per,
        string Source, string SourceZh, double[] Central, Bands Bands);

    internal sealed record ServiceFansView(string Region, string Scenario, int Trajectories, ulong Seed, int[] Years, IReadOnlyList<ServiceFanView> Services);

    /// <summary>A service's demand in one year, as the CSV gives it.</summary>
    internal sealed record ServiceFanRow(string Region, string Scenario, int Trajectories, ulong Seed, string Service, string NameZh, string NameEn, int Year,
        string Unit, string UnitZh, double Projected, double Median, double Lower80, double Upper80, double Lower95, double Upper95);
}
