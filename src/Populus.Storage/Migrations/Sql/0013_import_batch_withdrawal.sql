-- A batch of figures found wrong after it was stored (a typo in a year end the plan monitoring cannot be calibrated
-- to) is withdrawn: its figures are deleted in one transaction and the batch keeps who withdrew it, when and why, so the
-- store says what was once imported and why it is no longer there (docs/storage.md "Withdrawing a batch"). Same SQL on
-- DuckDB and PostgreSQL; IF NOT EXISTS so that the step run again leaves the columns as they are.

ALTER TABLE import_batch ADD COLUMN IF NOT EXISTS withdrawn_at TIMESTAMP;
ALTER TABLE import_batch ADD COLUMN IF NOT EXISTS withdrawn_by TEXT;
ALTER TABLE import_batch ADD COLUMN IF NOT EXISTS withdrawal_reason TEXT;
