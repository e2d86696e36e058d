namespace Populus.Demography.Graduation;

/// <summary>Single-year death rates from an abridged schedule (0, 1–4, 5–9, …, ω+), for projection.</summary>
/// <remarks>
/// Graduates the cumulative hazard H(x) = ∫₀ˣ μ, not the rates: under a constant force within each abridged group,
/// H rises by n·nMx across the group, and exp(−n·nMx) is the group's survival. A monotone cubic through H at the
/// group bounds 1, 5, 10, …, ω (<see cref="MonotoneCumulativeSpline"/>) is split into years, and each year's rate is
/// its rise, 1Mx = H(x+1) − H(x) (constant force within the year). So the single-year rates of a group multiply to
/// exactly the group's survival exp(−n·nMx), none is negative, and they run smoothly across group bounds.
/// 1M0 and the open group ω+ are kept as given. The force at the two ends of the spline comes from log-linear
/// extrapolation of the two nearest group rates (placed at group mid-points), mortality being close to
/// exponential in age over a few years. See docs/methods.md "Graduation and interpolation" for the accuracy on
/// Canada 1950–2019 (WPP 2019 single-year tables).
/// </remarks>
public static class MortalityGraduation
{
    /// <summary>Single-year rates 0, 1, …, ω−1, ω+ from abridged rates 0, 1–4, 5–9, …, ω+.</summary>
    /// <exception cref="ArgumentException">The grid is not the abridged life-table grid.</exception>
    public static DeathRates ToSingleYear(DeathRates abridged)
    {
        Guard.NotNull(abridged);
        var ages = abridged.Ages;
        if (!ages.IsAbridged)
        {
            Guard.ThrowArgument(nameof(abridged), $"Mortality graduation needs the abridged grid 0, 1-4, 5-9, …, ω+; got {ages}.");
        }

        var m = abridged.Values;
        var groups = ages.Count - 2; // 1–4 … last closed group
        var bounds = new int[groups + 1];
        var hazard = new double[groups];
        for (var i = 0; i < groups; i++)
        {
            bounds[i] = ages.Start(i + 1);
            hazard[i] = ages.Width(i + 1) * m[i + 1];
        }

        bounds[groups] = ages.OpenAge;
        var left = LogLinear(Mid(ages, 1), m[1], Mid(ages, 2), m[2], bounds[0]);
        var right = LogLinear(Mid(ages, groups - 1), m[groups - 1], Mid(ages, groups), m[groups], bounds[groups]);
        var yearly = MonotoneCumulativeSpline.Split(bounds, hazard, left, right);

        var single = new double[ages.OpenAge + 1];
        single[0] = m[0];
        yearly.CopyTo(single, 1);
        single[^1] = m[^1];
        return new DeathRates(AgeGroups.SingleYear(ages.OpenAge), single);
    }

    private static double Mid(AgeGroups ages, int i) => ages.Start(i) + ages.Width(i) / 2.0;

    /// <summary>The rate at <paramref name="x"/> on the line through (x1, ln m1), (x2, ln m2); linear when a rate is zero.</summary>
    private static double LogLinear(double x1, double m1, double x2, double m2, double x)
    {
        var t = (x - x1) / (x2 - x1);
        return m1 > 0 && m2 > 0 ? Math.Exp(Math.Log(m1) + t * (Math.Log(m2) - Math.Log(m1))) : Math.Max(0.0, m1 + t * (m2 - m1));
    }
}
