namespace Populus.Storage.Services;

/// <summary>An import batch that person-level records were counted from, with its source: what a figure counted from
/// records names as its source.</summary>
public sealed record RecordBatch(string Batch, string SourceId)
{
    /// <summary>The distinct batches of some records' (batch, source), in the order of their notes.</summary>
    public static IReadOnlyList<RecordBatch> Of(IEnumerable<(string Batch, string SourceId)> records) =>
        [.. records.Select(r => new RecordBatch(r.Batch, r.SourceId)).Distinct().OrderBy(b => b.ToString(), StringComparer.Ordinal)];

    /// <summary>The batches as a source note: batch graduates.csv (EXAMPLE); ….</summary>
    public static string Describe(IEnumerable<RecordBatch> batches) => string.Join("; ", batches);

    public override string ToString() => $"batch {Batch} ({SourceId})";
}
