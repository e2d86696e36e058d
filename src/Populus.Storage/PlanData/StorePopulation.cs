using System.Globalization;
using Populus.Demography;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;

namespace Populus.Storage.PlanData;

/// <summary>
/// The store's population counts — census and sample-survey tables, the annual survey's year-end totals and the
/// latest vintage of the annual estimates — and the births and deaths departments report, added to planning data for
/// the region-years the data's own figures leave open: what gives a county its observed residents and urbanization,
/// its age structure between censuses, and its fertility from the health commission's births (the plan's monitoring
/// figures are the city's), and the city its fertility between censuses from the bulletins' births.
/// </summary>
/// <remarks>
/// <para>Read in a few statements through a reader's scope (a county viewer's reads hold its county only), not per
/// region and year: plan monitoring asks for thousands of region-years when it judges targets.</para>
/// <para>Which table is a region's population of a year: a published table with age groups (a census, a sample survey:
/// the latest reference date of its year), unless the data already report that year's residents as another figure —
/// the plan's base values and the bureau's annual series for the city; then the report stands, so a figure the plan is
/// monitored on is never replaced by another source's. A table whose total is the reported figure (the same count, to
/// the report's printed digits: the 2020 census's 9,572,903 and the plan's 957.29万, the 2015 survey's groups and the
/// bureau's 911.7万) is that count's age structure and joins the report. Else the year end of the latest vintage of the
/// annual estimates (single ages, estimated); the year's published total, observed, is then its reported residents,
/// which the calculator prefers to the estimate's sum (<see cref="Planning.Indicators.IndicatorCalculator"/>). Else a
/// published total of all ages (the annual survey's year-end total), where the data report no other figure for it: it
/// gives residents and a grouping's sum over its members, but no age structure. A table's urban total (else the annual
/// survey's) is the year's urban population unless the data report its urbanization rate as another figure: a total
/// that gives the reported rate over the year's residents, to the rate's printed digits, joins it. The calibrated
/// single-year base of the census day is left to the projection. A vital
/// events table (births by the mother's age groups, a closed range such as 15–49; deaths by age groups from 0 to an
/// open one; either with the sexes, or a total) is the year's births or deaths; else, for the city, the latest vintage's
/// births of a year whose births were published (<see cref="EstimatedBirths"/>).</para>
/// </remarks>
public sealed class StorePopulation
{
    private const string Residents = "resident_population";
    private const string Urbanization = "urbanization_rate";

    private readonly Dictionary<(string Region, int Year), DataResult<AgeSexCounts>> _published;
    private readonly Dictionary<(string Region, int Year), DataResult<AgeSexCounts>> _estimated;
    private readonly Dictionary<(string Region, int Year), DataResult<AgeSexCounts>> _urban;
    private readonly Dictionary<(string Region, int Year, string Event), DataResult<AgeSexCounts>> _events;
    private readonly Dictionary<(string Region, int Year), DataResult<AgeSexCounts>> _estimatedBirths;

    private StorePopulation(Dictionary<(string, int), DataResult<AgeSexCounts>> published, Dictionary<(string, int), DataResult<AgeSexCounts>> estimated,
        Dictionary<(string, int), DataResult<AgeSexCounts>> urban, Dictionary<(string, int, string), DataResult<AgeSexCounts>> events,
        Dictionary<(string, int), DataResult<AgeSexCounts>> estimatedBirths) =>
        (_published, _estimated, _urban, _events, _estimatedBirths) = (published, estimated, urban, events, estimatedBirths);

    /// <summary>Reads the counts of the reader's regions that <paramref name="regions"/> holds (what
    /// <see cref="AddTo"/> adds): no planning data is needed yet, so a caller may read while it loads the rest.</summary>
    public static StorePopulation Read(IScopedReader reader, RegionRegistry regions)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(regions);
        bool Known(string code) => regions.Contains(code);

        var published = new Dictionary<(string Region, int Year), DataResult<AgeSexCounts>>();
        foreach (var year in reader.Population(new PopulationQuery())
                     .Where(r => r.Provenance.SourceId != Estimates.BasePopulation.SourceId && Known(r.RegionCode))
                     .GroupBy(r => (r.RegionCode, r.ReferenceDate.Year)))
        {
            var latest = year.Max(r => r.ReferenceDate);
            if (StoreIndicatorData.Published([.. year.Where(r => r.ReferenceDate == latest)]) is { HasValue: true } table)
            {
                published[year.Key] = table;
            }
        }

        // A year without a table: the annual survey's year-end total (one survey's a year, the first by name).
        foreach (var total in reader.SurveyTotals(measure: "population").Where(s => s.Sex == "total" && Known(s.RegionCode)))
        {
            published.TryAdd((total.RegionCode, total.Year), StoreIndicatorData.Total(total.Value, StoreIndicatorData.Convert(total.Provenance)));
        }

        var estimated = new Dictionary<(string Region, int Year), DataResult<AgeSexCounts>>();
        var estimatedBirths = new Dictionary<(string Region, int Year), DataResult<AgeSexCounts>>();
        if (reader.Vintages().MaxBy(v => v.Vintage) is { } vintage)
        {
            foreach (var yearEnd in reader.PopulationEstimates(vintage.Vintage)
                         .Where(e => e.ReferenceDate is { Month: 12, Day: 31 } && Known(e.RegionCode))
                         .GroupBy(e => (e.RegionCode, e.ReferenceDate.Year)))
            {
                estimated[yearEnd.Key] = StoreIndicatorData.SingleYears([.. yearEnd.Select(e => (e.Sex, e.Age, e.Persons))],
                    StoreIndicatorData.Convert(yearEnd.First().Provenance));
            }

            // Only the whole's components are read (a thirteenth of a vintage's rows): the parent of the units it estimates.
            var units = estimated.Keys.Select(k => k.Region).ToHashSet(StringComparer.Ordinal);
            foreach (var whole in units.Select(u => regions[u].Parent).OfType<string>().Where(units.Contains).Distinct())
            {
                EstimatedBirths(reader.ComponentEstimates(vintage.Vintage, whole), estimatedBirths);
            }
        }

        var urban = reader.Population(new PopulationQuery(Residence: "urban"))
            .Where(r => r.Sex == "total" && r.Age == "total" && Known(r.RegionCode))
            .GroupBy(r => (r.RegionCode, r.ReferenceDate.Year))
            .Select(g => g.MaxBy(r => r.ReferenceDate)!)
            .ToDictionary(u => (u.RegionCode, u.ReferenceDate.Year), u => StoreIndicatorData.Total(u.Persons, StoreIndicatorData.Convert(u.Provenance)));
        // A year without a table's urban total: the annual survey's (永嘉县's 2022 urban residents, county_annual.csv).
        foreach (var total in reader.SurveyTotals(measure: "urban_population").Where(s => s.Sex == "total" && Known(s.RegionCode)))
        {
            urban.TryAdd((total.RegionCode, total.Year), StoreIndicatorData.Total(total.Value, StoreIndicatorData.Convert(total.Provenance)));
        }

        // The births and deaths departments report (vital events): births by the mother's age and sex, deaths by age and sex.
        var events = new Dictionary<(string Region, int Year, string Event), DataResult<AgeSexCounts>>();
        foreach (var table in reader.VitalEvents().Where(e => Known(e.RegionCode)).GroupBy(e => (e.RegionCode, e.Year, e.Event)))
        {
            List<VitalEventFigure> rows = [.. table];
            // A table it cannot read (only the male births) keeps its reason, which says what is missing.
            events[table.Key] = StoreIndicatorData.VitalEvents(rows) is { HasValue: true } counts ? counts
                : DataResult<AgeSexCounts>.Missing(StoreIndicatorData.Incomplete(rows, regions.NameOf(table.Key.RegionCode), table.Key.Year, table.Key.Event == "birth" ? "births" : "deaths"));
        }

        return new StorePopulation(published, estimated, urban, events, estimatedBirths);
    }

    /// <summary>The births by the mother's age of each calendar year whose births a vintage fitted to a published count
    /// or crude birth rate, from the components of the vintage's whole (the city): with the year-end women they give its TFR between censuses,
    /// estimated — the published births spread over the mothers' ages by the standard schedule, the indirect estimate of
    /// docs/estimates.md. Both sexes together: the split by the child's sex is the standard sex ratio, not a measurement,
    /// so no sex ratio at birth is computed from it. Not the counties': they share the city's births by that schedule,
    /// so each county's TFR would be the city's. Not the deaths: their ages are the standard schedule's too, and a life
    /// expectancy from them would rest on that schedule more than on the published count. The births of a year nothing
    /// was published for are projected (the previous fertility kept) and left out.</summary>
    private static void EstimatedBirths(IReadOnlyList<ComponentEstimateFigure> components, Dictionary<(string Region, int Year), DataResult<AgeSexCounts>> births)
    {
        foreach (var year in components
                     .Where(c => c.Component == "births" && c.PeriodStart is { Month: 1, Day: 1 } && c.Provenance.Kind == FigureKind.Estimated)
                     .GroupBy(c => (c.RegionCode, c.PeriodStart.Year)))
        {
            var ages = year.Select(c => int.Parse(c.Age, CultureInfo.InvariantCulture)).ToList();
            var grid = AgeGroups.SingleYearRange(ages.Min(), ages.Max());
            var counts = new double[grid.Count];
            foreach (var (c, age) in year.Zip(ages))
            {
                counts[grid.IndexOf(age)] += c.Persons;
            }

            births[year.Key] = DataResult<AgeSexCounts>.Found(AgeSexCounts.BothSexes(new PopulationByAge(grid, counts)),
                StoreIndicatorData.Convert(year.First().Provenance));
        }
    }

    /// <summary>Adds the counts to <paramref name="data"/> where its own figures leave a region-year open (the
    /// order in the remarks); returns how many region-years they answer.</summary>
    public int AddTo(InMemoryIndicatorData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var added = 0;
        foreach (var key in _published.Keys.Union(_estimated.Keys))
        {
            var report = data.Reported(Residents, key.Region, key.Year);
            var table = _published.TryGetValue(key, out var p) ? p.Value : null;
            var total = table is { Ages.Count: 1 } ? table : null;
            var chosen = table is { Ages.Count: > 1 } && (!report.HasValue || Same(table, report.Value)) ? p
                : _estimated.TryGetValue(key, out var e) ? e
                : total is not null && (!report.HasValue || Same(total, report.Value)) ? p
                : default(DataResult<AgeSexCounts>?);
            if (chosen is not { } answer)
            {
                continue;
            }

            data.AddPopulation(PopulationKind.Resident, key.Region, key.Year, answer.Value, answer.Provenance!);
            if (total is not null && !ReferenceEquals(answer.Value, total) && !report.HasValue)
            {
                // The catalogue states residents in 10k persons; the store keeps persons.
                data.AddReported(new ReportedValue(Residents, key.Region, key.Year, (total.Total.Total() / 10_000).ToString("R", CultureInfo.InvariantCulture), p.Provenance!));
            }

            added++;
        }

        foreach (var ((region, year), urban) in _urban)
        {
            if (data.Reported(Urbanization, region, year) is { HasValue: true } rate && !SameRate(urban.Value, data.Population(PopulationKind.Resident, region, year), rate.Value))
            {
                continue;
            }

            data.AddPopulation(PopulationKind.Urban, region, year, urban.Value, urban.Provenance!);
            added++;
        }

        foreach (var ((region, year, vitalEvent), counts) in _events)
        {
            if (!counts.HasValue)
            {
                // Said instead of "no births in the data" where nothing else answers the year.
                if (vitalEvent == "birth" && !data.Births(region, year).HasValue)
                {
                    data.AddMissingBirths(region, year, counts.MissingReason);
                }
                else if (vitalEvent == "death" && !data.Deaths(region, year).HasValue)
                {
                    data.AddMissingDeaths(region, year, counts.MissingReason);
                }
            }
            else if (vitalEvent == "birth" && !data.Births(region, year).HasValue)
            {
                data.AddBirths(region, year, counts.Value, counts.Provenance!);
                added++;
            }
            else if (vitalEvent == "death" && !data.Deaths(region, year).HasValue)
            {
                data.AddDeaths(region, year, counts.Value, counts.Provenance!);
                added++;
            }
        }

        // The vintage's births after the departments' own: a reported table of the year comes first.
        foreach (var ((region, year), births) in _estimatedBirths)
        {
            if (!data.Births(region, year).HasValue)
            {
                data.AddBirths(region, year, births.Value, births.Provenance!);
                added++;
            }
        }

        return added;
    }

    /// <summary>A table whose total is the reported residents themselves, to the report's printed digits (the city's
    /// year-end residents, which its annual series and the county table both give; the 2020 census's broad groups and
    /// the plan's base value): it joins the report, and the shares of the city's centres (pop(region=中心城区) / pop())
    /// can be computed from the counties' totals of that year.</summary>
    private static bool Same(AgeSexCounts table, ReportedValue residents) =>
        Math.Abs(table.Total.Total() / 10_000 - residents.Value) <= residents.RoundingHalfUnit;

    /// <summary>An urban total that gives the reported urbanization rate over the year's residents, to the rate's
    /// printed digits (永嘉县 2022: 50.69万 of 87.4万 is the reported 58.0 %): the same figure, so it joins the report.</summary>
    private static bool SameRate(AgeSexCounts urban, DataResult<AgeSexCounts> residents, ReportedValue rate) =>
        residents.HasValue && Math.Abs(100 * urban.Total.Total() / residents.Value.Total.Total() - rate.Value) <= rate.RoundingHalfUnit;
}
