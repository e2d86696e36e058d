using System.Globalization;
using Populus.Storage.Migrations;
using Populus.Storage.Tabular;

namespace Populus.Storage.Estimates;

/// <summary>
/// The published Wenzhou figures of the default dataset (data/wenzhou, plan Table 3) as store figures: census and
/// 2015 survey counts as population, annual year-end totals and vital events as survey totals (the annual
/// population sample survey, 人口变动抽样调查), rates, urbanization, registered population and GDP as reported
/// indicators.
/// </summary>
/// <remarks>
/// Where two sources give the same figure (the 2020 county totals of the census bulletins, 《分县资料》 and
/// encyclopedia pages; 龙湾's 2023 total on the district's page and in a repost) the one with the higher confidence
/// in data/wenzhou/sources.csv is stored and the others are named in its note: a figure is stored once. Rows the
/// dataset marks as derived (arithmetic on a published figure) are stored as estimated, with the derivation.
/// </remarks>
internal sealed class PublishedFigures
{
    /// <summary>The survey name of the annual year-end figures (the annual 1‰ population sample survey).</summary>
    public const string AnnualSurvey = "annual_sample";

    public const string Department = "温州市统计局";

    public static readonly string[] Files =
        ["wenzhou.census2020_county.csv", "wenzhou.wenzhou_annual.csv", "wenzhou.county_annual.csv", "plan.tables.table3-age-structure-2010-2020.csv"];

    private static readonly string[] ConfidenceOrder = ["high", "medium-high", "medium", "low-medium", "low"];

    private readonly IReadOnlyDictionary<string, (string? Title, string? Publisher, string? Confidence)> _sources;

    // The plan's city: the region of the files without a region column (the city's annual series, plan Table 3).
    private readonly string _city;

    private PublishedFigures(IReadOnlyDictionary<string, (string? Title, string? Publisher, string? Confidence)> sources, string city)
    {
        _sources = sources;
        _city = city;
    }

    public List<PopulationRow> Population { get; } = [];

    public List<SurveyRow> Surveys { get; } = [];

    public List<IndicatorRow> Indicators { get; } = [];

    /// <param name="sources">The sources of the store, by id.</param>
    /// <param name="city">The plan's city (<see cref="Imports.RegionIndex.PlanRegion"/>).</param>
    public static PublishedFigures Read(IReadOnlyDictionary<string, (string? Title, string? Publisher, string? Confidence)> sources, string city)
    {
        var figures = new PublishedFigures(sources, city);
        figures.ReadCensus2020();
        figures.ReadTable3();
        // The city's annual series and the county table both give the city's 2021 figures: one figure per key.
        var annual = figures.ReadCityAnnual().Concat(Rows("wenzhou.county_annual.csv", "year", "unit_code", "indicator", "value", "unit", "source_id"));
        foreach (var same in annual.Where(r => r.Region.Length > 0).GroupBy(r => (r.Year, r.Region, r.Indicator)))
        {
            figures.AddAnnual(figures.Best([.. same]));
        }

        return figures;
    }

    private void ReadCensus2020()
    {
        var census = new DateOnly(2020, 11, 1);
        var rows = Rows("wenzhou.census2020_county.csv", "unit_code", "reference_date", "indicator", "value", "source_id");
        foreach (var unit in rows.GroupBy(r => r.Region))
        {
            var totals = unit.Where(r => r.Indicator is "resident_population" or "resident_population_fenxian").ToList();
            if (totals.Count > 0)
            {
                Population.Add(Cell(census, unit.Key, "total", "total", 0, null, "total", Best(totals), "7th census"));
            }

            foreach (var r in unit)
            {
                switch (r.Indicator)
                {
                    case "urban_population_fenxian":
                        Population.Add(Cell(census, unit.Key, "total", "total", 0, null, "urban", r, "7th census, 城镇"));
                        break;
                    case "male" or "female":
                        Population.Add(Cell(census, unit.Key, r.Indicator, "total", 0, null, "total", r, "7th census"));
                        break;
                    case "age_0_14":
                        Population.Add(Cell(census, unit.Key, "total", "0-14", 0, 14, "total", r, "7th census"));
                        break;
                    case "age_15_59":
                        Population.Add(Cell(census, unit.Key, "total", "15-59", 15, 59, "total", r, "7th census"));
                        break;
                    case "age_65_plus":
                        Population.Add(Cell(census, unit.Key, "total", "65+", 65, null, "total", r, "7th census"));
                        break;
                    case "age_60_plus" when unit.FirstOrDefault(o => o.Indicator == "age_65_plus") is { } over65:
                        // Both 60+ and 65+ are published; age groups of one table may not overlap, so 60-64 is stored. It is
                        // the exact difference of two counts of the same census table, not an estimate (unlike the
                        // dataset's derived rows, which rest on rounded rates): observed, with the arithmetic in its note.
                        Population.Add(new PopulationRow(census, unit.Key, "total", "60-64", 60, 64, "total", r.Value - over65.Value,
                            Provenance(r, FigureKind.Observed, $"60-64 = published 60+ ({r.Value:F0}) minus published 65+ ({over65.Value:F0})")));
                        break;
                    case "age_60_plus":
                        Population.Add(Cell(census, unit.Key, "total", "60+", 60, null, "total", r, "7th census"));
                        break;
                }
            }
        }
    }

    private void ReadTable3()
    {
        using var table = SeedFiles.Open("plan.tables.table3-age-structure-2010-2020.csv", "reference_date", "age_group", "indicator", "value");
        foreach (var r in table.Records())
        {
            if (r.Text("indicator") != "population")
            {
                continue;
            }

            var date = DateOnly.ParseExact(r.RequiredText("reference_date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (label, from, to) = r.Text("age_group") switch
            {
                "0-14" => ("0-14", 0, (int?)14),
                "15-59" => ("15-59", 15, (int?)59),
                _ => ("60+", 60, (int?)null),
            };
            var provenance = new Provenance(FigureKind.Observed, "PLAN2021", "温州市人口发展中长期规划 (2021-2035), 表3 温州市人口年龄结构变化",
                "温州市", null, "high", $"{(date.Year == 2020 ? "7th" : "6th")} census, as printed in the plan (data/plan/tables/table3-age-structure-2010-2020.csv)");
            Population.Add(new PopulationRow(date, _city, "total", label, from, to, "total", r.Number("value") ?? 0, provenance));
        }

        table.ThrowIfInvalid();
    }

    /// <summary>Stores the 2015 survey's population table; returns the annual figures.</summary>
    private List<Published> ReadCityAnnual()
    {
        using var table = SeedFiles.Open("wenzhou.wenzhou_annual.csv", "year", "indicator", "value", "unit", "source_id");
        var rows = table.Records().Select(r => new Published(r.Integer("year") ?? 0, _city, r.RequiredText("indicator")!, r.Number("value") ?? 0,
            r.RequiredText("unit")!, r.RequiredText("source_id")!, r.Text("status") == "derived", r.Text("note"))).ToList();
        table.ThrowIfInvalid();
        var survey2015 = new DateOnly(2015, 11, 1);
        var annual = new List<Published>();
        foreach (var r in rows)
        {
            if (r.Year == 2015)
            {
                // The 2015 1% sample survey (reference time 2015-11-01): a population table, not an annual estimate.
                var cell = r.Indicator switch
                {
                    "resident_population_yearend" => ("total", "total", 0, (int?)null, "total"),
                    "urban_population" => ("total", "total", 0, null, "urban"),
                    "male" or "female" => (r.Indicator, "total", 0, null, "total"),
                    "age_0_14" => ("total", "0-14", 0, 14, "total"),
                    "age_15_64" => ("total", "15-64", 15, 64, "total"),
                    "age_65_plus" => ("total", "65+", 65, null, "total"),
                    _ => default((string, string, int, int?, string)?),
                };
                if (cell is { } c)
                {
                    Population.Add(new PopulationRow(survey2015, r.Region, c.Item1, c.Item2, c.Item3, c.Item4, c.Item5, r.Persons,
                        Provenance(r, FigureKind.Observed, "2015 1% population sample survey, reference time 2015-11-01")));
                    continue;
                }
            }

            // The survey's vital events and rates cover 2014-11 to 2015-10, not a calendar year: left out.
            if (r.Year != 2015)
            {
                annual.Add(r);
            }
        }

        return annual;
    }

    private void AddAnnual(Published r)
    {
        var measure = r.Indicator switch
        {
            "resident_population_yearend" => "population",
            "urban_population" => "urban_population",
            "births" => "births",
            "deaths" => "deaths",
            _ => null,
        };
        var derived = r.Derived ? FigureKind.Estimated : FigureKind.Observed;
        if (measure is not null)
        {
            Surveys.Add(new SurveyRow(r.Year, r.Region, AnnualSurvey, measure, r.Persons, Provenance(r, derived, r.Derived ? "derived: " + r.Note : r.Note)));
            return;
        }

        var indicator = r.Indicator switch
        {
            "birth_rate" or "death_rate" or "natural_growth_rate" or "urbanization_rate" or "gdp" => r.Indicator,
            "registered_population_yearend" => "registered_population",
            "births_health_system" => "births_health_system",
            _ => null,
        };
        if (indicator is not null)
        {
            var (value, unit) = r.Unit == "10k persons" ? (r.Persons, "persons") : (r.Value, r.Unit);
            Indicators.Add(new IndicatorRow(r.Year, r.Region, indicator, value, unit, Department, Provenance(r, derived, r.Derived ? "derived: " + r.Note : r.Note)));
        }
    }

    private PopulationRow Cell(DateOnly date, string region, string sex, string age, int from, int? to, string residence, Published r, string what) =>
        new(date, region, sex, age, from, to, residence, r.Persons, Provenance(r, FigureKind.Observed, JoinNotes(what, r.Note)));

    private Provenance Provenance(Published r, FigureKind kind, string? note)
    {
        _sources.TryGetValue(r.Source, out var s);
        return new Provenance(kind, r.Source, s.Title, s.Publisher, null, s.Confidence, string.IsNullOrWhiteSpace(note) ? null : note);
    }

    /// <summary>The figure of the most trusted source; the others are named in its note.</summary>
    private Published Best(List<Published> same)
    {
        var ranked = same.OrderBy(r => Rank(r.Source)).ThenBy(r => r.Source, StringComparer.Ordinal).ToList();
        var best = ranked[0];
        var others = ranked.Skip(1).Select(o => $"{o.Source} gives {o.Value.ToString(CultureInfo.InvariantCulture)}").ToList();
        return others.Count == 0 ? best : best with { Note = JoinNotes(best.Note, "chosen over " + string.Join(", ", others) + " (lower confidence in data/wenzhou/sources.csv)") };
    }

    private int Rank(string source)
    {
        var confidence = _sources.TryGetValue(source, out var s) ? s.Confidence : null;
        var i = Array.FindIndex(ConfidenceOrder, c => confidence?.StartsWith(c, StringComparison.OrdinalIgnoreCase) == true &&
                                                      (c != "medium" || !confidence.StartsWith("medium-", StringComparison.OrdinalIgnoreCase)));
        return i < 0 ? ConfidenceOrder.Length : i;
    }

    private static string? JoinNotes(string? a, string? b) =>
        string.Join("; ", new[] { a, b }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } joined ? joined : null;

    private static List<Published> Rows(string resource, params string[] required)
    {
        using var table = SeedFiles.Open(resource, required);
        var yearColumn = table.HasColumn("year");
        var rows = table.Records().Select(r => new Published(
            yearColumn ? r.Integer("year") ?? 0 : DateOnly.ParseExact(r.RequiredText("reference_date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year,
            r.Text("unit_code") ?? "", r.RequiredText("indicator")!, r.Number("value") ?? 0, r.Text("unit") ?? "", r.RequiredText("source_id")!, false, r.Text("note"))).ToList();
        table.ThrowIfInvalid();
        return rows;
    }

    /// <summary>One published figure of the dataset.</summary>
    private sealed record Published(int Year, string Region, string Indicator, double Value, string Unit, string Source, bool Derived, string? Note)
    {
        /// <summary>The value in persons (万人 figures × 10,000, rounded to whole persons to undo binary fractions).</summary>
        public double Persons => Unit == "10k persons" ? Math.Round(Value * 10_000) : Value;
    }
}
