using System.Text.Json;
using Populus.Planning.Data;
using Populus.Services.People;
using Populus.Services.Policies;
using Populus.Services.Rules;
using Populus.Services.Settlement;
using Populus.Web.Services;

namespace Populus.Web.Api;

/// <summary>
/// Services to people that answer from the rules alone (docs/services.md): settlement eligibility (零门槛落户), the
/// policies that apply to a person (政策精准推送), and the rule book and points table in force. Any signed-in account:
/// the person's attributes are sent, not looked up, and nothing is stored.
/// </summary>
internal static class ServicesApi
{
    public static void MapServicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/services").WithTags("Services").RequireAuthorization();
        group.MapPost("/settlement/check", Settlement).WithName("CheckSettlement").Accepts<JsonElement>("application/json")
            .Produces<SettlementView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("May this person settle (落户)? Body: the person's attributes (snake_case, all optional); ?on=yyyy-mm-dd. The decision names the rule and the reason.");
        group.MapPost("/policies", Policies).WithName("FindPolicies").Accepts<JsonElement>("application/json")
            .Produces<PoliciesView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every policy in force that applies to the person, and those that may once missing attributes are given, each with why and the plan sentence.");
        group.MapGet("/rules", Rules).WithName("GetPolicyRules").Produces<IReadOnlyList<RuleView>>()
            .WithSummary("The policy rules in force on ?on= (default today, China Standard Time), with their conditions and plan sentences.");
        group.MapGet("/points-table", PointsTable).WithName("GetPointsTable")
            .WithSummary("The points table in force (the shipped table is an EXAMPLE for the city to replace).");
    }

    internal static async Task<IResult> Settlement(HttpRequest request, string? on, ServiceDesk desk)
    {
        var (person, day, problem) = await Read(request, on, desk);
        return problem ?? ServiceProblems.Run(() =>
        {
            var decision = new SettlementCheck(desk.Rules).Check(person!, day);
            return TypedResults.Ok(new SettlementView(decision.Day, Code(decision.Outcome), decision.Basis is { } b ? Finding(b) : null, decision.Summary,
                [.. decision.Findings.Select(Finding)], [.. decision.Address.Select(Finding)], decision.Missing));
        });
    }

    internal static async Task<IResult> Policies(HttpRequest request, string? on, ServiceDesk desk)
    {
        var (person, day, problem) = await Read(request, on, desk);
        return problem ?? ServiceProblems.Run(() =>
        {
            var answer = new PolicyFinder(desk.Rules).Find(person!, day);
            return TypedResults.Ok(new PoliciesView(answer.Day, Codes<TalentCategory>.Code(answer.TalentCategory),
                [.. answer.Applies.Select(p => Finding(p.Finding))], [.. answer.MayApply.Select(p => Finding(p.Finding))]));
        });
    }

    internal static IResult Rules(string? on, ServiceDesk desk)
    {
        if (!ServiceDays.TryParse(on, desk, out var day))
        {
            return ServiceProblems.Invalid("on", NotADate(on));
        }

        return TypedResults.Ok(desk.Rules.InForce(day).Select(r => new RuleView(r.Citation, r.Id, r.Version, r.EffectiveFrom, r.EffectiveTo, r.Policy,
            r.Condition.Text, r.BenefitZh, r.BenefitEn, r.Department, r.Sentence, r.SeedLine, r.Note)).ToList());
    }

    internal static IResult PointsTable(ServiceDesk desk)
    {
        var t = desk.PointsTable;
        return TypedResults.Ok(new PointsTableView(t.Citation, t.Label, t.EffectiveFrom, t.EffectiveTo, t.PassMark,
            [.. t.Items.Select(i => new PointsItemView(i.Id, Code(i.Group), i.NameZh, i.NameEn, i.Cap, i.Evidence))]));
    }

    /// <summary>The person of the body (PersonReader: every bad or unknown field with its reason) and the day.</summary>
    /// <summary>Why a day parameter (?on=) cannot be read.</summary>
    internal static Reason NotADate(string? on) => new($"'{on}' is not a date (write yyyy-mm-dd).", $"“{on}”不是日期（应写作 yyyy-mm-dd）");

    private static async Task<(Person? Person, DateOnly Day, IResult? Problem)> Read(HttpRequest request, string? on, ServiceDesk desk)
    {
        if (!ServiceDays.TryParse(on, desk, out var day))
        {
            return (null, day, ServiceProblems.Invalid("on", NotADate(on)));
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (json.Length > 64 * 1024)
        {
            return (null, day, ServiceProblems.Invalid("body", new("a person's attributes take less than 64 KB.", "个人情况的内容应小于 64 KB")));
        }

        Person? person = null;
        var problem = ServiceProblems.Run(() =>
        {
            person = PersonReader.Parse("body", json.Length == 0 ? "{}" : json, day);
            return TypedResults.Ok();
        });
        return (person, day, person is null ? problem : null);
    }

    private static string Code<T>(T value) where T : struct, Enum => Codes<T>.Code(value);

    private static FindingView Finding(RuleFinding f) => new(f.Rule.Citation, f.Rule.Policy, Code(f.Outcome), f.Reason,
        [.. f.Result.Checks.Select(c => new CheckView(c.Attribute, c.Value, c.Operator, c.Threshold, c.Held))], f.Result.Missing,
        f.Rule.BenefitZh, f.Rule.BenefitEn, f.Rule.Department, f.Rule.Sentence, f.Rule.SeedLine);

    /// <param name="Rule">How decisions cite the rule: "SETTLE-COLLEGE v1".</param>
    /// <param name="Outcome">met, not_met or not_known.</param>
    /// <param name="Reason">Why, in the rule book's words (English): the checks, or the attributes missing.</param>
    /// <param name="Checks">Why, in parts: met, the comparisons that held (none: the rule applies to everyone); not met, the first that failed in each alternative.</param>
    /// <param name="Missing">not_known: the attributes to give.</param>
    internal sealed record FindingView(string Rule, string Policy, string Outcome, string Reason, IReadOnlyList<CheckView> Checks, IReadOnlyList<string> Missing,
        string BenefitZh, string BenefitEn, string Department, string Sentence, int? SeedLine);

    /// <summary>One comparison of a rule's condition: the person's <paramref name="Value"/> against <paramref name="Threshold"/> (codes and numbers as rules write them).</summary>
    internal sealed record CheckView(string Attribute, string Value, string Operator, string Threshold, bool Held);

    /// <param name="Basis">The first rule met; null when none is.</param>
    /// <param name="Address">The tenant rule (owner's consent) when the person rents.</param>
    /// <param name="Missing">Attributes to give when the outcome is not_known.</param>
    internal sealed record SettlementView(DateOnly Day, string Outcome, FindingView? Basis, string Summary, IReadOnlyList<FindingView> Findings,
        IReadOnlyList<FindingView> Address, IReadOnlyList<string> Missing);

    internal sealed record PoliciesView(DateOnly Day, string TalentCategory, IReadOnlyList<FindingView> Applies, IReadOnlyList<FindingView> MayApply);

    internal sealed record RuleView(string Citation, string Id, int Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Policy, string Condition,
        string BenefitZh, string BenefitEn, string Department, string Sentence, int? SeedLine, string Note);

    internal sealed record PointsItemView(string Id, string Group, string NameZh, string NameEn, double? Cap, string Evidence);

    internal sealed record PointsTableView(string Table, string Label, DateOnly EffectiveFrom, DateOnly? EffectiveTo, double PassMark, IReadOnlyList<PointsItemView> Items);
}
