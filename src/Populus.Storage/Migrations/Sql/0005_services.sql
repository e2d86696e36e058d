-- Services to people (Populus.Services): applications with their scores and objections, residence permits,
-- allocation runs and their placements, the append-only audit trail of all of them, and the person-level
-- graduate and talent-intake records behind the retention indicators. Same SQL on DuckDB and PostgreSQL.
-- People are known by person_key, a keyed hash (HMAC-SHA256) of the identity number; the number is never stored.

CREATE SEQUENCE service_audit_seq START 1;
CREATE TABLE service_audit (
    id            BIGINT DEFAULT nextval('service_audit_seq') PRIMARY KEY,
    recorded_at   TIMESTAMP NOT NULL,
    actor         TEXT NOT NULL,
    subject_kind  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    action        TEXT NOT NULL,
    from_state    TEXT,
    to_state      TEXT,
    detail        TEXT NOT NULL
);

CREATE TABLE service_application (
    application_id  TEXT PRIMARY KEY,
    round           TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    person_key      TEXT NOT NULL,
    masked_id       TEXT NOT NULL,
    submitted_on    DATE NOT NULL,
    facts           TEXT NOT NULL,
    preferences     TEXT NOT NULL,
    source_file     TEXT NOT NULL,
    source_row      INTEGER NOT NULL,
    received_at     TIMESTAMP NOT NULL,
    UNIQUE (round, purpose, person_key)
);

-- Every scoring of an application is kept: revision 1 is the first, a review that changes it adds the next.
CREATE TABLE points_score (
    application_id  TEXT NOT NULL REFERENCES service_application (application_id),
    revision        INTEGER NOT NULL,
    rule_table      TEXT NOT NULL,
    score_day       DATE NOT NULL,
    total           DOUBLE PRECISION NOT NULL,
    passed          BOOLEAN NOT NULL,
    vetoed          BOOLEAN NOT NULL,
    items           TEXT NOT NULL,
    scored_at       TIMESTAMP NOT NULL,
    reason          TEXT NOT NULL,
    PRIMARY KEY (application_id, revision)
);

CREATE TABLE points_objection (
    objection_id    TEXT PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES service_application (application_id),
    item_id         TEXT NOT NULL,
    reason          TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('open', 'upheld', 'dismissed')),
    outcome         TEXT,
    opened_at       TIMESTAMP NOT NULL,
    decided_at      TIMESTAMP,
    decided_by      TEXT
);

CREATE TABLE residence_permit (
    permit_id    TEXT PRIMARY KEY,
    person_key   TEXT NOT NULL,
    masked_id    TEXT NOT NULL,
    city_code    TEXT NOT NULL,
    region_code  TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('applied', 'issued', 'rejected', 'expired', 'revoked')),
    applied_on   DATE NOT NULL,
    valid_from   DATE,
    valid_to     DATE,
    revision     INTEGER NOT NULL,
    key_id       TEXT,
    token        TEXT
);

-- Allocation runs are never changed: a re-run of a published round is a new run that names the run it supersedes
-- and why. inputs_sha256 and results_sha256 let anyone check a run by recomputing it.
CREATE TABLE allocation_run (
    run_id          TEXT PRIMARY KEY,
    round           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
    rule_table      TEXT NOT NULL,
    score_day       DATE NOT NULL,
    seed            TEXT NOT NULL,
    tie_breakers    TEXT NOT NULL,
    quotas          TEXT NOT NULL,
    inputs_sha256   TEXT NOT NULL,
    results_sha256  TEXT NOT NULL,
    run_at          TIMESTAMP NOT NULL,
    actor           TEXT NOT NULL,
    supersedes      TEXT,
    reason          TEXT NOT NULL
);

CREATE TABLE allocation_placement (
    run_id          TEXT NOT NULL,
    application_id  TEXT NOT NULL REFERENCES service_application (application_id),
    rank            INTEGER NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('placed', 'waitlisted', 'ineligible')),
    quota_id        TEXT,
    total           DOUBLE PRECISION NOT NULL,
    draw            TEXT NOT NULL,
    PRIMARY KEY (run_id, application_id)
);

-- Graduates of local universities and where they went (import kind 'graduates').
CREATE TABLE graduate_record (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    provenance_id   BIGINT NOT NULL REFERENCES provenance (id),
    year            INTEGER NOT NULL,
    region_code     TEXT NOT NULL REFERENCES region (code),
    institution     TEXT NOT NULL,
    graduate_key    TEXT NOT NULL,
    level           TEXT NOT NULL,
    destination     TEXT NOT NULL CHECK (destination IN ('employed_local', 'employed_elsewhere', 'further_study', 'not_employed')),
    UNIQUE (year, institution, graduate_key)
);

-- Talent taken in by the city, with departure and the last day the person was seen (import kind 'talent-intake').
CREATE TABLE talent_intake (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    provenance_id   BIGINT NOT NULL REFERENCES provenance (id),
    year            INTEGER NOT NULL,
    region_code     TEXT NOT NULL REFERENCES region (code),
    person_key      TEXT NOT NULL,
    intake_date     DATE NOT NULL,
    category        TEXT NOT NULL,
    graduate        BOOLEAN NOT NULL,
    departed_on     DATE,
    observed_until  DATE NOT NULL,
    UNIQUE (year, person_key)
);
