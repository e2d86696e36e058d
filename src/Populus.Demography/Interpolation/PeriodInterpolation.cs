namespace Populus.Demography.Interpolation;

/// <summary>
/// Values known at the mid-points of periods (WPP's five-year periods: 1950–1955 at 1953, …) interpolated to other
/// times, usually the middle of each calendar year.
/// </summary>
/// <remarks>
/// Between two knots t₀ &lt; t₁ with values v₀, v₁ the value at t is v₀ + w·(v₁ − v₀) with w = (t − t₀)/(t₁ − t₀) on
/// the linear scale, and exp(ln v₀ + w·(ln v₁ − ln v₀)) = v₀^(1−w)·v₁^w on the log-linear scale, the usual rule for
/// death rates, which change by roughly constant proportions over time [WPP2024]. Outside the knots
/// <see cref="EndRule"/> says whether to hold the end value or extend the end segment's line. Which time point stands
/// for a calendar year is the caller's choice; <see cref="CalendarYearMidpoints"/> gives t + 0.5.
/// </remarks>
public static class PeriodInterpolation
{
    /// <summary>The mid-points t + 0.5 of the calendar years <paramref name="firstYear"/> … <paramref name="lastYear"/>.</summary>
    /// <exception cref="ArgumentException">The range is empty.</exception>
    public static double[] CalendarYearMidpoints(int firstYear, int lastYear)
    {
        if (lastYear < firstYear)
        {
            Guard.ThrowArgument(nameof(lastYear), $"Years {firstYear}–{lastYear} are empty.");
        }

        var t = new double[lastYear - firstYear + 1];
        for (var i = 0; i < t.Length; i++)
        {
            t[i] = firstYear + i + 0.5;
        }

        return t;
    }

    /// <summary>Interpolates one series.</summary>
    /// <param name="knotTimes">Strictly increasing times of the known values (at least one).</param>
    /// <param name="knotValues">The known values; not negative on the log-linear scale; a segment with a zero at either end is interpolated linearly.</param>
    /// <param name="times">Times to evaluate at, any order.</param>
    /// <param name="scale">Linear or log-linear.</param>
    /// <param name="ends">Hold or extend beyond the knots.</param>
    /// <exception cref="ArgumentException">Knot times not increasing, lengths differ, or a non-positive value on the log scale.</exception>
    public static double[] Interpolate(
        ReadOnlySpan<double> knotTimes, ReadOnlySpan<double> knotValues, ReadOnlySpan<double> times,
        InterpolationScale scale, EndRule ends = EndRule.Hold)
    {
        CheckKnots(knotTimes, knotValues.Length);
        CheckValues(knotValues, scale, "value");
        var result = new double[times.Length];
        for (var i = 0; i < times.Length; i++)
        {
            result[i] = At(knotTimes, knotValues, times[i], scale, ends);
        }

        return result;
    }

    /// <summary>Death rates for each of <paramref name="times"/>, log-linear age by age between the schedules.</summary>
    /// <remarks>An age whose rate is zero in one of two adjacent schedules is interpolated linearly (no log of zero).</remarks>
    /// <exception cref="ArgumentException">Schedules on different grids, or times not increasing.</exception>
    public static DeathRates[] InterpolateDeathRates(
        ReadOnlySpan<double> knotTimes, IReadOnlyList<DeathRates> schedules, ReadOnlySpan<double> times, EndRule ends = EndRule.Hold)
    {
        var columns = Columns(knotTimes, schedules);
        var ages = schedules[0].Ages;
        var result = new DeathRates[times.Length];
        var v = new double[schedules.Count];
        for (var k = 0; k < times.Length; k++)
        {
            var mx = new double[ages.Count];
            for (var a = 0; a < mx.Length; a++)
            {
                for (var s = 0; s < v.Length; s++)
                {
                    v[s] = columns[s][a];
                }

                mx[a] = At(knotTimes, v, times[k], InterpolationScale.LogLinear, ends);
            }

            result[k] = new DeathRates(ages, mx);
        }

        return result;
    }

    /// <summary>Fertility rates for each of <paramref name="times"/>, linear age by age (rates extended below zero are set to zero).</summary>
    /// <exception cref="ArgumentException">Schedules on different grids, or times not increasing.</exception>
    public static FertilityRates[] InterpolateFertilityRates(
        ReadOnlySpan<double> knotTimes, IReadOnlyList<FertilityRates> schedules, ReadOnlySpan<double> times, EndRule ends = EndRule.Hold)
    {
        var columns = Columns(knotTimes, schedules);
        var ages = schedules[0].Ages;
        var result = new FertilityRates[times.Length];
        var v = new double[schedules.Count];
        for (var k = 0; k < times.Length; k++)
        {
            var f = new double[ages.Count];
            for (var a = 0; a < f.Length; a++)
            {
                for (var s = 0; s < v.Length; s++)
                {
                    v[s] = columns[s][a];
                }

                f[a] = Math.Max(0.0, At(knotTimes, v, times[k], InterpolationScale.Linear, ends));
            }

            result[k] = new FertilityRates(ages, f);
        }

        return result;
    }

    private static double[][] Columns<T>(ReadOnlySpan<double> knotTimes, IReadOnlyList<T> schedules)
        where T : AgeSchedule
    {
        Guard.NotNull(schedules);
        CheckKnots(knotTimes, schedules.Count);
        var columns = new double[schedules.Count][];
        for (var s = 0; s < columns.Length; s++)
        {
            Guard.NotNull(schedules[s]);
            schedules[s].Ages.RequireSame(schedules[0].Ages, "schedules to interpolate");
            columns[s] = schedules[s].ToArray();
        }

        return columns;
    }

    private static double At(ReadOnlySpan<double> t, ReadOnlySpan<double> v, double time, InterpolationScale scale, EndRule ends)
    {
        var n = t.Length;
        if (n == 1 || (ends == EndRule.Hold && (time <= t[0] || time >= t[n - 1])))
        {
            return time <= t[0] ? v[0] : v[n - 1];
        }

        // Segment [t[j], t[j+1]] containing time, or the end segment when extending.
        var j = t.BinarySearch(time);
        j = j >= 0 ? Math.Min(j, n - 2) : Math.Clamp(~j - 1, 0, n - 2);
        var w = (time - t[j]) / (t[j + 1] - t[j]);
        var a = v[j];
        var b = v[j + 1];
        if (scale == InterpolationScale.LogLinear && a > 0 && b > 0)
        {
            return Math.Exp(Math.Log(a) + w * (Math.Log(b) - Math.Log(a)));
        }

        return a + w * (b - a);
    }

    private static void CheckKnots(ReadOnlySpan<double> knotTimes, int values)
    {
        if (knotTimes.Length == 0 || knotTimes.Length != values)
        {
            Guard.ThrowArgument(nameof(knotTimes), $"{knotTimes.Length} knot times for {values} values; at least one of each, equal in number.");
        }

        for (var i = 0; i < knotTimes.Length; i++)
        {
            if (!double.IsFinite(knotTimes[i]) || (i > 0 && knotTimes[i] <= knotTimes[i - 1]))
            {
                Guard.ThrowArgument(nameof(knotTimes), $"Knot times must be finite and increase: {knotTimes[i]} at position {i}.");
            }
        }
    }

    private static void CheckValues(ReadOnlySpan<double> values, InterpolationScale scale, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var ok = scale == InterpolationScale.LogLinear ? values[i] >= 0 && double.IsFinite(values[i]) : double.IsFinite(values[i]);
            if (!ok)
            {
                Guard.ThrowRange(what, values[i], $"at knot {i} must be finite{(scale == InterpolationScale.LogLinear ? " and not negative on the log scale" : "")}");
            }
        }
    }
}
