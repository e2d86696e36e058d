namespace Populus.Storage.Registry;

/// <summary>Whether a person lives in an urban (城镇) or rural (乡村) area, as the statistical urban-rural division classes the place of residence.</summary>
public enum UrbanRural : byte
{
    /// <summary>城镇.</summary>
    Urban = 0,

    /// <summary>乡村.</summary>
    Rural = 1,
}
