using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Planning.Data;
using Populus.Storage;
using Populus.Web.Formats;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>Population tables from the store, filtered by year, region, sex and age bands, within the account's scope.</summary>
internal static class PopulationApi
{
    public static void MapPopulationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/population").WithTags("Population").RequireAuthorization(Policies.ReadData);
        group.MapGet("/", Table).WithName("GetPopulation")
            .WithSummary("Population rows with provenance. ?year=2020&region=330302,330303&sex=male&age=0-14,15-59,60+&residence=total&education=total&format=csv");
        group.MapGet("/dates", Dates).WithName("GetPopulationDates")
            .WithSummary("Reference dates with stored population figures (?region=); ?ages=true: only those with a population by age and sex (a pyramid).");
        group.MapGet("/pyramid", Pyramid).WithName("GetPyramid")
            .WithSummary("Males and females by age group for one region and reference date (?region=&date=yyyy-mm-dd), or 'no data' with the reason.");
        group.MapGet("/comparison", Comparison).WithName("ComparePopulation").Produces<ComparisonView>()
            .WithSummary("Total population of every county and group in scope on a reference date, with the plan's published group figures.");
    }

    internal static Results<Ok<IReadOnlyList<PopulationRow>>, ContentHttpResult, ProblemHttpResult> Table(int? year, string? region, string? sex, string? age,
        string? residence, string? education, HttpRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        if (ParameterProblems.OneOf("sex", sex, ["male", "female", "total"]) is { } bad)
        {
            return bad;
        }

        var me = CurrentAccount.From(user);
        List<string>? codes = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            codes = [];
            foreach (var asked in region.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!RegionAccess.TryResolve(asked, me, views, out var code, out var problem))
                {
                    return problem!;
                }

                codes.Add(code);
            }
        }

        List<AgeBand>? bands = null;
        if (!string.IsNullOrWhiteSpace(age))
        {
            bands = [];
            foreach (var text in age.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!AgeBand.TryParse(text, out var band))
                {
                    return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Bad age band", $"age '{text}': write bands as 0-14, 15-59, 60+ or 25.",
                        $"年龄“{text}”：年龄组应写作 0-14、15-59、60+ 或 25");
                }

                bands.Add(band);
            }
        }

        var rows = store.For(me.Scope).Population(new PopulationQuery(year, codes, sex?.Trim().ToLowerInvariant(), bands, residence ?? "total", education ?? "total"))
            .Select(f => new PopulationRow(f.ReferenceDate, f.RegionCode, f.Sex, f.Age, f.Residence, f.Education, f.Persons,
                f.Provenance.Kind.Code(), f.Provenance.SourceId, f.Provenance.SourceTitle, f.Batch))
            .ToList();
        return OutputFormat.RowsOrProblem<PopulationRow>(request, rows);
    }

    internal static Results<Ok<IReadOnlyList<DateOnly>>, ProblemHttpResult> Dates(string? region, bool? ages, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var me = CurrentAccount.From(user);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (!RegionAccess.TryResolve(region, me, views, out var resolved, out var problem))
            {
                return problem!;
            }

            code = resolved;
        }

        var reader = store.For(me.Scope);
        return TypedResults.Ok(ages == true ? views.Cached($"pyramid-dates|{me.Scope}|{code}", () => PyramidDates(reader, code)) : reader.PopulationDates(code));
    }

    internal static Results<Ok<PyramidView>, ProblemHttpResult> Pyramid(string? region, DateOnly? date, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var me = CurrentAccount.From(user);
        if (!RegionAccess.TryResolve(region, me, views, out var code, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(views.Cached($"pyramid|{me.Scope}|{code}|{date}", () => Shape(store.For(me.Scope), code, date)));
    }

    /// <summary>The reference dates with a population by age and sex (a pyramid) of the region (any region when null):
    /// a census year's totals alone (2010's, for the city) draw none; the year ends of the latest vintage of the annual
    /// estimates draw theirs, the age structure between censuses. The vintage is read once, not for each stored date.</summary>
    private static IReadOnlyList<DateOnly> PyramidDates(IScopedReader reader, string? code) =>
        [.. reader.PopulationDates(code).Where(day => Stored(reader, code, day).Count > 0)
            .Union(Estimated(reader, code).Select(f => f.ReferenceDate)).Order()];

    /// <summary>Males and females by age group (not the totals) of the region on the day: the stored figures, else the
    /// latest vintage's estimate of that day.</summary>
    private static List<(string Sex, string Age, double Persons, Storage.Provenance Provenance)> PyramidRows(IScopedReader reader, string code, DateOnly day) =>
        Stored(reader, code, day) is { Count: > 0 } stored ? stored
            : [.. Estimated(reader, code).Where(f => f.ReferenceDate == day).Select(f => (f.Sex, f.Age, f.Persons, f.Provenance))];

    /// <summary>The stored males and females by age group (not the totals) of the region (any region when null) on the day.</summary>
    private static List<(string Sex, string Age, double Persons, Storage.Provenance Provenance)> Stored(IScopedReader reader, string? code, DateOnly day) =>
        [.. reader.Population(new PopulationQuery(day.Year, code is null ? null : [code]))
            .Where(f => f.ReferenceDate == day && f.Age != "total" && f.Sex is "male" or "female")
            .Select(f => (f.Sex, f.Age, f.Persons, f.Provenance))];

    /// <summary>The latest vintage's estimated residents of the region (any region when null), none without a vintage.</summary>
    private static IReadOnlyList<PopulationEstimateFigure> Estimated(IScopedReader reader, string? code) =>
        reader.Vintages() is [.., var latest] ? reader.PopulationEstimates(latest.Vintage, code) : [];

    /// <remarks>Without a date, the latest with a pyramid.</remarks>
    private static PyramidView Shape(IScopedReader reader, string code, DateOnly? date)
    {
        var day = date ?? PyramidDates(reader, code).LastOrDefault();
        var rows = day == default ? [] : PyramidRows(reader, code, day);
        if (rows.Count == 0)
        {
            var why = day == default
                ? new Reason($"no population by age and sex is stored for {code}", $"数据库中没有{code}的分年龄、性别人口")
                : new Reason($"no population by age and sex is stored for {code} on {day:yyyy-MM-dd}", $"数据库中没有{code}在{day:yyyy-MM-dd}的分年龄、性别人口");
            return new PyramidView(code, day == default ? null : day, [], [], [], [], why.English, why.Chinese);
        }

        var ages = rows.Select(f => f.Age).Distinct().OrderBy(AgeStart).ToList();
        double? Cell(string sex, string age) => rows.Where(f => f.Sex == sex && f.Age == age).Select(f => (double?)f.Persons).FirstOrDefault();
        var provenance = rows.Select(f => $"{f.Provenance.Kind.Code()} ({f.Provenance.SourceId})").Distinct().ToList();
        return new PyramidView(code, day, ages, [.. ages.Select(a => Cell("male", a))], [.. ages.Select(a => Cell("female", a))], provenance, null, null);
    }

    internal static FileContentHttpResult Comparison(DateOnly? date, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var me = CurrentAccount.From(user);
        return TypedResults.Bytes(views.CachedJson($"comparison|{me.Scope}|{date}", () => Compare(date, me, store)), "application/json; charset=utf-8");
    }

    /// <summary>Every county's and group's residents on a date: the stored counts (a census), and on a year end the
    /// annual survey's published totals (county_annual.csv), else the latest vintage's estimates. Without a date, the
    /// latest date on which the most counties have a figure.</summary>
    private static ComparisonView Compare(DateOnly? date, CurrentAccount me, IPopulusStore store)
    {
        var reader = store.For(me.Scope);
        var regions = reader.Regions();
        // Each region's residents by date, in the order of precedence: a stored count, a published year-end total, an estimate.
        var figures = new Dictionary<(string Region, DateOnly Date), (double Persons, Storage.Provenance Provenance)>();
        foreach (var f in reader.Population(new PopulationQuery()).Where(f => f.Sex == "total" && f.Age == "total"))
        {
            figures.TryAdd((f.RegionCode, f.ReferenceDate), (f.Persons, f.Provenance));
        }

        foreach (var t in reader.SurveyTotals(measure: "population").Where(t => t.Sex == "total"))
        {
            figures.TryAdd((t.RegionCode, new DateOnly(t.Year, 12, 31)), (t.Value, t.Provenance));
        }

        foreach (var cells in Estimated(reader, null).GroupBy(e => (e.RegionCode, e.ReferenceDate)))
        {
            figures.TryAdd(cells.Key, (cells.Sum(e => e.Persons), cells.First().Provenance));
        }

        AggregateFigure Of(string code, DateOnly day) => figures.TryGetValue((code, day), out var f)
            ? new AggregateFigure(code, f.Persons, [code], [], [f.Provenance])
            : new AggregateFigure(code, null, [], [code], []);
        List<Region> Counties(DateOnly day) => [.. regions.Where(r => r.Level == RegionLevel.County && r.ValidIn(day.Year))];
        DateOnly[] dates = [.. figures.Keys.Select(k => k.Date).Distinct().Where(d => Counties(d).Any(r => figures.ContainsKey((r.Code, d)))).Order()];
        // The latest of the dates on which the most counties have a figure (a unit no source counts, such as a development
        // zone, leaves no date complete).
        var day = date ?? dates.OrderBy(d => Counties(d).Count(r => figures.ContainsKey((r.Code, d)))).ThenBy(d => d).LastOrDefault();
        if (day == default)
        {
            day = new DateOnly(2020, 11, 1);
        }

        // A missing member by its name (灵溪镇), the one its code had that year when a code was reused.
        var names = regions.OrderBy(r => r.ValidIn(day.Year)).GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Last());
        var units = Counties(day).Select(r => Entry(Of(r.Code, day), r.NameZh, "county", names)).ToList();
        var references = reader.Groups().Select(g => (Group: g, References: store.GroupReferences(g.Name))).ToList();
        var groups = references.Select(x =>
        {
            var members = x.Group.Members.Select(m => Of(m.RegionCode, day)).ToList();
            var counted = members.Where(m => m.Value is not null).ToList();
            var sum = new AggregateFigure(x.Group.Name, counted.Count == 0 ? null : counted.Sum(m => m.Value!.Value), [.. counted.Select(m => m.RegionOrGroup)],
                [.. members.Where(m => m.Value is null).Select(m => m.RegionOrGroup)], [.. counted.SelectMany(m => m.Provenances).Distinct()]);
            var groupPublished = x.References.Where(r => r.Year == day.Year)
                .Select(r => new PublishedFigure(r.Indicator, r.Value, r.Unit, r.Provenance.SourceId, r.Provenance.Note)).ToList();
            return Entry(sum, x.Group.Name, "group", names) with { Published = groupPublished };
        }).ToList();
        var publishedYears = references.SelectMany(x => x.References).Select(r => r.Year).ToHashSet();
        return new ComparisonView(day, dates, [.. dates.Where(d => publishedYears.Contains(d.Year))], [.. units, .. groups]);
    }

    private static ComparisonEntry Entry(AggregateFigure figure, string name, string kind, IReadOnlyDictionary<string, Region> regions)
    {
        var missing = figure.MissingMembers.Select(code => regions.GetValueOrDefault(code)).ToList();
        var note = figure.Value is null ? new Reason("no population figure is stored for this date", "数据库中没有该日期的人口数")
            : figure.IsComplete ? null
            : new Reason($"partial: {figure.MissingMembers.Count} members have no figure", $"不完整：{figure.MissingMembers.Count} 个成员没有数值");
        return new(figure.RegionOrGroup, name, kind, figure.Value, figure.IsComplete, figure.MissingMembers,
            [.. missing.Select((r, i) => r?.NameEn ?? r?.NameZh ?? figure.MissingMembers[i])], [.. missing.Select((r, i) => r?.NameZh ?? figure.MissingMembers[i])],
            [.. figure.Provenances.Select(p => $"{p.Kind.Code()} ({p.SourceId})").Distinct()], note?.English, note?.Chinese, []);
    }

    private static int AgeStart(string label) =>
        int.Parse(label.TrimEnd('+').Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture);

    internal sealed record PopulationRow(DateOnly ReferenceDate, string RegionCode, string Sex, string Age, string Residence, string Education, double Persons,
        string Status, string Source, string? SourceTitle, string Batch);

    /// <param name="NoDataReason">Why there is nothing to draw, or null.</param>
    /// <param name="NoDataReasonZh">The same in Chinese.</param>
    internal sealed record PyramidView(string Region, DateOnly? Date, IReadOnlyList<string> Ages, IReadOnlyList<double?> Male, IReadOnlyList<double?> Female,
        IReadOnlyList<string> Provenance, string? NoDataReason, string? NoDataReasonZh);

    internal sealed record PublishedFigure(string Indicator, double Value, string Unit, string Source, string? Note);

    /// <param name="MissingMembers">The codes of the members without a figure.</param>
    /// <param name="MissingNames">Their names in English where the store has one, else in Chinese.</param>
    /// <param name="MissingNamesZh">Their Chinese names.</param>
    internal sealed record ComparisonEntry(string Region, string Name, string Kind, double? Persons, bool Complete, IReadOnlyList<string> MissingMembers,
        IReadOnlyList<string> MissingNames, IReadOnlyList<string> MissingNamesZh, IReadOnlyList<string> Provenance, string? Note, string? NoteZh,
        IReadOnlyList<PublishedFigure> Published);

    /// <param name="Dates">The dates a comparison can be made on: those with stored counts, the year ends with published
    /// totals and those of the latest vintage of the annual estimates.</param>
    /// <param name="PublishedDates">Those of <paramref name="Dates"/> in a year for which the plan publishes a group's
    /// figures (its base year): where a page wants the published figures beside the counts, it asks one of these.</param>
    internal sealed record ComparisonView(DateOnly Date, IReadOnlyList<DateOnly> Dates, IReadOnlyList<DateOnly> PublishedDates, IReadOnlyList<ComparisonEntry> Entries);
}
