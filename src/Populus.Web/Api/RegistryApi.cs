using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Planning.Data;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Storage.Registry;
using Populus.Web.Registry;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>
/// The person registry: aggregates, and person look-up by identity number with personal data masked unless the role
/// allows unmasking and the request states a purpose (every unmasked read is audited). A county viewer reads its own
/// county only: the registry's statements carry the account's scope (PersonRegistry), and it never unmasks.
/// </summary>
internal static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/registry").WithTags("Registry").RequireAuthorization(Policies.ReadData);
        group.MapGet("/aggregates", Aggregates).WithName("GetRegistryAggregates")
            .WithSummary("Persons alive on a date (?asOf=yyyy-mm-dd) by region, sex and broad age group, by residence or hukou (?basis=hukou).");
        group.MapGet("/persons", FindPerson).WithName("FindPerson")
            .WithSummary("Look-up by identity number (?id=). Masked unless ?unmask=true with a purpose (?purpose= or X-Purpose), which is audited.");
    }

    internal static Results<Ok<AggregateView>, ProblemHttpResult> Aggregates(DateOnly? asOf, string? basis, ClaimsPrincipal user, RegistryAccess registry)
    {
        if (ParameterProblems.OneOf("basis", basis, ["residence", "hukou"]) is { } bad)
        {
            return bad;
        }

        var scope = CurrentAccount.From(user).Scope;
        var day = asOf ?? new DateOnly(2020, 11, 1);
        var hukou = string.Equals(basis?.Trim(), "hukou", StringComparison.OrdinalIgnoreCase);
        var (read, missing) = registry.Read(r =>
        {
            var counted = r.CountByAgeSexRegion(day, scope, hukou ? RegionBasis.Hukou : RegionBasis.Residence);
            // No cell: say whether the registry is empty (nothing imported yet) or has nobody of the scope alive then.
            return (Cells: counted, Empty: counted.Count == 0 && r.Count() == 0);
        });
        if (read.Cells is not { } cells || cells.Count == 0)
        {
            var why = missing
                ?? (read.Empty ? new Reason("the person registry holds no persons: import them first (populus import persons, or the persons upload)",
                        "人员登记库中还没有人员：请先导入（populus import persons，或上传 persons 文件）")
                    : new Reason($"no person of the registry{(scope.CountyCode is { } c ? $" in {c}" : "")} is alive on {day:yyyy-MM-dd}",
                        $"登记库中没有{(scope.CountyCode is { } z ? z : "")}在 {day:yyyy-MM-dd} 健在的人员"));
            return TypedResults.Ok(new AggregateView(day, hukou ? "hukou" : "residence", [], why.English, why.Chinese));
        }

        var rows = cells.GroupBy(c => (c.Region, c.Sex, Band: c.Age < 15 ? "0-14" : c.Age < 60 ? "15-59" : "60+"))
            .Select(g => new AggregateRow(g.Key.Region.ToString(CultureInfo.InvariantCulture), g.Key.Sex.ToString().ToLowerInvariant(), g.Key.Band, g.Sum(c => c.Persons)))
            .OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Sex, StringComparer.Ordinal).ThenBy(r => r.Age, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new AggregateView(day, hukou ? "hukou" : "residence", rows, null, null));
    }

    internal static Results<Ok<PersonView>, ProblemHttpResult> FindPerson(string? id, bool? unmask, string? purpose, HttpRequest request,
        ClaimsPrincipal user, IPopulusStore store, RegistryAccess registry, TimeProvider clock)
    {
        var me = CurrentAccount.From(user);
        var statedPurpose = (purpose ?? request.Headers[PersonalData.PurposeHeader].ToString()).Trim();
        if (unmask == true)
        {
            if (!Policies.MayUnmask.Contains(me.Role))
            {
                return BilingualProblem.Of(StatusCodes.Status403Forbidden, "Unmasking not allowed", $"The role {me.Role.Code()} sees personal data masked.",
                    $"角色 {me.Role.Code()} 只能查看脱敏的个人信息");
            }

            if (statedPurpose.Length < PersonalData.MinimumPurposeLength)
            {
                return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Purpose required",
                    $"To unmask personal data, state the purpose (at least {PersonalData.MinimumPurposeLength} characters) in ?purpose= or the {PersonalData.PurposeHeader} header; it is kept in the audit log.",
                    $"查看未脱敏的个人信息须说明用途（至少 {PersonalData.MinimumPurposeLength} 个字符，?purpose= 或 {PersonalData.PurposeHeader} 请求头），用途记入审计日志");
            }
        }

        if (!NationalIdNumber.TryParse(id ?? "", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), out var number))
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Not an identity number", "id: an 18-character resident identity number with a valid check character.",
                "id：应为 18 位公民身份号码，且校验码正确");
        }

        var (person, missing) = registry.Read(r => r.FindByNationalId(number, me.Scope));
        if (missing is not null)
        {
            return BilingualProblem.Of(StatusCodes.Status404NotFound, "No registry", missing.English, missing.Chinese);
        }

        store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "person-lookup", person is null ? "registry person (not found)" : $"registry person {person.PersonId}",
            statedPurpose.Length > 0 ? statedPurpose : null, unmask == true ? "unmasked" : "masked");
        if (person is null)
        {
            return BilingualProblem.Of(StatusCodes.Status404NotFound, "Not found", "no person with this identity number", "没有这个身份号码的人员");
        }

        var full = unmask == true;
        if (full)
        {
            store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "unmask", $"registry person {person.PersonId}", statedPurpose, "nationalId, birthDate");
        }

        var idText = person.NationalId.Disclose();
        return TypedResults.Ok(new PersonView(person.PersonId, full ? idText : PersonalData.MaskNationalId(idText), !full,
            person.Sex.ToString().ToLowerInvariant(), full ? person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : PersonalData.MaskBirthDate(person.BirthDate),
            person.HukouRegion.ToString(CultureInfo.InvariantCulture), person.ResidenceRegion.ToString(CultureInfo.InvariantCulture),
            person.UrbanRural.ToString().ToLowerInvariant(), person.Education.ToString(), person.ResidencePermit.ToString(), person.DeathDate));
    }

    internal sealed record AggregateRow(string Region, string Sex, string Age, long Persons);

    /// <param name="NoDataReasonZh">The same in Chinese.</param>
    internal sealed record AggregateView(DateOnly AsOf, string Basis, IReadOnlyList<AggregateRow> Rows, string? NoDataReason, string? NoDataReasonZh);

    /// <param name="Masked">True when the identity number and birth date are masked.</param>
    internal sealed record PersonView(long PersonId, string NationalId, bool Masked, string Sex, string BirthDate, string HukouRegion, string ResidenceRegion,
        string UrbanRural, string Education, string ResidencePermit, DateOnly? DeathDate);
}
