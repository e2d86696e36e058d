namespace Populus.Storage.Registry;

/// <summary>
/// The names of the person registry's tables. They are created by the store migration
/// Migrations/Sql/0004_person_registry.{duckdb,postgres}.sql, never at open.
/// </summary>
/// <remarks>
/// No column holds an identity number: <c>id_lookup</c> is a keyed look-up value and <c>id_sealed</c> an AES-256 ciphertext (<see cref="IdProtector"/>), both
/// under a key kept outside the database (<see cref="RegistryKey"/>). Codes: sex 0 male / 1 female
/// (<see cref="Populus.Demography.Sex"/>); urban 0 urban / 1 rural stored as a boolean <c>urban</c>; education
/// <see cref="Populus.Planning.Data.EducationLevel"/> 0–9; residence_permit <see cref="ResidencePermitStatus"/> 0–3; event kind
/// <see cref="PersonEventKind"/> 1–5; regions are 6-digit GB/T 2260 codes.
/// DuckDB gets no primary key or index: an ART index would slow the bulk load several times over, and a columnar scan
/// of <c>id_lookup</c> finds a person among ten million in milliseconds; uniqueness is the loader's duty there.
/// PostgreSQL gets keys, checks and the look-up index. In DuckDB the look-up values and the sealed numbers are stored
/// uncompressed: they are random bytes, and letting DuckDB try its compressions on them (FSST, dictionary,
/// bit-packing) doubled the CPU cost of a bulk load for no saving.
/// </remarks>
internal static class RegistrySchema
{
    /// <summary>Table holding the fingerprint of the key that sealed this registry.</summary>
    public const string KeyTable = "registry_key";

    /// <summary>Table of persons.</summary>
    public const string PersonTable = "registry_person";

    /// <summary>Table of events.</summary>
    public const string EventTable = "registry_event";

    /// <summary>Staging table of a key rotation: created and dropped inside its transaction, so never seen committed.</summary>
    public const string RekeyTable = "registry_rekey";
}
