namespace Populus.Storage;

/// <summary>How to record an import.</summary>
public sealed class ImportOptions
{
    /// <summary>
    /// The batch's name; importing a batch again with the same content changes nothing. Defaults to the file name.
    /// </summary>
    public string? Batch { get; init; }

    /// <summary>
    /// Provenance for rows that do not carry their own (the file's columns figure_kind, source_id, source_title,
    /// publisher, published, confidence, note take precedence cell by cell).
    /// </summary>
    public Provenance? Provenance { get; init; }

    /// <summary>
    /// The registry key file for person-level kinds (persons, person-events); default POPULUS_KEY_FILE, else the file
    /// beside the store folder (docs/registry.md).
    /// </summary>
    public string? KeyFile { get; init; }

    /// <summary>The registry key itself (tests, tools holding it in memory); takes precedence over <see cref="KeyFile"/>.</summary>
    public Registry.RegistryKey? RegistryKey { get; init; }

    /// <summary>
    /// The clock whose day is the import's "today" (default: the system's): a record reports what has happened, so a
    /// date after it (a birth, an event, a progress report, a talent record's last observation) is refused. Tests name
    /// the day, as the services' offices take a <see cref="TimeProvider"/>.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Called after every row is written and before the commit (tests hold an import open with it).</summary>
    internal Action? BeforeCommit { get; init; }
}
