using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Storage;

/// <summary>
/// The data platform's store: regions and groups, population tables, vital events, migration flows, survey totals
/// and indicators, each figure with its provenance. Open one with <see cref="PopulusStore.Open"/>; the two engines
/// (DuckDB, PostgreSQL) behave the same. Thread-safe: every call uses its own connection, and reads see one
/// committed state (never part of an import).
/// </summary>
public interface IPopulusStore : IDisposable
{
    StoreEngine Engine { get; }

    /// <summary>Where the data lives (a file path, or server and database), for messages.</summary>
    string Location { get; }

    /// <summary>The schema version after the migrations run at open.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Imports a CSV, XLSX or Parquet file of the given kind (see <see cref="PopulusStore.ImportKinds"/>) as one batch,
    /// in one transaction. Importing the same content again changes nothing.
    /// </summary>
    /// <exception cref="InvalidInputException">The file or some rows are refused: every problem is listed (file, row, column, value, reason), nothing changed.</exception>
    /// <exception cref="ArgumentException">The kind is unknown.</exception>
    ImportResult Import(string kind, string file, ImportOptions? options = null);

    /// <summary>Every batch imported, in order, the withdrawn ones with their withdrawal.</summary>
    IReadOnlyList<ImportBatch> Batches();

    /// <summary>Withdraws a batch of figures found wrong: its figures are deleted and the batch keeps who withdrew it,
    /// when and why, in one transaction. The corrected file is then imported under another batch name.</summary>
    /// <param name="batch">The batch's name.</param>
    /// <param name="reason">Why (the figure found wrong and its correct value).</param>
    /// <param name="by">Who withdraws it (an account, or the operating-system user of the command).</param>
    /// <param name="beforeCommit">Called with the figures deleted and before the commit (tests hold the transaction open with it).</param>
    /// <exception cref="InvalidInputException">No such batch, one already withdrawn, one not of figures (seeded data,
    /// the person registry, the plan's work), or no reason.</exception>
    WithdrawnBatch Withdraw(string batch, string reason, string by, Action? beforeCommit = null);

    /// <summary>What the stored figures are as of; it changes with every import and every vintage stored.</summary>
    DataStamp Stamp();

    IReadOnlyList<Region> Regions();

    IReadOnlyList<RegionGroup> Groups();

    /// <summary>Replaces a group's members (the same checks as `populus import groups`).</summary>
    /// <exception cref="InvalidInputException">A member is unknown, former, repeated or nested in another.</exception>
    void SetGroupMembers(string group, IEnumerable<GroupMember> members);

    /// <summary>Published figures about a group (e.g. the plan's 2020 shares), to compare with sums over members.</summary>
    IReadOnlyList<ReferenceFigure> GroupReferences(string group);

    IReadOnlyList<PopulationFigure> Population(string regionCode, int year);

    /// <summary>
    /// A region's population by single year of age (0, 1, …, the open group) and sex at a date, from the stored
    /// single-year rows (the calibrated base population of 2020-11-01 is one), or null when the store has none.
    /// </summary>
    Populus.Demography.PopulationByAgeSex? SingleYearPopulation(string regionCode, DateOnly referenceDate);

    /// <summary>One population cell for a region, or the sum of it over a group's members.</summary>
    AggregateFigure PopulationOf(string regionOrGroup, DateOnly referenceDate, PopulationCell? cell = null);

    IReadOnlyList<VitalEventFigure> VitalEvents(string regionCode, int year);

    IReadOnlyList<MigrationFlowFigure> MigrationFlows(int year);

    IReadOnlyList<SurveyTotalFigure> SurveyTotals(string regionCode, int year);

    IReadOnlyList<IndicatorFigure> Indicators(string indicator, string? regionCode = null);

    /// <summary>
    /// Computes the annual estimates of <paramref name="vintage"/> (year-ends 2020 to the vintage) from the store's
    /// base population and published figures, without storing them (docs/estimates.md).
    /// </summary>
    /// <param name="vintage">The last year estimated.</param>
    /// <param name="calibrateCounties">Meet the published county totals; false gives an independent estimate to validate against them.</param>
    /// <exception cref="ArgumentOutOfRangeException">The vintage is before 2020 or after the last published year-end population.</exception>
    EstimateSeries ComputeEstimates(int vintage, bool calibrateCounties = true);

    /// <summary>Computes and stores a vintage; earlier vintages are kept.</summary>
    /// <exception cref="InvalidOperationException">The vintage is already stored and <paramref name="replace"/> is false.</exception>
    EstimateVintage Estimate(int vintage, bool replace = false);

    IReadOnlyList<EstimateVintage> Vintages();

    /// <summary>A stored vintage's population by single age and sex, for one region or all (the city's rows are the sums over its units).</summary>
    IReadOnlyList<PopulationEstimateFigure> PopulationEstimates(int vintage, string? regionCode = null);

    /// <summary>A stored vintage's components of change (births, deaths, net migration), for one region or all.</summary>
    IReadOnlyList<ComponentEstimateFigure> ComponentEstimates(int vintage, string? regionCode = null);

    /// <summary>
    /// The person registry of this store (tables created by migration 4), on a connection of its own; dispose it when
    /// done. The key comes from <paramref name="keyFile"/>, else the file named by POPULUS_KEY_FILE, else (DuckDB) the file
    /// <c>&lt;store folder&gt;.key</c> beside the store folder, created on first use.
    /// </summary>
    /// <exception cref="RegistryKeyMismatchException">The registry was sealed with another key.</exception>
    /// <exception cref="InvalidOperationException">No key file is named for a PostgreSQL store, or the key file is refused.</exception>
    PersonRegistry OpenRegistry(string? keyFile = null);

    /// <summary>The person registry under a key the caller holds (and disposes).</summary>
    /// <exception cref="RegistryKeyMismatchException">The registry was sealed with another key.</exception>
    PersonRegistry OpenRegistry(RegistryKey key);

    /// <summary>
    /// Re-protects every identity number of the registry under a fresh random key in one transaction, then retires the
    /// old key (its file, resolved as for <see cref="OpenRegistry(string?)"/>, is overwritten and replaced by the new
    /// key's). Killed before the commit, the registry is unchanged and opens with the old key; see docs/registry.md.
    /// Returns the persons re-protected.
    /// </summary>
    /// <param name="keyFile">The current key file (default as for <see cref="OpenRegistry(string?)"/>).</param>
    /// <param name="progress">Persons re-protected so far.</param>
    /// <param name="beforeCommit">Runs with every number re-protected, just before the commit (tests hold the transaction open here).</param>
    /// <exception cref="RegistryKeyMismatchException">Neither the key file nor an unfinished rotation's new key is the registry's.</exception>
    /// <exception cref="InvalidOperationException">The key file is missing or refused, or a stored number does not open; nothing changed.</exception>
    long RotateRegistryKey(string? keyFile = null, IProgress<long>? progress = null, Action? beforeCommit = null);

    /// <summary>The records of the services to people (applications, scores, permits, allocation runs, audit; graduates and talent intake).</summary>
    Services.IServiceRecords Services { get; }

    /// <summary>Accounts, tokens, the append-only audit log and web import attempts (schema version 6).</summary>
    Accounts.IAccountStore Accounts { get; }

    /// <summary>The plan's yearly work points and the departments' progress reports (schema version 8).</summary>
    PlanWork.IPlanWork Work { get; }

    /// <summary>Reads limited to <paramref name="scope"/>: every query a county viewer makes goes through one.</summary>
    IScopedReader For(DataScope scope);
}
