namespace Populus.Services.People;

/// <summary>How a person is housed: own home, a registered lease, other lawful housing (employer dormitory), none.</summary>
public enum Housing
{
    None,
    Owned,
    Rented,
    Other,
}
