using Populus.Planning.Targets;

namespace Populus.Planning.Probability;

/// <summary>The probability that a target is met, from the values an indicator takes in the trajectories of a
/// probabilistic projection at the target's year: the share of trajectories that meet it.</summary>
/// <remarks>
/// Every trajectory is equally likely (they are independent draws of the same processes), so the share of them
/// meeting the rule is the Monte Carlo estimate of the probability, with standard error √(p(1−p)/N). The numeric
/// rules use the band of <see cref="TargetRule.Band"/> (strict for &gt; and &lt;); rules relative to an earlier
/// value (increasing, decreasing, stable, maintain) need that value of the same trajectory, given as
/// <c>reference</c> (the base-year or previous-target-year value of each trajectory, or one value for all).
/// </remarks>
public static class TargetProbability
{
    /// <summary>The share of <paramref name="values"/> that meet a numeric <paramref name="rule"/>.</summary>
    /// <exception cref="ArgumentException">No values, a value that is not finite, or a rule that needs a reference value or a province comparison.</exception>
    public static double Of(TargetRule rule, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Check(values);
        if (rule.Band is not { } band || rule.Kind == TargetKind.CumulativeAtLeast)
        {
            throw new ArgumentException($"'{rule}' is not met by one year's value alone; use the overload with reference values (increasing, stable, …) or sum the annual values first (cumulative).", nameof(rule));
        }

        var met = 0;
        foreach (var v in values)
        {
            met += Meets(rule, band, v) ? 1 : 0;
        }

        return (double)met / values.Count;
    }

    /// <summary>The share of trajectories whose value meets <paramref name="rule"/> relative to the same trajectory's
    /// <paramref name="reference"/> value (for increasing, decreasing, stable, maintain-high/low), or absolutely for numeric rules.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, a value is not finite, or the rule compares with the province.</exception>
    public static double Of(TargetRule rule, IReadOnlyList<double> values, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Check(values);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count != values.Count)
        {
            throw new ArgumentException($"{reference.Count} reference values for {values.Count} trajectories.", nameof(reference));
        }

        Check(reference);
        var met = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var (v, r) = (values[i], reference[i]);
            met += rule.Kind switch
            {
                TargetKind.Increasing or TargetKind.IncreasingYearly => v > r,
                TargetKind.Decreasing => v < r,
                TargetKind.Stable => Math.Abs(v - r) <= TargetRule.StableBand * Math.Abs(r),
                TargetKind.MaintainHigh => v >= r,
                TargetKind.MaintainLow => v <= r,
                TargetKind.BetterThanProvinceAverage or TargetKind.TopOfProvince =>
                    throw new ArgumentException($"'{rule}' compares with the province's other cities, which a projection of one city does not give.", nameof(rule)),
                _ => rule.Band is { } band && rule.Kind != TargetKind.CumulativeAtLeast
                    ? Meets(rule, band, v)
                    : throw new ArgumentException($"'{rule}': sum the annual values of each trajectory since the base year, then use the numeric form cum>= with Of(rule, sums).", nameof(rule)),
            }
                ? 1
                : 0;
        }

        return (double)met / values.Count;
    }

    /// <summary>The standard error of a probability estimated from <paramref name="trajectories"/> trajectories.</summary>
    public static double StandardError(double probability, int trajectories) =>
        Math.Sqrt(probability * (1 - probability) / trajectories);

    internal static bool Meets(TargetRule rule, (double Lower, double Upper) band, double v) =>
        v >= band.Lower && v <= band.Upper && (rule.Kind != TargetKind.Above || v > band.Lower) && (rule.Kind != TargetKind.Below || v < band.Upper);

    private static void Check(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No trajectory values.", nameof(values));
        }

        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"A trajectory value is {v}; every value must be finite.", nameof(values));
            }
        }
    }
}
