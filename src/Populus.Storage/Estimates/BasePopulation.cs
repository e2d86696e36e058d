using System.Data.Common;
using System.Globalization;
using Populus.Demography;
using Populus.Demography.Calibration;
using Populus.Storage.Engines;

namespace Populus.Storage.Estimates;

/// <summary>
/// The single-year, two-sex base population of a city and its county-level units at a census date, calibrated to
/// the census figures in the store (docs/estimates.md, "Base population").
/// </summary>
/// <remarks>
/// 1. The city: a standard age–sex table (the province's census, five-year groups) is split into single years
///    (Sprague) and raked to the city's published age groups (<see cref="BasePopulationCalibration.FromStandard"/>).
///    The standard's open group 100+ is kept as the open group, so no old-age split is needed.
/// 2. County totals: the census figure where stored; otherwise the residual of the city total after the published
///    counties, shared among the unpublished ones in proportion to their first published year-end total (stored as
///    an estimated figure).
/// 3. Counties: two-way raking of county × (sex, age) so that each county meets its total and its own published
///    margins and the counties add up to the city in every cell (<see cref="BasePopulationCalibration.Distribute"/>).
/// </remarks>
internal sealed class BasePopulation
{
    public const string SourceId = "EST-BASE";

    private BasePopulation(DateOnly date, string city, PopulationByAgeSex cityPopulation, IReadOnlyList<(string Code, PopulationByAgeSex Population)> counties,
        IReadOnlyList<PopulationRow> estimatedTotals, Provenance provenance)
    {
        Date = date;
        City = city;
        CityPopulation = cityPopulation;
        Counties = counties;
        EstimatedTotals = estimatedTotals;
        Provenance = provenance;
    }

    public DateOnly Date { get; }

    public string City { get; }

    public PopulationByAgeSex CityPopulation { get; }

    public IReadOnlyList<(string Code, PopulationByAgeSex Population)> Counties { get; }

    /// <summary>County totals that were not published and were estimated (step 2).</summary>
    public IReadOnlyList<PopulationRow> EstimatedTotals { get; }

    public Provenance Provenance { get; }

    /// <summary>Builds the base from the figures in the store (inside an open transaction).</summary>
    /// <param name="connection">The store's connection.</param>
    /// <param name="transaction">The open transaction the base is written in.</param>
    /// <param name="city">The city's code; its county-level units are the current ones under it.</param>
    /// <param name="date">The census date.</param>
    /// <param name="standard">The standard age–sex table and its description for the provenance.</param>
    /// <exception cref="InvalidOperationException">The store lacks the city's age groups or a county's figure to estimate its total from.</exception>
    public static BasePopulation Build(DbConnection connection, DbTransaction transaction, string city, DateOnly date,
        (PopulationByAgeSex Table, string Description) standard)
    {
        var observed = Sql.Query(connection, transaction,
            "SELECT t.region_code, t.sex, t.age, t.age_from, t.age_to, t.persons, t.provenance_id FROM population t JOIN provenance pv ON pv.id = t.provenance_id " +
            "WHERE t.reference_date = $1 AND t.residence = 'total' AND t.education = 'total' AND pv.source_id <> $2",
            r => (Region: r.GetString(0), Sex: r.GetString(1), Age: r.GetString(2), From: r.Int(3) ?? 0, To: r.Int(4), Persons: r.Double(5)),
            date, SourceId);
        // The county-level units on current boundaries (the 2021 county table's 12); codes ended before today are left out.
        var counties = Sql.Query(connection, transaction,
            "SELECT code, name_zh FROM region WHERE parent_code = $1 AND level = 'county' AND (valid_from IS NULL OR valid_from <= $2) AND valid_to IS NULL ORDER BY code",
            r => (Code: r.GetString(0), Name: r.GetString(1)), city, date);

        var cityMargins = Margins(observed.Where(o => o.Region == city));
        if (cityMargins.Count == 0)
        {
            throw new InvalidOperationException($"The store has no age groups of {city} on {date:yyyy-MM-dd} to calibrate the base population to.");
        }

        var cityTotal = observed.FirstOrDefault(o => o.Region == city && o.Sex == "total" && o.Age == "total").Persons;
        var whole = BasePopulationCalibration.FromStandard(standard.Table, cityMargins).Population;
        cityTotal = cityTotal > 0 ? cityTotal : whole.Total();

        var totals = counties.ToDictionary(c => c.Code, c => observed.FirstOrDefault(o => o.Region == c.Code && o.Sex == "total" && o.Age == "total").Persons);
        var estimatedTotals = EstimateMissingTotals(connection, transaction, date, cityTotal, counties, totals);
        var regions = counties.Select(c => new RegionMargins(c.Name, totals[c.Code], Margins(observed.Where(o => o.Region == c.Code)))).ToList();
        var shares = BasePopulationCalibration.Distribute(whole, regions);

        var note = $"calibrated to the {date:yyyy-MM-dd} census figures in the store: {city} " +
                   string.Join(", ", cityMargins.Select(m => $"{m.Name} {m.Total:F0}")) +
                   $"; county totals (census, or estimated where unpublished) and each county's own published sex and age groups; " +
                   $"standard pattern: {standard.Description}, split into single years by Sprague's formula (log-linear within the groups from 85); raking [DS1940] (docs/estimates.md)";
        var provenance = new Provenance(FigureKind.Estimated, SourceId, $"Base population {date:yyyy-MM-dd}, calibrated to the census", "Populus", null, null, note);
        return new BasePopulation(date, city, whole, [.. counties.Select((c, i) => (c.Code, shares[i]))], estimatedTotals, provenance);
    }

    /// <summary>The base as population rows: single years 0–99 and the open 100+, by sex, for the city and each county.</summary>
    public IEnumerable<PopulationRow> Rows()
    {
        IEnumerable<PopulationRow> Of(string region, PopulationByAgeSex p) =>
            from sex in SexCodes.All
            from i in Enumerable.Range(0, p.Ages.Count)
            select new PopulationRow(Date, region, sex == Sex.Male ? "male" : "female", p.Ages.Label(i), p.Ages.Start(i),
                p.Ages.IsOpen(i) ? null : p.Ages.Start(i), "total", p[sex][i], Provenance);

        return Of(City, CityPopulation).Concat(Counties.SelectMany(c => Of(c.Code, c.Population)));
    }

    /// <summary>Published margins of one region: its sex totals and its age groups (the all-ages total is the region's total, not a margin).</summary>
    private static List<AgeSexMargin> Margins(IEnumerable<(string Region, string Sex, string Age, int From, int? To, double Persons)> rows) =>
        [.. rows.Where(r => !(r.Sex == "total" && r.Age == "total"))
            .Select(r => new AgeSexMargin($"{(r.Sex == "total" ? "" : r.Sex + " ")}{r.Age}", r.Age == "total" ? 0 : r.From,
                r.Age == "total" ? null : r.To + 1, r.Sex switch { "male" => Sex.Male, "female" => Sex.Female, _ => null }, r.Persons))];

    /// <summary>
    /// Totals for the counties without a published census figure: the residual of the city total after the published
    /// counties, shared in proportion to their earliest published year-end population (the 2021 county table for Wenzhou).
    /// </summary>
    private static List<PopulationRow> EstimateMissingTotals(DbConnection connection, DbTransaction transaction, DateOnly date, double cityTotal,
        IReadOnlyList<(string Code, string Name)> counties, Dictionary<string, double> totals)
    {
        var missing = counties.Where(c => totals[c.Code] <= 0).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        var later = Sql.Query(connection, transaction,
            "SELECT region_code, year, value FROM survey_total WHERE survey = $1 AND measure = 'population' AND sex = 'total' AND year >= $2 ORDER BY year",
            r => (Region: r.GetString(0), Year: r.Int(1) ?? 0, Value: r.Double(2)), PublishedFigures.AnnualSurvey, date.Year);
        // One year in which every missing county has a figure, so the shares come from one table.
        var year = later.GroupBy(l => l.Year).FirstOrDefault(g => missing.All(m => g.Any(l => l.Region == m.Code)))?.Key
                   ?? throw new InvalidOperationException(
                       $"No census total and no year-end total in one year for {string.Join(", ", missing.Select(m => m.Name))}: their base totals cannot be estimated.");
        var weights = missing.ToDictionary(m => m.Code, m => later.First(l => l.Year == year && l.Region == m.Code).Value);
        var residual = cityTotal - totals.Values.Sum();
        var weightSum = weights.Values.Sum();
        var note = $"not published: the city total {cityTotal:F0} minus the published county totals leaves {residual:F0} for " +
                   $"{string.Join(", ", missing.Select(m => m.Name))}, shared in proportion to their {year} year-end populations ({PublishedFigures.AnnualSurvey})";
        var provenance = new Provenance(FigureKind.Estimated, SourceId, $"County totals {date:yyyy-MM-dd}, estimated", "Populus", null, null, note);
        var rows = new List<PopulationRow>();
        foreach (var m in missing)
        {
            totals[m.Code] = residual * weights[m.Code] / weightSum;
            rows.Add(new PopulationRow(date, m.Code, "total", "total", 0, null, "total", totals[m.Code], provenance));
        }

        return rows;
    }
}
