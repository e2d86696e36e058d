-- Person registry (issue 3 §5; docs/registry.md), DuckDB. No column holds an identity number: id_lookup is 64 bits
-- of an AES-256 block under the look-up key and id_sealed a version byte and one AES-256 block (17 bytes: number and
-- person_id) under the seal key, both keys kept outside the database.
-- No primary key or index: an ART index would slow bulk loads several times over, and a columnar scan of id_lookup
-- finds one person among ten million in a fraction of a second; the loaders keep numbers unique. The look-up and
-- sealed numbers are random bytes, stored uncompressed (DuckDB's compressions cost CPU on them for no saving).
CREATE TABLE registry_key (
    key_id      BLOB      NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE TABLE registry_person (
    person_id         BIGINT   NOT NULL,
    id_lookup         BIGINT   NOT NULL USING COMPRESSION uncompressed,
    id_sealed         BLOB     NOT NULL USING COMPRESSION uncompressed,
    sex               UTINYINT NOT NULL,
    birth_date        DATE     NOT NULL,
    hukou_region      INTEGER  NOT NULL,
    residence_region  INTEGER  NOT NULL,
    urban             BOOLEAN  NOT NULL,
    education         UTINYINT NOT NULL,
    residence_permit  UTINYINT NOT NULL,
    death_date        DATE
);
CREATE TABLE registry_event (
    person_id    BIGINT   NOT NULL,
    kind         UTINYINT NOT NULL,
    event_date   DATE     NOT NULL,
    from_region  INTEGER,
    to_region    INTEGER
);
