namespace Populus.Demography;

/// <summary>Age-specific fertility rates: live births per woman per year, by mother's age group.</summary>
/// <remarks>The grid is usually closed (15–49); ages outside it have zero fertility.</remarks>
public sealed class FertilityRates : AgeSchedule
{
    /// <summary>No population has sustained more than about 0.5 births per woman-year at any age; 1 is a hard bound.</summary>
    public const double MaximumRate = 1.0;

    /// <exception cref="ArgumentOutOfRangeException">A rate is negative, not finite or above <see cref="MaximumRate"/>.</exception>
    public FertilityRates(AgeGroups ages, ReadOnlySpan<double> asfr)
        : base(ages, asfr, 0.0, MaximumRate, "asfr")
    {
    }

    private FertilityRates(AgeGroups ages, double[] asfr, bool trusted)
        : base(ages, asfr)
    {
    }

    internal static FertilityRates Trusted(AgeGroups ages, double[] asfr) => new(ages, asfr, trusted: true);

    /// <summary>Total fertility rate: Σ n·fx over the closed groups.</summary>
    public double TotalFertilityRate()
    {
        var tfr = 0.0;
        for (var i = 0; i < Count; i++)
        {
            if (!Ages.IsOpen(i))
            {
                tfr += Ages.Width(i) * _values[i];
            }
        }

        return tfr;
    }
}
