namespace Populus.Storage;

/// <summary>
/// What the stored figures are as of: the import batches (how many, the last, how many withdrawn) and the estimate
/// vintages (how many, the last stored). Any import or withdrawal, in this process or another (a department's
/// `populus import` against the shared PostgreSQL store, another web server), and any vintage stored or replaced gives
/// a different stamp.
/// </summary>
/// <remarks>A stamp is cheap to read (one statement over two small tables), so a long-running reader such as the
/// cockpit can ask whether what it computed from the store is still current.</remarks>
public sealed record DataStamp(long Batches, long LastBatch, long Withdrawn, long Vintages, string? LastVintageCreated);
