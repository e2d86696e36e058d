using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Populus.Services;
using Populus.Services.Allocation;
using Populus.Storage.PlanData;
using Populus.Services.Applications;
using Populus.Services.Points;
using Populus.Storage.Services;
using Populus.Web.Plan;
using Populus.Web.Security;
using Populus.Web.Services;

namespace Populus.Web.Api;

/// <summary>
/// Allocation of a round's quotas (积分入学, 积分入住保障房) by points and tie-breakers with a published lottery seed:
/// runs and publishing by the desk (administrators); runs, placements and their verification for the roles that read
/// data (a county viewer sees the quotas of its county and the placements in them); the simulation of a points-table
/// change for city-wide work.
/// </summary>
internal static class AllocationApi
{
    public static void MapAllocationApi(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/api/v1/services").WithTags("Allocation").RequireAuthorization(Security.Policies.ServicesDesk);
        desk.MapPost("/rounds/{round}/allocations", Run).WithName("RunAllocation")
            .WithSummary("Runs the allocation: {quotas:[{quotaId, purpose, region, places}], seed, tieBreakers?, on?, publish?, supersedes?, reason?}. Recorded as a draft (or published).");
        desk.MapPost("/rounds/{round}/allocations/{run}/publish", Publish).WithName("PublishAllocation")
            .WithSummary("Publishes a draft run; the run it supersedes becomes 'superseded' and stays stored as it was.");

        var read = app.MapGroup("/api/v1/services").WithTags("Allocation").RequireAuthorization(Security.Policies.ReadData);
        read.MapGet("/rounds/{round}/allocations", Runs).WithName("ListAllocations").WithSummary("The round's runs: status, table, day, published seed, tie-breakers, hashes.");
        read.MapGet("/rounds/{round}/allocations/{run}", Placements).WithName("GetAllocation")
            .WithSummary("A run with its quotas and placements (rank, outcome, quota, score, lottery draw); a county viewer's only in its county's quotas.");
        read.MapGet("/rounds/{round}/allocations/{run}/demand", Demand).WithName("AllocationDemand")
            .WithSummary("Applicants and places of a run against the school-age population the scenario projects (default baseline, ages 6-14), per district and year; a county viewer's own county only.");
        read.MapGet("/rounds/{round}/allocations/{run}/verify", Verify).WithName("VerifyAllocation")
            .WithSummary("Recomputes the run from its recorded inputs and says whether inputs and results are unchanged.");

        var plan = app.MapGroup("/api/v1/services").WithTags("Allocation").RequireAuthorization(Security.Policies.CityWork);
        plan.MapPost("/rounds/{round}/simulate", Simulate).WithName("SimulatePointsChange")
            .WithSummary("How a points-table change would change who qualifies and who is placed: {quotas, seed?, on?, passMark? | proposed (a points table)}. Nothing is recorded.");
    }

    internal static IResult Run(string round, RunRequest body, ClaimsPrincipal user, ServiceDesk desk)
    {
        var problems = new List<ServiceProblems.FieldProblem>();
        var quotas = Quotas(round, body.Quotas, desk, problems);
        if (string.IsNullOrWhiteSpace(body.Seed))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("seed", null, new("the published lottery seed is required (fix it before the round closes, e.g. from a public draw).",
                "须给出公开的抽签种子（在轮次截止前确定，如取自公开摇号）")));
        }

        IReadOnlyList<TieBreaker> tieBreakers = TieBreakers.Default;
        if (!string.IsNullOrWhiteSpace(body.TieBreakers))
        {
            if (TieBreakers.TryParse(body.TieBreakers, out var problem) is { } parsed)
            {
                tieBreakers = parsed;
            }
            else
            {
                problems.Add(ServiceProblems.FieldProblem.Of("tieBreakers", body.TieBreakers, problem!));
            }
        }

        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(body.On))
        {
            if (ServiceDays.TryParse(body.On, desk, out var named))
            {
                day = named;
            }
            else
            {
                problems.Add(ServiceProblems.FieldProblem.Of("on", body.On, ServicesApi.NotADate(body.On)));
            }
        }

        if (body.Supersedes is not null && string.IsNullOrWhiteSpace(body.Reason))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("reason", null, new("a re-run of a published result must say why.", "重新运行已公布的结果须说明原因")));
        }

        if (problems.Count > 0)
        {
            return ServiceProblems.Invalid(problems);
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() =>
        {
            var allocation = desk.Allocation;
            var (run, _) = allocation.Run(round, quotas, desk.PointsTable, day, body.Seed!.Trim(), tieBreakers, me.UserName, body.Supersedes,
                body.Reason ?? "first run");
            if (body.Publish == true)
            {
                allocation.Publish(run.RunId, me.UserName);
            }

            var stored = desk.Store.Services.AllocationRuns(round).Single(r => r.RunId == run.RunId);
            return TypedResults.Created($"/api/v1/services/rounds/{round}/allocations/{run.RunId}", RunView(stored));
        });
    }

    internal static IResult Publish(string round, string run, ClaimsPrincipal user, ServiceDesk desk)
    {
        if (desk.Store.Services.AllocationRuns(round).All(r => r.RunId != run))
        {
            return NoRun(run, round);
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() =>
        {
            desk.Allocation.Publish(run, me.UserName);
            return TypedResults.Ok(RunView(desk.Store.Services.AllocationRuns(round).Single(r => r.RunId == run)));
        });
    }

    private static IResult NoRun(string run, string round) => ServiceProblems.NotFound(new($"No run {run} in round {round}.", $"轮次 {round} 中没有配置结果 {run}"));

    internal static IResult Runs(string round, ServiceDesk desk) => TypedResults.Ok(desk.Store.Services.AllocationRuns(round).Select(RunView).ToList());

    internal static IResult Placements(string round, string run, ClaimsPrincipal user, ServiceDesk desk)
    {
        var record = desk.Store.Services.AllocationRuns(round).FirstOrDefault(r => r.RunId == run);
        if (record is null)
        {
            return NoRun(run, round);
        }

        var scope = CurrentAccount.From(user).Scope;
        var quotas = (JsonSerializer.Deserialize<List<Quota>>(record.Quotas) ?? []).Where(q => scope.Allows(q.RegionCode)).ToList();
        var visible = quotas.Select(q => q.QuotaId).ToHashSet(StringComparer.Ordinal);
        var placements = desk.Store.Services.Placements(run).Where(p => scope.IsAll || p.QuotaId is { } q && visible.Contains(q))
            .OrderBy(p => p.Rank).Select(p => new PlacementView(p.ApplicationId, p.Rank, p.Outcome, p.QuotaId, p.Total, p.Draw)).ToList();
        return TypedResults.Ok(new AllocationView(RunView(record), [.. quotas.Select(q => new QuotaView(q.QuotaId, q.Purpose, q.RegionCode, q.Places,
            placements.Count(p => p.QuotaId == q.QuotaId)))], placements));
    }

    internal static IResult Demand(string round, string run, string? scenario, string? ages, ClaimsPrincipal user, ServiceDesk desk, ScenarioService scenarios, CockpitViews views)
    {
        var record = desk.Store.Services.AllocationRuns(round).FirstOrDefault(r => r.RunId == run);
        if (record is null)
        {
            return NoRun(run, round);
        }

        var range = (ages ?? "6-14").Split('-');
        if (range.Length != 2 || !int.TryParse(range[0], out var from) || !int.TryParse(range[1], out var to) || from < 0 || to < from)
        {
            return ServiceProblems.Invalid([new("ages", ages, "write the school ages as FROM-TO, e.g. 6-11 (primary) or 6-14 (compulsory).", null, null,
                "学龄应写作 起-止，如 6-11（小学）或 6-14（义务教育）")]);
        }

        if (scenarios.Monitor is not { } monitor)
        {
            return ProjectionsApi.Unavailable(scenarios);
        }

        if (ParameterProblems.Scenario(scenario, monitor) is { } unknown)
        {
            return unknown;
        }

        var projected = scenarios.Project(scenario, Planning.Scenarios.ScenarioLevers.None);

        var scope = CurrentAccount.From(user).Scope;
        var quotas = (JsonSerializer.Deserialize<List<Quota>>(record.Quotas) ?? []).Where(q => scope.Allows(q.RegionCode)).ToList();
        // The run's own applicants: an application received after the run is not part of its demand.
        var ranked = desk.Store.Services.Placements(run).Select(placement => placement.ApplicationId).ToHashSet(StringComparer.Ordinal);
        var (applicants, places) = SchoolDemand.ByRegion([.. desk.Store.Services.Applications(round).Where(a => ranked.Contains(a.ApplicationId))], quotas);
        var p = projected.Projection;
        var counties = p.Regions.ToList();
        var projection = new Dictionary<(string, int), Demography.PopulationByAgeSex>();
        var unprojected = new List<string>();
        foreach (var code in places.Keys)
        {
            var county = views.PlanRegionName(code) is { } name ? counties.IndexOf(name) : -1;
            if (county < 0)
            {
                unprojected.Add(code); // a quota region the scenario model does not project (a township, another city)
                continue;
            }

            for (var year = p.BaseYear + 1; year <= p.LastYear; year++)
            {
                projection[(code, year)] = p.Population(year, county);
            }
        }

        var rows = SchoolDemand.Compare(projection, applicants, places, from, to);
        return TypedResults.Ok(new DemandView(projected.Name, from, to, rows, unprojected));
    }

    internal static IResult Verify(string round, string run, ServiceDesk desk)
    {
        if (desk.Store.Services.AllocationRuns(round).All(r => r.RunId != run))
        {
            return NoRun(run, round);
        }

        return ServiceProblems.Run(() =>
        {
            var (inputs, results, message) = desk.Allocation.Verify(round, run, desk.PointsTable);
            return TypedResults.Ok(new { runId = run, inputsMatch = inputs, resultsMatch = results, reproduces = inputs && results, message });
        });
    }

    internal static IResult Simulate(string round, SimulationRequest body, ServiceDesk desk)
    {
        var problems = new List<ServiceProblems.FieldProblem>();
        var quotas = Quotas(round, body.Quotas, desk, problems);
        if (!ServiceDays.TryParse(body.On, desk, out var day))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("on", body.On, ServicesApi.NotADate(body.On)));
        }

        PointsRuleTable? proposed = null;
        if (body.Proposed is { ValueKind: JsonValueKind.Object } table)
        {
            proposed = ProposedTable(table.GetRawText(), problems);
        }
        else if (body.PassMark is { } mark)
        {
            if (mark is < 0 or > 10_000)
            {
                problems.Add(ServiceProblems.FieldProblem.Of("passMark", null, new("0 to 10000 points.", "应为 0 到 10000 分")));
            }
            else
            {
                // The table in force with only the pass mark changed, as a new version so the comparison cites both.
                var node = JsonNode.Parse(ShippedData.Text("points-rules.example.json"))!;
                node["pass_mark"] = mark;
                node["version"] = desk.PointsTable.Version + 1;
                proposed = ProposedTable(node.ToJsonString(), problems);
            }
        }
        else
        {
            problems.Add(ServiceProblems.FieldProblem.Of("proposed", null, new("give the proposed points table (JSON object) or a passMark.", "须给出拟议的积分表（JSON 对象）或合格分数线 passMark")));
        }

        if (problems.Count > 0)
        {
            return ServiceProblems.Invalid(problems);
        }

        return ServiceProblems.Run(() =>
        {
            var applications = desk.Store.Services.ApplicationsToDecide(round);

            var applicants = FactsJson.Applicants(applications);
            var effect = RuleChangeSimulation.Compare(applicants, AllocationDesk.Preferences(applications, quotas),
                quotas, day, desk.PointsTable, proposed!, TieBreakers.Default, string.IsNullOrWhiteSpace(body.Seed) ? "simulation" : body.Seed.Trim());
            return TypedResults.Ok(effect);
        });
    }

    private static PointsRuleTable? ProposedTable(string json, List<ServiceProblems.FieldProblem> problems)
    {
        try
        {
            return PointsRuleTable.Parse("proposed", json);
        }
        catch (Populus.Storage.Tabular.InvalidInputException ex)
        {
            problems.AddRange(ex.Errors.Select(e => new ServiceProblems.FieldProblem("proposed" + (e.Column is { } c ? "." + c : ""), e.Value, e.Reason, null, null)));
            return null;
        }
    }

    private static List<Quota> Quotas(string round, IReadOnlyList<QuotaRequest>? given, ServiceDesk desk, List<ServiceProblems.FieldProblem> problems)
    {
        if (given is not { Count: > 0 })
        {
            problems.Add(ServiceProblems.FieldProblem.Of("quotas", null, new("at least one quota {quotaId, purpose, region, places} is required.", "至少须有一个名额 {quotaId, purpose, region, places}")));
            return [];
        }

        var quotas = new List<Quota>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < given.Count; i++)
        {
            var q = given[i];
            var at = $"quotas[{i}]";
            if (string.IsNullOrWhiteSpace(q.QuotaId) || !seen.Add(q.QuotaId.Trim()))
            {
                problems.Add(ServiceProblems.FieldProblem.Of(at + ".quotaId", q.QuotaId, string.IsNullOrWhiteSpace(q.QuotaId)
                    ? new("required.", "必填") : new("another quota has the same id.", "与另一名额的编号相同")));
            }

            if (q.Purpose is not ("school" or "housing"))
            {
                problems.Add(ServiceProblems.FieldProblem.Of(at + ".purpose", q.Purpose, new("school or housing.", "应为 school（入学）或 housing（住房）")));
            }

            if (q.Region is null || !PlanningRegions.IsWithin(desk.Regions, q.Region, desk.City))
            {
                problems.Add(ServiceProblems.FieldProblem.Of(at + ".region", q.Region, new(
                    $"a current region of {desk.Regions.NameOf(desk.City)} ({desk.City}): the city, one of its counties or a township of them.",
                    $"应为{desk.Regions.NameOf(desk.City)}（{desk.City}）现行的地区：本市、其县（市、区）或所属乡镇（街道）")));
            }

            if (q.Places is not (>= 0 and <= 10_000_000))
            {
                problems.Add(ServiceProblems.FieldProblem.Of(at + ".places", q.Places?.ToString(System.Globalization.CultureInfo.InvariantCulture), new("0 to 10000000 places.", "名额数应为 0 到 10000000")));
            }

            if (problems.Count == 0)
            {
                quotas.Add(new Quota(q.QuotaId!.Trim(), round, q.Purpose!, q.Region!, q.Places!.Value));
            }
        }

        return quotas;
    }

    private static RunSummary RunView(AllocationRunRecord r) =>
        new(r.RunId, r.Round, r.Status, r.RuleTable, r.ScoreDay, r.Seed, r.TieBreakers, r.InputsSha256, r.ResultsSha256, r.RunAt, r.Actor, r.Supersedes, r.Reason);

    internal sealed record QuotaRequest(string? QuotaId, string? Purpose, string? Region, int? Places);

    /// <param name="Seed">The lottery seed, published with the result.</param>
    /// <param name="TieBreakers">e.g. "residence,insurance,lottery" (the default); the lottery comes last.</param>
    /// <param name="Supersedes">A published run this one re-runs (needs <paramref name="Reason"/>).</param>
    internal sealed record RunRequest(IReadOnlyList<QuotaRequest>? Quotas, string? Seed, string? TieBreakers, string? On, bool? Publish, string? Supersedes, string? Reason);

    /// <param name="Proposed">A whole proposed points table (the JSON of data/services/points-rules.example.json).</param>
    /// <param name="PassMark">Or: the table in force with this pass mark.</param>
    internal sealed record SimulationRequest(IReadOnlyList<QuotaRequest>? Quotas, string? Seed, string? On, JsonElement? Proposed, double? PassMark);

    internal sealed record RunSummary(string RunId, string Round, string Status, string RuleTable, DateOnly ScoreDay, string Seed, string TieBreakers,
        string InputsSha256, string ResultsSha256, DateTime RunAt, string Actor, string? Supersedes, string Reason);

    internal sealed record QuotaView(string QuotaId, string Purpose, string Region, int Places, int Placed);

    /// <param name="Outcome">placed, waitlisted or ineligible.</param>
    /// <param name="Draw">The lottery draw: SHA-256(seed ‖ 0x00 ‖ application id), first 8 bytes.</param>
    internal sealed record PlacementView(string ApplicationId, int Rank, string Outcome, string? QuotaId, double Total, string Draw);

    internal sealed record AllocationView(RunSummary Run, IReadOnlyList<QuotaView> Quotas, IReadOnlyList<PlacementView> Placements);

    internal sealed record DemandView(string Scenario, int FromAge, int ToAge, IReadOnlyList<DemandRow> Rows, IReadOnlyList<string> RegionsNotProjected);
}
