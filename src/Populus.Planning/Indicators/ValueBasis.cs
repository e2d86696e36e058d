namespace Populus.Planning.Indicators;

/// <summary>How an indicator value was obtained.</summary>
public enum ValueBasis
{
    /// <summary>No value: see the reason.</summary>
    None = 0,

    /// <summary>Computed by the catalogue formula from data.</summary>
    Computed = 1,

    /// <summary>Taken from a reported figure (a reported indicator, or a computed one whose inputs are missing).</summary>
    Reported = 2,
}
