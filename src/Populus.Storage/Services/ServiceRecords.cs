using System.Data.Common;
using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Engines;
using Populus.Storage.Tabular;

namespace Populus.Storage.Services;

/// <summary>The services' records over either engine: shared SQL, one transaction per change with its audit line.</summary>
internal sealed class ServiceRecords(Engine engine, SqlStore store) : IServiceRecords
{
    private const string ApplicationColumns = "application_id, round, purpose, person_key, masked_id, submitted_on, facts, preferences, source_file, source_row";
    private const string ScoreColumns = "application_id, revision, rule_table, score_day, total, passed, vetoed, items, scored_at, reason";
    private const string PermitColumns = "permit_id, person_key, masked_id, city_code, region_code, state, applied_on, valid_from, valid_to, revision, key_id, token";
    private const string RunColumns = "run_id, round, status, rule_table, score_day, seed, tie_breakers, quotas, inputs_sha256, results_sha256, run_at, actor, supersedes, reason";
    private const string ObjectionColumns = "objection_id, application_id, item_id, reason, state, outcome, opened_at, decided_at, decided_by, corrected_facts";

    /// <summary>
    /// The applications with their latest upheld correction: the one rule of an application's effective facts
    /// (<see cref="ApplicationRecord.EffectiveFacts"/>). Decisions are written one at a time under the writer lock,
    /// so the later decided_at is the later decision.
    /// </summary>
    private static readonly string ApplicationsWithCorrections =
        $"SELECT {string.Join(", ", ApplicationColumns.Split(", ").Select(x => "a." + x))}, c.objection_id, c.corrected_facts FROM service_application a " +
        "LEFT JOIN (SELECT application_id, objection_id, corrected_facts, ROW_NUMBER() OVER (PARTITION BY application_id ORDER BY decided_at DESC, objection_id DESC) AS latest " +
        "FROM points_objection WHERE state = 'upheld' AND corrected_facts IS NOT NULL) c ON c.application_id = a.application_id AND c.latest = 1";

    public void AddApplications(IReadOnlyList<ApplicationRecord> applications, string actor)
    {
        ArgumentNullException.ThrowIfNull(applications);
        Write((c, t) =>
        {
            var errors = new List<InputError>();
            foreach (var round in applications.GroupBy(a => a.Round))
            {
                RefuseClosedRound(c, t, round.Key, "new applications");
                var stored = Sql.Query(c, t, "SELECT purpose, person_key, application_id FROM service_application WHERE round = $1",
                    r => (Purpose: r.GetString(0), Person: r.GetString(1), Id: r.GetString(2)), round.Key);
                var byPerson = stored.ToDictionary(s => (s.Purpose, s.Person), s => s.Id);
                var ids = Sql.Query(c, t, "SELECT application_id FROM service_application", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
                foreach (var a in round)
                {
                    if (byPerson.TryGetValue((a.Purpose, a.PersonKey), out var earlier))
                    {
                        errors.Add(new InputError(a.SourceFile, a.SourceRow, "id_number", a.MaskedId,
                            $"this person already applied in round {a.Round} for {a.Purpose} (application {earlier}); one application per person"));
                    }
                    else if (ids.Contains(a.ApplicationId))
                    {
                        errors.Add(new InputError(a.SourceFile, a.SourceRow, "application_id", a.ApplicationId, "an application with this id is already stored"));
                    }
                }
            }

            if (errors.Count > 0)
            {
                throw new InvalidInputException(errors);
            }

            var now = Sql.UtcNow();
            engine.BulkInsert(c, t, "service_application", [.. ApplicationColumns.Split(", "), "received_at"],
                applications.Select(a => new object?[] { a.ApplicationId, a.Round, a.Purpose, a.PersonKey, a.MaskedId, a.SubmittedOn, a.Facts, a.Preferences, a.SourceFile, a.SourceRow, now }));
            foreach (var a in applications)
            {
                AddAudit(c, t, actor, "application", a.ApplicationId, "receive", null, "received", $"round {a.Round}, {a.Purpose}, from {a.SourceFile} row {a.SourceRow}");
            }
        });
    }

    public IReadOnlyList<ApplicationRecord> Applications(string round) => store.Read((c, t) =>
        Sql.Query(c, t, $"{ApplicationsWithCorrections} WHERE a.round = $1 ORDER BY a.application_id", ReadApplication, round));

    public ApplicationRecord? Application(string applicationId) => store.Read((c, t) =>
        Sql.Query(c, t, $"{ApplicationsWithCorrections} WHERE a.application_id = $1", ReadApplication, applicationId).FirstOrDefault());

    public void AddScores(IReadOnlyList<ScoreRecord> scores, string actor)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Write((c, t) =>
        {
            foreach (var round in PublishedRoundsOf(c, t, [.. scores.Select(s => s.ApplicationId)]))
            {
                RefuseClosedRound(c, t, round, "new scores");
            }

            engine.BulkInsert(c, t, "points_score", ScoreColumns.Split(", "),
                scores.Select(s => new object?[] { s.ApplicationId, s.Revision, s.RuleTable, s.ScoreDay, s.Total, s.Passed, s.Vetoed, s.Items, s.ScoredAt, s.Reason }));
            foreach (var s in scores)
            {
                AddAudit(c, t, actor, "score", s.ApplicationId, "score", null, $"revision {s.Revision}",
                    $"{s.RuleTable}, day {s.ScoreDay:yyyy-MM-dd}: total {s.Total.ToString(CultureInfo.InvariantCulture)}{(s.Vetoed ? ", vetoed" : s.Passed ? ", passed" : ", below the pass mark")}; {s.Reason}");
            }
        });
    }

    public IReadOnlyList<ScoreRecord> LatestScores(string round) => store.Read((c, t) => Sql.Query(c, t,
        $"SELECT {string.Join(", ", ScoreColumns.Split(", ").Select(x => "s." + x))} FROM points_score s JOIN service_application a ON a.application_id = s.application_id " +
        "WHERE a.round = $1 AND s.revision = (SELECT MAX(revision) FROM points_score m WHERE m.application_id = s.application_id) ORDER BY s.application_id",
        ReadScore, round));

    public IReadOnlyList<ScoreRecord> Scores(string applicationId) => store.Read((c, t) =>
        Sql.Query(c, t, $"SELECT {ScoreColumns} FROM points_score WHERE application_id = $1 ORDER BY revision", ReadScore, applicationId));

    public void OpenObjection(ObjectionRecord objection, string actor)
    {
        ArgumentNullException.ThrowIfNull(objection);
        Write((c, t) =>
        {
            foreach (var round in PublishedRoundsOf(c, t, [objection.ApplicationId]))
            {
                RefuseClosedRound(c, t, round, "objections");
            }

            Sql.Execute(c, t, $"INSERT INTO points_objection ({ObjectionColumns}) VALUES ($1, $2, $3, $4, 'open', NULL, $5, NULL, NULL, NULL)",
                objection.ObjectionId, objection.ApplicationId, objection.ItemId, objection.Reason, objection.OpenedAt);
            AddAudit(c, t, actor, "objection", objection.ObjectionId, "object", null, "open",
                $"application {objection.ApplicationId}, item {objection.ItemId}: {objection.Reason}");
        });
    }

    public void DecideObjection(string objectionId, bool upheld, string outcome, string actor, ScoreRecord? newScore, string? correctedFacts)
    {
        if (!upheld && correctedFacts is not null)
        {
            throw new ArgumentException($"Objection {objectionId} is dismissed: a dismissal corrects no facts.", nameof(correctedFacts));
        }

        Write((c, t) =>
        {
            var state = Sql.Scalar(c, t, "SELECT state FROM points_objection WHERE objection_id = $1", objectionId) as string
                        ?? throw new ServiceRefusedException(new Reason($"No objection {objectionId}.", $"没有异议 {objectionId}。"));
            if (state != "open")
            {
                throw new ServiceRefusedException(new Reason($"Objection {objectionId} is already {state}; a decision is not changed (open a new objection).",
                    $"异议 {objectionId} 已{(state == "upheld" ? "采纳" : state == "dismissed" ? "驳回" : $"处理（{state}）")}；已作出的决定不再更改（请另提异议）。"));
            }

            if (newScore is not null)
            {
                foreach (var round in PublishedRoundsOf(c, t, [newScore.ApplicationId]))
                {
                    RefuseClosedRound(c, t, round, "new scores");
                }
            }

            var to = upheld ? "upheld" : "dismissed";
            Sql.Execute(c, t, "UPDATE points_objection SET state = $2, outcome = $3, decided_at = $4, decided_by = $5, corrected_facts = $6 WHERE objection_id = $1",
                objectionId, to, outcome, Sql.UtcNow(), actor, correctedFacts);
            AddAudit(c, t, actor, "objection", objectionId, "review", "open", to, outcome);
            if (newScore is not null)
            {
                engine.BulkInsert(c, t, "points_score", ScoreColumns.Split(", "),
                    [[newScore.ApplicationId, newScore.Revision, newScore.RuleTable, newScore.ScoreDay, newScore.Total, newScore.Passed, newScore.Vetoed, newScore.Items, newScore.ScoredAt, newScore.Reason]]);
                AddAudit(c, t, actor, "score", newScore.ApplicationId, "rescore", null, $"revision {newScore.Revision}",
                    $"after objection {objectionId}: total {newScore.Total.ToString(CultureInfo.InvariantCulture)}; {newScore.Reason}");
            }
        });
    }

    public IReadOnlyList<ObjectionRecord> Objections(string applicationId) => store.Read((c, t) => Sql.Query(c, t,
        $"SELECT {ObjectionColumns} FROM points_objection WHERE application_id = $1 ORDER BY opened_at, objection_id",
        r => new ObjectionRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Text(5), r.GetDateTime(6),
            r.IsDBNull(7) ? null : r.GetDateTime(7), r.Text(8), r.Text(9)), applicationId));

    public PermitRecord? Permit(string permitId) => store.Read((c, t) =>
        Sql.Query(c, t, $"SELECT {PermitColumns} FROM residence_permit WHERE permit_id = $1", ReadPermit, permitId).FirstOrDefault());

    public IReadOnlyList<PermitRecord> PermitsOf(string personKey) => store.Read((c, t) =>
        Sql.Query(c, t, $"SELECT {PermitColumns} FROM residence_permit WHERE person_key = $1 ORDER BY applied_on, permit_id", ReadPermit, personKey));

    public IReadOnlyList<PermitRecord> Permits(string? state = null) => store.Read((c, t) => state is null
        ? Sql.Query(c, t, $"SELECT {PermitColumns} FROM residence_permit ORDER BY permit_id", ReadPermit)
        : Sql.Query(c, t, $"SELECT {PermitColumns} FROM residence_permit WHERE state = $1 ORDER BY permit_id", ReadPermit, state));

    public void SavePermit(PermitRecord permit, int expectedRevision, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(audit);
        Write((c, t) =>
        {
            var current = Sql.Scalar(c, t, "SELECT revision FROM residence_permit WHERE permit_id = $1", permit.PermitId);
            var revision = current is null ? 0 : Convert.ToInt32(current, CultureInfo.InvariantCulture);
            if (revision != expectedRevision)
            {
                throw new ServiceRefusedException(new Reason(
                    $"Permit {permit.PermitId} was changed meanwhile (revision {revision}, expected {expectedRevision}); read it again and retry.",
                    $"居住证 {permit.PermitId} 已被他人修改（版本 {revision}，应为 {expectedRevision}）；请重新读取后再试。"));
            }

            if (permit.State is "applied" or "issued")
            {
                RefuseSecondLivePermit(c, t, permit);
            }

            if (current is null)
            {
                Sql.Execute(c, t, $"INSERT INTO residence_permit ({PermitColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                    permit.PermitId, permit.PersonKey, permit.MaskedId, permit.CityCode, permit.RegionCode, permit.State, permit.AppliedOn,
                    permit.ValidFrom, permit.ValidTo, permit.Revision, permit.KeyId, permit.Token);
            }
            else
            {
                Sql.Execute(c, t, "UPDATE residence_permit SET state = $2, valid_from = $3, valid_to = $4, revision = $5, key_id = $6, token = $7 WHERE permit_id = $1",
                    permit.PermitId, permit.State, permit.ValidFrom, permit.ValidTo, permit.Revision, permit.KeyId, permit.Token);
            }

            AddAudit(c, t, audit.Actor, audit.SubjectKind, audit.SubjectId, audit.Action, audit.FromState, audit.ToState, audit.Detail, audit.RecordedAt);
        });
    }

    /// <summary>
    /// A round whose result is published is closed: the published run's inputs (applications, their latest scores)
    /// must stay as they were, so that <c>allocate verify</c> still reproduces it; its result changes only by a
    /// recorded re-run (docs/services.md "Reproducibility").
    /// </summary>
    private static void RefuseClosedRound(DbConnection c, DbTransaction t, string round, string what)
    {
        var published = Sql.Query(c, t, "SELECT run_id FROM allocation_run WHERE round = $1 AND status = 'published'", r => r.GetString(0), round);
        if (published.Count > 0)
        {
            var whatZh = what switch { "new applications" => "新的申请", "new scores" => "重新评分", _ => "异议" };
            throw new ServiceRefusedException(new Reason(
                $"round {round} is closed: its result is published (run {published[0]}), so it takes no {what}; a published result changes only by a recorded re-run (--supersedes {published[0]} with a reason)",
                $"{round} 轮次已关闭：结果已公布（分配运行 {published[0]}），不再受理{whatZh}；已公布的结果只能通过有记录的重新分配（注明所替代的运行和理由）更改"));
        }
    }

    /// <summary>The rounds with a published result among those of the applications named (scores and objections name the application, not its round).</summary>
    private static IReadOnlyList<string> PublishedRoundsOf(DbConnection c, DbTransaction t, IReadOnlyList<string> applicationIds)
    {
        var published = Sql.Query(c, t, "SELECT DISTINCT a.application_id, a.round FROM service_application a JOIN allocation_run r ON r.round = a.round WHERE r.status = 'published'",
            r => (Id: r.GetString(0), Round: r.GetString(1)));
        if (published.Count == 0)
        {
            return [];
        }

        var roundOf = published.ToDictionary(p => p.Id, p => p.Round, StringComparer.Ordinal);
        return [.. applicationIds.Where(roundOf.ContainsKey).Select(id => roundOf[id]).Distinct()];
    }

    /// <summary>
    /// One person holds one live permit, applied for or issued (a duplicate is 409, docs/api.md), whichever county
    /// it names: found by the keyed hash of the identity number, inside the writing transaction, so two desks
    /// cannot both pass the check. An expired permit is renewed, not applied for again; renewing it is refused while
    /// another is live.
    /// </summary>
    private static void RefuseSecondLivePermit(DbConnection c, DbTransaction t, PermitRecord permit)
    {
        var live = Sql.Query(c, t, "SELECT permit_id, state, region_code FROM residence_permit WHERE person_key = $1 AND permit_id <> $2 AND state IN ('applied', 'issued') ORDER BY permit_id",
            r => (Id: r.GetString(0), State: r.GetString(1), Region: r.GetString(2)), permit.PersonKey, permit.PermitId);
        if (live.Count > 0)
        {
            var (id, state, region) = live[0];
            throw new ServiceRefusedException(new Reason(
                $"this person already has residence permit {id} ({state}, region {region}); one live application or permit per person: decide, renew or revoke that one instead",
                $"此人已有居住证 {id}（{(state == "issued" ? "已签发" : "已申请")}，地区 {region}）；每人只能有一份在办申请或有效居住证：请先办结、续签或注销该证"));
        }
    }

    public void AddAllocationRun(AllocationRunRecord run, IReadOnlyList<PlacementRecord> placements, Action? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(placements);
        Write((c, t) =>
        {
            var published = Sql.Query(c, t, "SELECT run_id FROM allocation_run WHERE round = $1 AND status = 'published'", r => r.GetString(0), run.Round);
            if (published.Count > 0 && (run.Supersedes != published[0] || string.IsNullOrWhiteSpace(run.Reason)))
            {
                throw new ServiceRefusedException(new Reason(
                    $"Round {run.Round} has a published result (run {published[0]}); a new run must be a recorded re-run naming it (--supersedes {published[0]}) with a reason.",
                    $"轮次 {run.Round} 已公布结果（运行 {published[0]}）；新的运行须为注明所取代运行（--supersedes {published[0]}）并说明理由的重新运行。"));
            }

            if (run.Supersedes is not null && published.Count == 0)
            {
                throw new ServiceRefusedException(new Reason($"Round {run.Round} has no published run to supersede.", $"轮次 {run.Round} 没有可取代的已公布运行。"));
            }

            // The seed was fixed before the round closed and published with the result (docs/services.md "Seeded
            // lottery"): a re-run that could draw again could be repeated until a wanted outcome came up, so it keeps
            // the published seed; what a re-run may correct is its other inputs (a quota, a tie-breaker rule).
            var publishedSeed = published.Count > 0 ? Sql.Scalar(c, t, "SELECT seed FROM allocation_run WHERE run_id = $1", published[0]) as string : null;
            if (publishedSeed is not null && publishedSeed != run.Seed)
            {
                throw new ServiceRefusedException(new Reason(
                    $"a re-run of round {run.Round} keeps the published lottery seed of run {published[0]} ('{publishedSeed}'); a seed cannot be drawn again after publication",
                    $"{run.Round} 轮次的重新分配须沿用已公布的抽签种子（分配运行 {published[0]}：“{publishedSeed}”）；结果公布后不得重新抽取种子"));
            }

            Sql.Execute(c, t, $"INSERT INTO allocation_run ({RunColumns}) VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                run.RunId, run.Round, run.RuleTable, run.ScoreDay, run.Seed, run.TieBreakers, run.Quotas, run.InputsSha256, run.ResultsSha256,
                run.RunAt, run.Actor, run.Supersedes, run.Reason);
            engine.BulkInsert(c, t, "allocation_placement", ["run_id", "application_id", "rank", "outcome", "quota_id", "total", "draw"],
                placements.Select(p => new object?[] { p.RunId, p.ApplicationId, p.Rank, p.Outcome, p.QuotaId, p.Total, p.Draw }));
            AddAudit(c, t, run.Actor, "allocation", run.RunId, "run", null, "draft",
                $"round {run.Round}, {placements.Count} applications, seed {run.Seed}, tie-breakers {run.TieBreakers}, inputs {run.InputsSha256}, results {run.ResultsSha256}" +
                (run.Supersedes is null ? "" : $"; re-run of {run.Supersedes}: {run.Reason}"));
            beforeCommit?.Invoke();
        });
    }

    public void PublishAllocationRun(string runId, string actor)
    {
        Write((c, t) =>
        {
            var run = Sql.Query(c, t, $"SELECT {RunColumns} FROM allocation_run WHERE run_id = $1", ReadRun, runId).FirstOrDefault()
                      ?? throw new ServiceRefusedException(new Reason($"No allocation run {runId}.", $"没有分配运行 {runId}。"));
            if (run.Status != "draft")
            {
                throw new ServiceRefusedException(new Reason($"Run {runId} is {run.Status}; only a draft run is published.",
                    $"运行 {runId} 为{(run.Status == "published" ? "已公布" : run.Status == "superseded" ? "已被取代" : $"“{run.Status}”")}状态；只有草稿运行可以公布。"));
            }

            var published = Sql.Query(c, t, "SELECT run_id FROM allocation_run WHERE round = $1 AND status = 'published'", r => r.GetString(0), run.Round);
            if (published.Count > 0 && run.Supersedes != published[0])
            {
                throw new ServiceRefusedException(new Reason($"Round {run.Round} already has published run {published[0]}; publish a re-run that supersedes it.",
                    $"轮次 {run.Round} 已有公布的运行 {published[0]}；请公布取代它的重新运行。"));
            }

            foreach (var old in published)
            {
                Sql.Execute(c, t, "UPDATE allocation_run SET status = 'superseded' WHERE run_id = $1", old);
                AddAudit(c, t, actor, "allocation", old, "supersede", "published", "superseded", $"superseded by run {runId}: {run.Reason}");
            }

            Sql.Execute(c, t, "UPDATE allocation_run SET status = 'published' WHERE run_id = $1", runId);
            AddAudit(c, t, actor, "allocation", runId, "publish", "draft", "published", $"round {run.Round}, results {run.ResultsSha256}");
        });
    }

    public IReadOnlyList<AllocationRunRecord> AllocationRuns(string round) => store.Read((c, t) =>
        Sql.Query(c, t, $"SELECT {RunColumns} FROM allocation_run WHERE round = $1 ORDER BY run_at, run_id", ReadRun, round));

    public IReadOnlyList<PlacementRecord> Placements(string runId) => store.Read((c, t) => Sql.Query(c, t,
        "SELECT run_id, application_id, rank, outcome, quota_id, total, draw FROM allocation_placement WHERE run_id = $1 ORDER BY rank, application_id",
        r => new PlacementRecord(r.GetString(0), r.GetString(1), r.Int(2) ?? 0, r.GetString(3), r.Text(4), r.Double(5), r.GetString(6)), runId));

    public IReadOnlyList<AuditRecord> Audit(string subjectKind, string subjectId) => store.Read((c, t) => Sql.Query(c, t,
        "SELECT id, recorded_at, actor, subject_kind, subject_id, action, from_state, to_state, detail FROM service_audit WHERE subject_kind = $1 AND subject_id = $2 ORDER BY id",
        r => new AuditRecord(r.Long(0), r.GetDateTime(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.Text(6), r.Text(7), r.GetString(8)),
        subjectKind, subjectId));

    public IReadOnlyList<GraduateRecord> Graduates() => store.Read((c, t) => Sql.Query(c, t,
        "SELECT t.year, t.region_code, t.institution, t.graduate_key, t.level, t.destination, pv.figure_kind, pv.source_id, pv.source_title, pv.publisher, pv.published_on, pv.confidence, pv.note, b.batch_key " +
        "FROM graduate_record t JOIN provenance pv ON pv.id = t.provenance_id JOIN import_batch b ON b.id = t.batch_id ORDER BY t.year, t.institution, t.graduate_key",
        r => new GraduateRecord(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), SqlStore.ReadProvenance(r, 6), r.GetString(13))));

    public IReadOnlyList<TalentIntakeRecord> TalentIntake() => store.Read((c, t) => Sql.Query(c, t,
        "SELECT t.year, t.region_code, t.person_key, t.intake_date, t.category, t.graduate, t.departed_on, t.observed_until, pv.figure_kind, pv.source_id, pv.source_title, pv.publisher, pv.published_on, pv.confidence, pv.note, b.batch_key " +
        "FROM talent_intake t JOIN provenance pv ON pv.id = t.provenance_id JOIN import_batch b ON b.id = t.batch_id ORDER BY t.year, t.person_key",
        r => new TalentIntakeRecord(r.Int(0) ?? 0, r.GetString(1), r.GetString(2), r.Date(3)!.Value, r.GetString(4), r.GetBoolean(5), r.Date(6), r.Date(7)!.Value,
            SqlStore.ReadProvenance(r, 8), r.GetString(15))));

    private void Write(Action<DbConnection, DbTransaction> write)
    {
        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction();
        using var writer = engine.AcquireWriterLock(connection, transaction);
        write(connection, transaction);
        transaction.Commit();
    }

    private static void AddAudit(DbConnection c, DbTransaction t, string actor, string kind, string id, string action, string? from, string? to, string detail,
        DateTime? at = null) =>
        Sql.Execute(c, t, "INSERT INTO service_audit (recorded_at, actor, subject_kind, subject_id, action, from_state, to_state, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            at ?? Sql.UtcNow(), string.IsNullOrWhiteSpace(actor) ? throw new ArgumentException("An actor is required for the audit trail.", nameof(actor)) : actor,
            kind, id, action, from, to, detail);

    private static ApplicationRecord ReadApplication(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Date(5)!.Value, r.GetString(6), r.GetString(7), r.GetString(8), r.Int(9) ?? 0,
            r.Text(10), r.Text(11));

    private static ScoreRecord ReadScore(DbDataReader r) =>
        new(r.GetString(0), r.Int(1) ?? 0, r.GetString(2), r.Date(3)!.Value, r.Double(4), r.GetBoolean(5), r.GetBoolean(6), r.GetString(7), r.GetDateTime(8), r.GetString(9));

    private static PermitRecord ReadPermit(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.Date(6)!.Value, r.Date(7), r.Date(8),
            r.Int(9) ?? 0, r.Text(10), r.Text(11));

    private static AllocationRunRecord ReadRun(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.Date(4)!.Value, r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8),
            r.GetString(9), r.GetDateTime(10), r.GetString(11), r.Text(12), r.GetString(13));
}
