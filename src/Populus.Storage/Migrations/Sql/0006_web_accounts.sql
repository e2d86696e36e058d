-- Populus store: accounts of the web cockpit and API, their access tokens, the audit log of personal-data reads
-- and the history of imports made through the web (with each refused file's validation report).
-- Passwords and tokens are stored only as hashes. audit_log is append-only: the program has no path that updates
-- or deletes it (PostgreSQL also refuses UPDATE, DELETE and TRUNCATE by trigger: 0006_web_accounts.postgres.sql).

CREATE SEQUENCE account_seq START 1;
CREATE TABLE account (
    id             BIGINT DEFAULT nextval('account_seq') PRIMARY KEY,
    user_name      TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('administrator', 'city_analyst', 'county_viewer', 'data_provider', 'auditor')),
    region_code    TEXT,
    data_kinds     TEXT,
    password_hash  TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    disabled       BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK ((role = 'county_viewer') = (region_code IS NOT NULL))
);

CREATE TABLE access_token (
    token_sha256  TEXT PRIMARY KEY,
    account_id    BIGINT NOT NULL,
    name          TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL,
    revoked       BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE SEQUENCE audit_seq START 1;
CREATE TABLE audit_log (
    id        BIGINT DEFAULT nextval('audit_seq') PRIMARY KEY,
    occurred_at  TIMESTAMP NOT NULL,
    account   TEXT NOT NULL,
    role      TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    purpose   TEXT,
    detail    TEXT
);

CREATE SEQUENCE import_attempt_seq START 1;
CREATE TABLE import_attempt (
    id         BIGINT DEFAULT nextval('import_attempt_seq') PRIMARY KEY,
    occurred_at  TIMESTAMP NOT NULL,
    account    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    accepted   BOOLEAN NOT NULL,
    batch_key  TEXT,
    row_count  INTEGER NOT NULL,
    problems   TEXT NOT NULL
);
