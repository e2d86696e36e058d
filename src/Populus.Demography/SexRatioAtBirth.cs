namespace Populus.Demography;

/// <summary>Male births per female birth (for example 1.06). Publications often quote it per 100 (106).</summary>
public readonly record struct SexRatioAtBirth
{
    /// <exception cref="ArgumentOutOfRangeException">The ratio is outside 0.5–2 (a ratio per 100 passed by mistake lands here).</exception>
    public SexRatioAtBirth(double malesPerFemale)
    {
        Guard.InRange(malesPerFemale, 0.5, 2.0, nameof(malesPerFemale));
        MalesPerFemale = malesPerFemale;
    }

    /// <summary>Male births per female birth.</summary>
    public double MalesPerFemale { get; }

    /// <summary>Male births per 100 female births, as the plan and WPP's indicator tables quote it.</summary>
    public double Per100Females => MalesPerFemale * 100.0;

    /// <summary>From a ratio quoted per 100 females (106 → 1.06).</summary>
    public static SexRatioAtBirth FromPer100(double per100) => new(per100 / 100.0);

    /// <summary>From counts of male and female births (for example a census birth table).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or not finite, there are no female births, or the ratio is outside 0.5–2.</exception>
    public static SexRatioAtBirth FromBirths(double maleBirths, double femaleBirths)
    {
        Guard.InRange(maleBirths, 0, double.MaxValue, nameof(maleBirths));
        if (!(femaleBirths > 0) || double.IsInfinity(femaleBirths))
        {
            Guard.ThrowRange(nameof(femaleBirths), femaleBirths, "must be positive and finite");
        }

        return new SexRatioAtBirth(maleBirths / femaleBirths);
    }

    /// <summary>The share of births that are female: 1 / (1 + SRB).</summary>
    public double FemaleShare => 1.0 / (1.0 + MalesPerFemale);

    /// <summary>The share of births that are male: SRB / (1 + SRB).</summary>
    public double MaleShare => MalesPerFemale / (1.0 + MalesPerFemale);

    public override string ToString() => MalesPerFemale.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
