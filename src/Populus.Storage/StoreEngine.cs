namespace Populus.Storage;

/// <summary>The database behind a store. Both behave the same; they differ in where the data lives.</summary>
public enum StoreEngine
{
    /// <summary>Embedded DuckDB: one file on the local disk, one process at a time. The default.</summary>
    DuckDb,

    /// <summary>A PostgreSQL server, for several users and processes at once.</summary>
    PostgreSql,
}
