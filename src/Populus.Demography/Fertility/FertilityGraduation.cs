using Populus.Demography.Graduation;

namespace Populus.Demography.Fertility;

/// <summary>Single-year fertility rates from grouped rates (usually 15–19 … 45–49), keeping each group's births exactly.</summary>
/// <remarks>
/// Graduates cumulative fertility F(x) = Σ n·f below x, known at the group bounds, with a monotone cubic
/// (<see cref="MonotoneCumulativeSpline"/>: C² spline slopes, Hyman filter). Single-year rates are the yearly rises
/// of F, so (1) each group's single-year rates sum to n·f of the group and the TFR is kept exactly, (2) no rate is
/// negative, because F never decreases, and (3) the rate curve is continuous across group bounds (continuously
/// differentiable where the filter does not bind). At the two ends the rate is the linear extrapolation of the two
/// nearest group rates from their mid-points, floored at zero. Why this and not Sprague/Beers on births, or PCLM:
/// see docs/methods.md "Fertility".
/// </remarks>
public static class FertilityGraduation
{
    /// <summary>Single-year rates over the same ages as the (closed) groups of <paramref name="grouped"/>.</summary>
    /// <exception cref="ArgumentException">The grid has an open group, or fewer than two groups.</exception>
    public static FertilityRates ToSingleYear(FertilityRates grouped)
    {
        Guard.NotNull(grouped);
        var ages = grouped.Ages;
        if (ages.IsOpenEnded || ages.Count < 2)
        {
            Guard.ThrowArgument(nameof(grouped), $"Fertility graduation needs at least two closed age groups; got {ages}.");
        }

        var n = ages.Count;
        var bounds = new int[n + 1];
        var births = new double[n];
        for (var i = 0; i < n; i++)
        {
            bounds[i] = ages.Start(i);
            births[i] = ages.Width(i) * grouped[i];
        }

        bounds[n] = ages.End!.Value;
        var left = Extrapolate(ages, grouped, 0, 1, bounds[0]);
        var right = Extrapolate(ages, grouped, n - 2, n - 1, bounds[n]);
        var single = MonotoneCumulativeSpline.Split(bounds, births, left, right);
        return new FertilityRates(AgeGroups.SingleYearRange(bounds[0], bounds[n] - 1), single);
    }

    private static double Extrapolate(AgeGroups ages, FertilityRates f, int i, int j, int x)
    {
        var xi = ages.Start(i) + ages.Width(i) / 2.0;
        var xj = ages.Start(j) + ages.Width(j) / 2.0;
        return Math.Max(0.0, f[i] + (x - xi) / (xj - xi) * (f[j] - f[i]));
    }
}
