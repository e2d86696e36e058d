using Populus.Planning.Catalogue;
using Populus.Planning.Data;

namespace Populus.Storage.PlanData;

/// <summary>
/// The store's published population counts — census and sample-survey tables, and the annual survey's year-end
/// totals — added to planning data for the region-years the data's own figures leave open: what gives a county its
/// observed residents, age structure and urbanization (the plan's monitoring figures are the city's).
/// </summary>
/// <remarks>
/// <para>Read in three statements through a reader's scope (a county viewer's reads hold its county only), not per
/// region and year: plan monitoring asks for thousands of region-years when it judges targets.</para>
/// <para>Which figure answers: a census or survey table (the latest reference date of its year; the calibrated
/// single-year base is an estimate and is left to the projection) is the year's resident population unless the data
/// already report that year's residents (the plan's base values and the bureau's annual series for the city); then the
/// report stands, so a figure the plan is monitored on is never replaced by another source's (a total of all ages that
/// equals the report joins it: the same count). A year without a table
/// takes the annual survey's year-end total (a table of all ages only: residents, and a grouping's sum over its
/// members, but no age structure). A table's urban total is the year's urban population unless the data report its
/// urbanization rate.</para>
/// </remarks>
public static class PublishedPopulation
{
    private const string Residents = "resident_population";
    private const string Urbanization = "urbanization_rate";

    /// <summary>Adds the published counts of the reader's regions that <paramref name="regions"/> holds; returns how many
    /// region-years they answer.</summary>
    public static int AddTo(InMemoryIndicatorData data, IScopedReader reader, RegionRegistry regions)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(regions);
        var added = 0;
        bool Known(string code) => regions.Contains(code);
        bool Reports(string indicator, string code, int year) => data.Reported(indicator, code, year).HasValue;

        // A total of all ages that is the reported figure itself (the city's year-end residents, which its annual series
        // and the county table both give) joins it: the residents are the same, and the shares of the city's centres
        // (pop(region=中心城区) / pop()) can be computed from the counties' totals of that year.
        bool Stands(string code, int year, AgeSexCounts table) =>
            data.Reported(Residents, code, year) is not { HasValue: true } reported
            || (table.Ages.Count == 1 && Math.Abs(table.Total.Total() - reported.Value.Value * 10_000) < 0.5);

        var tables = new Dictionary<(string Region, int Year), DataResult<AgeSexCounts>>();
        foreach (var year in reader.Population(new PopulationQuery())
                     .Where(r => r.Provenance.SourceId != Estimates.BasePopulation.SourceId && Known(r.RegionCode))
                     .GroupBy(r => (r.RegionCode, r.ReferenceDate.Year)))
        {
            var latest = year.Max(r => r.ReferenceDate);
            if (StoreIndicatorData.Published([.. year.Where(r => r.ReferenceDate == latest)]) is { HasValue: true } table)
            {
                tables[year.Key] = table;
            }
        }

        // A year without a table: the annual survey's year-end total (one survey's a year, the first by name).
        foreach (var total in reader.SurveyTotals(measure: "population").Where(s => s.Sex == "total" && Known(s.RegionCode)))
        {
            tables.TryAdd((total.RegionCode, total.Year), StoreIndicatorData.Total(total.Value, StoreIndicatorData.Convert(total.Provenance)));
        }

        foreach (var ((region, year), table) in tables.Where(t => Stands(t.Key.Region, t.Key.Year, t.Value.Value)))
        {
            data.AddPopulation(PopulationKind.Resident, region, year, table.Value, table.Provenance!);
            added++;
        }

        var urban = reader.Population(new PopulationQuery(Residence: "urban"))
            .Where(r => r.Sex == "total" && r.Age == "total" && Known(r.RegionCode))
            .GroupBy(r => (r.RegionCode, r.ReferenceDate.Year))
            .Select(g => g.MaxBy(r => r.ReferenceDate)!);
        foreach (var total in urban.Where(u => !Reports(Urbanization, u.RegionCode, u.ReferenceDate.Year)))
        {
            var provenance = StoreIndicatorData.Convert(total.Provenance);
            data.AddPopulation(PopulationKind.Urban, total.RegionCode, total.ReferenceDate.Year, StoreIndicatorData.Total(total.Persons, provenance).Value, provenance);
            added++;
        }

        return added;
    }
}
