namespace Populus.Storage.Services;

/// <summary>
/// One line of the services' append-only audit trail: who did what to which subject (kind application, score,
/// objection, permit or allocation, and its id), from which state to which, and the detail in words.
/// </summary>
public sealed record AuditRecord(
    long Id,
    DateTime RecordedAt,
    string Actor,
    string SubjectKind,
    string SubjectId,
    string Action,
    string? FromState,
    string? ToState,
    string Detail);

/// <summary>
/// A received application: who (keyed hash and masked identity number), for what round and purpose, the facts it
/// was submitted with (JSON, kept as filed) and the quotas it prefers, in order (';'-separated). CorrectedBy and
/// CorrectedFacts are read from the objections, never stored with the application: its latest objection upheld with
/// corrected facts and those full facts (<see cref="ObjectionRecord.CorrectedFacts"/>), null when none.
/// </summary>
public sealed record ApplicationRecord(
    string ApplicationId,
    string Round,
    string Purpose,
    string PersonKey,
    string MaskedId,
    DateOnly SubmittedOn,
    string Facts,
    string Preferences,
    string SourceFile,
    int SourceRow,
    string? CorrectedBy = null,
    string? CorrectedFacts = null)
{
    /// <summary>The facts the application is scored, corrected and allocated on: its latest upheld correction's, else those submitted.</summary>
    public string EffectiveFacts => CorrectedFacts ?? Facts;
}

/// <summary>One scoring of an application (revision 1, then one more for each review that changes it).</summary>
public sealed record ScoreRecord(
    string ApplicationId,
    int Revision,
    string RuleTable,
    DateOnly ScoreDay,
    double Total,
    bool Passed,
    bool Vetoed,
    string Items,
    DateTime ScoredAt,
    string Reason);

/// <summary>
/// An applicant's objection to one item of their score, and the review's decision; CorrectedFacts, when upheld with
/// corrected facts, the application's full facts as corrected (JSON, as <see cref="ApplicationRecord.Facts"/>), null
/// otherwise and for objections decided before schema step 12.
/// </summary>
public sealed record ObjectionRecord(
    string ObjectionId,
    string ApplicationId,
    string ItemId,
    string Reason,
    string State,
    string? Outcome,
    DateTime OpenedAt,
    DateTime? DecidedAt,
    string? DecidedBy,
    string? CorrectedFacts = null);

/// <summary>A residence permit as stored (states and dates as in Populus.Services.Permits).</summary>
public sealed record PermitRecord(
    string PermitId,
    string PersonKey,
    string MaskedId,
    string CityCode,
    string RegionCode,
    string State,
    DateOnly AppliedOn,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int Revision,
    string? KeyId,
    string? Token);

/// <summary>An allocation run: its inputs (rule table, day, seed, tie-breakers, quotas), their hashes and its status.</summary>
public sealed record AllocationRunRecord(
    string RunId,
    string Round,
    string Status,
    string RuleTable,
    DateOnly ScoreDay,
    string Seed,
    string TieBreakers,
    string Quotas,
    string InputsSha256,
    string ResultsSha256,
    DateTime RunAt,
    string Actor,
    string? Supersedes,
    string Reason);

/// <summary>One application's place in a run: rank, outcome (placed, waitlisted, ineligible), quota, score and lottery draw.</summary>
public sealed record PlacementRecord(string RunId, string ApplicationId, int Rank, string Outcome, string? QuotaId, double Total, string Draw);

/// <summary>A graduate of a local university and where they went (import kind 'graduates').</summary>
public sealed record GraduateRecord(int Year, string RegionCode, string Institution, string GraduateKey, string Level, string Destination,
    Provenance Provenance, string Batch);

/// <summary>A person taken in as talent, and whether and when they left (import kind 'talent-intake').</summary>
public sealed record TalentIntakeRecord(int Year, string RegionCode, string PersonKey, DateOnly IntakeDate, string Category, bool Graduate,
    DateOnly? DepartedOn, DateOnly ObservedUntil, Provenance Provenance, string Batch);
