using System.Text.Json;
using Populus.Planning.Data;
using Populus.Services.Applications;
using Populus.Services.Identity;
using Populus.Storage.Services;

namespace Populus.Services.Points;

/// <summary>
/// Receiving, scoring and reviewing applications: a file of applications is taken whole or refused whole; every
/// scoring is kept as a revision; an applicant can see the itemised score, object to an item, and have the objection
/// reviewed, each step on the audit trail.
/// </summary>
public sealed class PointsOffice(IServiceRecords records, TimeProvider? clock = null)
{
    private static readonly JsonSerializerOptions ItemsJson = new(JsonSerializerDefaults.Web);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <param name="quotas">The round's quotas, when known: preferences are checked against them at receipt.</param>
    /// <param name="scoringDay">The day the applications are to be scored on, when already named: a file submitted after it
    /// is refused before anything is stored, so that receiving and scoring together change nothing when the day is wrong.</param>
    /// <exception cref="Populus.Storage.Tabular.InvalidInputException">The file, or applications already made by the same people.</exception>
    public IReadOnlyList<Application> Receive(string file, IdentityKey identity, string actor, IReadOnlyList<Allocation.Quota>? quotas = null,
        DateOnly? scoringDay = null)
    {
        var stored = new Dictionary<string, IReadOnlyDictionary<(string, string), string>>(StringComparer.Ordinal);
        var applications = ApplicationReader.Read(file, identity, round => stored.TryGetValue(round, out var known) ? known
            : stored[round] = records.Applications(round).ToDictionary(a => (a.Purpose, a.PersonKey), a => a.ApplicationId), quotas);
        if (scoringDay is { } day)
        {
            RefuseDayBeforeSubmission(applications.Select(a => (a.ApplicationId, a.SubmittedOn)), day);
        }

        records.AddApplications([.. applications.Select(ToRecord)], actor);
        return applications;
    }

    /// <summary>
    /// Scores every application of a round (a new revision each) on its effective facts (an upheld correction's,
    /// else those submitted: <see cref="ApplicationRecord.EffectiveFacts"/>) and returns the sheets.
    /// </summary>
    /// <param name="day">The day whose facts count (residence, the insurance window): named by the clerk, never
    /// assumed, and not before any application was submitted (its facts are as of its submission).</param>
    /// <exception cref="ArgumentException">The day is before an application's submission.</exception>
    public IReadOnlyList<ScoreSheet> ScoreRound(string round, PointsRuleTable table, DateOnly day, string actor)
    {
        var applications = records.ApplicationsToDecide(round);

        RefuseDayBeforeSubmission(applications.Select(a => (a.ApplicationId, a.SubmittedOn)), day);

        var latest = records.LatestScores(round).ToDictionary(s => s.ApplicationId, s => s.Revision, StringComparer.Ordinal);
        var scores = new PointsScorer(table).ScoreAll(FactsJson.Applicants(applications), day);
        var sheets = Enumerable.Range(0, scores.Count).Select(scores.Sheet).ToList();
        var now = Now();
        // Each revision says why: the table, and for an application whose facts a review corrected, that review.
        var correctedBy = applications.Where(a => a.CorrectedBy is not null).ToDictionary(a => a.ApplicationId, a => a.CorrectedBy, StringComparer.Ordinal);
        records.AddScores([.. sheets.Select(s => ToRecord(s, latest.GetValueOrDefault(s.ApplicationId) + 1, now,
            $"scored with {table.Citation}{(correctedBy.TryGetValue(s.ApplicationId, out var review) ? $", facts as corrected by review of {review}" : "")}"))], actor);
        return sheets;
    }

    /// <summary>The latest score of an application, itemised; null when not scored.</summary>
    public StoredScore? Latest(string applicationId)
    {
        var record = records.Scores(applicationId).LastOrDefault();
        return record is null
            ? null
            : new StoredScore(applicationId, record.Revision, record.RuleTable, record.ScoreDay,
                JsonSerializer.Deserialize<List<ItemScore>>(record.Items, ItemsJson) ?? [], record.Total, record.Passed, record.Vetoed, record.Reason);
    }

    /// <summary>Records an objection to one item of the latest score; returns its id.</summary>
    public string Object(string applicationId, string itemId, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var latest = Latest(applicationId) ?? throw new ServiceRefusedException(new Reason($"Application {applicationId} has no score to object to.", $"申请 {applicationId} 尚无评分，无可异议。"));
        if (latest.Items.All(i => i.ItemId != itemId))
        {
            throw new ArgumentException($"Item '{itemId}' is not in the score of {applicationId} (items: {string.Join(", ", latest.Items.Select(i => i.ItemId))}).", nameof(itemId));
        }

        var id = $"OBJ-{applicationId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
        records.OpenObjection(new ObjectionRecord(id, applicationId, itemId, reason.Trim(), "open", null, Now(), null, null), actor);
        return id;
    }

    /// <summary>
    /// Decides an objection. Upheld with corrected facts, the corrected facts are kept with the decision (the
    /// application's effective facts from then on, for later scorings and corrections; the submitted ones stay as
    /// filed) and the application is scored again on the same day and table (a new revision, citing the objection);
    /// dismissed, the score and the facts stand.
    /// </summary>
    public ScoreSheet? Review(string objectionId, string applicationId, bool upheld, string outcome, string actor, PointsFacts? corrected, PointsRuleTable? table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        ScoreRecord? rescored = null;
        ScoreSheet? sheet = null;
        if (upheld && corrected is not null)
        {
            ArgumentNullException.ThrowIfNull(table);
            var previous = records.Scores(applicationId).LastOrDefault() ?? throw new ServiceRefusedException(new Reason($"Application {applicationId} has no score.", $"申请 {applicationId} 尚无评分。"));
            if (previous.RuleTable != table.Citation)
            {
                throw new ArgumentException($"The score was made with {previous.RuleTable}; review it with the same table, not {table.Citation}.", nameof(table));
            }

            sheet = new PointsScorer(table).Score(applicationId, corrected, previous.ScoreDay);
            rescored = ToRecord(sheet, previous.Revision + 1, Now(), $"review of {objectionId}: {outcome}");
        }

        records.DecideObjection(objectionId, upheld, outcome, actor, rescored, rescored is null ? null : FactsJson.Write(corrected!));
        return sheet;
    }

    /// <summary>
    /// The facts of an application with a review's corrections (<see cref="FactsCorrection"/>) over its effective
    /// facts, so that a second upheld correction builds on the first.
    /// </summary>
    /// <param name="source">The file named, or the API's field, for the problems.</param>
    /// <exception cref="Populus.Storage.Tabular.InvalidInputException">Every bad field of the correction.</exception>
    public PointsFacts Corrected(string applicationId, string json, string source)
    {
        var application = records.Application(applicationId) ?? throw new ServiceRefusedException(NoApplication(applicationId));
        return FactsCorrection.Read(json, source, FactsJson.Read(application.EffectiveFacts), application.SubmittedOn);
    }

    /// <summary>The refusal of a score, an objection or a correction of an application the records do not hold.</summary>
    public static Reason NoApplication(string applicationId) => new($"No application {applicationId}.", $"没有申请 {applicationId}。");

    /// <summary>An application's facts are as of its submission, so it is not scored for a day before it.</summary>
    /// <exception cref="ArgumentException">The day is before a submission (parameter "on", the option and query naming it).</exception>
    private static void RefuseDayBeforeSubmission(IEnumerable<(string Id, DateOnly Submitted)> applications, DateOnly day)
    {
        var later = applications.Where(a => a.Submitted > day).OrderByDescending(a => a.Submitted).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        if (later.Count > 0)
        {
            throw new ArgumentException(
                $"{day:yyyy-MM-dd} is before {later.Count} application{(later.Count == 1 ? " was" : "s were")} submitted ({string.Join(", ", later.Take(3).Select(a => $"{a.Id} on {a.Submitted:yyyy-MM-dd}"))}{(later.Count > 3 ? ", …" : "")}); " +
                $"score the round on or after {later[0].Submitted:yyyy-MM-dd}", "on");
        }
    }

    internal static ApplicationRecord ToRecord(Application a) =>
        new(a.ApplicationId, a.Round, a.Purpose, a.PersonKey, a.MaskedId, a.SubmittedOn, FactsJson.Write(a.Facts), string.Join(';', a.Preferences), a.SourceFile, a.SourceRow);

    private static ScoreRecord ToRecord(ScoreSheet s, int revision, DateTime at, string reason) =>
        new(s.ApplicationId, revision, s.Table, s.Day, s.Total, s.Passed, s.Vetoed, JsonSerializer.Serialize(s.Items, ItemsJson), at, reason);

    private DateTime Now() => DateTime.SpecifyKind(_clock.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified);
}
