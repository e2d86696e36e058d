using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Populus.Storage;

namespace Populus.Web.Tests;

/// <summary>
/// The annual estimates over the API: a vintage made at the command line is read by the departments, each row
/// estimated with its source, the counties' year ends meeting their published totals and drawn as the pyramid
/// between censuses, a county viewer kept to its
/// county (on PostgreSQL also by row-level security), and clear refusals before a vintage exists or for one not stored.
/// </summary>
public sealed class EstimatesApiTests
{
    private const string Wencheng = "330328";

    private static JsonElement Entry(JsonElement comparison, string region) =>
        comparison.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("region").GetString() == region);

    private static double? Persons(JsonElement comparison, string region) =>
        Entry(comparison, region).GetProperty("persons") is { ValueKind: JsonValueKind.Number } p ? p.GetDouble() : null;

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AVintage_IsReadByRegionYearAndComponent_EstimatedAndScoped(string engine)
    {
        using var app = TestApp.Start(engine, loginLimit: 10_000, kestrel: false);
        using var analyst = await app.SignedIn("analyst");
        var none = await analyst.GetAsync("/api/v1/estimates/population");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("populus estimate", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detailZh").GetString(), StringComparison.Ordinal);

        const string Dates = $"/api/v1/population/dates?region={TestApp.Lucheng}&ages=true";
        Assert.DoesNotContain("2023-12-31", (await analyst.GetFromJsonAsync<string[]>(Dates))!);
        // The counties compared on a year end by their published totals, where a year has them (文成县 has none for 2023).
        var before = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/population/comparison?date=2023-12-31");
        Assert.Contains("2023-12-31", before.GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(app.Store.SurveyTotals(TestApp.Lucheng, 2023).Single(s => s.Measure == "population" && s.Sex == "total").Value, Persons(before, TestApp.Lucheng));
        Assert.Null(Persons(before, Wencheng));

        // The overview says the years between censuses are the projection's, and counts the TFR's change from the plan's base.
        static JsonElement TfrWarning(JsonElement overview) => overview.GetProperty("earlyWarnings").EnumerateArray()
            .First(w => w.GetProperty("indicatorId").GetString() == "total_fertility_rate");
        var overview = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/indicators/overview");
        Assert.Equal(JsonValueKind.Null, overview.GetProperty("vintage").ValueKind);
        Assert.Equal((2020, "observed"), (TfrWarning(overview).GetProperty("latestYear").GetInt32(), TfrWarning(overview).GetProperty("latestStatus").GetString()));

        app.Store.Estimate(2024);
        overview = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/indicators/overview");
        Assert.Equal(2024, overview.GetProperty("vintage").GetInt32());
        Assert.Equal((2023, "estimated"), (TfrWarning(overview).GetProperty("latestYear").GetInt32(), TfrWarning(overview).GetProperty("latestStatus").GetString()));
        var vintages = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/estimates");
        var only = Assert.Single(vintages.EnumerateArray());
        Assert.Equal(2024, only.GetProperty("vintage").GetInt32());
        Assert.Equal(5, only.GetProperty("inputs").GetArrayLength()); // 2020 (from the census day) to 2024, one a period

        // 鹿城区's 2023 year end by sex and single age: the published total met, every row an estimate of the vintage.
        var lucheng = (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/estimates/population?region={TestApp.Lucheng}&year=2023")).EnumerateArray().ToList();
        Assert.Equal(2 * 101, lucheng.Count);
        Assert.All(lucheng, r => Assert.Equal(("estimated", "EST-V2024", "2023-12-31"),
            (r.GetProperty("status").GetString(), r.GetProperty("source").GetString(), r.GetProperty("date").GetString())));
        var published = app.Store.SurveyTotals(TestApp.Lucheng, 2023).Single(s => s.Measure == "population" && s.Sex == "total").Value;
        Assert.Equal(published, lucheng.Sum(r => r.GetProperty("persons").GetDouble()), 0.5);

        // The cockpit's pyramid draws the year end between censuses from the vintage, labelled as its estimate.
        Assert.Contains("2023-12-31", (await analyst.GetFromJsonAsync<string[]>(Dates))!);
        var pyramid = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/population/pyramid?region={TestApp.Lucheng}&date=2023-12-31");
        Assert.Equal(101, pyramid.GetProperty("ages").GetArrayLength());
        Assert.Equal(["estimated (EST-V2024)"], pyramid.GetProperty("provenance").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(published, pyramid.GetProperty("male").EnumerateArray().Concat(pyramid.GetProperty("female").EnumerateArray()).Sum(v => v.GetDouble()), 0.5);

        // With a vintage, a county without a published total is compared by its estimate, labelled as such, and the page
        // opens on the latest year end every county has.
        var after = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/population/comparison?date=2023-12-31");
        Assert.Equal(published, Persons(after, TestApp.Lucheng));
        Assert.Equal(["estimated (EST-V2024)"], Entry(after, Wencheng).GetProperty("provenance").EnumerateArray().Select(p => p.GetString()));
        Assert.NotEqual("estimated (EST-V2024)", Entry(after, TestApp.Lucheng).GetProperty("provenance")[0].GetString());
        var latest = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/population/comparison");
        Assert.Equal("2024-12-31", latest.GetProperty("date").GetString());
        // The plan's group figures are of its base year only: the dates that show them are 2020's, where the latest has none.
        var publishedDates = latest.GetProperty("publishedDates").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.NotEmpty(publishedDates);
        Assert.All(publishedDates, d => Assert.StartsWith("2020-", d, StringComparison.Ordinal));
        Assert.All(latest.GetProperty("entries").EnumerateArray(), e => Assert.Empty(e.GetProperty("published").EnumerateArray()));
        var onPublished = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/population/comparison?date=" + publishedDates[^1]);
        Assert.Contains(onPublished.GetProperty("entries").EnumerateArray(), e => e.GetProperty("published").GetArrayLength() > 0);

        // The city's 2023 births by the mother's age add up to the published count.
        var births = (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/estimates/components?region=330300&year=2023&component=births")).EnumerateArray().ToList();
        Assert.All(births, r => Assert.Equal(("births", "2023-01-01"), (r.GetProperty("measure").GetString(), r.GetProperty("periodStart").GetString())));
        var count = app.Store.SurveyTotals("330300", 2023).Single(s => s.Measure == "births" && s.Sex == "total").Value;
        Assert.Equal(count, births.Sum(r => r.GetProperty("persons").GetDouble()), 0.5);
        Assert.All(births, r => Assert.Equal("estimated", r.GetProperty("status").GetString()));
        // 2024's, with no births published, are the kept fertility's projection.
        var births2024 = (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/estimates/components?region=330300&year=2024&component=births")).EnumerateArray().ToList();
        Assert.NotEmpty(births2024);
        Assert.All(births2024, r => Assert.Equal("projected", r.GetProperty("status").GetString()));

        var csv = await analyst.GetAsync($"/api/v1/estimates/population?region={TestApp.Lucheng}&year=2023&sex=female&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("vintage,date,", lines[0], StringComparison.Ordinal);
        Assert.Equal(101, lines.Length - 1);

        var missing = await analyst.GetAsync("/api/v1/estimates/population?vintage=2019");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("2024", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A county viewer reads its own county only.
        using var viewer = await app.SignedIn("viewer-lucheng");
        var own = (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/estimates/population?year=2023")).EnumerateArray().ToList();
        Assert.Equal(2 * 101, own.Count);
        Assert.All(own, r => Assert.Equal(TestApp.Lucheng, r.GetProperty("region").GetString()));
        Assert.All((await viewer.GetFromJsonAsync<JsonElement>("/api/v1/estimates/components?year=2023")).EnumerateArray(),
            r => Assert.Equal(TestApp.Lucheng, r.GetProperty("region").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/v1/estimates/population?region={TestApp.Longwan}")).StatusCode);
    }
}
