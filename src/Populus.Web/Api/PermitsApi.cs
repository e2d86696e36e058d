using System.Security.Claims;
using System.Text.Json;
using Populus.Services.Permits;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Storage.Registry;
using Populus.Storage.Services;
using Populus.Web.Security;
using Populus.Web.Services;

namespace Populus.Web.Api;

/// <summary>
/// Residence permits (居住证): the desk (apply, issue, renew, reject, revoke; administrators), the record, its audit
/// trail and the electronic permit (token, QR) for the roles that read data (a county viewer only its county's
/// permits), and what verifiers elsewhere need without an account: the published keys and the signed revocation list.
/// </summary>
/// <remarks>
/// The store keeps only the keyed hash and the masked identity number of a holder, so nothing these endpoints return
/// is unmasked personal data; the number is sent to apply and issue (and hashed at once), never returned. Reads of
/// a permit's token or QR are still audited, because the token lets its bearer show the permit.
/// </remarks>
internal static class PermitsApi
{
    public static void MapPermitsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/services/permits").WithTags("Residence permits");
        open.MapGet("/keys", Keys).WithName("GetPermitKeys").AllowAnonymous()
            .WithSummary("The issuer's published public keys (JWKS-like, no secret): verifiers in other cities store them to verify permits offline.");
        open.MapGet("/revocations", Revocations).WithName("GetPermitRevocations").AllowAnonymous()
            .WithSummary("The signed revocation list (a JWS of type populus-revocations+jws, valid 24 hours).");
        open.MapPost("/verify", Verify).WithName("VerifyPermit").RequireAuthorization()
            .WithSummary("Verifies an electronic permit: signature, issuer, validity on ?on= (default today) and revocation. Without keys, this city's own published keys and revocation list are used.");

        var read = app.MapGroup("/api/v1/services/permits").WithTags("Residence permits").RequireAuthorization(Security.Policies.ReadData);
        read.MapGet("/", List).WithName("ListPermits")
            .WithSummary("Permits (?state=applied|issued|…), a county viewer's only of its county; holders masked. The state is the one on ?on= (default today): an issued permit past its validity is expired.");
        read.MapGet("/{id}", Show).WithName("GetPermit")
            .WithSummary("A permit: state on ?on= (default today; an issued permit past its validity is expired), masked holder, region, validity, key id.");
        read.MapGet("/{id}/audit", Trail).WithName("GetPermitAudit").WithSummary("The permit's audit trail: who changed what, when, from which state to which, and why.");
        read.MapGet("/{id}/token", Token).WithName("GetPermitToken").WithSummary("The electronic permit (compact JWS); the read is audited (?purpose=).");
        read.MapGet("/{id}/qr.png", QrPng).WithName("GetPermitQrPng").WithSummary("The electronic permit as a QR code (PNG); the read is audited.");
        read.MapGet("/{id}/qr.svg", QrSvg).WithName("GetPermitQrSvg").WithSummary("The electronic permit as a QR code (SVG); the read is audited.");

        var desk = app.MapGroup("/api/v1/services/permits").WithTags("Residence permits").RequireAuthorization(Security.Policies.ServicesDesk);
        desk.MapPost("/", Apply).WithName("ApplyForPermit").WithSummary("Records an application: {idNumber, region}. Administrators (the services desk).");
        desk.MapPost("/{id}/issue", (string id, HolderRequest body, ClaimsPrincipal user, ServiceDesk d) => Act(id, user, d, (o, actor) => o.Issue(id, body.IdNumber ?? "", actor), body.IdNumber, "idNumber"))
            .WithName("IssuePermit").WithSummary("Issues an applied permit; {idNumber} must be the applicant's.");
        desk.MapPost("/{id}/renew", (string id, HolderRequest body, ClaimsPrincipal user, ServiceDesk d) => Act(id, user, d, (o, actor) => o.Renew(id, body.IdNumber ?? "", actor), body.IdNumber, "idNumber"))
            .WithName("RenewPermit").WithSummary("Renews a permit from 30 days before its end, or after expiry; {idNumber}.");
        desk.MapPost("/{id}/reject", (string id, ReasonRequest body, ClaimsPrincipal user, ServiceDesk d) => Act(id, user, d, (o, actor) => o.Reject(id, body.Reason ?? "", actor), body.Reason, "reason"))
            .WithName("RejectPermit").WithSummary("Rejects an application; {reason} goes to the audit trail.");
        desk.MapPost("/{id}/revoke", (string id, ReasonRequest body, ClaimsPrincipal user, ServiceDesk d) => Act(id, user, d, (o, actor) => o.Revoke(id, body.Reason ?? "", actor), body.Reason, "reason"))
            .WithName("RevokePermit").WithSummary("Revokes a permit; it appears on the next revocation list. {reason} goes to the audit trail.");
    }

    internal static IResult Keys(ServiceDesk desk) => ServiceProblems.Run(() => TypedResults.Content(desk.Ring.Publish().ToJson(), "application/json"));

    internal static IResult Revocations(ServiceDesk desk) =>
        ServiceProblems.Run(() => TypedResults.Content(desk.Permits.SignedRevocationList(TimeSpan.FromHours(24)), "application/jose"));

    /// <param name="on">The day to verify for (default today): a permit past its validity then is expired.</param>
    internal static IResult Verify(VerifyRequest body, string? on, ServiceDesk desk, TimeProvider clock)
    {
        if (!ServiceDays.TryParse(on, desk, out var day))
        {
            return ServiceProblems.Invalid("on", ServicesApi.NotADate(on));
        }

        if (string.IsNullOrWhiteSpace(body.Token))
        {
            return ServiceProblems.Invalid("token", new("the electronic permit (as read from the QR code) is required.", "请提供电子居住证（扫码所得文本）"));
        }

        PublishedKeys keys;
        string? revocations = body.Revocations;
        if (body.Keys is { ValueKind: JsonValueKind.Object } given)
        {
            try
            {
                keys = PublishedKeys.FromJson(given.GetRawText());
            }
            catch (JsonException ex)
            {
                return ServiceProblems.Invalid("keys", new(ex.Message, $"无法读取签发城市公布的公钥文件（{ex.Message}）"));
            }
        }
        else if (body.Keys is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            return ServiceProblems.Invalid("keys", new("the issuer's published key document, as a JSON object.", "应为签发城市公布的公钥文件（JSON 对象）"));
        }
        else
        {
            keys = desk.Ring.Publish();
            revocations ??= desk.Permits.SignedRevocationList(TimeSpan.FromHours(1));
        }

        var now = clock.GetUtcNow();
        NationalIdNumber? holder = null;
        if (!string.IsNullOrWhiteSpace(body.HolderId))
        {
            var parsed = NationalIdNumber.Parse(body.HolderId.Trim(), PermitLifecycle.Day(now));
            if (!parsed.IsValid)
            {
                return ServiceProblems.Invalid("holderId", new($"not a valid identity number: {parsed.Reason}", $"不是有效的身份证号：{parsed.ReasonZh(PermitLifecycle.Day(now))}"));
            }

            holder = parsed.Value;
        }

        var result = PermitVerifier.Verify(body.Token.Trim(), keys, revocations, PermitLifecycle.At(day, now));
        var c = result.Claims;
        return TypedResults.Ok(new VerificationView(result.IsValid, Codes(result.Check), result.Reason,
            c is null ? null : new ClaimsView(c.PermitId, c.Revision, c.IssuerCity, c.IssuerName, c.RegionCode, c.MaskedId, c.ValidFrom, c.ValidTo, c.IssuedAt),
            c is not null && holder is { } h ? PermitVerifier.MatchesHolder(c, h) : null,
            result.RevocationList, result.Revoked is { } r ? new RevokedView(r.RevokedOn, r.Reason) : null));
    }

    /// <param name="on">The day whose state is shown (default today): an issued permit lapsed by then is expired (PermitLifecycle.StateOn).</param>
    internal static IResult List(string? state, string? on, ClaimsPrincipal user, ServiceDesk desk)
    {
        if (ParameterProblems.OneOf("state", state, [.. Enum.GetValues<PermitState>().Select(Populus.Services.People.Codes<PermitState>.Code)]) is { } bad)
        {
            return bad;
        }

        if (!ServiceDays.TryParse(on, desk, out var day))
        {
            return ServiceProblems.Invalid("on", ServicesApi.NotADate(on));
        }

        var scope = CurrentAccount.From(user).Scope;
        var wanted = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToLowerInvariant();
        return TypedResults.Ok(desk.Store.Services.Permits().Where(p => scope.Allows(p.RegionCode)).Select(p => View(p, day))
            .Where(p => wanted is null || p.State == wanted).ToList());
    }

    /// <param name="on">The day whose state is shown (default today), as for <see cref="List"/>.</param>
    internal static IResult Show(string id, string? on, ClaimsPrincipal user, ServiceDesk desk)
    {
        if (!ServiceDays.TryParse(on, desk, out var day))
        {
            return ServiceProblems.Invalid("on", ServicesApi.NotADate(on));
        }

        return InScope(id, user, desk, out var permit) ?? TypedResults.Ok(View(permit!, day));
    }

    internal static IResult Trail(string id, ClaimsPrincipal user, ServiceDesk desk) => InScope(id, user, desk, out _) ??
        TypedResults.Ok(desk.Store.Services.Audit("permit", id).Select(a => new TrailView(a.RecordedAt, a.Actor, a.Action, a.FromState, a.ToState, a.Detail)).ToList());

    internal static IResult Token(string id, string? purpose, ClaimsPrincipal user, ServiceDesk desk) =>
        Electronic(id, purpose, user, desk, "token", token => TypedResults.Text(token, "application/jose"));

    internal static IResult QrPng(string id, string? purpose, ClaimsPrincipal user, ServiceDesk desk) =>
        Electronic(id, purpose, user, desk, "qr.png", token => TypedResults.File(PermitQr.Png(token), "image/png"));

    internal static IResult QrSvg(string id, string? purpose, ClaimsPrincipal user, ServiceDesk desk) =>
        Electronic(id, purpose, user, desk, "qr.svg", token => TypedResults.Text(PermitQr.Svg(token), "image/svg+xml"));

    internal static IResult Apply(ApplyRequest body, ClaimsPrincipal user, ServiceDesk desk)
    {
        var problems = new List<ServiceProblems.FieldProblem>();
        if (string.IsNullOrWhiteSpace(body.IdNumber))
        {
            problems.Add(ServiceProblems.FieldProblem.Of("idNumber", null, new("the applicant's identity number is required.", "须填写申请人的身份证号码")));
        }

        var region = body.Region?.Trim() ?? "";
        if (region.Length == 0)
        {
            problems.Add(ServiceProblems.FieldProblem.Of("region", null, new("the region code where the applicant lives (e.g. 330302) is required.", "须填写申请人居住地的地区代码（如 330302）")));
        }
        else if (desk.Permits.RegionProblem(region) is { } problem)
        {
            problems.Add(ServiceProblems.FieldProblem.Of("region", region, problem));
        }

        if (problems.Count > 0)
        {
            return ServiceProblems.Invalid(problems);
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() => Created(desk.Permits.Apply(body.IdNumber!, region, me.UserName)));
    }

    private static IResult Created(ResidencePermit p) => TypedResults.Created($"/api/v1/services/permits/{p.PermitId}", View(p));

    private static IResult Act(string id, ClaimsPrincipal user, ServiceDesk desk, Func<PermitOffice, string, ResidencePermit> act, string? required, string field)
    {
        if (string.IsNullOrWhiteSpace(required))
        {
            return ServiceProblems.Invalid(field, field == "reason" ? new("say why, for the audit trail.", "请说明理由，以记入审计记录")
                : new("the holder's identity number is required.", "请提供持证人的身份证号"));
        }

        if (desk.Store.Services.Permit(id) is null)
        {
            return ServiceProblems.NotFound(PermitWords.NoPermit(id));
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() => TypedResults.Ok(View(act(desk.Permits, me.UserName))));
    }

    private static IResult Electronic(string id, string? purpose, ClaimsPrincipal user, ServiceDesk desk, string what, Func<string, IResult> answer)
    {
        if (InScope(id, user, desk, out var permit) is { } refused)
        {
            return refused;
        }

        var me = CurrentAccount.From(user);
        return ServiceProblems.Run(() => answer(ElectronicPermitRead.Token(desk.Store, permit!, me.UserName, me.Role.Code(), purpose, what)));
    }

    /// <summary>Null when the permit exists and lies in the account's scope; else 404 or 403.</summary>
    private static IResult? InScope(string id, ClaimsPrincipal user, ServiceDesk desk, out PermitRecord? permit)
    {
        permit = desk.Store.Services.Permit(id);
        if (permit is null)
        {
            return ServiceProblems.NotFound(PermitWords.NoPermit(id));
        }

        var scope = CurrentAccount.From(user).Scope;
        return scope.Allows(permit.RegionCode) ? null : RegionAccess.Forbidden(permit.RegionCode, scope);
    }

    private static PermitView View(PermitRecord p, DateOnly day) =>
        new(p.PermitId, p.MaskedId, p.CityCode, p.RegionCode, PermitLifecycle.StateOn(p.State, p.ValidTo, day), p.AppliedOn, p.ValidFrom, p.ValidTo, p.Revision, p.KeyId, p.Token is not null);

    private static PermitView View(ResidencePermit p) =>
        new(p.PermitId, p.MaskedId, p.City, p.RegionCode, p.State.ToString().ToLowerInvariant(), p.AppliedOn, p.ValidFrom, p.ValidTo, p.Revision, p.KeyId, p.Token is not null);

    private static string Codes(PermitCheck check) => Populus.Services.People.Codes<PermitCheck>.Code(check);

    internal sealed record ApplyRequest(string? IdNumber, string? Region);

    internal sealed record HolderRequest(string? IdNumber);

    internal sealed record ReasonRequest(string? Reason);

    /// <param name="Keys">The issuer's published key document; omitted: this city's own keys and current revocation list.</param>
    /// <param name="Revocations">The issuer's signed revocation list (JWS text).</param>
    /// <param name="HolderId">The identity number on the card shown, to check the permit is its holder's.</param>
    internal sealed record VerifyRequest(string? Token, JsonElement? Keys, string? Revocations, string? HolderId);

    internal sealed record ClaimsView(string PermitId, int Revision, string IssuerCity, string IssuerName, string RegionCode, string MaskedId,
        DateOnly ValidFrom, DateOnly ValidTo, DateTimeOffset IssuedAt);

    /// <param name="Check">valid, malformed, unknown_key, bad_signature, wrong_issuer, not_yet_valid, expired, revoked, revocation_unknown.</param>
    /// <param name="HolderMatches">Whether the identity number given is the holder's; null when none was given.</param>
    /// <param name="Reason">Why, in English words; <paramref name="Check"/>, <paramref name="Claims"/>, <paramref name="RevocationList"/> and <paramref name="Revoked"/> say it in parts.</param>
    /// <param name="RevocationList">The sequence number of the revocation list checked, when one was.</param>
    /// <param name="Revoked">The day the permit was revoked and why, when it was.</param>
    internal sealed record VerificationView(bool Valid, string Check, string Reason, ClaimsView? Claims, bool? HolderMatches, long? RevocationList, RevokedView? Revoked);

    internal sealed record RevokedView(DateOnly On, string Reason);

    /// <param name="HasToken">True when the permit has an electronic permit (GET …/token, …/qr.png).</param>
    internal sealed record PermitView(string PermitId, string MaskedId, string City, string RegionCode, string State, DateOnly AppliedOn, DateOnly? ValidFrom,
        DateOnly? ValidTo, int Revision, string? KeyId, bool HasToken);

    internal sealed record TrailView(DateTime RecordedAt, string Actor, string Action, string? FromState, string? ToState, string Detail);
}
