namespace Populus.Storage.Services;

/// <summary>
/// The local-graduate retention rate (在温高校应届毕业生留温率, plan indicator 11): of the year's graduates of the
/// universities in the city, the share employed in the city (the plan's glossary item 4: 留在温州就业人数占全体毕业生
/// 的比率). Graduates going on to further study or not employed count in the denominator, as the definition says.
/// </summary>
public static class GraduateRetention
{
    public static IReadOnlyList<RetentionYear> ByYear(IReadOnlyList<GraduateRecord> graduates)
    {
        ArgumentNullException.ThrowIfNull(graduates);
        return [.. graduates.GroupBy(g => g.Year).OrderBy(g => g.Key).Select(g =>
        {
            var retained = g.Count(x => x.Destination == "employed_local");
            return new RetentionYear(g.Key, g.Count(), retained, 100.0 * retained / g.Count(), RecordBatch.Of(g.Select(x => (x.Batch, x.Provenance.SourceId))),
                g.Any(x => x.Provenance.Kind != FigureKind.Observed));
        })];
    }
}

/// <summary>One graduation year: graduates, those employed locally, the rate in percent, and the batches the records came in.</summary>
/// <param name="Year">The graduation year.</param>
/// <param name="Graduates">The year's graduates.</param>
/// <param name="Retained">Of them, those employed locally.</param>
/// <param name="RatePercent">Retained / graduates, in percent.</param>
/// <param name="Batches">The import batches the records came in.</param>
/// <param name="Estimated">True when some records are not observed (estimated or projected).</param>
public sealed record RetentionYear(int Year, int Graduates, int Retained, double RatePercent, IReadOnlyList<RecordBatch> Batches, bool Estimated)
{
    /// <summary>The batches as a source note (batch graduates.csv (EXAMPLE)).</summary>
    public string Sources => RecordBatch.Describe(Batches);
}
