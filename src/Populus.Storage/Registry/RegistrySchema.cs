namespace Populus.Storage.Registry;

/// <summary>
/// The tables of the person registry, for each engine: the one place their DDL lives (store migrations run it).
/// Every statement is idempotent (IF NOT EXISTS).
/// </summary>
/// <remarks>
/// No column holds an identity number: <c>id_lookup</c> is a keyed hash and <c>id_sealed</c> an AES-GCM ciphertext, both
/// under a key kept outside the database (<see cref="RegistryKey"/>). Codes: sex 0 male / 1 female
/// (<see cref="Populus.Demography.Sex"/>); urban 0 urban / 1 rural stored as a boolean <c>urban</c>; education
/// <see cref="EducationLevel"/> 0–9; residence_permit <see cref="ResidencePermitStatus"/> 0–3; event kind
/// <see cref="PersonEventKind"/> 1–5; regions are 6-digit GB/T 2260 codes.
/// DuckDB gets no primary key or index: an ART index would slow the bulk load several times over, and a columnar scan
/// of <c>id_lookup</c> finds a person among ten million in milliseconds; uniqueness is the loader's duty there.
/// PostgreSQL gets keys, checks and the look-up index. In DuckDB the hash and the sealed numbers are stored
/// uncompressed: they are random bytes, and letting DuckDB try its compressions on them (FSST, dictionary,
/// bit-packing) doubled the CPU cost of a bulk load for no saving.
/// </remarks>
public static class RegistrySchema
{
    /// <summary>Table holding the fingerprint of the key that sealed this registry.</summary>
    public const string KeyTable = "registry_key";

    /// <summary>Table of persons.</summary>
    public const string PersonTable = "registry_person";

    /// <summary>Table of events.</summary>
    public const string EventTable = "registry_event";

    /// <summary>DDL for the embedded DuckDB store.</summary>
    public const string DuckDb = """
        CREATE TABLE IF NOT EXISTS registry_key (
            key_id      BLOB      NOT NULL,
            created_at  TIMESTAMP NOT NULL
        );
        CREATE TABLE IF NOT EXISTS registry_person (
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
        CREATE TABLE IF NOT EXISTS registry_event (
            person_id    BIGINT   NOT NULL,
            kind         UTINYINT NOT NULL,
            event_date   DATE     NOT NULL,
            from_region  INTEGER,
            to_region    INTEGER
        );
        """;

    /// <summary>DDL for the PostgreSQL server.</summary>
    public const string PostgreSql = """
        CREATE TABLE IF NOT EXISTS registry_key (
            key_id      bytea       NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS registry_person (
            person_id         bigint   PRIMARY KEY CHECK (person_id > 0),
            id_lookup         bigint   NOT NULL,
            id_sealed         bytea    NOT NULL CHECK (octet_length(id_sealed) = 47),
            sex               smallint NOT NULL CHECK (sex IN (0, 1)),
            birth_date        date     NOT NULL,
            hukou_region      integer  NOT NULL CHECK (hukou_region BETWEEN 110000 AND 829999),
            residence_region  integer  NOT NULL CHECK (residence_region BETWEEN 110000 AND 829999),
            urban             boolean  NOT NULL,
            education         smallint NOT NULL CHECK (education BETWEEN 0 AND 9),
            residence_permit  smallint NOT NULL CHECK (residence_permit BETWEEN 0 AND 3),
            death_date        date     CHECK (death_date >= birth_date)
        );
        CREATE INDEX IF NOT EXISTS registry_person_id_lookup ON registry_person (id_lookup);
        CREATE TABLE IF NOT EXISTS registry_event (
            event_id     bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            person_id    bigint   NOT NULL REFERENCES registry_person (person_id),
            kind         smallint NOT NULL CHECK (kind BETWEEN 1 AND 5),
            event_date   date     NOT NULL,
            from_region  integer  CHECK (from_region BETWEEN 110000 AND 829999),
            to_region    integer  CHECK (to_region BETWEEN 110000 AND 829999)
        );
        CREATE INDEX IF NOT EXISTS registry_event_person ON registry_event (person_id);
        """;
}
