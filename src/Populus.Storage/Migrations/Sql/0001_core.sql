-- Populus store, schema version 1: provenance, regions and groups, and the figures imported from files.
-- Runs unchanged on DuckDB and PostgreSQL (a file NNNN_name.duckdb.sql or NNNN_name.postgres.sql overrides it for
-- one engine). Every figure row references the batch (file) it came from and its provenance.

CREATE TABLE source (
    source_id   TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    url         TEXT,
    publisher   TEXT,
    kind        TEXT,
    confidence  TEXT
);

CREATE SEQUENCE provenance_seq START 1;
CREATE TABLE provenance (
    id            BIGINT DEFAULT nextval('provenance_seq') PRIMARY KEY,
    figure_kind   TEXT NOT NULL CHECK (figure_kind IN ('observed', 'estimated', 'projected')),
    source_id     TEXT NOT NULL,
    source_title  TEXT,
    publisher     TEXT,
    published_on  DATE,
    confidence    TEXT,
    note          TEXT
);

CREATE SEQUENCE import_batch_seq START 1;
CREATE TABLE import_batch (
    id              BIGINT DEFAULT nextval('import_batch_seq') PRIMARY KEY,
    batch_key       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    content_sha256  TEXT NOT NULL,
    row_count       INTEGER NOT NULL,
    imported_at     TIMESTAMP NOT NULL
);

CREATE TABLE region (
    code         TEXT PRIMARY KEY,
    name_zh      TEXT NOT NULL,
    name_en      TEXT,
    level        TEXT NOT NULL CHECK (level IN ('city', 'county', 'township')),
    parent_code  TEXT,
    valid_from   DATE,
    valid_to     DATE,
    source_id    TEXT,
    note         TEXT
);

CREATE TABLE region_group (
    name     TEXT PRIMARY KEY,
    name_en  TEXT
);

CREATE TABLE region_group_member (
    group_name   TEXT NOT NULL REFERENCES region_group (name),
    region_code  TEXT NOT NULL REFERENCES region (code),
    note         TEXT,
    PRIMARY KEY (group_name, region_code)
);

CREATE TABLE region_group_reference (
    group_name     TEXT NOT NULL REFERENCES region_group (name),
    year           INTEGER NOT NULL,
    indicator      TEXT NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    unit           TEXT NOT NULL,
    provenance_id  BIGINT NOT NULL REFERENCES provenance (id),
    PRIMARY KEY (group_name, year, indicator)
);

-- Population by reference date × region × sex × age, with urban/rural residence and education where given.
-- age is the canonical label ("total", "25", "25-29", "85+"); age_to is NULL for open groups and the total.
CREATE TABLE population (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    provenance_id   BIGINT NOT NULL REFERENCES provenance (id),
    reference_date  DATE NOT NULL,
    year            INTEGER NOT NULL,
    region_code     TEXT NOT NULL REFERENCES region (code),
    sex             TEXT NOT NULL CHECK (sex IN ('male', 'female', 'total')),
    age             TEXT NOT NULL,
    age_from        INTEGER NOT NULL,
    age_to          INTEGER,
    residence       TEXT NOT NULL CHECK (residence IN ('total', 'urban', 'rural')),
    education       TEXT NOT NULL,
    persons         DOUBLE PRECISION NOT NULL CHECK (persons >= 0),
    UNIQUE (reference_date, region_code, sex, age, residence, education)
);

-- Births (sex of the child, age of the mother) and deaths (sex and age of the deceased) in a calendar year.
CREATE TABLE vital_event (
    batch_id       BIGINT NOT NULL REFERENCES import_batch (id),
    provenance_id  BIGINT NOT NULL REFERENCES provenance (id),
    year           INTEGER NOT NULL,
    region_code    TEXT NOT NULL REFERENCES region (code),
    event          TEXT NOT NULL CHECK (event IN ('birth', 'death')),
    sex            TEXT NOT NULL CHECK (sex IN ('male', 'female', 'total')),
    age            TEXT NOT NULL,
    age_from       INTEGER NOT NULL,
    age_to         INTEGER,
    events         DOUBLE PRECISION NOT NULL CHECK (events >= 0),
    UNIQUE (year, region_code, event, sex, age)
);

-- Persons moving between regions in a year; 'outside' stands for any place not in the region table.
CREATE TABLE migration_flow (
    batch_id          BIGINT NOT NULL REFERENCES import_batch (id),
    provenance_id     BIGINT NOT NULL REFERENCES provenance (id),
    year              INTEGER NOT NULL,
    origin_code       TEXT NOT NULL,
    destination_code  TEXT NOT NULL,
    sex               TEXT NOT NULL CHECK (sex IN ('male', 'female', 'total')),
    age               TEXT NOT NULL,
    age_from          INTEGER NOT NULL,
    age_to            INTEGER,
    persons           DOUBLE PRECISION NOT NULL CHECK (persons >= 0),
    UNIQUE (year, origin_code, destination_code, sex, age),
    CHECK (origin_code <> destination_code)
);

-- Totals of a sample survey (e.g. the 2015 1% survey), already weighted up to the population.
CREATE TABLE survey_total (
    batch_id       BIGINT NOT NULL REFERENCES import_batch (id),
    provenance_id  BIGINT NOT NULL REFERENCES provenance (id),
    year           INTEGER NOT NULL,
    region_code    TEXT NOT NULL REFERENCES region (code),
    survey         TEXT NOT NULL,
    measure        TEXT NOT NULL,
    sex            TEXT NOT NULL CHECK (sex IN ('male', 'female', 'total')),
    value          DOUBLE PRECISION NOT NULL CHECK (value >= 0),
    UNIQUE (year, region_code, survey, measure, sex)
);

-- Figures reported by departments (talent counts, graduates, new urban jobs …).
CREATE TABLE indicator_value (
    batch_id       BIGINT NOT NULL REFERENCES import_batch (id),
    provenance_id  BIGINT NOT NULL REFERENCES provenance (id),
    year           INTEGER NOT NULL,
    region_code    TEXT NOT NULL REFERENCES region (code),
    indicator      TEXT NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    unit           TEXT NOT NULL,
    department     TEXT NOT NULL,
    UNIQUE (year, region_code, indicator)
);
