using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Services;

namespace Populus.Storage.PlanData;

/// <summary>
/// Feeds the plan indicators from the person-level records: the series <c>graduates</c> and
/// <c>graduates_retained</c> (indicator 11 is computed from them by its catalogue formula) and the reported figure
/// of indicator 8, graduates attracted (引入高校毕业生, 10k persons a year, from the talent intake), each with the
/// provenance of the records it was counted from.
/// </summary>
/// <remarks>A year the data already answer as strongly (observed records beside an observed figure, or any records
/// beside an observed one) keeps the data's figure: an observation comes before an estimate, and the example records,
/// marked estimated, never replace the plan's Table 4 rates or a department's observed report.</remarks>
public static class TalentIndicators
{
    public const string GraduatesAttracted = "graduates_attracted";

    /// <param name="data">The planning data the figures join.</param>
    /// <param name="graduates">The graduate records (import kind 'graduates').</param>
    /// <param name="intake">The talent intake records (import kind 'talent-intake').</param>
    /// <param name="region">The catalogue's region name for the city (温州市).</param>
    public static void AddTo(InMemoryIndicatorData data, IReadOnlyList<GraduateRecord> graduates, IReadOnlyList<TalentIntakeRecord> intake, string region)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var year in GraduateRetention.ByYear(graduates))
        {
            var provenance = ProvenanceOf(year.Estimated, $"counted from graduate records: {year.Sources}");
            if (Open(data.Series(ScalarSeries.Graduates, region, year.Year), provenance))
            {
                data.AddSeries(ScalarSeries.Graduates, region, year.Year, year.Graduates, provenance);
                data.AddSeries(ScalarSeries.GraduatesRetained, region, year.Year, year.Retained, provenance);
            }
        }

        foreach (var year in intake.Where(p => p.Graduate).GroupBy(p => p.Year).OrderBy(g => g.Key))
        {
            var sources = RecordBatch.Describe(RecordBatch.Of(year.Select(p => (p.Batch, p.Provenance.SourceId))));
            var estimated = year.Any(p => p.Provenance.Kind != FigureKind.Observed);
            var provenance = ProvenanceOf(estimated, $"graduates in the talent intake records: {sources}");
            if (Open(data.Reported(GraduatesAttracted, region, year.Key), provenance))
            {
                data.AddReported(new ReportedValue(GraduatesAttracted, region, year.Key, (year.Count() / 10_000.0).ToString("0.####", CultureInfo.InvariantCulture), provenance));
            }
        }
    }

    /// <summary>True when the data have no figure there, or one that stands lower than the records' (an estimate beside observed records).</summary>
    private static bool Open<T>(DataResult<T> existing, Populus.Planning.Data.Provenance records)
        where T : notnull =>
        !existing.HasValue || existing.Provenance!.Status > records.Status;

    private static Populus.Planning.Data.Provenance ProvenanceOf(bool estimated, string source) =>
        estimated ? Populus.Planning.Data.Provenance.Estimated(source) : Populus.Planning.Data.Provenance.Observed(source);
}
