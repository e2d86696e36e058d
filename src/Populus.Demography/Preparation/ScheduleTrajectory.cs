using Populus.Demography.Fertility;
using Populus.Demography.Graduation;
using Populus.Demography.Interpolation;

namespace Populus.Demography.Preparation;

/// <summary>Age schedules known at some times (WPP's five-year periods, the years of an input bundle), read at any time on single ages.</summary>
/// <remarks>
/// Schedules are graduated to single years once, at construction, and interpolated age by age afterwards: death
/// rates log-linearly, fertility linearly ([WPP2024]; see <see cref="PeriodInterpolation"/>). Graduating first keeps
/// every knot's own totals (an abridged group's survival, a five-year group's births) and makes all knots share one grid.
/// </remarks>
public sealed class ScheduleTrajectory<T>
    where T : AgeSchedule
{
    private readonly double[] _times;
    private readonly T[] _schedules;
    private readonly Func<double[], T[], double, T> _interpolate;

    internal ScheduleTrajectory(IEnumerable<KeyValuePair<double, T>> knots, TrajectoryMode mode, Func<double[], T[], double, T> interpolate)
    {
        var sorted = knots.OrderBy(k => k.Key).ToArray();
        if (sorted.Length == 0)
        {
            Guard.ThrowArgument(nameof(knots), "A schedule trajectory needs at least one schedule.");
        }

        _times = [.. sorted.Select(k => k.Key)];
        _schedules = [.. sorted.Select(k => k.Value)];
        for (var i = 0; i < _times.Length; i++)
        {
            Guard.Finite(_times[i], "schedule time");
            Guard.NotNull(_schedules[i], $"schedule at {_times[i]}");
            _schedules[i].Ages.RequireSame(_schedules[0].Ages, $"schedule at {_times[i]} (after graduation to single years)");
            if (i > 0 && _times[i] <= _times[i - 1])
            {
                Guard.ThrowArgument(nameof(knots), $"Two schedules are given at time {_times[i]}.");
            }
        }

        Mode = mode;
        _interpolate = interpolate;
    }

    public TrajectoryMode Mode { get; }

    /// <summary>The single-year grid of every schedule.</summary>
    public AgeGroups Ages => _schedules[0].Ages;

    /// <summary>The times of the given schedules, ascending.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The schedule at <paramref name="time"/>.</summary>
    public T At(double time) => Mode == TrajectoryMode.Step || _times.Length == 1
        ? _schedules[Trajectory.KnotAtOrBefore(_times, time)]
        : _interpolate(_times, _schedules, time);
}

/// <summary>Builds <see cref="ScheduleTrajectory{T}"/>s for death and fertility rates.</summary>
public static class ScheduleTrajectory
{
    /// <summary>Death rates by time, on single years 0..ω+ or abridged groups (graduated by <see cref="MortalityGraduation"/>).</summary>
    /// <exception cref="ArgumentException">No schedule, a grid that is neither single-year nor abridged, or two grids with different open ages.</exception>
    public static ScheduleTrajectory<DeathRates> Mortality(IEnumerable<KeyValuePair<double, DeathRates>> knots, TrajectoryMode mode)
    {
        Guard.NotNull(knots);
        return new(knots.Select(k => new KeyValuePair<double, DeathRates>(k.Key, SingleYearMortality(k.Value))), mode,
            static (t, s, time) => PeriodInterpolation.InterpolateDeathRates(t, s, [time])[0]);
    }

    /// <summary>Fertility rates by time, single years or closed groups (graduated by <see cref="FertilityGraduation"/>, keeping each group's births).</summary>
    /// <exception cref="ArgumentException">No schedule, or schedules covering different ages.</exception>
    public static ScheduleTrajectory<FertilityRates> Fertility(IEnumerable<KeyValuePair<double, FertilityRates>> knots, TrajectoryMode mode)
    {
        Guard.NotNull(knots);
        return new(knots.Select(k => new KeyValuePair<double, FertilityRates>(k.Key, SingleYearFertility(k.Value))), mode,
            static (t, s, time) => PeriodInterpolation.InterpolateFertilityRates(t, s, [time])[0]);
    }

    private static DeathRates SingleYearMortality(DeathRates mx)
    {
        Guard.NotNull(mx);
        if (mx.Ages.IsSingleYear && mx.Ages.FirstAge == 0 && mx.Ages.IsOpenEnded)
        {
            return mx;
        }

        return MortalityGraduation.ToSingleYear(mx);
    }

    private static FertilityRates SingleYearFertility(FertilityRates asfr)
    {
        Guard.NotNull(asfr);
        return asfr.Ages.IsSingleYear ? asfr : FertilityGraduation.ToSingleYear(asfr);
    }
}
