using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Populus.Web.Tests;

/// <summary>Every role's access, on both engines: who may call what, and that a county viewer sees only its county.</summary>
public sealed class AccessRulesTests
{
    /// <summary>Endpoint → the roles that may call it (everyone else gets 403; without sign-in 401).</summary>
    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        var rules = new Dictionary<string, string[]>
        {
            ["/api/v1/regions"] = ["admin", "analyst", "viewer-lucheng"],
            ["/api/v1/groups"] = ["admin", "analyst", "viewer-lucheng"],
            ["/api/v1/population"] = ["admin", "analyst", "viewer-lucheng"],
            ["/api/v1/population/comparison"] = ["admin", "analyst", "viewer-lucheng"],
            ["/api/v1/indicators"] = ["admin", "analyst", "viewer-lucheng"],
            ["/api/v1/indicators/figures"] = ["admin", "analyst", "viewer-lucheng"],
            ["/api/v1/imports"] = ["admin", "provider"],
            ["/api/v1/imports/kinds"] = ["admin", "provider"],
            ["/api/v1/audit"] = ["auditor"],
            ["/api/v1/accounts"] = ["admin"],
        };
        foreach (var engine in TestApp.Engines)
        {
            foreach (var (url, allowed) in rules)
            {
                data.Add(engine, url + "|" + string.Join(',', allowed));
            }
        }

        return data;
    }

    private static readonly string[] Users = ["admin", "analyst", "viewer-lucheng", "provider", "auditor"];

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_AnswersOnlyTheRolesAllowed(string engine, string rule)
    {
        var app = TestApp.For(engine);
        var url = rule.Split('|')[0];
        var allowed = rule.Split('|')[1].Split(',');
        using (var anonymous = app.Client())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        }

        foreach (var user in Users)
        {
            using var client = await app.SignedIn(user);
            var status = (await client.GetAsync(url)).StatusCode;
            Assert.True(allowed.Contains(user) ? status == HttpStatusCode.OK : status == HttpStatusCode.Forbidden, $"{user} {url}: {status}");
        }
    }

    /// <summary>Every way a county viewer could name another county's data, and what it must get.</summary>
    public static TheoryData<string, string> OtherCountyUrls()
    {
        string[] urls =
        [
            $"/api/v1/population?region={TestApp.Longwan}",
            $"/api/v1/population?region={TestApp.Lucheng},{TestApp.Longwan}",
            $"/api/v1/population?region=龙湾区",
            "/api/v1/population?region=中心城区",
            "/api/v1/population?region=330300",
            $"/api/v1/population/dates?region={TestApp.Longwan}",
            $"/api/v1/population/pyramid?region={TestApp.Longwan}",
            $"/api/v1/indicators/figures?region={TestApp.Longwan}",
            $"/api/v1/indicators/overview?region={TestApp.Longwan}",
            "/api/v1/indicators/overview?region=温州市",
            $"/api/v1/indicators/graduate_retention_rate/series?region={TestApp.Longwan}",
            $"/api/v1/evaluations?region={TestApp.Longwan}",
            "/api/v1/evaluations?region=330300",
        ];
        var data = new TheoryData<string, string>();
        foreach (var engine in TestApp.Engines)
        {
            foreach (var url in urls)
            {
                data.Add(engine, url);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherCountyUrls))]
    public async Task CountyViewer_IsRefusedAnotherCountyByName(string engine, string url)
    {
        using var client = await TestApp.For(engine).SignedIn("viewer-lucheng");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("36.2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task CountyViewer_UnfilteredReadsReturnOnlyItsCounty(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("viewer-lucheng");
        bool Own(string code) => code.StartsWith(TestApp.Lucheng, StringComparison.Ordinal);

        var population = await client.GetFromJsonAsync<JsonElement>("/api/v1/population");
        Assert.NotEmpty(population.EnumerateArray());
        Assert.All(population.EnumerateArray(), r => Assert.True(Own(r.GetProperty("regionCode").GetString()!)));

        var regions = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions");
        Assert.Contains(regions.EnumerateArray(), r => r.GetProperty("code").GetString() == TestApp.Lucheng);
        Assert.All(regions.EnumerateArray(), r => Assert.True(Own(r.GetProperty("code").GetString()!)));

        var figures = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/figures");
        Assert.All(figures.EnumerateArray(), f => Assert.True(Own(f.GetProperty("regionCode").GetString()!)));
        Assert.Contains(figures.EnumerateArray(), f => f.GetProperty("value").GetDouble() == 41.5);
        Assert.DoesNotContain(figures.EnumerateArray(), f => f.GetProperty("value").GetDouble() == 36.2);

        var groups = await client.GetFromJsonAsync<JsonElement>("/api/v1/groups");
        Assert.Empty(groups.EnumerateArray());

        var comparison = await client.GetFromJsonAsync<JsonElement>("/api/v1/population/comparison");
        Assert.All(comparison.GetProperty("entries").EnumerateArray(), e => Assert.True(Own(e.GetProperty("region").GetString()!)));
        Assert.Empty(comparison.GetProperty("publishedDates").EnumerateArray()); // no group in a county's scope

        var csv = await client.GetStringAsync("/api/v1/population?format=csv");
        Assert.DoesNotContain(TestApp.Longwan, csv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task CityAnalyst_SeesBothCounties(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var population = await client.GetFromJsonAsync<JsonElement>("/api/v1/population?year=2015&sex=male&age=0-14,60%2B");
        var regions = population.EnumerateArray().Select(r => r.GetProperty("regionCode").GetString()).Distinct().ToList();
        Assert.Contains(TestApp.Lucheng, regions);
        Assert.Contains(TestApp.Longwan, regions);
        // Bands 0-14 and 60+: three five-year groups below 15 and the groups from 60 (60-64 … 85+) for each county.
        Assert.Equal(2 * (3 + 6), population.GetArrayLength());
        Assert.All(population.EnumerateArray(), r => Assert.Equal("male", r.GetProperty("sex").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Provider_ImportsOnlyItsKinds(string engine)
    {
        var app = TestApp.For(engine);
        using var client = await app.SignedIn("provider");
        var kinds = await client.GetFromJsonAsync<JsonElement>("/api/v1/imports/kinds");
        Assert.Equal(["indicators"], kinds.EnumerateArray().Select(k => k.GetProperty("name").GetString()));

        var census = await client.PostAsync("/api/v1/imports/census", Upload("census.csv", "reference_date,region,sex,age,persons,figure_kind,source_id\n2020-11-01,330302,total,total,5,observed,T\n"));
        Assert.Equal(HttpStatusCode.Forbidden, census.StatusCode);

        var batch = "provider-" + Guid.NewGuid().ToString("N")[..8] + ".csv";
        var ok = await client.PostAsync("/api/v1/imports/indicators",
            Upload(batch, "year,region,indicator,value,unit,department,figure_kind,source_id\n2022,330304,graduate_retention_rate,30.1,%,瓯海区教育局,observed,TEST\n"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var attempt = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(attempt.GetProperty("accepted").GetBoolean());
        Assert.Equal(1, attempt.GetProperty("rows").GetInt32());

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/imports");
        Assert.All(mine.EnumerateArray(), a => Assert.Equal("provider", a.GetProperty("account").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/population")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Import_RefusedFile_ReportsEveryProblemAndStoresNothing(string engine)
    {
        var app = TestApp.For(engine);
        using var client = await app.SignedIn("admin");
        var response = await client.PostAsync("/api/v1/imports/census", Upload("bad census.csv",
            "reference_date,region,sex,age,persons,figure_kind,source_id\n" +
            "2020-11-01,999999,total,total,5,observed,T\n" +
            "2020-11-01,330302,male,3-7,5,observed,T\n" +
            "2020-11-01,330305,female,0-4,-1,observed,T\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("accepted").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], problems.Select(p => p.GetProperty("row").GetInt32()).Distinct().Order());
        Assert.All(problems, p => Assert.Equal("bad census.csv", p.GetProperty("file").GetString()));
        Assert.Contains(problems, p => p.GetProperty("column").GetString() == "region" && p.GetProperty("value").GetString() == "999999");
        Assert.DoesNotContain(app.Store.Batches(), b => b.File.Contains("upload", StringComparison.Ordinal) && b.Batch == "bad census.csv");
        Assert.DoesNotContain(app.Store.Population("330305", 2020), f => f.Batch == "bad census.csv");
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Import_GbkFileFromExcel_StoresItsChinese_AndAFileOfNeitherEncodingIsRefused(string engine)
    {
        // Excel on a Chinese Windows saves "CSV (逗号分隔)" as GBK: the department's name arrives as written.
        var gb18030 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var app = TestApp.For(engine);
        using var client = await app.SignedIn("admin");
        const string Header = "year,region,indicator,value,unit,department,figure_kind,source_id\n";
        var ok = await client.PostAsync("/api/v1/imports/indicators", Upload($"gbk-{Guid.NewGuid():N}.csv",
            gb18030.GetBytes(Header + "2019,330328,graduate_retention_rate,21.5,%,文成县教育局,observed,TEST\n")));
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        Assert.Equal("文成县教育局", Assert.Single(app.Store.Indicators("graduate_retention_rate", "330328"), f => f.Year == 2019).Department);

        var name = $"broken-{Guid.NewGuid():N}.csv";
        var refused = await client.PostAsync("/api/v1/imports/indicators", Upload(name,
            [.. System.Text.Encoding.ASCII.GetBytes(Header + "2018,330328,graduate_retention_rate,20,%,"), 0xFF, .. System.Text.Encoding.ASCII.GetBytes(",observed,TEST\n")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal((name, 2), (problem.GetProperty("file").GetString(), problem.GetProperty("row").GetInt32()));
        Assert.Contains("CSV UTF-8", problem.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Store.Indicators("graduate_retention_rate", "330328"), f => f.Year == 2018);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Import_PersonsWithAShiftedColumn_NeverEchoTheNumber_NorStoreIt(string engine)
    {
        var app = TestApp.For(engine);
        using var client = await app.SignedIn("admin");
        var number = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1991, 2, 3), 457).Disclose();
        var masked = Populus.Storage.Registry.NationalIdNumber.Mask(number);
        var response = await client.PostAsync("/api/v1/imports/persons", Upload($"shifted-{Guid.NewGuid():N}.csv",
            "national_id,sex,birth_date,hukou_region,residence_region,urban_rural,education,permit_status\n" +
            $"{number},{number},1991-02-03,330302,330302,urban,bachelor,not_required\n"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal((2, "sex", masked), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString()));
        Assert.DoesNotContain(number, text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, await client.GetStringAsync("/api/v1/imports"), StringComparison.Ordinal);
        var stored = app.Store.Accounts.ImportAttempts().SelectMany(a => a.Problems).ToList();
        Assert.Contains(stored, p => p.Value == masked);
        Assert.DoesNotContain(stored, p => $"{p} {p.ReasonZh}".Contains(number[6..], StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task PersonsUpload_OnPostgresWithoutARegistryKey_SaysHowToConfigureIt_InBothLanguages()
    {
        using var app = TestApp.Start("postgres", loginLimit: 10_000, kestrel: false, registryKey: false);
        using var client = await app.SignedIn("admin");
        var response = await client.PostAsync("/api/v1/imports/persons", Upload("persons.csv", File.ReadAllText(TestApp.RepoFile("data/examples/persons.csv"))));

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("POPULUS_KEY_FILE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("POPULUS_KEY_FILE", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        Assert.Contains("未导入任何数据", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
    }

    internal static MultipartFormDataContent Upload(string name, string csv) => Upload(name, System.Text.Encoding.UTF8.GetBytes(csv));

    internal static MultipartFormDataContent Upload(string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }
}
