namespace Populus.Demography.Projection;

/// <summary>Checks that an age grid can carry a cohort-component projection and gives its step length.</summary>
internal static class ProjectionGrid
{
    /// <summary>
    /// The common width n of the closed groups, which is also the step length: a cohort advances exactly one group per
    /// step only when the step equals the group width ([PHG2001] ch. 6; ccmppWPP projects "z by z").
    /// </summary>
    /// <exception cref="ArgumentException">The grid does not start at 0, has no open last group, or has groups of unequal width.</exception>
    public static int StepLength(AgeGroups ages)
    {
        Guard.NotNull(ages);
        if (ages.FirstAge != 0 || !ages.IsOpenEnded || ages.Count < 2)
        {
            Guard.ThrowArgument(nameof(ages),
                $"A projection needs ages from 0 with an open last group and at least one closed group; got {ages}.");
        }

        var n = ages.Width(0);
        for (var i = 1; i < ages.Count - 1; i++)
        {
            if (ages.Width(i) != n)
            {
                Guard.ThrowArgument(nameof(ages),
                    $"A projection needs age groups of one width (the step length); group {ages.Label(i)} is {ages.Width(i)} years wide, group {ages.Label(0)} is {n}.");
            }
        }

        return n;
    }

    /// <summary>
    /// Fertility rates laid onto the projection grid: each projection group takes the rate of the fertility group that
    /// contains it, zero outside the fertility grid.
    /// </summary>
    /// <exception cref="ArgumentException">A projection group straddles a fertility group boundary, or the first group (the
    /// step's births) has fertility.</exception>
    public static double[] FertilityOnGrid(FertilityRates fertility, AgeGroups ages)
    {
        Guard.NotNull(fertility);
        var f = fertility.Ages;
        var fertilityEnd = f.End ?? int.MaxValue;
        var result = new double[ages.Count];
        for (var i = 0; i < ages.Count; i++)
        {
            var start = ages.Start(i);
            var end = ages.IsOpen(i) ? int.MaxValue : start + ages.Width(i);
            if (end <= f.FirstAge || start >= fertilityEnd)
            {
                continue;
            }

            var k = f.IndexOf(start);
            var fits = k >= 0 && (f.IsOpen(k) || end <= f.Start(k) + f.Width(k));
            if (!fits)
            {
                Guard.ThrowArgument(nameof(fertility),
                    $"Fertility ages {f} do not align with projection ages {ages}: no fertility group contains group {ages.Label(i)}.");
            }

            result[i] = fertility[k];
        }

        if (result[0] != 0)
        {
            Guard.ThrowArgument(nameof(fertility),
                $"Fertility at ages {ages.Label(0)} must be zero: those are the step's own births.");
        }

        return result;
    }
}
