using Populus.Demography.Projection;

namespace Populus.Demography.Tests.Projection;

/// <summary>Plausible made-up inputs for invariant tests (the published cases check the figures themselves).</summary>
internal static class Synthetic
{
    public static readonly AgeGroups Ages = AgeGroups.SingleYear(100);

    /// <summary>Gompertz-like survival: S(x) = exp(−m(x)), m rising from 0.0005 with age; <paramref name="level"/> scales mortality.</summary>
    public static double[] Survival(double level = 1.0)
    {
        var s = new double[Ages.Count];
        for (var x = 0; x < s.Length; x++)
        {
            s[x] = Math.Exp(-level * Math.Min(0.0004 * Math.Exp(0.085 * x), 3.0));
        }

        s[0] = 1 - 0.005 * level;
        return s;
    }

    /// <summary>Single-year fertility 15–49, a bell around 29 with total fertility <paramref name="tfr"/>.</summary>
    public static FertilityRates Fertility(double tfr = 1.6)
    {
        var ages = AgeGroups.SingleYearRange(15, 49);
        var f = Enumerable.Range(15, 35).Select(x => Math.Exp(-Math.Pow((x - 29) / 5.5, 2))).ToArray();
        var sum = f.Sum();
        return new FertilityRates(ages, [.. f.Select(v => v * tfr / sum)]);
    }

    public static double[] Migrants(double scale) =>
        [.. Enumerable.Range(0, Ages.Count).Select(x => scale * Math.Exp(-Math.Pow((x - 25) / 10.0, 2)))];

    public static StateRates Rates(double mortality = 1.0, double tfr = 1.6, double migrants = 0.0, double srb = 1.06) =>
        new(new SurvivalRatios(Ages, Survival(mortality * 1.1)),
            new SurvivalRatios(Ages, Survival(mortality)),
            Fertility(tfr),
            new SexRatioAtBirth(srb),
            new NetMigrants(Ages, Migrants(migrants)),
            new NetMigrants(Ages, Migrants(migrants * 0.9)));

    public static PopulationByAgeSex Population(double scale = 1.0)
    {
        var p = Enumerable.Range(0, Ages.Count).Select(x => scale * 10_000 * Math.Exp(-0.01 * x) * (x == 100 ? 3 : 1)).ToArray();
        return new PopulationByAgeSex(new PopulationByAge(Ages, p), new PopulationByAge(Ages, [.. p.Select(v => v * 1.02)]));
    }

    /// <summary>Every ordered pair of distinct states, one schedule scaled by a level that depends on the pair.</summary>
    public static IEnumerable<Transition> AllPairs(IEnumerable<int> states, TransitionSchedule schedule, double level)
    {
        var list = states.ToList();
        foreach (var from in list)
        {
            foreach (var to in list.Where(t => t != from))
            {
                yield return new Transition(from, to, schedule, level * (1 + (from + 2 * to) % 3) / 3);
            }
        }
    }

    /// <summary>A migration-like age profile peaking at 22, highest value <paramref name="peak"/>.</summary>
    public static TransitionSchedule MigrationProfile(double peak)
    {
        var v = Enumerable.Range(0, Ages.Count).Select(x => peak * (0.2 + Math.Exp(-Math.Pow((x - 22) / 8.0, 2)))).ToArray();
        return new TransitionSchedule(Ages, v, [.. v.Select(x => x * 0.9)]);
    }

    /// <summary>Movers by age for an OD table of counts: a bell around 22 with <paramref name="peak"/> persons at the top, none at old ages.</summary>
    public static TransitionSchedule MoverCounts(double peak)
    {
        var v = Enumerable.Range(0, Ages.Count).Select(x => peak * Math.Exp(-Math.Pow((x - 22) / 8.0, 2))).ToArray();
        return new TransitionSchedule(Ages, v, [.. v.Select(x => x * 0.9)]);
    }
}
