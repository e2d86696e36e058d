namespace Populus.Demography.Stochastic;

/// <summary>
/// The random processes of a probabilistic projection: deviations of TFR, female e0, the female–male e0 gap and the
/// net migration rate from the scenario's central path, by calendar year from <see cref="BaseYear"/>, and how they
/// are shared between the regions of one city.
/// </summary>
/// <remarks>
/// Each region r gets d_r = √ρ·c + √(1−ρ)·u_r, with c a path common to all regions and u_r its own, both following
/// the same <see cref="Ar1Process"/>: every region keeps the fitted marginal variance and any two regions correlate
/// by ρ (<see cref="RegionalCorrelation"/>). No sub-national data calibrate ρ; it is an assumption to state with
/// the results. Deviations add to a region's own central levels (TFR in children per woman, e0 in years, migration
/// in migrants per person per year times the region's population), so a region keeps its own level and pattern.
/// </remarks>
public sealed record UncertaintyModel
{
    /// <summary>The calendar year of horizon 0 (the last estimate year of the calibration data).</summary>
    public required int BaseYear { get; init; }

    public required Ar1Process TotalFertility { get; init; }

    public required Ar1Process FemaleLifeExpectancy { get; init; }

    /// <summary>g in male deviation = β·(female deviation) + g.</summary>
    public required Ar1Process MaleLifeExpectancyOwn { get; init; }

    /// <summary>β in male deviation = β·(female deviation) + g.</summary>
    public double MaleLoading { get; init; } = 1;

    /// <summary>Net migrants per person per year.</summary>
    public required Ar1Process NetMigrationRate { get; init; }

    /// <summary>ρ: the correlation of any two regions' deviations (1: the regions move together).</summary>
    public double RegionalCorrelation { get; init; } = 0.9;

    /// <summary>TFR never goes below this (BayesTFR likewise truncates its projections, at 0.5 [Alkema2011]).</summary>
    public double MinimumTotalFertility { get; init; } = 0.3;

    /// <summary>The female–male e0 gap is kept within [min(this, central gap), max(<see cref="MaximumGap"/>, central gap)].</summary>
    public double MinimumGap { get; init; }

    public double MaximumGap { get; init; } = 12;

    /// <summary>No uncertainty: every trajectory is the central path.</summary>
    public static UncertaintyModel None(int baseYear) => new()
    {
        BaseYear = baseYear,
        TotalFertility = Ar1Process.None,
        FemaleLifeExpectancy = Ar1Process.None,
        MaleLifeExpectancyOwn = Ar1Process.None,
        NetMigrationRate = Ar1Process.None,
    };

    /// <summary>A TFR drawn around <paramref name="central"/>: central + deviation, never below <see cref="MinimumTotalFertility"/>.</summary>
    public double TotalFertilityAt(double central, double deviation) => Math.Max(MinimumTotalFertility, central + deviation);

    /// <summary>Female and male e0 drawn around the central levels: female = central + d_f; male = central + β·d_f + g,
    /// then moved so the female–male gap stays within [min(<see cref="MinimumGap"/>, central gap), max(<see cref="MaximumGap"/>, central gap)].</summary>
    public (double Female, double Male) LifeExpectanciesAt(double centralFemale, double centralMale, double femaleDeviation, double maleOwnDeviation)
    {
        var female = centralFemale + femaleDeviation;
        var maleRaw = centralMale + MaleLoading * femaleDeviation + maleOwnDeviation;
        var centralGap = centralFemale - centralMale;
        var gap = Math.Clamp(female - maleRaw, Math.Min(MinimumGap, centralGap), Math.Max(MaximumGap, centralGap));
        return (female, female - gap);
    }

    internal void Check()
    {
        Guard.InRange(RegionalCorrelation, 0, 1, nameof(RegionalCorrelation));
        Guard.InRange(MinimumTotalFertility, 0, 10, nameof(MinimumTotalFertility));
        Guard.Finite(MaleLoading, nameof(MaleLoading));
        if (!(MaximumGap >= MinimumGap))
        {
            Guard.ThrowArgument(nameof(MaximumGap), $"The gap bounds [{MinimumGap}, {MaximumGap}] are empty.");
        }

        foreach (var (name, p) in new[] { ("TFR", TotalFertility), ("female e0", FemaleLifeExpectancy), ("male e0", MaleLifeExpectancyOwn), ("net migration", NetMigrationRate) })
        {
            Guard.NotNull(p, name);
            if (!(p.FirstYearSd >= 0 && p.InnovationSd >= 0 && p.Persistence >= 0 && p.Persistence <= 1) || !double.IsFinite(p.FirstYearSd + p.InnovationSd))
            {
                Guard.ThrowArgument(name, $"The {name} process {p} needs finite standard deviations ≥ 0 and a persistence in [0, 1].");
            }
        }
    }
}
