namespace Populus.Storage.Registry;

/// <summary>Which region a count assigns each person to.</summary>
public enum RegionBasis
{
    /// <summary>Where the person usually lives (常住, de facto).</summary>
    Residence,

    /// <summary>Where the person's hukou is registered (户籍, de jure).</summary>
    Hukou,
}
