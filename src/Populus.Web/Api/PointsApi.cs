using System.Security.Claims;
using System.Text.Json;
using Populus.Services.Applications;
using Populus.Services.People;
using Populus.Services.Points;
using Populus.Storage.Services;
using Populus.Web.Security;
using Populus.Web.Services;

namespace Populus.Web.Api;

/// <summary>
/// Points (积分): applications received from a file and scored by the points table in force; an application's
/// itemised score, objections to an item and their review. The desk (administrators) receives, scores, records an
/// objection on the applicant's behalf (applicants have no accounts) and decides it; administrators and city analysts
/// read scores, which hold the masked identity number only.
/// </summary>
internal static class PointsApi
{
    private const long MaxBytes = 32L * 1024 * 1024;

    public static void MapPointsApi(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/api/v1/services").WithTags("Points").RequireAuthorization(Security.Policies.ServicesDesk);
        desk.MapPost("/rounds/{round}/applications", Receive).WithName("ReceiveApplications").DisableAntiforgery()
            .WithSummary("Receives a file of applications (multipart field 'file': CSV, XLSX or Parquet) whole or refuses it whole, with a reason per field; duplicates are refused. With the round's quota file (field 'quota'), every preference is checked against it.");
        desk.MapPost("/rounds/{round}/score", Score).WithName("ScoreRound")
            .WithSummary("Scores every application of the round with the points table in force on the scoring day ?on=yyyy-mm-dd (required, not before a submission); each scoring is a new revision.");
        desk.MapPost("/applications/{id}/objections", Object).WithName("ObjectToScore")
            .WithSummary("Records an objection to one item of the latest score: {item, reason}.");
        desk.MapPost("/objections/{id}/decision", Decide).WithName("DecideObjection")
            .WithSummary("Decides an objection: {application, upheld, outcome, facts?}; upheld with corrected facts, the application is scored again (a new revision).");

        var read = app.MapGroup("/api/v1/services").WithTags("Points").RequireAuthorization(Security.Policies.CityWork);
        read.MapGet("/rounds/{round}/scores", Scores).WithName("GetRoundScores").WithSummary("The latest score of every application of a round (totals, pass, veto).");
        read.MapGet("/applications/{id}/score", Show).WithName("GetApplicationScore")
            .WithSummary("The latest score itemised (value, points, note, evidence), every revision, and the objections with their decisions.");
    }

    internal static async Task<IResult> Receive(string round, IFormFile? file, IFormFile? quota, ClaimsPrincipal user, ServiceDesk desk)
    {
        if (file is null || file.Length == 0)
        {
            return ServiceProblems.Invalid("file", new("send one non-empty .csv, .xlsx or .parquet file in the multipart field 'file'.",
                "请在表单字段 file 中上传一个非空的 .csv、.xlsx 或 .parquet 文件"));
        }

        if (file.Length > MaxBytes)
        {
            return ServiceProblems.Invalid("file", new($"at most {MaxBytes / 1024 / 1024} MB.", $"文件不能超过 {MaxBytes / 1024 / 1024} MB"));
        }

        var folder = Directory.CreateTempSubdirectory("populus-applications-");
        try
        {
            // Saved under the uploaded name, so every problem names the file the clerk sent.
            var path = Path.Combine(folder.FullName, Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : "applications.csv");
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target);
            }

            string? quotaPath = null;
            if (quota is { Length: > 0 })
            {
                quotaPath = Path.Combine(folder.FullName, "quota", Path.GetFileName(quota.FileName) is { Length: > 0 } quotaName ? quotaName : "quotas.csv");
                Directory.CreateDirectory(Path.GetDirectoryName(quotaPath)!);
                await using var target = File.Create(quotaPath);
                await quota.CopyToAsync(target);
            }

            var me = CurrentAccount.From(user);
            return ServiceProblems.Run(() =>
            {
                var quotas = quotaPath is null ? null : Populus.Services.Allocation.Quota.Load(quotaPath, desk.Regions, desk.City);
                var received = desk.Points.Receive(path, desk.Identity, me.UserName, quotas);
                var other = received.Where(a => a.Round != round).Select(a => a.ApplicationId).Take(5).ToList();
                return TypedResults.Ok(new ReceivedView(received.Count, [.. received.Select(a => a.ApplicationId)],
                    other.Count == 0 ? null : $"applications of other rounds were received too: {string.Join(", ", other)}"));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static IResult Score(string round, string? on, ClaimsPrincipal user, ServiceDesk desk)
    {
        if (string.IsNullOrWhiteSpace(on))
        {
            return ServiceProblems.Invalid("on", new("the scoring day (yyyy-mm-dd) is required: the day whose facts count, on or after every application's submission.",
                "必须给出评分日（yyyy-mm-dd）：以该日的情况计分，不早于任何申请的提交日"));
        }

        if (!ServiceDays.TryParse(on, desk, out var day))
        {
            return ServiceProblems.Invalid("on", ServicesApi.NotADate(on));
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() =>
        {
            var sheets = desk.Points.ScoreRound(round, desk.PointsTable, day, me.UserName);
            return TypedResults.Ok(new ScoredView(round, desk.PointsTable.Citation, day, sheets.Count, sheets.Count(s => s.Passed), sheets.Count(s => s.Vetoed)));
        });
    }

    internal static IResult Scores(string round, ServiceDesk desk) => TypedResults.Ok(desk.Store.Services.LatestScores(round)
        .Select(s => new ScoreLine(s.ApplicationId, s.Revision, s.Total, s.Passed, s.Vetoed)).OrderByDescending(s => s.Total).ToList());

    internal static IResult Show(string id, ServiceDesk desk)
    {
        var application = desk.Store.Services.Application(id);
        if (application is null)
        {
            return ServiceProblems.NotFound(PointsOffice.NoApplication(id));
        }

        var latest = desk.Points.Latest(id);
        return TypedResults.Ok(new ScoreView(id, application.Round, application.Purpose, application.MaskedId, application.SubmittedOn,
            latest is null ? null : new SheetView(latest.Revision, latest.Table, latest.Day, latest.Total, latest.Passed, latest.Vetoed, latest.Reason,
                [.. latest.Items.Select(ItemView.Of)]),
            [.. desk.Store.Services.Scores(id).Select(s => new ScoreLine(s.ApplicationId, s.Revision, s.Total, s.Passed, s.Vetoed))],
            [.. desk.Store.Services.Objections(id).Select(ObjectionView.Of)]));
    }

    internal static IResult Object(string id, ObjectionRequest body, ClaimsPrincipal user, ServiceDesk desk)
    {
        var problems = new List<ServiceProblems.FieldProblem>();
        if (string.IsNullOrWhiteSpace(body.Item))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("item", null, new("the id of the score item objected to is required.", "须填写所异议的积分项目编号")));
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("reason", null, new("say why the item is wrong.", "须说明该项目为何有误")));
        }

        if (problems.Count > 0)
        {
            return ServiceProblems.Invalid(problems);
        }

        if (desk.Store.Services.Application(id) is null)
        {
            return ServiceProblems.NotFound(PointsOffice.NoApplication(id));
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() =>
        {
            var objection = desk.Points.Object(id, body.Item!.Trim(), body.Reason!, me.UserName);
            return TypedResults.Created($"/api/v1/services/applications/{id}/score", new { objectionId = objection, applicationId = id });
        });
    }

    internal static IResult Decide(string id, DecisionRequest body, ClaimsPrincipal user, ServiceDesk desk)
    {
        var problems = new List<ServiceProblems.FieldProblem>();
        if (string.IsNullOrWhiteSpace(body.Application))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("application", null, new("the application the objection is about is required.", "须填写异议所涉及的申请")));
        }

        if (body.Upheld is null)
        {
            problems.Add(ServiceProblems.FieldProblem.Of("upheld", null, new("true (uphold) or false (dismiss) is required.", "须填写 true（异议成立）或 false（异议不成立）")));
        }

        if (string.IsNullOrWhiteSpace(body.Outcome))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("outcome", null, new("the decision in words, for the applicant and the audit trail.", "须以文字写明复核决定，供申请人和审计记录")));
        }

        if (problems.Count > 0)
        {
            return ServiceProblems.Invalid(problems);
        }

        if (desk.Store.Services.Objections(body.Application!).All(o => o.ObjectionId != id))
        {
            return ServiceProblems.NotFound(new($"No objection {id} to application {body.Application}.", $"申请 {body.Application} 没有编号为 {id} 的异议"));
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() =>
        {
            var facts = body.Facts is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } f ? desk.Points.Corrected(body.Application!, f.GetRawText(), "facts") : null;
            var sheet = desk.Points.Review(id, body.Application!, body.Upheld!.Value, body.Outcome!, me.UserName, facts, facts is null ? null : desk.PointsTable);
            var objected = desk.Store.Services.Objections(body.Application!).First(o => o.ObjectionId == id).ItemId;
            return TypedResults.Ok(new
            {
                objectionId = id, upheld = body.Upheld, rescored = sheet is not null, total = sheet?.Total,
                item = sheet?.Items.Where(i => i.ItemId == objected).Select(ItemView.Of).FirstOrDefault(),
            });
        });
    }

    internal sealed record ReceivedView(int Received, IReadOnlyList<string> ApplicationIds, string? Note);

    internal sealed record ScoredView(string Round, string Table, DateOnly Day, int Scored, int Passed, int Vetoed);

    internal sealed record ScoreLine(string ApplicationId, int Revision, double Total, bool Passed, bool Vetoed);

    /// <param name="Group">basic, bonus, deduction or veto.</param>
    /// <param name="NoteZh">The note in Chinese; null in a score stored before notes were worded in Chinese too.</param>
    internal sealed record ItemView(string ItemId, string Group, string Value, double Points, string Note, string? NoteZh, string Evidence)
    {
        public static ItemView Of(ItemScore i) => new(i.ItemId, Codes<PointsGroup>.Code(i.Group), i.Value, i.Points, i.Note, i.NoteZh, i.Evidence);
    }

    internal sealed record SheetView(int Revision, string Table, DateOnly Day, double Total, bool Passed, bool Vetoed, string Reason, IReadOnlyList<ItemView> Items);

    /// <param name="MaskedId">The applicant's identity number, masked (the number itself is never stored).</param>
    internal sealed record ScoreView(string ApplicationId, string Round, string Purpose, string MaskedId, DateOnly SubmittedOn, SheetView? Latest,
        IReadOnlyList<ScoreLine> Revisions, IReadOnlyList<ObjectionView> Objections);

    /// <param name="CorrectedFacts">The facts an upheld objection corrected, scored from then on, as a JSON object in their
    /// stored form (FactsJson: snake_case names and codes; insurance months as year × 12 + month − 1); null when the
    /// objection corrected none.</param>
    internal sealed record ObjectionView(string ObjectionId, string ApplicationId, string ItemId, string Reason, string State, string? Outcome,
        DateTime OpenedAt, DateTime? DecidedAt, string? DecidedBy, JsonElement? CorrectedFacts)
    {
        public static ObjectionView Of(ObjectionRecord o) => new(o.ObjectionId, o.ApplicationId, o.ItemId, o.Reason, o.State, o.Outcome, o.OpenedAt, o.DecidedAt, o.DecidedBy,
            o.CorrectedFacts is { } facts ? JsonSerializer.Deserialize<JsonElement>(facts) : null);
    }

    internal sealed record ObjectionRequest(string? Item, string? Reason);

    /// <param name="Facts">Corrected facts, to score again when upheld: the fields to correct, written as the applications file's
    /// columns (FactsCorrection); a field left out keeps the application's value.</param>
    internal sealed record DecisionRequest(string? Application, bool? Upheld, string? Outcome, JsonElement? Facts);
}
