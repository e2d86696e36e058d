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

    IReadOnlyList<ImportBatch> Batches();

    IReadOnlyList<Region> Regions();

    IReadOnlyList<RegionGroup> Groups();

    /// <summary>Replaces a group's members (the same checks as `populus import groups`).</summary>
    /// <exception cref="InvalidInputException">A member is unknown, former, repeated or nested in another.</exception>
    void SetGroupMembers(string group, IEnumerable<GroupMember> members);

    /// <summary>Published figures about a group (e.g. the plan's 2020 shares), to compare with sums over members.</summary>
    IReadOnlyList<ReferenceFigure> GroupReferences(string group);

    IReadOnlyList<PopulationFigure> Population(string regionCode, int year);

    /// <summary>One population cell for a region, or the sum of it over a group's members.</summary>
    AggregateFigure PopulationOf(string regionOrGroup, DateOnly referenceDate, PopulationCell? cell = null);

    IReadOnlyList<VitalEventFigure> VitalEvents(string regionCode, int year);

    IReadOnlyList<MigrationFlowFigure> MigrationFlows(int year);

    IReadOnlyList<SurveyTotalFigure> SurveyTotals(string regionCode, int year);

    IReadOnlyList<IndicatorFigure> Indicators(string indicator, string? regionCode = null);

    /// <summary>Accounts, tokens, the append-only audit log and web import attempts (schema version 3).</summary>
    Accounts.IAccountStore Accounts { get; }

    /// <summary>Reads limited to <paramref name="scope"/>: every query a county viewer makes goes through one.</summary>
    IScopedReader For(DataScope scope);
}
