using Populus.Services.Points;

namespace Populus.Services.Allocation;

/// <summary>
/// Simulation mode: how a change of the points table would change who qualifies and who is placed, on the same
/// applications, day, quotas, tie-breakers and seed. Nothing is recorded.
/// </summary>
public static class RuleChangeSimulation
{
    public static RuleChangeEffect Compare(ApplicantTable applicants, IReadOnlyList<int[]> preferences, IReadOnlyList<Quota> quotas, DateOnly day,
        PointsRuleTable current, PointsRuleTable proposed, IReadOnlyList<TieBreaker> tieBreakers, string seed)
    {
        var before = Allocator.Run(new PointsScorer(current).ScoreAll(applicants, day), preferences, quotas, tieBreakers, seed);
        var after = Allocator.Run(new PointsScorer(proposed).ScoreAll(applicants, day), preferences, quotas, tieBreakers, seed);
        var gain = new List<string>();
        var lose = new List<string>();
        var placedChanged = new List<string>();
        for (var i = 0; i < applicants.Count; i++)
        {
            var was = before.Scores.Passed(i);
            var now = after.Scores.Passed(i);
            if (!was && now)
            {
                gain.Add(applicants.Id(i));
            }
            else if (was && !now)
            {
                lose.Add(applicants.Id(i));
            }

            if (before.QuotaIndex[i] != after.QuotaIndex[i])
            {
                placedChanged.Add(applicants.Id(i));
            }
        }

        return new RuleChangeEffect(current.Citation, proposed.Citation, applicants.Count,
            Enumerable.Range(0, applicants.Count).Count(before.Scores.Passed), Enumerable.Range(0, applicants.Count).Count(after.Scores.Passed),
            gain, lose, placedChanged, before.Scores.Totals.Average(), after.Scores.Totals.Average());
    }
}

/// <summary>Who qualifies under each table, who gains or loses eligibility, and whose placement changes.</summary>
public sealed record RuleChangeEffect(
    string Current,
    string Proposed,
    int Applicants,
    int QualifyNow,
    int QualifyProposed,
    IReadOnlyList<string> Gain,
    IReadOnlyList<string> Lose,
    IReadOnlyList<string> PlacementChanged,
    double MeanScoreNow,
    double MeanScoreProposed);
