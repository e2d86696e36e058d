namespace Populus.Services.Permits;

/// <summary>Where a residence permit is in its life. Rejected and Revoked are final.</summary>
public enum PermitState
{
    Applied,
    Issued,
    Rejected,
    Expired,
    Revoked,
}

/// <summary>What can happen to a permit.</summary>
public enum PermitAction
{
    Apply,
    Issue,
    Reject,
    Renew,
    Expire,
    Revoke,
}
