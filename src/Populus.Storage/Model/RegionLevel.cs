namespace Populus.Storage;

/// <summary>Administrative level of a region: prefecture-level city, county-level unit, township-level unit.</summary>
public enum RegionLevel
{
    City,
    County,
    Township,
}
