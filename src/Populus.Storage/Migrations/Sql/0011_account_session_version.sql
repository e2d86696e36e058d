-- A cockpit session (cookie) carries the session_version of its account at sign-in; the web host compares it with
-- the stored one on every request. A password change, disabling or enabling the account adds one, so every session
-- signed in before it ends at once (docs/cockpit.md "Security"). Same SQL on DuckDB and PostgreSQL; IF NOT EXISTS so
-- that the step run again (a store whose later version rows were removed) leaves the column as it is.

ALTER TABLE account ADD COLUMN IF NOT EXISTS session_version BIGINT DEFAULT 0;
UPDATE account SET session_version = 0 WHERE session_version IS NULL;
