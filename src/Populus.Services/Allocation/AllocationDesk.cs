using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Populus.Planning.Data;
using Populus.Services.Applications;
using Populus.Services.Points;
using Populus.Storage.Services;

namespace Populus.Services.Allocation;

/// <summary>
/// Runs, records, publishes and verifies allocations of a round. A run ranks the round's applications by their
/// latest score (reviews included) and the tie-breakers, places them, and records the inputs' and results' hashes
/// with every placement in one transaction; a published result is replaced only by a recorded re-run.
/// </summary>
public sealed class AllocationDesk(IServiceRecords records, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Computes and records a run (status draft).</summary>
    /// <param name="day">The scoring day, when the caller names one: it must be the day the round's scores were made
    /// for. The run ranks those scores and takes the tie-breakers (residence, insurance months) as of the same day,
    /// and records it.</param>
    /// <param name="beforeCommit">Test hook: runs after every placement is written, before the commit.</param>
    public (AllocationRunRecord Run, AllocationResult Result) Run(string round, IReadOnlyList<Quota> quotas, PointsRuleTable table, DateOnly? day,
        string seed, IReadOnlyList<TieBreaker> tieBreakers, string actor, string? supersedes = null, string reason = "first run",
        Action? beforeCommit = null)
    {
        var scored = ScoreDay(round);
        if (day is { } named && named != scored)
        {
            throw new ArgumentException($"the scores of round {round} were made for {scored:yyyy-MM-dd}, not {named:yyyy-MM-dd}; a run ranks the scores as made (score the round again for another day)", "on");
        }

        var (result, inputs) = Compute(round, quotas, table, scored, seed, tieBreakers);
        var runId = $"RUN-{round}-{_clock.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var run = new AllocationRunRecord(runId, round, "draft", table.Citation, scored, seed, TieBreakers.Format(tieBreakers),
            JsonSerializer.Serialize(quotas), inputs, result.ResultsSha256(), DateTime.SpecifyKind(_clock.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified),
            actor, supersedes, reason);
        var draws = SeededLottery.Draws(seed, result.Scores.Applicants.Ids);
        var placements = Enumerable.Range(0, result.Count).Select(i => new PlacementRecord(runId, result.Scores.Applicants.Id(i), result.Rank[i],
            result.Outcome[i].ToString().ToLowerInvariant(), result.QuotaId(i), result.Scores.Totals[i], SeededLottery.Format(draws[i]))).ToList();
        records.AddAllocationRun(run, placements, beforeCommit);
        return (run, result);
    }

    public void Publish(string runId, string actor) => records.PublishAllocationRun(runId, actor);

    /// <summary>Recomputes a recorded run from the stored inputs and says whether inputs and results are unchanged.</summary>
    public (bool InputsMatch, bool ResultsMatch, string Message) Verify(string round, string runId, PointsRuleTable table)
    {
        var run = records.AllocationRuns(round).FirstOrDefault(r => r.RunId == runId) ?? throw new ServiceRefusedException(new Reason($"No run {runId} in round {round}.", $"轮次 {round} 没有运行 {runId}。"));
        if (run.RuleTable != table.Citation)
        {
            throw new ArgumentException($"Run {runId} used {run.RuleTable}; verify it with that table, not {table.Citation}.", nameof(table));
        }

        var quotas = JsonSerializer.Deserialize<List<Quota>>(run.Quotas) ?? [];
        var (result, inputs) = Compute(round, quotas, table, run.ScoreDay, run.Seed, TieBreakers.Parse(run.TieBreakers));
        var results = result.ResultsSha256();
        var message = inputs != run.InputsSha256
            ? $"the inputs changed since run {runId} (applications or scores of round {round}): recorded {run.InputsSha256[..12]}…, now {inputs[..12]}…"
            : results == run.ResultsSha256
                ? $"run {runId} reproduces: results {results}"
                : $"run {runId} does NOT reproduce from its inputs: recorded {run.ResultsSha256}, recomputed {results}";
        return (inputs == run.InputsSha256, results == run.ResultsSha256, message);
    }

    /// <summary>The one day the latest scores of a round were made for.</summary>
    /// <exception cref="InvalidOperationException">The round is not scored, or its scores were made for different days.</exception>
    private DateOnly ScoreDay(string round)
    {
        var days = records.LatestScores(round).GroupBy(s => s.ScoreDay).OrderBy(g => g.Key).Select(g => (Day: g.Key, Count: g.Count())).ToList();
        return days.Count switch
        {
            0 => throw new ServiceRefusedException(new Reason($"Round {round} is not scored: run `populus points score` first.",
                $"轮次 {round} 尚未评分：请先运行 `populus points score`。")),
            1 => days[0].Day,
            _ => throw new ServiceRefusedException(new Reason(
                $"The scores of round {round} were made for different days ({string.Join(", ", days.Select(d => $"{d.Day:yyyy-MM-dd}: {d.Count}"))}); score the round again on one day.",
                $"轮次 {round} 的评分按不同日期作出（{string.Join("，", days.Select(d => $"{d.Day:yyyy-MM-dd}：{d.Count} 份"))}）；请按同一日期重新评分。")),
        };
    }

    /// <summary>
    /// Each application's preferred quotas as indexes into <paramref name="quotas"/>, most wanted first. An application
    /// is for one purpose (a school place, housing: docs/services.md), so it is placed only in quotas of that purpose.
    /// </summary>
    /// <exception cref="ArgumentException">Preferences for quotas not in <paramref name="quotas"/> or of another purpose, each named.</exception>
    public static IReadOnlyList<int[]> Preferences(IReadOnlyList<ApplicationRecord> applications, IReadOnlyList<Quota> quotas)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(quotas);
        var quotaIndex = quotas.Select((q, i) => (q.QuotaId, i)).ToDictionary(x => x.QuotaId, x => x.i, StringComparer.Ordinal);
        var wanted = applications.Select(a => (Application: a, Quotas: a.Preferences.Split(';'))).ToList();
        var unknown = wanted.SelectMany(w => w.Quotas).Where(p => !quotaIndex.ContainsKey(p)).Distinct().Take(5).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Applications prefer quotas not in the quota file: {string.Join(", ", unknown)}.", nameof(quotas));
        }

        var otherPurpose = wanted.SelectMany(w => w.Quotas.Where(p => quotas[quotaIndex[p]].Purpose != w.Application.Purpose)
            .Select(p => $"{w.Application.ApplicationId} ({w.Application.Purpose}) prefers {p} ({quotas[quotaIndex[p]].Purpose})")).Take(5).ToList();
        if (otherPurpose.Count > 0)
        {
            throw new ArgumentException(
                $"Applications prefer quotas of another purpose: {string.Join(", ", otherPurpose)}; an application is placed only in quotas of its own purpose.", nameof(quotas));
        }

        return [.. wanted.Select(w => w.Quotas.Select(p => quotaIndex[p]).ToArray())];
    }

    private (AllocationResult Result, string InputsSha256) Compute(string round, IReadOnlyList<Quota> quotas, PointsRuleTable table, DateOnly day,
        string seed, IReadOnlyList<TieBreaker> tieBreakers)
    {
        var applications = records.ApplicationsToDecide(round);

        var latest = records.LatestScores(round).ToDictionary(s => s.ApplicationId, StringComparer.Ordinal);
        var unscored = applications.Where(a => !latest.ContainsKey(a.ApplicationId)).Select(a => a.ApplicationId).Take(5).ToList();
        if (unscored.Count > 0)
        {
            throw new ServiceRefusedException(new Reason($"Applications of round {round} are not scored ({string.Join(", ", unscored)} …): run `populus points score` first.",
                $"轮次 {round} 有申请尚未评分（{string.Join("、", unscored)} …）：请先运行 `populus points score`。"));
        }

        var applicants = FactsJson.Applicants(applications);
        var computed = new PointsScorer(table).ScoreAll(applicants, day);
        // Rank on the stored scores, which include reviews; the facts give the tie-breakers.
        var scores = computed.WithStored([.. applications.Select(a => latest[a.ApplicationId].Total)], [.. applications.Select(a => latest[a.ApplicationId].Vetoed)]);
        var preferences = Preferences(applications, quotas);
        var result = Allocator.Run(scores, preferences, quotas, tieBreakers, seed);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{table.Citation}|{table.PassMark}|{day:yyyy-MM-dd}|{seed}|{TieBreakers.Format(tieBreakers)}\n");
        foreach (var q in quotas.OrderBy(q => q.QuotaId, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"Q|{q.QuotaId}|{q.Round}|{q.Purpose}|{q.RegionCode}|{q.Places}\n");
        }

        // The effective facts are the submitted ones until a correction is upheld, so a run made before any review
        // hashes as it did when it was made (before schema step 12 too).
        foreach (var a in applications.OrderBy(a => a.ApplicationId, StringComparer.Ordinal))
        {
            var s = latest[a.ApplicationId];
            text.Append(CultureInfo.InvariantCulture, $"A|{a.ApplicationId}|{a.EffectiveFacts}|{a.Preferences}|{s.Total:R}|{s.Vetoed}\n");
        }

        return (result, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }
}
