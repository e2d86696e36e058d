using Populus.Storage.Tabular;

namespace Populus.Storage.Services;

/// <summary>
/// What the services to people keep in the store. Every change is one transaction together with its audit line, so
/// the trail and the records never disagree; records the services publish (scores, allocation placements) are
/// never updated, only followed by new revisions or runs.
/// </summary>
public interface IServiceRecords
{
    /// <summary>Stores a file's applications, all or none. Refused (nothing stored) when a person already has one for the round and purpose.</summary>
    /// <exception cref="InvalidInputException">Every application refused, with the row and the earlier application.</exception>
    void AddApplications(IReadOnlyList<ApplicationRecord> applications, string actor);

    /// <summary>The round's applications, each with its latest upheld correction (<see cref="ApplicationRecord.CorrectedFacts"/>).</summary>
    IReadOnlyList<ApplicationRecord> Applications(string round);

    ApplicationRecord? Application(string applicationId);

    /// <summary>Stores scores (a new revision each); the audit line says why.</summary>
    void AddScores(IReadOnlyList<ScoreRecord> scores, string actor);

    /// <summary>The latest revision of each application's score in a round.</summary>
    IReadOnlyList<ScoreRecord> LatestScores(string round);

    IReadOnlyList<ScoreRecord> Scores(string applicationId);

    void OpenObjection(ObjectionRecord objection, string actor);

    /// <summary>
    /// Decides an open objection; an upheld one may bring the application's corrected facts (kept with the decision,
    /// the submitted ones unchanged) and its new score revision.
    /// </summary>
    /// <exception cref="ArgumentException">Corrected facts with a dismissal.</exception>
    /// <exception cref="InvalidOperationException">The objection is unknown or already decided.</exception>
    void DecideObjection(string objectionId, bool upheld, string outcome, string actor, ScoreRecord? newScore, string? correctedFacts);

    IReadOnlyList<ObjectionRecord> Objections(string applicationId);

    PermitRecord? Permit(string permitId);

    IReadOnlyList<PermitRecord> PermitsOf(string personKey);

    IReadOnlyList<PermitRecord> Permits(string? state = null);

    /// <summary>Saves a permit after a transition, with its audit line. <paramref name="expectedRevision"/> is the revision read (0 for a new permit).</summary>
    /// <exception cref="InvalidOperationException">The permit was changed by someone else since it was read.</exception>
    void SavePermit(PermitRecord permit, int expectedRevision, AuditRecord audit);

    /// <summary>
    /// Records a run and all its placements in one transaction. A round with a published run takes a new run only
    /// as a recorded re-run: <see cref="AllocationRunRecord.Supersedes"/> names the published run and a reason is given.
    /// <c>beforeCommit</c> is a test hook, run after every row is written and before the commit.
    /// </summary>
    void AddAllocationRun(AllocationRunRecord run, IReadOnlyList<PlacementRecord> placements, Action? beforeCommit = null);

    /// <summary>Publishes a draft run; the run it supersedes (if any) becomes 'superseded'.</summary>
    void PublishAllocationRun(string runId, string actor);

    IReadOnlyList<AllocationRunRecord> AllocationRuns(string round);

    IReadOnlyList<PlacementRecord> Placements(string runId);

    IReadOnlyList<AuditRecord> Audit(string subjectKind, string subjectId);

    IReadOnlyList<GraduateRecord> Graduates();

    IReadOnlyList<TalentIntakeRecord> TalentIntake();
}
