-- An objection upheld with corrected facts keeps them with its decision (the full facts, as service_application.facts
-- stores the submitted ones): the application's effective facts are those of its latest upheld correction, else the
-- submitted ones, so a later scoring of the round and a second correction start from them (docs/services.md,
-- "Objections"). Objections decided before this step kept no facts (NULL): their corrections stand in the score
-- revisions they made, and the application's effective facts are the submitted ones. Same SQL on DuckDB and
-- PostgreSQL; IF NOT EXISTS so that the step run again leaves the column as it is.

ALTER TABLE points_objection ADD COLUMN IF NOT EXISTS corrected_facts TEXT;
