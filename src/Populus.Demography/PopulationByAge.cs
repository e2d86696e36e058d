namespace Populus.Demography;

/// <summary>A count of persons by age group (never negative).</summary>
public sealed class PopulationByAge : AgeSchedule
{
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or not finite.</exception>
    public PopulationByAge(AgeGroups ages, ReadOnlySpan<double> counts)
        : base(ages, counts, 0.0, double.MaxValue, "population")
    {
    }

    private PopulationByAge(AgeGroups ages, double[] counts, bool trusted)
        : base(ages, counts)
    {
    }

    internal static PopulationByAge Trusted(AgeGroups ages, double[] counts) => new(ages, counts, trusted: true);
}
