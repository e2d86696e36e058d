namespace Populus.Demography.Stochastic;

/// <summary>
/// Net migration of a region measured as the residual of the demographic balancing equation, and the spread of a
/// region's own yearly rates as a deviation process.
/// </summary>
/// <remarks>
/// <para>Between two year-end counts P(y−1) and P(y), net migration is NM = P(y) − P(y−1) − (B − D): what the natural
/// increase does not explain ([PHG2001] ch. 1, the balancing equation). Statistical bureaus publish the natural growth
/// rate r per thousand of the mean population, so B − D = r/1000 · (P(y−1) + P(y))/2, and the crude net migration rate
/// is NM over the same mean population. The residual carries any error of the counts; a year whose start count was
/// revised by a census (the bureau's estimate for the census year replaces the rolled-forward one) is not migration
/// and must not be given here.</para>
/// <para>A province-sized or national calibration (WPP's bounds) fits net migration of a whole country, whose
/// rate moves by a few hundredths of a percent; a city's net migration rate moves by tenths of a percent from year to
/// year. Where a region has its own residual rates, their sample standard deviation is the spread of its yearly
/// deviation: a process without persistence (φ = 0, each year's shock its own), σ1 = σ = s, as the national fits of
/// net migration are (docs/methods.md "A region's own migration spread").</para>
/// </remarks>
public static class ResidualMigration
{
    /// <summary>The fewest yearly rates whose spread is used: fewer say nothing about a standard deviation.</summary>
    public const int MinimumYears = 3;

    /// <summary>The crude net migration rate (per person per year) of the year from <paramref name="startPopulation"/>
    /// to <paramref name="endPopulation"/> with natural growth <paramref name="naturalGrowthPerThousand"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive and finite, or the rate is not finite.</exception>
    public static double Rate(double startPopulation, double endPopulation, double naturalGrowthPerThousand)
    {
        Guard.Positive(startPopulation, nameof(startPopulation));
        Guard.Positive(endPopulation, nameof(endPopulation));
        Guard.Finite(naturalGrowthPerThousand, nameof(naturalGrowthPerThousand));
        var mean = (startPopulation + endPopulation) / 2;
        return (endPopulation - startPopulation - naturalGrowthPerThousand / 1000 * mean) / mean;
    }

    /// <summary>The deviation process of a region whose yearly residual rates are <paramref name="rates"/>: no
    /// persistence, both standard deviations the rates' sample standard deviation.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumYears"/> rates, or one not finite.</exception>
    public static Ar1Process Spread(IReadOnlyList<double> rates)
    {
        Guard.NotNull(rates);
        if (rates.Count < MinimumYears)
        {
            Guard.ThrowArgument(nameof(rates), $"{rates.Count} yearly net migration rates; at least {MinimumYears} are needed to measure their spread.");
        }

        foreach (var r in rates)
        {
            Guard.Finite(r, "net migration rate");
        }

        var mean = rates.Average();
        var sd = Math.Sqrt(rates.Sum(r => (r - mean) * (r - mean)) / (rates.Count - 1));
        return new Ar1Process(sd, 0, sd);
    }
}
