namespace Populus.Storage.Accounts;

/// <summary>A user or a department's system that signs in to the cockpit or calls the API.</summary>
/// <param name="Id">The store's key.</param>
/// <param name="UserName">Unique sign-in name.</param>
/// <param name="DisplayName">Shown in the cockpit and the audit log.</param>
/// <param name="Role">What the account may do.</param>
/// <param name="RegionCode">The county a county viewer is limited to (null for every other role).</param>
/// <param name="DataKinds">The import kinds a data provider may load (empty for every other role).</param>
/// <param name="CreatedAtUtc">When the account was made.</param>
/// <param name="Disabled">A disabled account cannot sign in, its sessions end and its tokens are refused.</param>
/// <param name="SessionVersion">Advanced by a password change, disabling or enabling: a cockpit session signed in at
/// another version is refused (migration 11).</param>
public sealed record Account(
    long Id,
    string UserName,
    string DisplayName,
    AccountRole Role,
    string? RegionCode,
    IReadOnlyList<string> DataKinds,
    DateTime CreatedAtUtc,
    bool Disabled,
    long SessionVersion = 0)
{
    /// <summary>The data this account may read: one county for a county viewer, everything otherwise.</summary>
    public DataScope Scope => Role == AccountRole.CountyViewer ? DataScope.County(RegionCode!) : DataScope.All;
}

/// <summary>What is needed to make an account (the password arrives hashed: the store never sees it).</summary>
public sealed record NewAccount(
    string UserName,
    string DisplayName,
    AccountRole Role,
    string? RegionCode = null,
    IReadOnlyList<string>? DataKinds = null);
