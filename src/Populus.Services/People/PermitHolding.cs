namespace Populus.Services.People;

/// <summary>A person's residence permit (居住证) as they hold it on the day of the question.</summary>
public enum PermitHolding
{
    None,
    Valid,
    Expired,
    Revoked,
}
