-- PostgreSQL version of 0006_web_accounts.sql (same tables), plus what only PostgreSQL can enforce:
-- the audit log refuses UPDATE, DELETE and TRUNCATE by trigger, and county-scoped reads see only their county's
-- rows by row-level security.
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

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Row-level security for county-scoped reads. A county viewer's queries run as the role populus_county_reader
-- (SET LOCAL ROLE inside the read transaction) with app.region set to the county code by
-- set_config('app.region', code, true); the role is not the tables' owner, so the policies apply, and without
-- app.region it sees no rows at all. The owner (imports, migrations, unscoped reads) is not affected.
DO $$
BEGIN
    CREATE ROLE populus_county_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- made by another store in this cluster
END
$$;
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO populus_county_reader', current_schema());
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT populus_county_reader TO %I', current_user);
    END IF;
END
$$;
GRANT SELECT ON source, provenance, import_batch, region, region_group, region_group_member,
    population, vital_event, migration_flow, survey_total, indicator_value,
    estimate_vintage, population_estimate, component_estimate TO populus_county_reader;

ALTER TABLE population ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON population FOR SELECT TO populus_county_reader
    USING (substr(region_code, 1, 6) = current_setting('app.region', true));
ALTER TABLE vital_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON vital_event FOR SELECT TO populus_county_reader
    USING (substr(region_code, 1, 6) = current_setting('app.region', true));
ALTER TABLE survey_total ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON survey_total FOR SELECT TO populus_county_reader
    USING (substr(region_code, 1, 6) = current_setting('app.region', true));
ALTER TABLE indicator_value ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON indicator_value FOR SELECT TO populus_county_reader
    USING (substr(region_code, 1, 6) = current_setting('app.region', true));
ALTER TABLE migration_flow ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON migration_flow FOR SELECT TO populus_county_reader
    USING (substr(origin_code, 1, 6) = current_setting('app.region', true)
        OR substr(destination_code, 1, 6) = current_setting('app.region', true));
ALTER TABLE population_estimate ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON population_estimate FOR SELECT TO populus_county_reader
    USING (substr(region_code, 1, 6) = current_setting('app.region', true));
ALTER TABLE component_estimate ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON component_estimate FOR SELECT TO populus_county_reader
    USING (substr(region_code, 1, 6) = current_setting('app.region', true));
