using System.Globalization;
using System.Security.Claims;
using Populus.Storage;
using Populus.Storage.Accounts;

namespace Populus.Web.Security;

/// <summary>The signed-in account as the claims carry it (set at sign-in, or by the token handler).</summary>
/// <param name="SessionVersion">The account's session version when the principal was made (-1 when the claims have none).</param>
internal sealed record CurrentAccount(long Id, string UserName, string DisplayName, AccountRole Role, string? RegionCode, IReadOnlyList<string> DataKinds,
    long SessionVersion)
{
    public const string RegionClaim = "populus:region";
    public const string KindsClaim = "populus:kinds";
    public const string DisplayNameClaim = "populus:display";
    public const string SessionVersionClaim = "populus:session-version";

    public DataScope Scope => Role == AccountRole.CountyViewer && RegionCode is { } r ? DataScope.County(r) : DataScope.All;

    public static CurrentAccount Of(Account a) => new(a.Id, a.UserName, a.DisplayName, a.Role, a.RegionCode, a.DataKinds, a.SessionVersion);

    public static ClaimsPrincipal Principal(Account account, string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.UserName),
            new(DisplayNameClaim, account.DisplayName),
            new(ClaimTypes.Role, account.Role.Code()),
            new(SessionVersionClaim, account.SessionVersion.ToString(CultureInfo.InvariantCulture)),
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
            user.FindFirstValue(KindsClaim)?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [],
            long.TryParse(user.FindFirstValue(SessionVersionClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1);
    }
}
