namespace Populus.Demography.Projection;

/// <summary>
/// Non-negative values by sex and age on a projection grid that describe one kind of move between states: rates
/// (probabilities per step) or counts, as the <see cref="StateTransitions"/> set that uses it says.
/// </summary>
/// <remarks>
/// Values are indexed by the age group the cohort reaches at the end of the step, as migration by age at the census
/// ("where did you live five years ago") is tabulated. One schedule may be shared by many origin–destination pairs,
/// each with its own scale: Rogers &amp; Castro's model schedules ([RC1981]) give an age profile, a pair's level
/// scales it, and sharing keeps the age dimension of a large OD table rank one.
/// </remarks>
public sealed class TransitionSchedule
{
    private readonly double[] _values;

    /// <exception cref="ArgumentException">A sex's values do not match the grid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    public TransitionSchedule(AgeGroups ages, ReadOnlySpan<double> male, ReadOnlySpan<double> female)
    {
        Guard.NotNull(ages);
        var a = ages.Count;
        if (male.Length != a || female.Length != a)
        {
            Guard.ThrowArgument(nameof(male), $"Transition schedule: {male.Length} male and {female.Length} female values for {a} age groups ({ages}).");
        }

        _values = new double[2 * a];
        male.CopyTo(_values);
        female.CopyTo(_values.AsSpan(a));
        for (var i = 0; i < _values.Length; i++)
        {
            if (!(_values[i] >= 0 && _values[i] <= double.MaxValue))
            {
                Guard.ThrowRange($"transition value for {(i < a ? "males" : "females")} at age {ages.Label(i % a)}", _values[i], "must be a non-negative finite number");
            }
        }

        Ages = ages;
    }

    /// <summary>The same value at every age for both sexes.</summary>
    public static TransitionSchedule Constant(AgeGroups ages, double value)
    {
        Guard.NotNull(ages);
        var v = Enumerable.Repeat(value, ages.Count).ToArray();
        return new TransitionSchedule(ages, v, v);
    }

    public AgeGroups Ages { get; }

    public ReadOnlySpan<double> Values(Sex sex) => _values.AsSpan((int)sex * Ages.Count, Ages.Count);

    /// <summary>Male values then female values.</summary>
    internal ReadOnlySpan<double> All => _values;
}
