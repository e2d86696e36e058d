namespace Populus.Demography.Interpolation;

/// <summary>The scale on which a value changes linearly between two known times.</summary>
public enum InterpolationScale
{
    /// <summary>The value itself is linear in time: shares, proportions, fertility rates, counts.</summary>
    Linear,

    /// <summary>The logarithm is linear in time (constant rate of change): death rates and other strictly positive rates.</summary>
    LogLinear,
}
