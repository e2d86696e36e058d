namespace Populus.Demography.Interpolation;

/// <summary>What interpolation does before the first and after the last known time.</summary>
public enum EndRule
{
    /// <summary>Keep the nearest known value (no trend beyond the data). The safe default.</summary>
    Hold,

    /// <summary>Continue the line through the two nearest known values, on the interpolation scale.</summary>
    Extend,
}
