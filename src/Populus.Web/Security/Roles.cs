using Populus.Storage.Accounts;

namespace Populus.Web.Security;

/// <summary>The authorization policies endpoint groups require, each a set of roles (docs/cockpit.md, Roles).</summary>
internal static class Policies
{
    /// <summary>Read statistical data (a county viewer only its county's, enforced by the store's scope).</summary>
    public const string ReadData = "read-data";

    /// <summary>City-wide work: scenarios and projections.</summary>
    public const string CityWork = "city-work";

    /// <summary>Upload files (a data provider only its own kinds).</summary>
    public const string Import = "import";

    /// <summary>
    /// The services desk: issue, renew, reject and revoke residence permits, receive and score applications, review
    /// objections, run and publish allocations. There is no services-officer role (an account role is a stored code
    /// checked by the database); administrators do this work, and every step is on the services' audit trail.
    /// </summary>
    public const string ServicesDesk = "services-desk";

    /// <summary>Read the audit log.</summary>
    public const string ReadAudit = "read-audit";

    /// <summary>Manage accounts and tokens.</summary>
    public const string ManageAccounts = "manage-accounts";

    public static readonly IReadOnlyDictionary<string, AccountRole[]> Roles = new Dictionary<string, AccountRole[]>
    {
        [ReadData] = [AccountRole.Administrator, AccountRole.CityAnalyst, AccountRole.CountyViewer],
        [CityWork] = [AccountRole.Administrator, AccountRole.CityAnalyst],
        [ServicesDesk] = [AccountRole.Administrator],
        [Import] = [AccountRole.Administrator, AccountRole.DataProvider],
        [ReadAudit] = [AccountRole.Auditor],
        [ManageAccounts] = [AccountRole.Administrator],
    };

    /// <summary>Roles that may see personal data unmasked, and only when the request states a purpose (audited).</summary>
    public static readonly IReadOnlySet<AccountRole> MayUnmask = new HashSet<AccountRole> { AccountRole.Administrator, AccountRole.CityAnalyst };
}
