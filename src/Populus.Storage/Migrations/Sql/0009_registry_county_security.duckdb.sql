-- DuckDB has no row-level security: an embedded store has one user, and the registry's statements carry the county
-- condition themselves. The version is recorded so both engines stay at the same schema version.
SELECT 1;
