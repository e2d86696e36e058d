using System.Globalization;
using System.Security.Claims;
using Populus.Storage;
using Populus.Storage.Accounts;

namespace Populus.Web.Security;

/// <summary>The signed-in account as the claims carry it (set at sign-in, or by the token handler).</summary>
internal sealed record CurrentAccount(long Id, string UserName, string DisplayName, AccountRole Role, string? RegionCode, IReadOnlyList<string> DataKinds)
{
    public const string RegionClaim = "populus:region";
    public const string KindsClaim = "populus:kinds";
    public const string DisplayNameClaim = "populus:display";

    public DataScope Scope => Role == AccountRole.CountyViewer && RegionCode is { } r ? DataScope.County(r) : DataScope.All;

    public static ClaimsPrincipal Principal(Account account, string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.UserName),
            new(DisplayNameClaim, account.DisplayName),
            new(ClaimTypes.Role, account.Role.Code()),
        ];
        if (account.RegionCode is { } region)
        {
            claims.Add(new Claim(RegionClaim, region));
        }

        if (account.DataKinds.Count > 0)
        {
            claims.Add(new Claim(KindsClaim, string.Join(';', account.DataKinds)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <exception cref="InvalidOperationException">The request is not authenticated (endpoints that call this require it).</exception>
    public static CurrentAccount From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !AccountRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            throw new InvalidOperationException("The request has no signed-in account.");
        }

        return new CurrentAccount(
            long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", CultureInfo.InvariantCulture),
            user.Identity.Name ?? "",
            user.FindFirstValue(DisplayNameClaim) ?? user.Identity.Name ?? "",
            role,
            user.FindFirstValue(RegionClaim),
            user.FindFirstValue(KindsClaim)?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? []);
    }
}
