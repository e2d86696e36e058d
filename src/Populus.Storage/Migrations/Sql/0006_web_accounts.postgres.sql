-- PostgreSQL only, run after 0006_web_accounts.sql (the tables of both engines): what only PostgreSQL can
-- enforce. The audit log refuses UPDATE, DELETE and TRUNCATE by trigger, and county-scoped reads see only their
-- county's rows by row-level security.
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

