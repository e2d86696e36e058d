-- Populus store, schema version 3: the annual population estimates, one vintage per run (docs/estimates.md).
-- A vintage is the series estimated with the data up to its year (vintage 2024: base 2020-11-01 to 2024-12-31);
-- later runs add vintages and never change earlier ones, as the US Census Bureau's Population Estimates Program.

CREATE TABLE estimate_vintage (
    vintage     INTEGER PRIMARY KEY,
    base_date   DATE NOT NULL,
    last_date   DATE NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    method      TEXT NOT NULL,
    inputs      TEXT NOT NULL
);

-- Residents by single year of age (the last, "100+", open) and sex at each reference date of a vintage.
CREATE TABLE population_estimate (
    vintage         INTEGER NOT NULL REFERENCES estimate_vintage (vintage),
    provenance_id   BIGINT NOT NULL REFERENCES provenance (id),
    reference_date  DATE NOT NULL,
    region_code     TEXT NOT NULL REFERENCES region (code),
    sex             TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    age             TEXT NOT NULL,
    age_from        INTEGER NOT NULL,
    persons         DOUBLE PRECISION NOT NULL CHECK (persons >= 0),
    PRIMARY KEY (vintage, reference_date, region_code, sex, age_from)
);

-- The components of change of each step of a vintage: births (age = mother's age, sex = child's), deaths and
-- net migration (age = the cohort's age at the start of the step).
CREATE TABLE component_estimate (
    vintage        INTEGER NOT NULL REFERENCES estimate_vintage (vintage),
    provenance_id  BIGINT NOT NULL REFERENCES provenance (id),
    period_start   DATE NOT NULL,
    period_end     DATE NOT NULL,
    region_code    TEXT NOT NULL REFERENCES region (code),
    component      TEXT NOT NULL CHECK (component IN ('births', 'deaths', 'net_migration')),
    sex            TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    age            TEXT NOT NULL,
    age_from       INTEGER NOT NULL,
    persons        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (vintage, period_start, region_code, component, sex, age_from)
);
