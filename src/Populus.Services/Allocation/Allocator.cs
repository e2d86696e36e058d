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
        if (tieBreakers.Count == 0 || tieBreakers[^1] != TieBreaker.Lottery)
        {
            throw new ArgumentException("the tie-breakers must end with the lottery.", nameof(tieBreakers));
        }

        var n = scores.Count;
        if (preferences.Count != n)
        {
            throw new ArgumentException($"{preferences.Count} preference lists for {n} applicants.", nameof(preferences));
        }

        var draws = new ulong[n];
        var eligible = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            draws[i] = SeededLottery.Draw(seed, scores.Applicants.Id(i));
            if (scores.Passed(i))
            {
                eligible.Add(i);
            }
        }

        var order = eligible.ToArray();
        var totals = scores.Totals;
        var residence = scores.ResidenceDays;
        var insurance = scores.InsuranceMonths;
        var keys = tieBreakers.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = totals[b].CompareTo(totals[a]);
            for (var k = 0; c == 0 && k < keys.Length; k++)
            {
                c = keys[k] switch
                {
                    TieBreaker.Residence => residence[b].CompareTo(residence[a]),
                    TieBreaker.Insurance => insurance[b].CompareTo(insurance[a]),
                    _ => draws[a].CompareTo(draws[b]),
                };
            }

            // Equal draws need a 2^-64 coincidence; the id still makes the order total.
            return c != 0 ? c : string.CompareOrdinal(scores.Applicants.Id(a), scores.Applicants.Id(b));
        });

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
}
