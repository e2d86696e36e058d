using System.Globalization;
using Populus.Demography;
using Populus.Planning.Data;
using PlanningProvenance = Populus.Planning.Data.Provenance;

namespace Populus.Storage.PlanData;

/// <summary>
/// Planning's <see cref="IIndicatorData"/> over the store: census and survey figures, the annual estimates, vital
/// events and reported indicators, each answer with its provenance (observed / estimated / projected and source).
/// </summary>
/// <remarks>
/// Regions are store codes (a group's name for a group). The store holds no figure of its own for a group, so every
/// answer for a group is 'no data' and Planning sums the group's members: a group's figure is always the sum over its
/// members. Which figure answers, in order:
/// <list type="bullet">
/// <item>Residents of a year: the published table of the latest reference date in that year (the 2020 census's
/// broad groups; by sex when both sexes are given on the same groups; a total), else the calibrated single-year base
/// (the census day, for the units whose census total is not public), else the single years of the latest stored
/// vintage at 31 December, else the annual survey's year-end total. Published figures come first, so a census year
/// is answered on the census's own groups and day; the estimates answer the years between censuses.</item>
/// <item>Urban residents: the population table's urban total of the year, else the survey's urban total.</item>
/// <item>Registered residents: the reported indicator <c>registered_population</c>.</item>
/// <item>Births and deaths: the vital-event table, else the latest vintage's components for the calendar year, else
/// the survey's totals.</item>
/// <item>Series: indicators named like the series (<c>gdp</c> in 100m CNY is converted to CNY; 10k persons to persons).</item>
/// <item>Reported: the indicator of the same id.</item>
/// </list>
/// </remarks>
public sealed class StoreIndicatorData(IPopulusStore store) : IIndicatorData
{
    private static readonly AgeGroups AllAges = AgeGroups.FromStarts([0]);

    public DataResult<AgeSexCounts> Population(PopulationKind kind, string region, int year) => kind switch
    {
        PopulationKind.Resident => Resident(region, year),
        PopulationKind.Urban => Urban(region, year),
        _ => Registered(region, year),
    };

    public DataResult<AgeSexCounts> Births(string region, int year) => Events(region, year, "birth", "births");

    public DataResult<AgeSexCounts> Deaths(string region, int year) => Events(region, year, "death", "deaths");

    public DataResult<EducationCounts> Education(string region, int year) =>
        DataResult<EducationCounts>.Missing(new($"the store holds no education table of {region} in {year}", $"数据库中没有{region}{year}年分受教育程度的人口表"));

    public DataResult<double> Series(string name, string region, int year)
    {
        var figure = store.Indicators(name, region).FirstOrDefault(i => i.Year == year);
        if (figure is null)
        {
            return DataResult<double>.Missing(new($"no {name} of {region} in {year} in the store", $"数据库中没有{region}{year}年的{ScalarSeries.NameZh(name)}"));
        }

        // A figure stored before imports checked units, in a unit the series is not measured in, is not read as if it were.
        return StoredIndicators.InSeriesUnit(figure.Value, figure.Unit, name) is { } value
            ? DataResult<double>.Found(value, Convert(figure.Provenance))
            : DataResult<double>.Missing(new($"the {name} of {region} in {year} is stored in {figure.Unit}, not a unit of the series", $"数据库中{region}{year}年的{ScalarSeries.NameZh(name)}单位为{figure.Unit}，不是该序列的单位"));
    }

    public DataResult<ReportedValue> Reported(string indicatorId, string region, int year)
    {
        var figure = store.Indicators(indicatorId, region).FirstOrDefault(i => i.Year == year);
        return figure is null
            ? DataResult<ReportedValue>.Missing(new($"no reported {indicatorId} of {region} in {year} in the store", $"数据库中没有{region}{year}年的报送值"))
            : DataResult<ReportedValue>.Found(
                new ReportedValue(indicatorId, region, year, figure.Value.ToString("R", CultureInfo.InvariantCulture), Convert(figure.Provenance)),
                Convert(figure.Provenance));
    }

    private DataResult<AgeSexCounts> Resident(string region, int year)
    {
        var rows = store.Population(region, year).Where(r => r.Residence == "total" && r.Education == "total").ToList();
        var published = rows.Where(r => r.Provenance.SourceId != Estimates.BasePopulation.SourceId).ToList();
        if (published.Count > 0)
        {
            var latest = published.Max(r => r.ReferenceDate);
            if (Published(published.Where(r => r.ReferenceDate == latest).ToList()) is { } table)
            {
                return table;
            }
        }

        var calibrated = rows.Where(r => r.Provenance.SourceId == Estimates.BasePopulation.SourceId).ToList();
        if (calibrated.Where(r => r.Sex != "total").ToList() is { Count: > 0 } single)
        {
            return SingleYears(single.Select(r => (r.Sex, r.Age, r.Persons)).ToList(), Convert(single[0].Provenance));
        }

        var vintage = store.Vintages().Where(v => v.LastDate.Year >= year).Select(v => (int?)v.Vintage).LastOrDefault();
        var yearEnd = new DateOnly(year, 12, 31);
        if (vintage is { } v && store.PopulationEstimates(v, region).Where(e => e.ReferenceDate == yearEnd).ToList() is { Count: > 0 } estimate)
        {
            return SingleYears(estimate.Select(e => (e.Sex, e.Age, e.Persons)).ToList(), Convert(estimate[0].Provenance));
        }

        return SurveyTotal(region, year, "population", new(
            $"no resident population of {region} in {year} in the store (no census table, estimate or survey total)",
            $"数据库中没有{region}{year}年的常住人口（无普查表、估计值或抽样调查总量）"));
    }

    private DataResult<AgeSexCounts> Urban(string region, int year)
    {
        var urban = store.Population(region, year).Where(r => r.Residence == "urban" && r.Sex == "total" && r.Age == "total" && r.Education == "total")
            .OrderByDescending(r => r.ReferenceDate).FirstOrDefault();
        return urban is not null
            ? Total(urban.Persons, Convert(urban.Provenance))
            : SurveyTotal(region, year, "urban_population", new($"no urban population of {region} in {year} in the store", $"数据库中没有{region}{year}年的城镇人口"));
    }

    private DataResult<AgeSexCounts> Registered(string region, int year)
    {
        var figure = store.Indicators("registered_population", region).FirstOrDefault(i => i.Year == year);
        return figure is null
            ? DataResult<AgeSexCounts>.Missing(new($"no registered population of {region} in {year} in the store", $"数据库中没有{region}{year}年的户籍人口"))
            : Total(figure.Unit == "10k persons" ? figure.Value * 1e4 : figure.Value, Convert(figure.Provenance));
    }

    private DataResult<AgeSexCounts> Events(string region, int year, string vitalEvent, string component)
    {
        var events = store.VitalEvents(region, year).Where(e => e.Event == vitalEvent).ToList();
        if (events.Count > 0 && VitalEvents(events) is { } table)
        {
            return table;
        }

        // The estimates' components of a whole calendar year (the 2020 period starts on the census day, so it is not one).
        var periodStart = new DateOnly(year, 1, 1);
        var vintage = store.Vintages().Where(v => v.LastDate.Year >= year).Select(v => (int?)v.Vintage).LastOrDefault();
        if (vintage is { } v && store.ComponentEstimates(v, region).Where(c => c.Component == component && c.PeriodStart == periodStart).ToList() is { Count: > 0 } rows)
        {
            var ages = rows.Select(r => int.Parse(r.Age.TrimEnd('+'), CultureInfo.InvariantCulture)).ToList();
            var grid = component == "births" ? AgeGroups.SingleYearRange(ages.Min(), ages.Max()) : AgeGroups.SingleYear(ages.Max());
            return BySex(grid, rows.Select((r, i) => (r.Sex, ages[i], r.Persons)), Convert(rows[0].Provenance));
        }

        return SurveyTotal(region, year, component, events.Count > 0 ? Incomplete(events, region, year, component)
            : new($"no {component} of {region} in {year} in the store", $"数据库中没有{region}{year}年的{(component == "births" ? "出生数" : "死亡数")}"));
    }

    /// <summary>Why stored events do not make a table: a sex missing (only male births imported), or age groups that do
    /// not cover the ages or differ between the sexes.</summary>
    /// <param name="events">The stored events of one region, year and event.</param>
    /// <param name="region">The region as the reason names it (洞头区).</param>
    /// <param name="year">Their year.</param>
    /// <param name="component">births or deaths.</param>
    internal static Reason Incomplete(List<VitalEventFigure> events, string region, int year, string component)
    {
        var zh = component == "births" ? "出生数" : "死亡数";
        string[] sexes = ["male", "female"];
        var stored = events.Where(e => e.Sex != "total").Select(e => e.Sex).ToHashSet(StringComparer.Ordinal);
        if (events.All(e => e.Sex != "total") && sexes.Where(stored.Contains).ToList() is [var only])
        {
            var (lacking, onlyZh, lackingZh) = only == "male" ? ("female", "男性", "女性") : ("male", "女性", "男性");
            return new($"the store has the {only} {component} of {region} in {year} but not the {lacking} ones (nor a total)",
                $"数据库中{region}{year}年的{zh}只有{onlyZh}，缺{lackingZh}（也没有合计）");
        }

        return new($"the {component} of {region} in {year} in the store are not a whole table (their age groups do not cover the ages, or differ between the sexes, and there is no total)",
            $"数据库中{region}{year}年的{zh}不成完整的表（年龄组未覆盖全部年龄或两性不一致，也没有合计）");
    }

    private DataResult<AgeSexCounts> SurveyTotal(string region, int year, string measure, Reason missing)
    {
        var figure = store.SurveyTotals(region, year).FirstOrDefault(s => s.Measure == measure && s.Sex == "total");
        return figure is null ? DataResult<AgeSexCounts>.Missing(missing) : Total(figure.Value, Convert(figure.Provenance));
    }

    /// <summary>A published table: age groups of both sexes that cover every age (with the sexes when given on the same groups), or a total.</summary>
    internal static DataResult<AgeSexCounts>? Published(List<PopulationFigure> rows) =>
        Grouped(rows.Select(r => (r.Sex, r.Age, r.Persons)).ToList(), rows.Select(r => Convert(r.Provenance)).Aggregate((a, b) => a.Combine(b)));

    /// <summary>One event's table of a region and year: deaths by age groups that cover every age, births by the
    /// mother's age groups (a closed range such as 15–49), with the sexes when given; or a total.</summary>
    internal static DataResult<AgeSexCounts>? VitalEvents(List<VitalEventFigure> events) =>
        Grouped([.. events.Select(e => (e.Sex, e.Age, e.Events))], events.Select(e => Convert(e.Provenance)).Aggregate((a, b) => a.Combine(b)),
            closedRange: events[0].Event == "birth");

    private static DataResult<AgeSexCounts>? Grouped(List<(string Sex, string Age, double Value)> rows, PlanningProvenance provenance, bool closedRange = false)
    {
        var groups = rows.Where(r => r.Sex == "total" && r.Age != "total").ToList();
        if (Grid(groups.Select(g => g.Age), closedRange) is { } grid)
        {
            var byAge = groups.OrderBy(g => Start(g.Age)).Select(g => g.Value).ToArray();
            var male = rows.Where(r => r.Sex == "male" && r.Age != "total").OrderBy(r => Start(r.Age)).ToList();
            var female = rows.Where(r => r.Sex == "female" && r.Age != "total").OrderBy(r => Start(r.Age)).ToList();
            if (male.Count == grid.Count && female.Count == grid.Count && Grid(male.Select(m => m.Age), closedRange) is { } mg && mg.Equals(grid))
            {
                return DataResult<AgeSexCounts>.Found(AgeSexCounts.Split(new PopulationByAgeSex(
                    new PopulationByAge(grid, [.. male.Select(m => m.Value)]), new PopulationByAge(grid, [.. female.Select(f => f.Value)]))), provenance);
            }

            return DataResult<AgeSexCounts>.Found(AgeSexCounts.BothSexes(new PopulationByAge(grid, byAge)), provenance);
        }

        var sexed = rows.Where(r => r.Sex != "total" && r.Age != "total").ToList();
        if (sexed.Count > 0 && Grid(sexed.Where(r => r.Sex == "male").Select(r => r.Age), closedRange) is { } g2 &&
            Grid(sexed.Where(r => r.Sex == "female").Select(r => r.Age), closedRange) is { } g3 && g2.Equals(g3))
        {
            return BySex(g2, sexed.Select(r => (r.Sex, Start(r.Age), r.Value)), provenance);
        }

        return rows.FirstOrDefault(r => r.Sex == "total" && r.Age == "total") is { Sex: not null } total ? Total(total.Value, provenance) : null;
    }

    internal static DataResult<AgeSexCounts> SingleYears(List<(string Sex, string Age, double Persons)> rows, PlanningProvenance provenance)
    {
        var open = rows.Max(r => Start(r.Age));
        return BySex(AgeGroups.SingleYear(open), rows.Select(r => (r.Sex, Start(r.Age), r.Persons)), provenance);
    }

    private static DataResult<AgeSexCounts> BySex(AgeGroups grid, IEnumerable<(string Sex, int Age, double Value)> rows, PlanningProvenance provenance)
    {
        var male = new double[grid.Count];
        var female = new double[grid.Count];
        foreach (var (sex, age, value) in rows)
        {
            var i = grid.IndexOf(age);
            if (i >= 0)
            {
                (sex == "male" ? male : female)[i] += value;
            }
        }

        return DataResult<AgeSexCounts>.Found(AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(grid, male), new PopulationByAge(grid, female))), provenance);
    }

    internal static DataResult<AgeSexCounts> Total(double value, PlanningProvenance provenance) =>
        DataResult<AgeSexCounts>.Found(AgeSexCounts.BothSexes(new PopulationByAge(AllAges, [value])), provenance);

    /// <summary>The grid of age groups that cover 0 to an open group without gaps or overlaps, or null; with
    /// <paramref name="closedRange"/>, also groups without gaps from any age to a closed last one (births by the
    /// mother's age, 15–49).</summary>
    private static AgeGroups? Grid(IEnumerable<string> labels, bool closedRange = false)
    {
        var parsed = labels.Select(l => (From: Start(l), To: l.EndsWith('+') ? (int?)null : End(l))).OrderBy(p => p.From).ToList();
        var closed = closedRange && parsed.Count > 0 && parsed[^1].To is not null;
        if (parsed.Count == 0 || (!closed && (parsed[0].From != 0 || parsed[^1].To is not null)))
        {
            return null;
        }

        for (var i = 1; i < parsed.Count; i++)
        {
            if (parsed[i - 1].To is not { } to || to + 1 != parsed[i].From)
            {
                return null;
            }
        }

        return AgeGroups.FromStarts(parsed.Select(p => p.From), closed ? parsed[^1].To + 1 : null);
    }

    private static int Start(string label) => int.Parse(label.Split('-', '+')[0], CultureInfo.InvariantCulture);

    private static int End(string label) => label.Contains('-', StringComparison.Ordinal)
        ? int.Parse(label.Split('-')[1], CultureInfo.InvariantCulture)
        : Start(label);

    internal static PlanningProvenance Convert(Provenance p)
    {
        var source = string.Join(", ", new[] { p.SourceId, p.SourceTitle }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return p.Kind switch
        {
            FigureKind.Observed => PlanningProvenance.Observed(source),
            FigureKind.Estimated => PlanningProvenance.Estimated(source),
            _ => PlanningProvenance.Projected(source),
        };
    }
}
