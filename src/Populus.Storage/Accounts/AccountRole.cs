namespace Populus.Storage.Accounts;

/// <summary>What an account may do. Stored as the codes of <see cref="AccountRoles"/>.</summary>
public enum AccountRole
{
    /// <summary>Manages accounts and tokens; reads everything; may unmask personal data with a stated purpose.</summary>
    Administrator,

    /// <summary>Reads every region's data, runs scenarios; may unmask personal data with a stated purpose.</summary>
    CityAnalyst,

    /// <summary>Reads one county's data only (<see cref="Account.RegionCode"/>); personal data stays masked.</summary>
    CountyViewer,

    /// <summary>A department's system or staff: imports its own data kinds (<see cref="Account.DataKinds"/>) only.</summary>
    DataProvider,

    /// <summary>Reads the audit log; nothing else.</summary>
    Auditor,
}

/// <summary>Codes of <see cref="AccountRole"/> in the database, claims and the API.</summary>
public static class AccountRoles
{
    public static readonly IReadOnlyList<AccountRole> All = Enum.GetValues<AccountRole>();

    public static string Code(this AccountRole role) => role switch
    {
        AccountRole.Administrator => "administrator",
        AccountRole.CityAnalyst => "city_analyst",
        AccountRole.CountyViewer => "county_viewer",
        AccountRole.DataProvider => "data_provider",
        _ => "auditor",
    };

    public static bool TryParse(string? text, out AccountRole role)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Code(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }
}
