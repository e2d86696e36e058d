namespace Populus.Demography;

/// <summary>
/// Values by age group with a known grid. The derived types say what the values are (a rate is not a count) and
/// enforce the range that fits: <see cref="DeathRates"/>, <see cref="FertilityRates"/>, <see cref="PopulationByAge"/>,
/// <see cref="NetMigrants"/>, <see cref="SurvivalRatios"/>.
/// </summary>
/// <remarks>Immutable: the values are copied at construction and exposed read-only.</remarks>
public abstract class AgeSchedule
{
    private protected readonly double[] _values;

    /// <param name="ages">The age grid.</param>
    /// <param name="values">One value a group, copied.</param>
    /// <param name="min">Smallest allowed value (inclusive).</param>
    /// <param name="max">Largest allowed value (inclusive).</param>
    /// <param name="what">What the values are, for error messages ("mx", "population").</param>
    private protected AgeSchedule(AgeGroups ages, ReadOnlySpan<double> values, double min, double max, string what)
    {
        Guard.NotNull(ages);
        if (values.Length != ages.Count)
        {
            Guard.ThrowArgument(nameof(values),
                $"{what}: {values.Length} values given for {ages.Count} age groups ({ages}); every age needs a value.");
        }

        CheckRange(ages, values, min, max, what);
        Ages = ages;
        _values = values.ToArray();
    }

    /// <summary>Trusted path for callers that already validated and own the array.</summary>
    private protected AgeSchedule(AgeGroups ages, double[] values)
    {
        Ages = ages;
        _values = values;
    }

    /// <summary>Throws unless every value lies in [<paramref name="min"/>, <paramref name="max"/>] (NaN does not).</summary>
    private protected static void CheckRange(AgeGroups ages, ReadOnlySpan<double> values, double min, double max, string what)
    {
        // A schedule is made for every figure a formula asks for (a probabilistic run: hundreds a trajectory): one vector
        // pass, and the first value out of range found by age only for the message.
        if (Projection.Kernels.AllWithin(values, min, max))
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!(v >= min && v <= max))
            {
                Guard.ThrowRange(what, v, $"at age {ages.Label(i)} must be between {min} and {max}");
            }
        }
    }

    /// <summary>The age grid.</summary>
    public AgeGroups Ages { get; }

    /// <summary>The values, in age order.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Number of age groups.</summary>
    public int Count => _values.Length;

    /// <summary>The value of group <paramref name="index"/>.</summary>
    public double this[int index] => _values[index];

    /// <summary>The value of the group that contains <paramref name="age"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No group covers the age.</exception>
    public double AtAge(int age)
    {
        var i = Ages.IndexOf(age);
        if (i < 0)
        {
            Guard.ThrowRange(nameof(age), age, $"is outside the ages {Ages}");
        }

        return _values[i];
    }

    /// <summary>Sum over all groups.</summary>
    public double Total()
    {
        var s = 0.0;
        foreach (var v in _values)
        {
            s += v;
        }

        return s;
    }

    /// <summary>A copy of the values.</summary>
    public double[] ToArray() => (double[])_values.Clone();
}
