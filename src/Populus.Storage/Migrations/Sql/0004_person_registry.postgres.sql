-- Person registry (issue 3 §5; docs/registry.md), PostgreSQL: keys, range checks and the look-up index.
-- No column holds an identity number: id_lookup is 64 bits of an AES-256 block under the look-up key and id_sealed
-- a version byte and one AES-256 block (number and person_id) under the seal key, both keys kept outside the database.
CREATE TABLE registry_key (
    key_id      bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE registry_person (
    person_id         bigint   PRIMARY KEY CHECK (person_id > 0),
    id_lookup         bigint   NOT NULL,
    id_sealed         bytea    NOT NULL CHECK (octet_length(id_sealed) = 17),
    sex               smallint NOT NULL CHECK (sex IN (0, 1)),
    birth_date        date     NOT NULL,
    hukou_region      integer  NOT NULL CHECK (hukou_region BETWEEN 110000 AND 829999),
    residence_region  integer  NOT NULL CHECK (residence_region BETWEEN 110000 AND 829999),
    urban             boolean  NOT NULL,
    education         smallint NOT NULL CHECK (education BETWEEN 0 AND 9),
    residence_permit  smallint NOT NULL CHECK (residence_permit BETWEEN 0 AND 3),
    death_date        date     CHECK (death_date >= birth_date)
);
CREATE INDEX registry_person_id_lookup ON registry_person (id_lookup);
CREATE TABLE registry_event (
    event_id     bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    bigint   NOT NULL REFERENCES registry_person (person_id),
    kind         smallint NOT NULL CHECK (kind BETWEEN 1 AND 5),
    event_date   date     NOT NULL,
    from_region  integer  CHECK (from_region BETWEEN 110000 AND 829999),
    to_region    integer  CHECK (to_region BETWEEN 110000 AND 829999)
);
CREATE INDEX registry_event_person ON registry_event (person_id);
