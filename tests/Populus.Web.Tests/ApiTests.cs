using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Populus.Web.Tests;

/// <summary>What the data endpoints answer: figures with provenance, formats, the OpenAPI document, static files.</summary>
public sealed class ApiTests
{
    [Fact]
    public async Task OpenApiDocument_ListsTheApi()
    {
        using var client = TestApp.For("duckdb").Client();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/v1/population", "/api/v1/indicators/{id}/series", "/api/v1/imports/{kind}", "/api/v1/audit", "/api/v1/auth/login" })
        {
            Assert.Contains(path, paths);
        }

        var page = await client.GetStringAsync("/api.html");
        Assert.Contains("/js/apiref.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/", "text/html")]
    [InlineData("/lib/echarts.min.js", "text/javascript")]
    public async Task StaticFiles_AreServedFromThisHost(string url, string type)
    {
        using var client = TestApp.For("duckdb").Client();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        if (url == "/")
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Pyramid_HasBothSexesByAgeWithProvenance(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var p = await client.GetFromJsonAsync<JsonElement>($"/api/v1/population/pyramid?region={TestApp.Longwan}&date=2020-11-01");
        Assert.Equal(JsonValueKind.Null, p.GetProperty("noDataReason").ValueKind);
        var ages = p.GetProperty("ages").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal("0-4", ages[0]);
        Assert.Equal("85+", ages[^1]);
        Assert.Equal(18, ages.Count);
        Assert.Equal(24_000, p.GetProperty("male")[0].GetDouble());
        Assert.Equal(["estimated (TEST)"], p.GetProperty("provenance").EnumerateArray().Select(x => x.GetString()));

        var none = await client.GetFromJsonAsync<JsonElement>("/api/v1/population/pyramid?region=330305");
        Assert.Contains("no population", none.GetProperty("noDataReason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Overview_ShowsThe20IndicatorsWithProvenanceOrTheReason(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var o = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/overview?asOf=2020");
        var items = o.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(20, items.Count);
        Assert.Equal("温州市", o.GetProperty("region").GetString());
        foreach (var item in items)
        {
            var latest = item.GetProperty("latest");
            if (latest.GetProperty("value").ValueKind == JsonValueKind.Null)
            {
                Assert.False(string.IsNullOrWhiteSpace(latest.GetProperty("note").GetString()));
            }
            else
            {
                Assert.Contains(latest.GetProperty("status").GetString(), new[] { "observed", "estimated", "projected" });
                Assert.False(string.IsNullOrWhiteSpace(latest.GetProperty("source").GetString()));
            }
        }

        var population = items.Single(i => i.GetProperty("id").GetString() == "resident_population").GetProperty("latest");
        Assert.Equal(957.29, population.GetProperty("value").GetDouble(), 2);
        Assert.Equal(2020, population.GetProperty("year").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Series_InSdmxCsv_HasTheHeaderAndObservationStatus(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var response = await client.GetAsync("/api/v1/indicators/resident_population/series?from=2019&to=2021&format=sdmx-csv");
        Assert.Equal("application/vnd.sdmx.data+csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,SOURCE,OBS_COMMENT", lines[0]);
        var row = Assert.Single(lines[1..]).Split(',');
        Assert.Equal(["POPULUS:WENZHOU_PLAN_INDICATORS(1.0)", "330300", "resident_population", "2020", "957.29", "10k persons", "A"], row[..7]);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/resident_population/series?from=2019&to=2021");
        var years = json.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(3, years.Count);
        Assert.False(string.IsNullOrWhiteSpace(years[0].GetProperty("note").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Population_AsCsv_ByQueryOrAcceptHeader(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var csv = await client.GetStringAsync($"/api/v1/population?region={TestApp.Lucheng}&sex=female&age=85%2B&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("referenceDate,regionCode,sex,age,residence,education,persons,status,source,sourceTitle,batch", lines[0]);
        Assert.Equal("2020-11-01,330302,female,85+,total,total,13920,estimated,TEST,,web-test-census", Assert.Single(lines[1..]));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/regions?level=county");
        request.Headers.Accept.ParseAdd("text/csv");
        var regions = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.StartsWith("code,nameZh,nameEn,level,parentCode,validFrom,validTo,note", regions, StringComparison.Ordinal);
        Assert.Contains("330383,龙港市", regions, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task PendingServices_AnswerNotAvailableWithTheReason(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var response = await client.GetAsync("/api/v1/projections/scenarios");
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("not on main yet", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
