namespace Populus.Demography.Fertility;

/// <summary>Age-specific fertility from births and exposure, regrouping, mean age at childbearing and scaling to a TFR.</summary>
/// <remarks>Definitions as in [PHG2001] ch. 5: nFx = nBx / nNx (births to women aged x…x+n per woman-year lived there).</remarks>
public static class FertilityMeasures
{
    /// <summary>Rates nFx = births / female person-years, by group (single years 15–49, five-year groups, …).</summary>
    /// <exception cref="ArgumentException">Lengths differ from the grid, births are negative, or exposure is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate exceeds <see cref="FertilityRates.MaximumRate"/> (usually exposure in the wrong unit).</exception>
    public static FertilityRates FromBirths(AgeGroups ages, ReadOnlySpan<double> births, ReadOnlySpan<double> femaleExposure)
    {
        Guard.NotNull(ages);
        if (births.Length != ages.Count || femaleExposure.Length != ages.Count)
        {
            Guard.ThrowArgument(nameof(births), $"births ({births.Length}) and female exposure ({femaleExposure.Length}) need one value for each of {ages.Count} age groups.");
        }

        var f = new double[ages.Count];
        for (var i = 0; i < f.Length; i++)
        {
            Guard.InRange(births[i], 0, double.MaxValue, $"births at age {ages.Label(i)}");
            if (!(femaleExposure[i] > 0) || double.IsInfinity(femaleExposure[i]))
            {
                Guard.ThrowRange($"female exposure at age {ages.Label(i)}", femaleExposure[i], "must be positive and finite");
            }

            f[i] = births[i] / femaleExposure[i];
        }

        return new FertilityRates(ages, f);
    }

    /// <summary>Rates on a coarser grid (for example single years 15–49 to 15–19 … 45–49).</summary>
    /// <param name="rates">Rates on the finer grid.</param>
    /// <param name="target">Closed groups whose bounds are bounds of <paramref name="rates"/>' grid.</param>
    /// <param name="femaleExposure">
    /// Female person-years on the finer grid: the group rate is then Σ births / Σ exposure, the rate that data in
    /// the coarser groups would show. Empty: the plain mean of the finer rates weighted by width, which keeps the TFR.
    /// </param>
    /// <exception cref="ArgumentException">The grids do not nest, or the exposure has the wrong length.</exception>
    public static FertilityRates Regroup(FertilityRates rates, AgeGroups target, ReadOnlySpan<double> femaleExposure = default)
    {
        Guard.NotNull(rates);
        Guard.NotNull(target);
        var fine = rates.Ages;
        if (!femaleExposure.IsEmpty && femaleExposure.Length != fine.Count)
        {
            Guard.ThrowArgument(nameof(femaleExposure), $"Exposure has {femaleExposure.Length} values for {fine.Count} age groups.");
        }

        if (target.IsOpenEnded)
        {
            Guard.ThrowArgument(nameof(target), "Fertility groups must be closed.");
        }

        var f = new double[target.Count];
        var i = fine.IndexOf(target.FirstAge);
        if (i < 0 || fine.Start(i) != target.FirstAge)
        {
            Guard.ThrowArgument(nameof(target), $"{target} does not start on a bound of {fine}.");
        }

        for (var g = 0; g < target.Count; g++)
        {
            var end = target.Start(g) + target.Width(g);
            double births = 0, weight = 0;
            var covered = target.Start(g);
            while (i < fine.Count && fine.Start(i) < end)
            {
                if (fine.IsOpen(i) || fine.Start(i) + fine.Width(i) > end)
                {
                    Guard.ThrowArgument(nameof(target), $"Group {target.Label(g)} splits {fine.Label(i)} of the rates' grid.");
                }

                var w = femaleExposure.IsEmpty ? fine.Width(i) : femaleExposure[i];
                births += rates[i] * w;
                weight += w;
                covered = fine.Start(i) + fine.Width(i);
                i++;
            }

            if (covered != end)
            {
                Guard.ThrowArgument(nameof(target), $"Group {target.Label(g)} reaches beyond {fine}.");
            }

            f[g] = weight > 0 ? births / weight : 0.0;
        }

        return new FertilityRates(target, f);
    }

    /// <summary>Mean age at childbearing: Σ (x + n/2)·n·fx / Σ n·fx, ages at group mid-points.</summary>
    /// <exception cref="ArgumentException">The schedule has no births (TFR = 0) or an open group with births.</exception>
    public static double MeanAgeAtChildbearing(FertilityRates rates)
    {
        Guard.NotNull(rates);
        double weighted = 0, total = 0;
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates.Ages.IsOpen(i))
            {
                if (rates[i] > 0)
                {
                    Guard.ThrowArgument(nameof(rates), $"The open group {rates.Ages.Label(i)} has births but no mid-point.");
                }

                continue;
            }

            var n = rates.Ages.Width(i);
            weighted += (rates.Ages.Start(i) + n / 2.0) * n * rates[i];
            total += n * rates[i];
        }

        if (!(total > 0))
        {
            Guard.ThrowArgument(nameof(rates), "The mean age at childbearing needs a schedule with births (TFR > 0).");
        }

        return weighted / total;
    }

    /// <summary>The same age pattern scaled so that its TFR equals <paramref name="targetTfr"/>.</summary>
    /// <exception cref="ArgumentException">The schedule has TFR 0 (no shape to scale).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The target is negative or not finite, or a scaled rate exceeds the maximum.</exception>
    public static FertilityRates ScaleToTotalFertility(FertilityRates rates, double targetTfr)
    {
        Guard.NotNull(rates);
        Guard.InRange(targetTfr, 0, 20, nameof(targetTfr));
        var tfr = rates.TotalFertilityRate();
        if (!(tfr > 0))
        {
            Guard.ThrowArgument(nameof(rates), "A schedule with TFR 0 has no age pattern to scale.");
        }

        var k = targetTfr / tfr;
        var f = rates.ToArray();
        for (var i = 0; i < f.Length; i++)
        {
            f[i] *= k;
        }

        return new FertilityRates(rates.Ages, f);
    }
}
