namespace Populus.Storage.Migrations;

/// <summary>Every schema step, in order. To change the schema, add one line here (and its SQL file or class).</summary>
/// <remarks>
/// Never edit a step that has shipped: stores in the field have already run it. A store whose schema_version is
/// above <see cref="Latest"/> was written by a newer Populus and is refused without change.
/// </remarks>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new SqlMigration(1, "core", "provenance, batches, regions and groups, population, vital events, migration flows, survey totals, indicators"),
        new SeedReferenceData(2),
        new SeedWenzhouEstimates(3),
        new SqlMigration(4, "person_registry", "person registry: persons with keyed look-up hash and sealed identity number, their events, the key fingerprint"),
        new SqlMigration(5, "services", "services to people: applications, points scores and objections, residence permits, allocation runs, audit trail; graduate and talent-intake records"),
        new SqlMigration(6, "web_accounts", "web accounts, access tokens, the append-only audit log and web import attempts; PostgreSQL: audit trigger and county row-level security"),
        new SeedPlanningRegions(7),
        new SqlMigration(8, "plan_work", "plan tasks: yearly work points with deadlines and departments' progress reports with evidence"),
        new SqlMigration(9, "registry_county_security", "PostgreSQL: county row-level security on the person registry"),
        new SqlMigration(10, "census_difference_observed", "鹿城区's 2020 census 60-64 (published 60+ minus 65+) observed, not estimated"),
        new SqlMigration(11, "account_session_version", "accounts: session_version, which a password change, disabling or enabling advances to end the account's sessions"),
        new SqlMigration(12, "objection_corrected_facts", "objections: the corrected facts an upheld one decided, which the application is scored on from then on"),
        new SqlMigration(13, "import_batch_withdrawal", "import batches: who withdrew a batch of figures, when and why (its figures deleted)"),
    ];

    public static int Latest => All[^1].Version;
}
