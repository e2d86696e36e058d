using System.Security.Cryptography;
using System.Text;
using Populus.Services.Points;

namespace Populus.Services.Allocation;

/// <summary>A run's outcome for every applicant: rank (0 when ineligible), outcome, quota and lottery draw.</summary>
public sealed class AllocationResult
{
    internal AllocationResult(ScoreTable scores, IReadOnlyList<Quota> quotas, int[] order, int[] rank, AllocationOutcome[] outcome, int[] quota, ulong[] draws)
    {
        Scores = scores;
        Quotas = quotas;
        Order = order;
        Rank = rank;
        Outcome = outcome;
        QuotaIndex = quota;
        Draws = draws;
    }

    public ScoreTable Scores { get; }

    public IReadOnlyList<Quota> Quotas { get; }

    /// <summary>Eligible applicants (indexes into <see cref="Scores"/>), best first.</summary>
    public int[] Order { get; }

    public int[] Rank { get; }

    public AllocationOutcome[] Outcome { get; }

    /// <summary>Index of the quota placed in; -1 when not placed.</summary>
    public int[] QuotaIndex { get; }

    public ulong[] Draws { get; }

    public int Count => Rank.Length;

    public string? QuotaId(int i) => QuotaIndex[i] < 0 ? null : Quotas[QuotaIndex[i]].QuotaId;

    /// <summary>
    /// SHA-256 over "id,rank,outcome,quota" lines in application-id order: equal for equal results whatever order
    /// the applications were read in, so a re-run can be compared with the published one.
    /// </summary>
    public string ResultsSha256()
    {
        var lines = new StringBuilder();
        foreach (var i in Enumerable.Range(0, Count).OrderBy(i => Scores.Applicants.Id(i), StringComparer.Ordinal))
        {
            lines.Append(Scores.Applicants.Id(i)).Append(',').Append(Rank[i]).Append(',')
                .Append(Outcome[i].ToString().ToLowerInvariant()).Append(',').Append(QuotaId(i)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }
}
