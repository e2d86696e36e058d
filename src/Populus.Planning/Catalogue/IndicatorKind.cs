namespace Populus.Planning.Catalogue;

/// <summary>Whether Populus computes an indicator from population data or a department reports it.</summary>
public enum IndicatorKind
{
    /// <summary>Computed by its formula from <see cref="Data.IIndicatorData"/>; a reported figure is used only
    /// when the inputs are missing, and checked against the computed value when both exist.</summary>
    Computed = 0,

    /// <summary>Reported by the named department; Populus does not compute it.</summary>
    Reported = 1,
}
