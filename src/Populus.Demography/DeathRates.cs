using System.Numerics.Tensors;

namespace Populus.Demography;

/// <summary>Central death rates nMx (deaths per person-year lived) by age group.</summary>
public sealed class DeathRates : AgeSchedule
{
    /// <summary>Rates above this are treated as input errors: even at the oldest ages observed mx stays below about 1.5.</summary>
    public const double MaximumRate = 10.0;

    /// <exception cref="ArgumentOutOfRangeException">A rate is negative, not finite or above <see cref="MaximumRate"/>.</exception>
    public DeathRates(AgeGroups ages, ReadOnlySpan<double> mx)
        : base(ages, mx, 0.0, MaximumRate, "mx")
    {
    }

    private DeathRates(AgeGroups ages, double[] mx, bool trusted)
        : base(ages, mx)
    {
    }

    /// <summary>Rates from deaths and person-years of exposure (mx = D / E).</summary>
    /// <exception cref="ArgumentException">Exposure is not positive where deaths occur, or lengths differ.</exception>
    public static DeathRates FromDeathsAndExposure(AgeGroups ages, ReadOnlySpan<double> deaths, ReadOnlySpan<double> exposure)
    {
        Guard.NotNull(ages);
        var mx = new double[ages.Count];
        FromDeathsAndExposure(ages, deaths, exposure, mx);
        return Trusted(ages, mx);
    }

    /// <summary>As <see cref="FromDeathsAndExposure(AgeGroups, ReadOnlySpan{double}, ReadOnlySpan{double})"/>, into a
    /// buffer the caller owns, with the same checks.</summary>
    internal static void FromDeathsAndExposure(AgeGroups ages, ReadOnlySpan<double> deaths, ReadOnlySpan<double> exposure, Span<double> mx)
    {
        if (deaths.Length != ages.Count || exposure.Length != ages.Count)
        {
            Guard.ThrowArgument(nameof(deaths), $"deaths ({deaths.Length}) and exposure ({exposure.Length}) need one value for each of {ages.Count} age groups.");
        }

        // Checked in vector passes; the first failing age is found one by one only for the message.
        if (Projection.Kernels.AllWithin(deaths, 0, double.MaxValue) && Projection.Kernels.AllWithin(exposure, double.Epsilon, double.MaxValue))
        {
            TensorPrimitives.Divide(deaths, exposure, mx);
            CheckRange(ages, mx, 0.0, MaximumRate, "mx");
            return;
        }

        for (var i = 0; i < mx.Length; i++)
        {
            Guard.InRange(deaths[i], 0, double.MaxValue, $"deaths at age {ages.Label(i)}");
            if (!(exposure[i] > 0) || double.IsInfinity(exposure[i]))
            {
                Guard.ThrowRange($"exposure at age {ages.Label(i)}", exposure[i], "must be positive and finite");
            }

            mx[i] = deaths[i] / exposure[i];
        }

        CheckRange(ages, mx, 0.0, MaximumRate, "mx");
    }

    /// <summary>For callers in this assembly that computed and checked the rates.</summary>
    internal static DeathRates Trusted(AgeGroups ages, double[] mx) => new(ages, mx, trusted: true);
}
