using Populus.Services.Points;

namespace Populus.Services.Allocation;

/// <summary>
/// Ranks eligible applicants by points, then the tie-breakers in order, then the seeded lottery, and places them in
/// rank order: each gets the first of its preferred quotas with a place left (serial dictatorship), else waits.
/// The result depends only on the inputs (scores, preferences, quotas, tie-breakers, seed), never on file order.
/// </summary>
public static class Allocator
{
    /// <param name="preferences">For each applicant of <paramref name="scores"/>, indexes into <paramref name="quotas"/>, most wanted first.</param>
    public static AllocationResult Run(ScoreTable scores, IReadOnlyList<int[]> preferences, IReadOnlyList<Quota> quotas,
        IReadOnlyList<TieBreaker> tieBreakers, string seed)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentException.ThrowIfNullOrWhiteSpace(seed);
        if (tieBreakers.Count == 0 || tieBreakers[^1] != TieBreaker.Lottery || tieBreakers.Count > 3 || tieBreakers.Distinct().Count() != tieBreakers.Count)
        {
            throw new ArgumentException("the tie-breakers name each of residence, insurance and lottery at most once and end with the lottery.", nameof(tieBreakers));
        }

        var n = scores.Count;
        if (preferences.Count != n)
        {
            throw new ArgumentException($"{preferences.Count} preference lists for {n} applicants.", nameof(preferences));
        }

        var draws = SeededLottery.Draws(seed, scores.Applicants.Ids);
        // One key per eligible applicant: the points and each tie-breaker as numbers where smaller ranks first, in
        // the configured order; sorting the keys with a struct comparer keeps the sort free of delegates.
        var keys = new RankKey[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (!scores.Passed(i))
            {
                continue;
            }

            var key = new RankKey { Points = -scores.Totals[i], Index = i };
            for (var k = 0; k < tieBreakers.Count; k++)
            {
                var value = tieBreakers[k] switch
                {
                    TieBreaker.Residence => -(long)scores.ResidenceDays[i],
                    TieBreaker.Insurance => -(long)scores.InsuranceMonths[i],
                    // Unsigned order as signed: flip the sign bit.
                    _ => unchecked((long)(draws[i] ^ 0x8000_0000_0000_0000UL)),
                };
                key[k] = value;
            }

            keys[count++] = key;
        }

        var ranked = keys.AsSpan(0, count);
        ranked.Sort(new RankComparer(scores.Applicants.Ids));
        var order = new int[count];
        for (var r = 0; r < count; r++)
        {
            order[r] = ranked[r].Index;
        }

        var left = quotas.Select(q => q.Places).ToArray();
        var outcome = new AllocationOutcome[n];
        var quota = new int[n];
        var rank = new int[n];
        Array.Fill(outcome, AllocationOutcome.Ineligible);
        Array.Fill(quota, -1);
        for (var r = 0; r < order.Length; r++)
        {
            var i = order[r];
            rank[i] = r + 1;
            outcome[i] = AllocationOutcome.Waitlisted;
            foreach (var q in preferences[i])
            {
                if (left[q] > 0)
                {
                    left[q]--;
                    quota[i] = q;
                    outcome[i] = AllocationOutcome.Placed;
                    break;
                }
            }
        }

        return new AllocationResult(scores, quotas, order, rank, outcome, quota, draws);
    }

    /// <summary>Points (negated) and up to three tie-breaker values, smaller first.</summary>
    private struct RankKey
    {
        public double Points;
        public long First;
        public long Second;
        public long Third;
        public int Index;

        public long this[int k]
        {
            readonly get => k switch { 0 => First, 1 => Second, _ => Third };
            set
            {
                switch (k)
                {
                    case 0:
                        First = value;
                        break;
                    case 1:
                        Second = value;
                        break;
                    default:
                        Third = value;
                        break;
                }
            }
        }
    }

    private readonly struct RankComparer(string[] ids) : IComparer<RankKey>
    {
        public int Compare(RankKey a, RankKey b)
        {
            var c = a.Points.CompareTo(b.Points);
            if (c != 0)
            {
                return c;
            }

            c = a.First.CompareTo(b.First);
            if (c != 0)
            {
                return c;
            }

            c = a.Second.CompareTo(b.Second);
            if (c != 0)
            {
                return c;
            }

            c = a.Third.CompareTo(b.Third);
            // Equal draws need a 2^-64 coincidence; the id still makes the order total.
            return c != 0 ? c : string.CompareOrdinal(ids[a.Index], ids[b.Index]);
        }
    }
}
