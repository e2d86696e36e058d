namespace Populus.Demography.Preparation;

/// <summary>How a value given at some times is read at the times in between.</summary>
public enum TrajectoryMode
{
    /// <summary>
    /// Interpolated between the knots (linear for levels and fertility, log-linear for death rates) and held beyond
    /// the first and last: UN WPP's period schedules and annual series [WPP2024].
    /// </summary>
    Interpolate,

    /// <summary>A knot's value holds from its time until the next knot (and before the first): the input bundle's "a year's rates hold until the next year given".</summary>
    Step,
}
