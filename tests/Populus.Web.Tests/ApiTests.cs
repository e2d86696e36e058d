using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Populus.Storage.Scenarios;

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
        var p = await client.GetFromJsonAsync<JsonElement>($"/api/v1/population/pyramid?region={TestApp.Longwan}&date={TestApp.TestDay}");
        Assert.Equal(JsonValueKind.Null, p.GetProperty("noDataReason").ValueKind);
        var ages = p.GetProperty("ages").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal("0-4", ages[0]);
        Assert.Equal("85+", ages[^1]);
        Assert.Equal(18, ages.Count);
        Assert.Equal(24_000, p.GetProperty("male")[0].GetDouble());
        Assert.Equal(["estimated (TEST)"], p.GetProperty("provenance").EnumerateArray().Select(x => x.GetString()));

        var none = await client.GetFromJsonAsync<JsonElement>("/api/v1/population/pyramid?region=330305&date=2001-01-01");
        Assert.Contains("no population", none.GetProperty("noDataReason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("数据库中没有330305", none.GetProperty("noDataReasonZh").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Overview_ShowsThe20IndicatorsWithProvenanceOrTheReason(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        // The account says which region the plan is for (the city whose counties the store holds), as the cockpit's title names it.
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(("330300", "温州市", "Wenzhou"), (me.GetProperty("planRegion").GetString(), me.GetProperty("planRegionName").GetString(), me.GetProperty("planRegionNameEn").GetString()));
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
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", latest.GetProperty("noteZh").GetString()!); // and why in Chinese
            }
            else
            {
                Assert.Contains(latest.GetProperty("status").GetString(), new[] { "observed", "estimated", "projected" });
                Assert.False(string.IsNullOrWhiteSpace(latest.GetProperty("source").GetString()));
            }
        }

        // A target that cannot be judged says why in Chinese as well as in the explanation's English.
        var noData = items.SelectMany(i => i.GetProperty("targets").EnumerateArray()).Where(t => t.GetProperty("status").GetString() == "no_data").ToList();
        Assert.NotEmpty(noData);
        Assert.All(noData, t => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", t.GetProperty("noDataZh").GetString()!));
        Assert.All(items.SelectMany(i => i.GetProperty("targets").EnumerateArray()).Where(t => t.GetProperty("status").GetString() != "no_data"),
            t => Assert.Equal(JsonValueKind.Null, t.GetProperty("noDataZh").ValueKind));

        var population = items.Single(i => i.GetProperty("id").GetString() == "resident_population").GetProperty("latest");
        Assert.Equal(957.29, population.GetProperty("value").GetDouble(), 2);
        Assert.Equal(2020, population.GetProperty("year").GetInt32());
        Assert.All(items.SelectMany(i => i.GetProperty("targets").EnumerateArray()), t => Assert.False(t.GetProperty("benchmark").GetBoolean()));

        // A county: the city's rates as benchmarks, not the city's counts (10 million residents) as its targets.
        var county = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/overview?region={TestApp.Lucheng}");
        var countyItems = county.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Empty(countyItems["resident_population"].GetProperty("targets").EnumerateArray()); // the indicator is listed, without the city's target
        var tfr = countyItems["total_fertility_rate"].GetProperty("targets").EnumerateArray().ToList();
        Assert.NotEmpty(tfr);
        Assert.All(tfr, t => Assert.True(t.GetProperty("benchmark").GetBoolean()));
        Assert.DoesNotContain(county.GetProperty("earlyWarnings").EnumerateArray(), w => w.GetProperty("indicatorId").GetString() == "resident_population");
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task ACountysOverview_ShowsItsPublishedResidents_ToItsViewerAsToTheAnalyst(string engine)
    {
        // 鹿城区's 2023 year-end residents as the county table publishes them (data/wenzhou/county_annual.csv).
        var published = File.ReadLines(TestApp.RepoFile("data/wenzhou/county_annual.csv")).Select(l => l.Split(','))
            .Single(f => f[0] == "2023" && f[1] == TestApp.Lucheng && f[3] == "resident_population_yearend");
        var app = TestApp.For(engine);
        using var viewer = await app.SignedIn("viewer-lucheng");
        using var analyst = await app.SignedIn("analyst");
        foreach (var client in new[] { viewer, analyst })
        {
            var overview = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/overview?region={TestApp.Lucheng}&asOf=2023");
            var latest = overview.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "resident_population").GetProperty("latest");
            Assert.Equal((2023, double.Parse(published[4], System.Globalization.CultureInfo.InvariantCulture), "observed"),
                (latest.GetProperty("year").GetInt32(), latest.GetProperty("value").GetDouble(), latest.GetProperty("status").GetString()));
            Assert.StartsWith(published[6], latest.GetProperty("source").GetString()!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AnImportedFigure_ReachesTheAnalystsViews_WithoutARestart(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        using var analyst = await app.SignedIn("analyst");
        async Task<JsonElement> Latest() => (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/indicators/TT44/series?region=330329&from=2024&to=2024"))
            .GetProperty("values")[0];
        Assert.Equal(JsonValueKind.Null, (await Latest()).GetProperty("value").ValueKind);

        // 泰顺县's children's centres, reported by 市妇联 through the imports page while the cockpit runs.
        var import = await admin.PostAsync("/api/v1/imports/indicators", AccessRulesTests.Upload("tt44-taishun.csv",
            "year,region,indicator,value,unit,department,figure_kind,source_id\n2024,330329,TT44,1,centres per county-level unit,市妇联,observed,TEST\n"));
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        var latest = await Latest();
        Assert.Equal((2024, 1.0, "observed"), (latest.GetProperty("year").GetInt32(), latest.GetProperty("value").GetDouble(), latest.GetProperty("status").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AFigureImportedElsewhere_ReachesTheAnalystsViews_WithoutARestart(string engine)
    {
        var app = TestApp.For(engine);
        using var analyst = await app.SignedIn("analyst");
        async Task<JsonElement> Latest() => (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/indicators/TT44/series?region=330328&from=2024&to=2024"))
            .GetProperty("values")[0];
        Assert.Equal(JsonValueKind.Null, (await Latest()).GetProperty("value").ValueKind);

        // 文成县's children's centres, imported into the same store but not through this server (as a department's
        // `populus import` against the shared PostgreSQL store would be): the server hears nothing of it.
        var folder = Directory.CreateTempSubdirectory("populus-elsewhere-");
        try
        {
            var file = Path.Combine(folder.FullName, "tt44-wencheng.csv");
            File.WriteAllText(file, "year,region,indicator,value,unit,department,figure_kind,source_id\n2024,330328,TT44,2,centres per county-level unit,市妇联,observed,TEST\n");
            app.Services.GetRequiredService<Populus.Storage.IPopulusStore>().Import("indicators", file);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var latest = await Latest();
        Assert.Equal((2024, 2.0, "observed"), (latest.GetProperty("year").GetInt32(), latest.GetProperty("value").GetDouble(), latest.GetProperty("status").GetString()));
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
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        var row = rows.Single(r => r[3] == "2020");
        // 2020: the census count of plan Table 3's groups (the plan's base value 957.29万 to its printed digits), observed.
        var census = File.ReadLines(TestApp.RepoFile("data/plan/tables/table3-age-structure-2010-2020.csv")).Select(l => l.Split(','))
            .Where(f => f[1] == "2020" && f[5] == "population").Sum(f => double.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["POPULUS:WENZHOU_PLAN_INDICATORS(1.0)", "330300", "resident_population", "2020"], row[..4]);
        Assert.Equal(census / 10_000, double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(["10k persons", "A"], row[5..7]);
        Assert.All(rows, r => Assert.Contains(r[6], new[] { "A", "E", "F" }));

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/resident_population/series?from=2019&to=2021");
        var years = json.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(3, years.Count);
        Assert.All(years, y => Assert.True(y.GetProperty("value").ValueKind == JsonValueKind.Number || !string.IsNullOrWhiteSpace(y.GetProperty("note").GetString())));
        Assert.Equal(rows.Count, years.Count(y => y.GetProperty("value").ValueKind == JsonValueKind.Number));
        Assert.NotEmpty(json.GetProperty("targets").EnumerateArray());
        Assert.False(json.GetProperty("benchmark").GetBoolean());

        // A county's series: no city count as its target; the city's rate targets as benchmarks.
        var county = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/resident_population/series?region={TestApp.Lucheng}");
        Assert.Empty(county.GetProperty("targets").EnumerateArray());
        var tfr = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/total_fertility_rate/series?region={TestApp.Lucheng}");
        Assert.NotEmpty(tfr.GetProperty("targets").EnumerateArray());
        Assert.True(tfr.GetProperty("benchmark").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Population_AsCsv_ByQueryOrAcceptHeader(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var csv = await client.GetStringAsync($"/api/v1/population?year=2015&region={TestApp.Lucheng}&sex=female&age=85%2B&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("referenceDate,regionCode,sex,age,residence,education,persons,status,source,sourceTitle,batch", lines[0]);
        Assert.Equal("2015-11-01,330302,female,85+,total,total,13920,estimated,TEST,,web-test-census", Assert.Single(lines[1..]));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/regions?level=county");
        request.Headers.Accept.ParseAdd("text/csv");
        var regions = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.StartsWith("code,nameZh,nameEn,level,parentCode,validFrom,validTo,note", regions, StringComparison.Ordinal);
        Assert.Contains("330383,龙港市", regions, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task ScenarioRun_ProjectsTo2035AndRespondsToTheLevers(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        async Task<(double Last, JsonElement Body)> Run(object body)
        {
            var response = await client.PostAsJsonAsync("/api/v1/projections/run", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            var values = json.GetProperty("population").GetProperty("values").EnumerateArray().ToList();
            Assert.Equal(2035, values[^1].GetProperty("year").GetInt32());
            Assert.Equal("projected", values[^1].GetProperty("status").GetString());
            return (values[^1].GetProperty("value").GetDouble(), json);
        }

        var low = await Run(new { scenario = "baseline", tfr = 0.8, netMigration = 20000 });
        var high = await Run(new { scenario = "baseline", tfr = 1.8, netMigration = 20000 });
        var moreMigrants = await Run(new { scenario = "baseline", tfr = 0.8, netMigration = 120000 });
        Assert.True(high.Last > low.Last, $"{high.Last} vs {low.Last}");
        Assert.True(moreMigrants.Last > low.Last);
        Assert.Contains("tfr=1.8", high.Body.GetProperty("scenario").GetString(), StringComparison.Ordinal);
        Assert.Equal("基准情景 [总和生育率=1.8，年净迁入=20000；2025年起]", high.Body.GetProperty("scenarioZh").GetString());
        // The levers hold from the year after the last observed one (the bureau's 2024 year end): the years before keep
        // the baseline's calibration to the bulletins' births and year-end totals.
        var own = await Run(new { scenario = "baseline" });
        static double Births(JsonElement run, int year) =>
            run.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year).GetProperty("births").GetDouble();
        Assert.Equal(Births(own.Body, 2024), Births(high.Body, 2024));
        Assert.True(Births(high.Body, 2025) > 1.5 * Births(own.Body, 2025));
        Assert.NotEmpty(high.Body.GetProperty("targets").EnumerateArray());
        Assert.All(high.Body.GetProperty("targets").EnumerateArray(), t => Assert.True(t.GetProperty("targetYear").GetInt32() > t.GetProperty("asOfYear").GetInt32()));

        // The scenarios with the names the Chinese interface shows (scenarios.csv's name_zh).
        var scenarios = await client.GetFromJsonAsync<JsonElement>("/api/v1/projections/scenarios");
        Assert.Contains(scenarios.EnumerateArray(), x => x.GetProperty("name").GetString() == "baseline" && x.GetProperty("nameZh").GetString() == "基准情景");

        var bad = await client.PostAsJsonAsync("/api/v1/projections/run", new { tfr = 9.0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var unknown = await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "no-such" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ScenarioRun_WithProbabilities_GivesEachTargetsChance_WhichMoreMigrantsRaiseForPopulation()
    {
        using var client = await TestApp.For("duckdb").SignedIn("analyst");
        async Task<(double? Population2035, JsonElement Probabilities)> Run(int netMigration)
        {
            var response = await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", tfr = 1.0, netMigration, probabilities = true });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            var targets = json.GetProperty("targets").EnumerateArray().ToList();
            var probabilities = json.GetProperty("probabilities");
            var values = probabilities.GetProperty("values").EnumerateArray().ToList();
            Assert.Equal(targets.Count, values.Count);
            Assert.All(values, v => Assert.True(v.ValueKind == JsonValueKind.Null || v.GetDouble() is >= 0 and <= 1, v.ToString()));
            var i = targets.FindIndex(t => t.GetProperty("indicatorId").GetString() == "resident_population" && t.GetProperty("targetYear").GetInt32() == 2035);
            return (values[i].ValueKind == JsonValueKind.Null ? null : values[i].GetDouble(), probabilities);
        }

        var few = await Run(0);
        var many = await Run(200_000);
        Assert.Equal(Hosting.PopulusSettings.DefaultTrajectories, few.Probabilities.GetProperty("trajectories").GetInt32());
        Assert.Equal(PlanMonitor.DefaultSeed, few.Probabilities.GetProperty("seed").GetUInt64());
        Assert.True(many.Population2035 > few.Population2035, $"P(≥ 10 million in 2035): {many.Population2035} with 200,000 migrants a year, {few.Population2035} with none");

        // The population's bands: with a lever moved, in the years judging the targets reads (the run keeps those), more
        // migrants moving the 2035 median up; with none, every projected year (the scenario's own run).
        static (int[] Years, double[][] Bands) Population(JsonElement probabilities)
        {
            var fan = probabilities.GetProperty("population");
            var bands = fan.GetProperty("bands");
            return ([.. fan.GetProperty("years").EnumerateArray().Select(y => y.GetInt32())],
                [.. new[] { "q025", "q10", "q50", "q90", "q975" }.Select(q => bands.GetProperty(q).EnumerateArray().Select(v => v.GetDouble()).ToArray())]);
        }

        var (years, bands) = Population(few.Probabilities);
        Assert.Contains(2030, years);
        Assert.Contains(2035, years);
        Assert.DoesNotContain(2033, years);
        for (var y = 0; y < years.Length; y++)
        {
            Assert.True(bands[0][y] <= bands[1][y] && bands[1][y] <= bands[2][y] && bands[2][y] <= bands[3][y] && bands[3][y] <= bands[4][y], $"{years[y]}: bands out of order");
        }

        Assert.True(bands[4][^1] > bands[0][^1]);
        Assert.True(Population(many.Probabilities).Bands[2][^1] > bands[2][^1]);
        var own = await (await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", probabilities = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Enumerable.Range(2021, 15), Population(own.GetProperty("probabilities")).Years);

        // Without the flag the response has no probabilities.
        var plain = await (await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", tfr = 1.0 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("probabilities").ValueKind);
    }

    [Fact]
    public async Task Run_TheLifeExpectancySlider_IsTheLifeExpectancyMonitoringProjects()
    {
        var app = TestApp.For("duckdb");
        using var client = await app.SignedIn("analyst");
        // The slider at the plan's 2025 target (plan-indicators.csv: 人均预期寿命 ≥82) meets it, not "at risk" at 81.80.
        JsonElement Target2025(JsonElement run) => run.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("indicatorId").GetString() == "life_expectancy" && t.GetProperty("targetYear").GetInt32() == 2025);
        var target = Target2025(await (await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("targetValue").GetDouble();
        var response = await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", lifeExpectancy = target });
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, run.ToString());
        var evaluation = Target2025(run);
        Assert.Equal(target, evaluation.GetProperty("expectedValue").GetDouble(), 0.01);
        Assert.Equal("on_track", evaluation.GetProperty("status").GetString());
        // Each year from the one after the last observed (2025) says the both-sexes e0 the slider stands at; the years
        // before keep the scenario's own (the sexes' paths).
        var own = (await (await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("lifeExpectancy").GetDouble());
        Assert.All(run.GetProperty("years").EnumerateArray(), y => Assert.Equal(y.GetProperty("year").GetInt32() >= 2025 ? target : own[y.GetProperty("year").GetInt32()],
            y.GetProperty("lifeExpectancy").GetDouble(), 0.01));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Goal_ATargetWithNoLevelToSeek_IsRefusedInEnglishAndChinese(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        string NameZh(string id) => File.ReadLines(TestApp.RepoFile("data/plan/indicator-catalogue.csv")).Select(l => l.Split(',')).Single(f => f[0] == id)[3];
        async Task<JsonElement> Refused(object body)
        {
            var response = await client.PostAsJsonAsync("/api/v1/projections/goal", body);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, json.ToString());
            return json;
        }

        // The city's residents are not a county's target; the projection carries no education counts.
        var county = await Refused(new { indicator = "resident_population", year = 2035, lever = "tfr", region = TestApp.Lucheng });
        Assert.Contains("is not 鹿城区's", county.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", county.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(NameZh("resident_population") + " 2035 年目标", county.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        Assert.Contains("不分解到鹿城区", county.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        var schooling = await Refused(new { indicator = "mean_schooling_16_59", year = 2025, lever = "e0" });
        Assert.StartsWith("the projection does not give mean_schooling_16_59", schooling.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"人口预测不提供温州市的{NameZh("mean_schooling_16_59")}，无法倒推：", schooling.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goal_TheLevelFound_MeetsTheTargetWhenTheScenarioExplorerRunsIt()
    {
        var app = TestApp.For("duckdb");
        using var client = await app.SignedIn("analyst");
        async Task<JsonElement> Goal(object body)
        {
            var response = await client.PostAsJsonAsync("/api/v1/projections/goal", body);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
            return json;
        }

        // The other sliders held where they are: the level found, run with them, brings the city to the target.
        var central = await Goal(new { indicator = "resident_population", year = 2035, lever = "net-migration", tfr = 1.1, lifeExpectancy = 82.0 });
        Assert.Equal("Reached", central.GetProperty("outcome").GetString());
        var level = central.GetProperty("level").GetDouble();
        Assert.InRange(level, central.GetProperty("leverMinimum").GetDouble(), central.GetProperty("leverMaximum").GetDouble());
        Assert.Contains("tfr=1.1", central.GetProperty("scenario").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("net-migration", central.GetProperty("scenario").GetString(), StringComparison.Ordinal);
        var run = await (await client.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", tfr = 1.1, lifeExpectancy = 82.0, netMigration = level }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var in2035 = run.GetProperty("population").GetProperty("values").EnumerateArray().Single(v => v.GetProperty("year").GetInt32() == 2035).GetProperty("value").GetDouble();
        Assert.Equal(central.GetProperty("boundary").GetDouble(), in2035, 3);

        // With a probability: the 20% quantile of the trajectories must reach the target, so more migrants are needed.
        var likely = await Goal(new { indicator = "resident_population", year = 2035, lever = "net-migration", tfr = 1.1, lifeExpectancy = 82.0, probability = 0.8 });
        Assert.Equal("Reached", likely.GetProperty("outcome").GetString());
        Assert.True(likely.GetProperty("level").GetDouble() > level, $"{likely.GetProperty("level")} for 80%, {level} on the central path");
        Assert.Equal(Hosting.PopulusSettings.DefaultTrajectories, likely.GetProperty("trajectories").GetInt32());

        async Task<HttpStatusCode> Status(object body) => (await client.PostAsJsonAsync("/api/v1/projections/goal", body)).StatusCode;
        Assert.Equal(HttpStatusCode.BadRequest, await Status(new { indicator = "resident_population", year = 2035, lever = "subsidy" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Status(new { indicator = "resident_population", year = 2035, lever = "tfr", probability = 1.5 }));
        Assert.Equal(HttpStatusCode.BadRequest, await Status(new { indicator = "resident_population", year = 2035, lever = "tfr", lifeExpectancy = 120.0 }));
        Assert.Equal(HttpStatusCode.NotFound, await Status(new { indicator = "no_such_indicator", year = 2035, lever = "tfr" }));
        var noTarget = await client.PostAsJsonAsync("/api/v1/projections/goal", new { indicator = "resident_population", year = 2027, lever = "tfr" });
        Assert.Equal(HttpStatusCode.NotFound, noTarget.StatusCode);
        Assert.Contains("no target with a figure in 2027", await noTarget.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The city's 10 million residents are not a county's target: there is no level to seek for it there.
        var county = await client.PostAsJsonAsync("/api/v1/projections/goal", new { indicator = "resident_population", year = 2035, lever = "tfr", region = TestApp.Lucheng });
        Assert.Equal(HttpStatusCode.BadRequest, county.StatusCode);
        Assert.Contains("is not 鹿城区's", await county.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var viewer = await app.SignedIn("viewer-lucheng");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/projections/goal", new { indicator = "resident_population", year = 2035, lever = "tfr" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task ProjectedPyramid_AndServiceDemand_AreScoped(string engine)
    {
        var app = TestApp.For(engine);
        using var analyst = await app.SignedIn("analyst");
        var pyramid = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/projections/pyramid?year=2030&region=330302");
        Assert.Equal(18, pyramid.GetProperty("ages").GetArrayLength());
        Assert.True(pyramid.GetProperty("male")[0].GetDouble() > 0);
        Assert.StartsWith("projected", pyramid.GetProperty("provenance")[0].GetString(), StringComparison.Ordinal);

        var all = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/services/demand?year=2030");
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("region").GetString() == "温州市");
        var beds = all.EnumerateArray().First(r => r.GetProperty("service").GetString() == "elderly_care_beds");
        Assert.Equal(("beds", "张"), (beds.GetProperty("unit").GetString(), beds.GetProperty("unitZh").GetString()));

        using var viewer = await app.SignedIn("viewer-lucheng");
        var own = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/services/demand?year=2030");
        Assert.NotEmpty(own.EnumerateArray());
        Assert.All(own.EnumerateArray(), r => Assert.Equal("鹿城区", r.GetProperty("region").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/projections/run", new { tfr = 1.2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/projections/pyramid?region=330303")).StatusCode);
    }

    [Fact]
    public async Task ANewYearsBulletin_ImportedThroughThePage_MovesMonitoringToIt_WithoutARestart()
    {
        using var app = TestApp.Start("duckdb", loginLimit: 10_000, kestrel: false, trajectories: 20);
        using var admin = await app.SignedIn("admin");
        using var analyst = await app.SignedIn("analyst");
        var scenarios = app.Services.GetRequiredService<Plan.ScenarioService>();
        async Task<(int AsOf, JsonElement Population)> Overview()
        {
            var o = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/indicators/overview");
            return (o.GetProperty("asOfYear").GetInt32(), o.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "resident_population").GetProperty("latest"));
        }

        async Task<JsonElement> Run()
        {
            var response = await analyst.PostAsJsonAsync("/api/v1/projections/run", new { scenario = "baseline", netMigration = 150000 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        Assert.Equal(2024, (await Overview()).AsOf);
        var first = await Run();
        Assert.EndsWith("2025年起]", first.GetProperty("scenarioZh").GetString(), StringComparison.Ordinal);
        Assert.Empty(first.GetProperty("calibratedTo").EnumerateArray());
        // The counties' figures of the data folder: every county in 2021, 洞头区 and 苍南县 in 2024.
        var counties = first.GetProperty("regionsCalibratedTo").EnumerateArray().ToList();
        Assert.Equal([2021, 2022, 2023, 2024], counties.Select(c => c.GetProperty("year").GetInt32()));
        Assert.Equal((12, 12), (counties[0].GetProperty("regions").GetArrayLength(), counties[0].GetProperty("of").GetInt32()));
        Assert.Equal(["洞头区", "苍南县"], counties[3].GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        var before = scenarios.Monitor;

        // The bureau's 2025 year end and births, as the statistics bureau's analyst uploads them on the imports page.
        var import = await admin.PostAsync("/api/v1/imports/survey", AccessRulesTests.Upload("bulletin-2025.csv",
            "year,region,survey,measure,sex,value,figure_kind,source_id\n2025,330300,annual_sample,population,total,9900000,observed,TEST25\n2025,330300,annual_sample,births,total,51000,observed,TEST25\n"));
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());

        var (asOf, population) = await Overview();
        Assert.Equal(2025, asOf);
        Assert.Equal((2025, 990.0, "observed"), (population.GetProperty("year").GetInt32(), population.GetProperty("value").GetDouble(), population.GetProperty("status").GetString()));
        Assert.NotSame(before, scenarios.Monitor);
        var run = await Run();
        Assert.EndsWith("2026年起]", run.GetProperty("scenarioZh").GetString(), StringComparison.Ordinal);
        var calibrated = Assert.Single(run.GetProperty("calibratedTo").EnumerateArray());
        Assert.Equal((2025, 9_900_000.0, 51_000.0, "TEST25"), (calibrated.GetProperty("year").GetInt32(), calibrated.GetProperty("residents").GetDouble(),
            calibrated.GetProperty("births").GetDouble(), calibrated.GetProperty("source").GetString()));
        var projected2025 = run.GetProperty("population").GetProperty("values").EnumerateArray().Single(v => v.GetProperty("year").GetInt32() == 2025);
        Assert.Equal(990, projected2025.GetProperty("value").GetDouble(), 1e-4);
    }

    /// <summary>A year end typed wrong leaves the cockpit without projections (no scenario can be calibrated to it) until an
    /// administrator withdraws its batch, with the reason the audit log keeps; a data provider may not.</summary>
    [Fact]
    public async Task AWrongYearEnd_WithdrawnByAnAdministrator_BringsTheProjectionsBack()
    {
        using var app = TestApp.Start("duckdb", loginLimit: 10_000, kestrel: false, trajectories: 20);
        using var admin = await app.SignedIn("admin");
        using var analyst = await app.SignedIn("analyst");
        using var provider = await app.SignedIn("provider");
        var run = new { scenario = "baseline" };
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync("/api/v1/projections/run", run)).StatusCode);
        var import = await admin.PostAsync("/api/v1/imports/survey", AccessRulesTests.Upload("bulletin-2025.csv",
            "year,region,survey,measure,sex,value,figure_kind,source_id\n2025,330300,annual_sample,population,total,99000000,observed,TYPO\n"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var broken = await analyst.PostAsJsonAsync("/api/v1/projections/run", run);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Contains("99000000", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reason = new { reason = "typed 99000000 for 9900000" };
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/v1/imports/batches/bulletin-2025.csv/withdraw", reason)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/imports/batches/bulletin-2025.csv/withdraw", new { reason = "" })).StatusCode);
        var withdrawn = await admin.PostAsJsonAsync("/api/v1/imports/batches/bulletin-2025.csv/withdraw", reason);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(1, (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync("/api/v1/projections/run", run)).StatusCode);
        var batches = await admin.GetFromJsonAsync<JsonElement>("/api/v1/imports/batches");
        var listed = batches.EnumerateArray().Single(b => b.GetProperty("batch").GetString() == "bulletin-2025.csv").GetProperty("withdrawn");
        Assert.Equal(("admin", "typed 99000000 for 9900000"), (listed.GetProperty("by").GetString(), listed.GetProperty("reason").GetString()));
        Assert.Contains(app.Store.Accounts.ReadAudit().Entries, e => e.Action == "batch-withdrawn" && e.Subject == "import batch bulletin-2025.csv" && e.Purpose == "typed 99000000 for 9900000");
    }

    [Fact]
    public void ASliderMoveGivenUp_StopsItsRun_WhichIsMadeAgainWhenAskedAgain()
    {
        using var app = TestApp.Start("duckdb", loginLimit: 10_000, kestrel: false, trajectories: 20);
        var scenarios = app.Services.GetRequiredService<Plan.ScenarioService>();
        var views = app.Services.GetRequiredService<Plan.CockpitViews>();
        var monitor = scenarios.Monitor!;
        var levers = new Planning.Scenarios.ScenarioLevers(TotalFertility: 1.3);
        var city = monitor.Model.City;
        var indicators = scenarios.IndicatorsOf(scenarios.Project(null, levers), city, ["resident_population"]);
        var evaluator = new Planning.Targets.TargetEvaluator(views.Calculator(Storage.DataScope.All).Calculator);
        var made = monitor.Plan.Book.Targets.Where(t => t.IndicatorId == "resident_population" && t.Year == 2035)
            .Select(t => evaluator.Evaluate(monitor.Plan.Book, t, city, views.DefaultAsOfYear, indicators)).ToList();
        Assert.Single(made);

        // The page gave the move up (its request aborted) before the run was made: the run stops, and nothing is kept.
        using var gaveUp = new CancellationTokenSource();
        gaveUp.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => scenarios.RunToJudge(null, levers, city, PlanMonitor.DefaultSeed, evaluator, made, gaveUp.Token));
        var run = scenarios.RunToJudge(null, levers, city, PlanMonitor.DefaultSeed, evaluator, made);
        Assert.Equal(20, run.Trajectories);
        Assert.Same(run, scenarios.RunToJudge(null, levers, city, PlanMonitor.DefaultSeed, evaluator, made)); // kept once made
    }

    [Fact]
    public async Task WarmUp_MakesTheCitysDefaultRunThenTheCountiesInOne_WhichTheirPagesThenRead()
    {
        using var app = TestApp.Start("duckdb", loginLimit: 10_000, kestrel: false, trajectories: 20);
        var scenarios = app.Services.GetRequiredService<Plan.ScenarioService>();
        var regions = scenarios.WarmUpRegions();
        Assert.Equal("温州市", regions[0]);
        scenarios.WarmUp();
        Assert.All(regions, r => Assert.True(scenarios.HasRun(null, r, PlanMonitor.DefaultSeed), r));
        Assert.False(scenarios.HasRun(null, "温州市", PlanMonitor.DefaultSeed + 1));

        // The counties share one run: each county's figures are those of a run made for that county alone.
        var monitor = scenarios.Monitor!;
        Assert.Same(scenarios.Run(null, regions[1], PlanMonitor.DefaultSeed), scenarios.Run(null, regions[^1], PlanMonitor.DefaultSeed));
        foreach (var county in new[] { regions[1], regions[^1] })
        {
            var shared = scenarios.Run(null, county, PlanMonitor.DefaultSeed);
            var own = monitor.RunTrajectories(monitor.Scenario("baseline"), [county], Plan.ScenarioService.LastYear, 20, PlanMonitor.DefaultSeed);
            var series = monitor.TargetSeries([county]);
            Assert.NotEmpty(series);
            foreach (var (id, region) in series)
            {
                foreach (var year in own.Years)
                {
                    Assert.Equal(own.Values(id, region, year), shared.Values(id, region, year));
                }
            }

            Assert.Equal(own.PyramidQuantiles(county, 2035, Demography.Sex.Female, 6).ToArray(), shared.PyramidQuantiles(county, 2035, Demography.Sex.Female, 6).ToArray());
        }

        // Every region the pages offer asks for a run the warm-up made (the same name, trajectories and seed).
        using var analyst = await app.SignedIn("analyst");
        var counties = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/regions?level=county");
        var asked = new List<string>();
        foreach (var code in counties.EnumerateArray().Where(r => !r.TryGetProperty("validTo", out var to) || to.ValueKind == JsonValueKind.Null).Select(r => r.GetProperty("code").GetString()).Prepend("330300"))
        {
            var page = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/probabilities?region=" + code);
            Assert.Equal(20, page.GetProperty("trajectories").GetInt32());
            Assert.Equal(PlanMonitor.DefaultSeed, page.GetProperty("seed").GetUInt64());
            asked.Add(page.GetProperty("region").GetString()!);
        }

        Assert.Equal(regions.Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TrajectoriesSetting_OutOfRange_IsRefusedNamingTheSetting()
    {
        static Hosting.PopulusSettings Settings(params string[] args) =>
            Hosting.PopulusSettings.From(new ConfigurationBuilder().AddCommandLine(args).Build());

        var e = Assert.Throws<InvalidOperationException>(() => Settings("--Populus:Trajectories=0"));
        Assert.Contains("Populus:Trajectories", e.Message, StringComparison.Ordinal);
        Assert.Equal(100_000, Settings("--Populus:Trajectories=100000").Trajectories);
        Assert.Equal(Hosting.PopulusSettings.DefaultTrajectories, Settings().Trajectories);
    }

    [Fact]
    public async Task Probabilities_SayWhichIndicatorsTheDrawsMove_TheSexRatioAtBirthFollowsTheScenarioInEveryTrajectory()
    {
        using var analyst = await TestApp.For("duckdb").SignedIn("analyst");
        var city = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/probabilities");
        var targets = city.GetProperty("targets").EnumerateArray().ToList();
        bool Varies(string id) => targets.First(t => t.GetProperty("indicatorId").GetString() == id).GetProperty("varies").GetBoolean();
        Assert.True(Varies("resident_population"));
        Assert.True(Varies("total_fertility_rate"));
        Assert.False(Varies("sex_ratio_at_birth"));
        // Each target names its indicator, one of the plan's text outside the 20 main indicators as well.
        var labour = targets.First(t => t.GetProperty("indicatorId").GetString() == "labour_force_15_59");
        Assert.Equal("劳动力人口总量", labour.GetProperty("nameZh").GetString());
        var warnings = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/evaluations");
        Assert.Equal("常住人口", warnings.EnumerateArray().First(t => t.GetProperty("indicatorId").GetString() == "resident_population").GetProperty("nameZh").GetString());
        Assert.All(warnings.EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("nameEn").GetString())));
        // A probability the draws do not move is the deterministic answer.
        Assert.All(targets.Where(t => !t.GetProperty("varies").GetBoolean()), t => Assert.Contains(t.GetProperty("probability").GetDouble(), new[] { 0.0, 1.0 }));
    }

    [Fact]
    public async Task Probabilities_AreSharesWithFans_AndScopedToTheViewersCounty()
    {
        var app = TestApp.For("duckdb");
        using var viewer = await app.SignedIn("viewer-lucheng");
        var own = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/probabilities");
        Assert.Equal("鹿城区", own.GetProperty("region").GetString());
        Assert.NotEmpty(own.GetProperty("targets").EnumerateArray());
        Assert.All(own.GetProperty("targets").EnumerateArray(), t => Assert.InRange(t.GetProperty("probability").GetDouble(), 0, 1));
        var fan = own.GetProperty("fans").EnumerateArray().First(f => f.GetProperty("indicatorId").GetString() == "resident_population");
        var bands = fan.GetProperty("bands");
        Assert.True(bands.GetProperty("q025")[5].GetDouble() <= bands.GetProperty("q50")[5].GetDouble());
        Assert.True(bands.GetProperty("q50")[5].GetDouble() <= bands.GetProperty("q975")[5].GetDouble());
        var pyramid = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/probabilities/pyramid?year=2030");
        Assert.True(pyramid.GetProperty("female").GetProperty("q50")[5].GetDouble() > 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/probabilities?region=330303")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/probabilities/pyramid?region=330303")).StatusCode);
    }

    [Fact]
    public async Task ServiceDemandFans_AreTheProjectionWithTheTrajectoriesBands_ScopedToTheViewersCounty()
    {
        var app = TestApp.For("duckdb");
        using var analyst = await app.SignedIn("analyst");
        var city = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/services/demand/fan");
        Assert.Equal("温州市", city.GetProperty("region").GetString());
        var years = city.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(2021, 15), years);
        var table = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/services/demand?year=2030");
        var services = city.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(table.EnumerateArray().Select(r => r.GetProperty("service").GetString()).Distinct(), services.Select(s => s.GetProperty("service").GetString()));
        foreach (var service in services)
        {
            var id = service.GetProperty("service").GetString();
            double[] Band(string q) => [.. service.GetProperty("bands").GetProperty(q).EnumerateArray().Select(v => v.GetDouble())];
            var (q025, q10, q50, q90, q975) = (Band("q025"), Band("q10"), Band("q50"), Band("q90"), Band("q975"));
            var central = service.GetProperty("central").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(years.Count, central.Length);
            // The projection's 2030 demand is the table's.
            var row = table.EnumerateArray().Single(r => r.GetProperty("region").GetString() == "温州市" && r.GetProperty("service").GetString() == id);
            Assert.Equal(row.GetProperty("demand").GetDouble(), central[years.IndexOf(2030)], 1e-6);
            for (var y = 0; y < years.Count; y++)
            {
                Assert.True(q025[y] <= q10[y] && q10[y] <= q50[y] && q50[y] <= q90[y] && q90[y] <= q975[y], $"{id} {years[y]}: bands out of order");
                // The years up to the last observed (2024) are every trajectory's: no band; after them the draws spread.
                if (years[y] <= 2024)
                {
                    Assert.Equal(q025[y], q975[y], q975[y] * 1e-6);
                }
            }

            Assert.True(q975[^1] > q025[^1], $"{id}: no spread in 2035");
            // The median stays near the projection (the processes move around its central path).
            Assert.InRange(q50[^1], 0.9 * central[^1], 1.1 * central[^1]);
        }

        // Kindergarten pupils of 2035 (aged 3-5) are born after the last observed year, so the TFR's draws spread them;
        // junior-secondary pupils (12-14) were born by 2023, and only migration and mortality move them.
        double Width(string id) => services.Single(s => s.GetProperty("service").GetString() == id).GetProperty("bands") is var b
            ? (b.GetProperty("q90")[14].GetDouble() - b.GetProperty("q10")[14].GetDouble()) / b.GetProperty("q50")[14].GetDouble() : 0;
        Assert.True(Width("kindergarten_enrolment") > Width("junior_enrolment"));

        // As CSV: one row a service and year, the same figures.
        var csv = (await analyst.GetStringAsync("/api/v1/services/demand/fan?format=csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region,scenario,trajectories,seed,service,nameZh,nameEn,year,unit,unitZh,projected,median,lower80,upper80,lower95,upper95", csv[0]);
        Assert.Equal(services.Count * years.Count, csv.Length - 1);
        var kindergarten = csv.Single(l => l.Contains(",kindergarten_enrolment,", StringComparison.Ordinal) && l.Contains(",2035,", StringComparison.Ordinal)).Split(',');
        var fan = services.Single(s => s.GetProperty("service").GetString() == "kindergarten_enrolment").GetProperty("bands");
        Assert.Equal(fan.GetProperty("q50")[14].GetDouble(), double.Parse(kindergarten[11], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fan.GetProperty("q975")[14].GetDouble(), double.Parse(kindergarten[15], System.Globalization.CultureInfo.InvariantCulture));

        using var viewer = await app.SignedIn("viewer-lucheng");
        Assert.Equal("鹿城区", (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/services/demand/fan")).GetProperty("region").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/services/demand/fan?region=330303")).StatusCode);
        var streets = await analyst.GetAsync("/api/v1/services/demand/fan?region=" + Uri.EscapeDataString("市域主中心"));
        Assert.Equal(HttpStatusCode.NotFound, streets.StatusCode);
        Assert.Contains("公共服务需求", (await streets.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detailZh").GetString(), StringComparison.Ordinal);
    }
}
