namespace Populus.Demography.Migration;

/// <summary>Spreads a total of net migrants over ages with a model schedule, and splits it by sex.</summary>
/// <remarks>
/// Net migrants of group [x, x+n) = total · Σ m(a) / Σ over all ages m(a), with the single ages a of the group and
/// m a <see cref="RogersCastroSchedule"/>: the schedule's shape, not its level, is used, so the result sums to the
/// total whatever the heights, and a negative total (net emigration) gets the same age profile with a minus sign.
/// This gives migrants the age pattern of migration rates; it ignores the age structure of the population the
/// migrants come from or go to, which is the usual simplification when only a total is known [RC1981]. The open
/// group counts as its first age only, as few people live beyond it.
/// </remarks>
public static class MigrationDistribution
{
    /// <summary>Net migrants by age that sum to <paramref name="total"/>, shaped like <paramref name="schedule"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The total is not finite.</exception>
    public static NetMigrants Distribute(double total, AgeGroups ages, RogersCastroSchedule schedule)
    {
        Guard.NotNull(ages);
        Guard.NotNull(schedule);
        Guard.InRange(total, double.MinValue, double.MaxValue, nameof(total));
        var weights = new double[ages.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var width = ages.IsOpen(i) ? 1 : ages.Width(i);
            for (var a = ages.Start(i); a < ages.Start(i) + width; a++)
            {
                weights[i] += schedule.Rate(a);
            }

            sum += weights[i];
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = total * weights[i] / sum;
        }

        return NetMigrants.Trusted(ages, weights);
    }

    /// <summary>Splits net migrants of both sexes into males and females with a constant male share.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside [0, 1].</exception>
    public static NetMigrantsByAgeSex SplitBySex(NetMigrants bothSexes, double maleShare)
    {
        Guard.NotNull(bothSexes);
        Guard.InRange(maleShare, 0, 1, nameof(maleShare));
        var male = bothSexes.ToArray();
        var female = bothSexes.ToArray();
        for (var i = 0; i < male.Length; i++)
        {
            male[i] *= maleShare;
            female[i] -= male[i];
        }

        return new NetMigrantsByAgeSex(NetMigrants.Trusted(bothSexes.Ages, male), NetMigrants.Trusted(bothSexes.Ages, female));
    }
}
