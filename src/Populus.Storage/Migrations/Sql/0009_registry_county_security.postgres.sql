-- Row-level security for the person registry (PostgreSQL), as migration 6 gives the statistical tables: a county
-- viewer's registry reads run as populus_county_reader with app.region set to its county code, and see only persons
-- living or holding hukou there, and their events. The registry's own statements also carry the county condition;
-- this holds the county even if one did not. The owner (loads, imports, rotation, unscoped reads) is not affected.
GRANT SELECT ON registry_person, registry_event TO populus_county_reader;

ALTER TABLE registry_person ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON registry_person FOR SELECT TO populus_county_reader
    USING (CAST(residence_region AS text) = current_setting('app.region', true)
        OR CAST(hukou_region AS text) = current_setting('app.region', true));

-- An event is visible with its person (the subquery is itself filtered by the policy above).
ALTER TABLE registry_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_scope ON registry_event FOR SELECT TO populus_county_reader
    USING (EXISTS (SELECT 1 FROM registry_person p WHERE p.person_id = registry_event.person_id));
