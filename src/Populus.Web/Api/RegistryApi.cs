using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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
                ?? (read.Empty ? "the person registry holds no persons: import them first (populus import persons, or the persons upload)"
                    : $"no person of the registry{(scope.CountyCode is { } c ? $" in {c}" : "")} is alive on {day:yyyy-MM-dd}");
            return TypedResults.Ok(new AggregateView(day, hukou ? "hukou" : "residence", [], why));
        }

        var rows = cells.GroupBy(c => (c.Region, c.Sex, Band: c.Age < 15 ? "0-14" : c.Age < 60 ? "15-59" : "60+"))
            .Select(g => new AggregateRow(g.Key.Region.ToString(CultureInfo.InvariantCulture), g.Key.Sex.ToString().ToLowerInvariant(), g.Key.Band, g.Sum(c => c.Persons)))
            .OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Sex, StringComparer.Ordinal).ThenBy(r => r.Age, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new AggregateView(day, hukou ? "hukou" : "residence", rows, null));
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
                return TypedResults.Problem(title: "Unmasking not allowed", detail: $"The role {me.Role.Code()} sees personal data masked.", statusCode: StatusCodes.Status403Forbidden);
            }

            if (statedPurpose.Length < PersonalData.MinimumPurposeLength)
            {
                return TypedResults.Problem(title: "Purpose required", statusCode: StatusCodes.Status400BadRequest,
                    detail: $"To unmask personal data, state the purpose (at least {PersonalData.MinimumPurposeLength} characters) in ?purpose= or the {PersonalData.PurposeHeader} header; it is kept in the audit log.");
            }
        }

        if (!NationalIdNumber.TryParse(id ?? "", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), out var number))
        {
            return TypedResults.Problem(title: "Not an identity number", detail: "id: an 18-character resident identity number with a valid check character.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (person, missing) = registry.Read(r => r.FindByNationalId(number, me.Scope));
        if (missing is not null)
        {
            return TypedResults.Problem(title: "No registry", detail: missing, statusCode: StatusCodes.Status404NotFound);
        }

        store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "person-lookup", person is null ? "registry person (not found)" : $"registry person {person.PersonId}",
            statedPurpose.Length > 0 ? statedPurpose : null, unmask == true ? "unmasked" : "masked");
        if (person is null)
        {
            return TypedResults.Problem(title: "Not found", detail: "no person with this identity number", statusCode: StatusCodes.Status404NotFound);
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

    internal sealed record AggregateView(DateOnly AsOf, string Basis, IReadOnlyList<AggregateRow> Rows, string? NoDataReason);

    /// <param name="Masked">True when the identity number and birth date are masked.</param>
    internal sealed record PersonView(long PersonId, string NationalId, bool Masked, string Sex, string BirthDate, string HukouRegion, string ResidenceRegion,
        string UrbanRural, string Education, string ResidencePermit, DateOnly? DeathDate);
}
