using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Populus.Web.Tests;

/// <summary>
/// Parameters the API cannot take: every one a problem (docs/api.md) naming the parameter, the value and what it takes,
/// in English and Chinese; never a 500, a value silently replaced, a bare string or a server path.
/// </summary>
public sealed class ParameterTests
{
    /// <summary>A path on the server ("/work/…/data/scenarios/scenarios.csv"), which no answer shows.</summary>
    private static readonly System.Text.RegularExpressions.Regex ServerPath = new("""(^|[\s'"(])/\w+/""");

    /// <summary>The problem of a refused request, checked to be one: status, the parameter and value named in both languages.</summary>
    private static async Task<JsonElement> Refused(HttpResponseMessage response, HttpStatusCode status, string parameter, string value)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.StartsWith($"{parameter} = '{value}': ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"参数 {parameter} = '{value}'：", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        Assert.Equal(parameter, problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.DoesNotMatch(ServerPath, body);
        return problem;
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AnAsOfYearOutsideTheCockpitsYears_IsRefusedWithTheRange_AndItsFirstYearIsAnswered(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("viewer-lucheng");
        foreach (var (url, parameter, value) in new[]
                 {
                     ("/api/v1/indicators/overview?asOf=1999", "asOf", "1999"), ("/api/v1/indicators/overview?asOf=99999", "asOf", "99999"),
                     ("/api/v1/evaluations?asOf=-5", "asOf", "-5"), ("/api/v1/probabilities?asOf=1999", "asOf", "1999"),
                     ("/api/v1/indicators/resident_population/series?from=1990", "from", "1990"), ("/api/v1/indicators/resident_population/series?to=2200", "to", "2200"),
                 })
        {
            var problem = await Refused(await client.GetAsync(url), HttpStatusCode.BadRequest, parameter, value);
            Assert.Contains("a year from 2000 to 2035", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // 2000, the first year the cockpit reads: the overview searched back past it (a 500), the probabilities read a year before the run's.
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/overview?asOf=2000");
        Assert.Equal(2000, overview.GetProperty("asOfYear").GetInt32());
        Assert.All(overview.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(2000, i.GetProperty("latest").GetProperty("year").GetInt32()));
        using var analyst = await TestApp.For(engine).SignedIn("analyst"); // the city's targets, whose judging read years before the run's
        var probabilities = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/probabilities?asOf=2000");
        Assert.Equal(2000, probabilities.GetProperty("asOfYear").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AYearTheProjectionDoesNotHold_IsRefused_NotReplacedByTheNearest(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        foreach (var (url, value) in new[] { ("/api/v1/projections/pyramid?year=2050", "2050"), ("/api/v1/projections/pyramid?year=1800", "1800"), ("/api/v1/services/demand?year=1990", "1990") })
        {
            var problem = await Refused(await client.GetAsync(url), HttpStatusCode.BadRequest, "year", value);
            Assert.Contains("to 2035", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var pyramid = await client.GetFromJsonAsync<JsonElement>("/api/v1/projections/pyramid?year=2030");
        Assert.Equal("2030-12-31", pyramid.GetProperty("date").GetString());
        Assert.All((await client.GetFromJsonAsync<JsonElement>("/api/v1/services/demand?year=2030")).EnumerateArray(), r => Assert.Equal(2030, r.GetProperty("year").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AnUnknownScenario_Is404NamingTheKnownOnes_Everywhere(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        await client.CsrfAsync();
        // The scenarios data/scenarios/scenarios.csv lists.
        var known = File.ReadLines(TestApp.RepoFile("data/scenarios/scenarios.csv")).Skip(1).Where(l => !l.StartsWith('#') && l.Length > 0).Select(l => l.Split(',')[0]).ToList();
        Assert.Contains("baseline", known);
        var answers = new List<HttpResponseMessage>
        {
            await client.GetAsync("/api/v1/probabilities?scenario=bogus"),
            await client.GetAsync("/api/v1/probabilities/pyramid?scenario=bogus"),
            await client.GetAsync("/api/v1/services/demand/fan?scenario=bogus"),
            await client.GetAsync("/api/v1/projections/pyramid?year=2030&scenario=bogus"),
            await client.GetAsync("/api/v1/projections/compare?scenarios=baseline,bogus"),
            await client.GetAsync("/api/v1/services/demand?scenario=bogus"),
            await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "bogus" }),
            await client.PostAsJsonAsync("/api/v1/projections/goal", new { scenario = "bogus", indicator = "resident_population", year = 2035, lever = "tfr" }),
        };
        foreach (var answer in answers)
        {
            var problem = await Refused(answer, HttpStatusCode.NotFound, "scenario", "bogus");
            Assert.Equal("Unknown scenario", problem.GetProperty("title").GetString());
            Assert.All(known, name => Assert.Contains(name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AValueOfTheWrongType_IsAProblemSayingWhatTheParameterTakes(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        foreach (var (url, parameter, value, expected) in new[]
                 {
                     ("/api/v1/population?year=abc", "year", "abc", "a whole number"),
                     ($"/api/v1/population/pyramid?region={TestApp.Lucheng}&date=garbage", "date", "garbage", "a date written yyyy-mm-dd"),
                     ("/api/v1/probabilities?seed=-1", "seed", "-1", "a whole number from 0"),
                     ($"/api/v1/registry/persons?id={TestApp.LuchengPerson.Disclose()}&unmask=1", "unmask", "1", "true or false"),
                 })
        {
            var problem = await Refused(await client.GetAsync(url), HttpStatusCode.BadRequest, parameter, value);
            Assert.EndsWith(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A body of the wrong shape: where in it, and nothing of the server's types.
        await client.CsrfAsync();
        var body = await client.PostAsync("/api/v1/projections/run", new StringContent("""{"tfr":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, body.StatusCode);
        var detail = (await body.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("$.tfr", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Populus.", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AValueNotInTheList_IsRefusedNamingTheAllowedOnes(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        foreach (var (url, parameter, allowed) in new[]
                 {
                     ("/api/v1/population?sex=x", "sex", "male, female, total"),
                     ("/api/v1/registry/aggregates?basis=x", "basis", "residence, hukou"),
                     ("/api/v1/services/permits?state=x", "state", "applied, issued, rejected, expired, revoked"),
                 })
        {
            var problem = await Refused(await client.GetAsync(url), HttpStatusCode.BadRequest, parameter, "x");
            Assert.EndsWith($"one of {allowed}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/registry/aggregates?basis=hukou")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/population?sex=female")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task NotFound_IsAProblemWithItsDetail_NotABareString(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var unknownPerson = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1970, 1, 1), 7).Disclose();
        foreach (var (url, detail) in new[]
                 {
                     ("/api/v1/indicators/nope/series", "indicator 'nope' is not in the catalogue"),
                     ($"/api/v1/registry/persons?id={unknownPerson}", "no person with this identity number"),
                 })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(404, problem.GetProperty("status").GetInt32());
            Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task ALifeExpectancyTheProjectionCannotReach_IsRefusedWithWhy_AndItsLowestIsProjected(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        await client.CsrfAsync();
        var problem = await Refused(await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", lifeExpectancy = 40 }),
            HttpStatusCode.BadRequest, "lifeExpectancy", "40");
        Assert.Contains("between 70 and 100: the projection scales each year's death rates", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lowest = await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", lifeExpectancy = 70 });
        Assert.Equal(HttpStatusCode.OK, lowest.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AReportedIndicatorsTarget_CannotBeSought_AndTheAnswerSaysWhyInBothLanguages(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        await client.CsrfAsync();
        // The reported indicators with a target (data/plan/indicator-catalogue.csv: kind reported).
        var reported = File.ReadLines(TestApp.RepoFile("data/plan/indicator-catalogue.csv")).Select(l => l.Split(','))
            .Where(f => f.Length > 7 && f[7] == "reported").Select(f => f[0]).ToHashSet();
        Assert.Contains("birth_defect_incidence", reported);
        var problem = await Refused(await client.PostAsJsonAsync("/api/v1/projections/goal", new { indicator = "birth_defect_incidence", year = 2025, lever = "tfr" }),
            HttpStatusCode.BadRequest, "indicator", "birth_defect_incidence");
        Assert.Contains("is reported by", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("报送，不由人口预测计算", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task PyramidDates_WithAges_AreTheDatesThatDrawAPyramid_AndThePyramidOpensOnTheLatest(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var all = await client.GetFromJsonAsync<List<string>>("/api/v1/population/dates?region=330300");
        var drawn = await client.GetFromJsonAsync<List<string>>("/api/v1/population/dates?region=330300&ages=true");
        Assert.NotEmpty(drawn!);
        Assert.True(all!.Count > drawn!.Count, "the city has a date with totals only (2010's census)");
        foreach (var day in all)
        {
            var pyramid = await client.GetFromJsonAsync<JsonElement>($"/api/v1/population/pyramid?region=330300&date={day}");
            Assert.Equal(drawn.Contains(day), pyramid.GetProperty("noDataReason").ValueKind == JsonValueKind.Null);
        }

        var opening = await client.GetFromJsonAsync<JsonElement>("/api/v1/population/pyramid?region=330300");
        Assert.Equal(drawn[^1], opening.GetProperty("date").GetString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task RegistryAggregates_WithoutRows_SayWhy(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("viewer-lucheng");
        // The test registry's 鹿城区 man was born in 1990.
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/registry/aggregates?asOf=1989-01-01");
        Assert.Equal(0, before.GetProperty("rows").GetArrayLength());
        Assert.Equal($"no person of the registry in {TestApp.Lucheng} is alive on 1989-01-01", before.GetProperty("noDataReason").GetString());

        using var empty = TestApp.Start(engine, loginLimit: 10_000, kestrel: false, registry: false);
        using var admin = await empty.SignedIn("admin");
        var none = await admin.GetFromJsonAsync<JsonElement>("/api/v1/registry/aggregates?asOf=2020-11-01");
        Assert.Equal(0, none.GetProperty("rows").GetArrayLength());
        Assert.StartsWith("the person registry holds no persons", none.GetProperty("noDataReason").GetString(), StringComparison.Ordinal);
    }
}
