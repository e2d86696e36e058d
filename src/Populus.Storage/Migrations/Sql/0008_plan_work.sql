-- Plan tasks and responsibilities (工作体系, docs/planning.md "Plan tasks"): the yearly work points the lead office
-- sets for the plan's tasks (data/plan/tasks.csv), each with one responsible department and a deadline, and the
-- progress reports departments file against them, with evidence. Same SQL on DuckDB and PostgreSQL.

CREATE TABLE work_point (
    batch_id      BIGINT NOT NULL REFERENCES import_batch (id),
    year          INTEGER NOT NULL,
    point_key     TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    department    TEXT NOT NULL,
    description   TEXT NOT NULL,
    deadline      DATE NOT NULL,
    PRIMARY KEY (year, point_key)
);
CREATE INDEX work_point_department ON work_point (department, year);

CREATE TABLE work_progress (
    batch_id          BIGINT NOT NULL REFERENCES import_batch (id),
    year              INTEGER NOT NULL,
    point_key         TEXT NOT NULL,
    department        TEXT NOT NULL,
    reported_on       DATE NOT NULL,
    percent_complete  DOUBLE PRECISION NOT NULL,
    completed         BOOLEAN NOT NULL,
    evidence          TEXT,
    note              TEXT,
    PRIMARY KEY (year, point_key, reported_on)
);
CREATE INDEX work_progress_department ON work_progress (department, year);
