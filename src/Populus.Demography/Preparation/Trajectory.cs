using Populus.Demography.Interpolation;

namespace Populus.Demography.Preparation;

/// <summary>A scalar level known at some times (life expectancy, total fertility, sex ratio at birth) and read at any time.</summary>
/// <remarks>
/// Time is in calendar years: 2024.0 is 1 January 2024, 2024.5 is 1 July. An annual indicator for calendar year t
/// (WPP's TFR, e0, SRB) describes the whole year and is placed at its mid-point t + 0.5 (<see cref="FromAnnual"/>), so
/// that read at 1 January t+1 it is the mean of years t and t+1.
/// </remarks>
public sealed class Trajectory
{
    private readonly double[] _times;
    private readonly double[] _values;

    /// <exception cref="ArgumentException">No knot, times not increasing, or a value not finite.</exception>
    public Trajectory(IEnumerable<KeyValuePair<double, double>> knots, TrajectoryMode mode)
    {
        Guard.NotNull(knots);
        var sorted = knots.OrderBy(k => k.Key).ToArray();
        if (sorted.Length == 0)
        {
            Guard.ThrowArgument(nameof(knots), "A trajectory needs at least one value.");
        }

        _times = [.. sorted.Select(k => k.Key)];
        _values = [.. sorted.Select(k => k.Value)];
        for (var i = 0; i < _values.Length; i++)
        {
            Guard.Finite(_times[i], "trajectory time");
            Guard.Finite(_values[i], $"trajectory value at {_times[i]}");
            if (i > 0 && _times[i] <= _times[i - 1])
            {
                Guard.ThrowArgument(nameof(knots), $"Two trajectory values are given at time {_times[i]}.");
            }
        }

        Mode = mode;
    }

    /// <summary>Annual values by calendar year, placed at mid-year (t + 0.5) and interpolated linearly.</summary>
    public static Trajectory FromAnnual(IEnumerable<KeyValuePair<int, double>> byYear) =>
        new(byYear.Select(kv => new KeyValuePair<double, double>(kv.Key + 0.5, kv.Value)), TrajectoryMode.Interpolate);

    public TrajectoryMode Mode { get; }

    /// <summary>The first time with a value.</summary>
    public double FirstTime => _times[0];

    /// <summary>The last time with a value.</summary>
    public double LastTime => _times[^1];

    /// <summary>The value at <paramref name="time"/>.</summary>
    public double At(double time)
    {
        if (Mode == TrajectoryMode.Step)
        {
            return _values[KnotAtOrBefore(_times, time)];
        }

        return PeriodInterpolation.Interpolate(_times, _values, [time], InterpolationScale.Linear)[0];
    }

    /// <summary>The index of the last knot at or before <paramref name="time"/>, or 0 before the first.</summary>
    internal static int KnotAtOrBefore(ReadOnlySpan<double> times, double time)
    {
        var j = times.BinarySearch(time);
        return j >= 0 ? j : Math.Max(0, ~j - 1);
    }
}
