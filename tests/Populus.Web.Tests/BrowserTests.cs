using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Populus.Storage.Accounts;

namespace Populus.Web.Tests;

/// <summary>One real Kestrel port on 127.0.0.1 and Debian's Chromium (no browser download), shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        App = TestApp.Start("duckdb", loginLimit: 10_000, kestrel: true);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        App.Dispose();
    }
}

/// <summary>
/// The cockpit in a browser: sign in, charts drawn with data and no console errors, the scenario sliders, and a
/// county viewer kept to its county in the UI and the API. Screenshots go to POPULUS_SCREENSHOTS (docs/screenshots
/// when refreshing the docs) or the temp folder.
/// </summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Words of an English sentence, which the Chinese pages should not show (names, codes and numbers may be Latin).</summary>
    private const string EnglishWords = @"\b(of|in|the|no|not|needs?|has|is|are|by|either)\b";

    private static readonly string Shots = Environment.GetEnvironmentVariable("POPULUS_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "populus-screenshots");

    private async Task<(IPage Page, List<string> Errors)> SignIn(string user, int width = 1440, int height = 900, TestApp? app = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        // A request the page gives up itself (a slider move superseded by the next) is no error.
        page.RequestFailed += (_, r) => { if (r.Failure != "net::ERR_ABORTED") errors.Add("request failed: " + r.Url + " " + r.Failure); };
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"HTTP {r.Status} {r.Request.Method} {r.Url}"); };
        await page.GotoAsync((app ?? fixture.App).Address.ToString());
        Assert.Equal("人口发展监测驾驶舱", await page.InnerTextAsync("#brand")); // no region before the account is known
        await page.FillAsync("#login-user", user);
        await page.FillAsync("#login-password", TestApp.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        try
        {
            await Ready(page);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nbrowser errors: {string.Join(" | ", errors)}\nlogin message: {await page.Locator("#login-error").InnerTextAsync()}", ex);
        }

        return (page, errors);
    }

    private static async Task Ready(IPage page) =>
        await page.WaitForSelectorAsync("#page[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });

    private static async Task Open(IPage page, string hash)
    {
        await page.EvaluateAsync("h => { document.getElementById('page').dataset.ready = 'false'; location.hash = h; }", hash);
        await Ready(page);
    }

    private static Task<int> SeriesPoints(IPage page, string chart) => page.EvaluateAsync<int>(
        "id => { const c = window.PopulusCharts[id]; if (!c) return -1; return c.getOption().series.reduce((n, s) => n + s.data.filter(d => d != null).length, 0); }", chart);

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = false });
    }

    [Fact]
    public async Task ServicesPages_ShowPoliciesAllocationRetentionAndAVerifiedPermit()
    {
        var app = fixture.App;
        if (!app.Store.Services.TalentIntake().Any())
        {
            app.Store.Import("talent-intake", TestApp.RepoFile("data/examples/talent-intake.csv"));
            app.Store.Import("graduates", TestApp.RepoFile("data/examples/graduates.csv"));
        }

        using var desk = await app.SignedIn("admin");
        var round = "2025-school";
        if (app.Store.Services.Applications(round).Count == 0)
        {
            var csv = await File.ReadAllTextAsync(TestApp.RepoFile("data/services/examples/applications.csv"));
            Assert.True((await desk.PostAsync($"/api/v1/services/rounds/{round}/applications", AccessRulesTests.Upload("applications.csv", csv))).IsSuccessStatusCode);
            Assert.True((await desk.PostAsync($"/api/v1/services/rounds/{round}/score?on=2025-06-01", null)).IsSuccessStatusCode);
            var objection = await (await desk.PostAsJsonAsync($"/api/v1/services/applications/S25-0003/objections", new { item = "social_insurance", reason = "缴费记录不全" }))
                .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.True((await desk.PostAsJsonAsync($"/api/v1/services/objections/{objection.GetProperty("objectionId").GetString()}/decision",
                new { application = "S25-0003", upheld = false, outcome = "社保记录已核实，维持原分" })).IsSuccessStatusCode);
            var quotas = new[] { new { quotaId = "Q-LC-01", purpose = "school", region = TestApp.Lucheng, places = 1 }, new { quotaId = "Q-LW-01", purpose = "school", region = TestApp.Longwan, places = 1 } };
            Assert.True((await desk.PostAsJsonAsync($"/api/v1/services/rounds/{round}/allocations", new { quotas, seed = "2025-public-draw", on = "2025-06-01", publish = true })).IsSuccessStatusCode);
        }

        var applied = await (await desk.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = TestApp.LuchengPerson.Disclose(), region = TestApp.Lucheng })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var permit = applied.GetProperty("permitId").GetString();
        Assert.True((await desk.PostAsJsonAsync($"/api/v1/services/permits/{permit}/issue", new { idNumber = TestApp.LuchengPerson.Disclose() })).IsSuccessStatusCode);
        var token = await desk.GetStringAsync($"/api/v1/services/permits/{permit}/token?purpose=browser+test");

        var (page, errors) = await SignIn("admin");
        await Open(page, "#policies");
        await page.SelectOptionAsync("#attr-education", "master");
        await page.FillAsync("#attr-graduation_year", "2023");
        await page.SelectOptionAsync("#attr-employment", "full_time");
        await page.SelectOptionAsync("#attr-employer_size", "small");
        // The form's values in Chinese, every option of every list (the codes stay the values sent).
        Assert.Equal("硕士研究生", await page.EvalOnSelectorAsync<string>("#attr-education", "s => s.selectedOptions[0].textContent"));
        var untranslated = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#policies-form option')].map(o => o.textContent).filter(x => /[a-z]/.test(x))");
        Assert.Empty(untranslated);
        await page.ClickAsync("#policies-form button[type=submit]");
        await page.WaitForSelectorAsync("#policies-result table");
        Assert.Contains("SETTLE-COLLEGE v1", await page.InnerTextAsync("#policies-result"), StringComparison.Ordinal);
        // Why each rule applies, in Chinese from the server's checks (the rule book's English words on hover).
        Assert.Contains("学历为硕士研究生，符合“学历不低于大专”", await page.InnerTextAsync("#policies-result"), StringComparison.Ordinal);
        Assert.Contains("需补充：", await page.InnerTextAsync("#policies-result"), StringComparison.Ordinal);
        var englishWhy = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#policies-result .why')].map(e => e.textContent).filter(x => /[a-z]/.test(x))");
        Assert.Empty(englishWhy);
        Assert.Contains("education master meets education>=junior_college", await page.GetAttributeAsync("#policies-result .why", "title"), StringComparison.Ordinal);
        await Shot(page, "policies");

        // The same parts in English when the reader switches.
        await page.ClickAsync("#lang");
        await Ready(page);
        Assert.Equal("Wenzhou population plan cockpit", await page.InnerTextAsync("#brand"));
        await page.SelectOptionAsync("#attr-education", "master");
        await page.ClickAsync("#policies-form button[type=submit]");
        await page.WaitForSelectorAsync("#policies-result table");
        Assert.Contains("Education master: meets \"Education at least junior college\"", await page.InnerTextAsync("#policies-result"), StringComparison.Ordinal);
        await page.ClickAsync("#lang");
        await Ready(page);

        await Open(page, "#points");
        Assert.Equal(4, await SeriesPoints(page, "chart-allocation"));
        Assert.Contains("2025-public-draw", await page.InnerTextAsync("#points-body"), StringComparison.Ordinal);
        Assert.Contains("已公布", await page.InnerTextAsync("#points-body"), StringComparison.Ordinal); // the run's state and tie-breakers in Chinese
        Assert.Contains("居住时间、社保缴纳月数、公开抽签", await page.InnerTextAsync("#points-body"), StringComparison.Ordinal);
        // An application's itemised score with the server's Chinese notes, and its objection with the outcome: S25-0003
        // paid insurance from 2022-09 (data/services/examples/applications.csv), fewer months than the table's minimum.
        await page.SelectOptionAsync("#points-application", "S25-0003");
        await page.WaitForFunctionAsync("() => document.querySelector('#points-score')?.textContent.includes('S25-0003')");
        var insurance = Populus.Services.Points.PointsRuleTable.Example().Items.Single(i => i.Id == "social_insurance");
        var items = await page.Locator("#points-score table").First.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Equal(Populus.Services.Points.PointsRuleTable.Example().Items.Count, items.Count);
        var insuranceRow = Assert.Single(items, r => r.StartsWith(insurance.NameZh, StringComparison.Ordinal));
        Assert.Contains($"低于最低要求 {insurance.Minimum}，不计分", insuranceRow, StringComparison.Ordinal);
        Assert.Contains(items, r => r.StartsWith("学历", StringComparison.Ordinal) && r.Contains("硕士研究生", StringComparison.Ordinal));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#points-score .why')].map(e => e.textContent).filter(x => /[a-z]/.test(x))"));
        Assert.Contains("异议不成立", await page.InnerTextAsync("#points-score"), StringComparison.Ordinal);
        Assert.Contains("社保记录已核实，维持原分", await page.InnerTextAsync("#points-score"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#points-demand table");
        Assert.True(await page.Locator("#points-demand tr").CountAsync() > 2, "the demand table has rows for the projected years");
        await Shot(page, "points");

        await Open(page, "#talent");
        Assert.True(await SeriesPoints(page, "chart-cohorts") > 0);
        // A cohort with no one whose stay is known yet: no rate (—) in the rate's column, not an empty cell.
        Assert.Contains("—", await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#talent-cohorts td.num')].map(e => e.textContent)"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#talent-cohorts td')].map(e => e.textContent).filter(x => x === '')"));
        // The records' batches named in Chinese.
        Assert.Matches(@"批次 \S+（EXAMPLE）", await page.InnerTextAsync("#talent-retention"));
        Assert.DoesNotContain("batch", await page.InnerTextAsync("#talent-retention"), StringComparison.Ordinal);
        // Each year and each cohort with its status as the records have it (figure_kind of the example files: all estimated) and its source.
        Assert.All(new[] { "data/examples/graduates.csv", "data/examples/talent-intake.csv" }, f =>
            Assert.All(File.ReadLines(TestApp.RepoFile(f)).Skip(1), line => Assert.Contains(",estimated,EXAMPLE,", line, StringComparison.Ordinal)));
        foreach (var rows in new[] { "#talent-retention tbody tr", "#talent-cohorts tbody tr" })
        {
            var last = await page.Locator(rows + " td:last-child").AllInnerTextsAsync();
            Assert.NotEmpty(last);
            Assert.All(last, c => Assert.Matches(@"^估计\s*批次 \S+（EXAMPLE）", c));
        }

        await Shot(page, "talent");

        await Open(page, "#permit");
        await page.FillAsync("#permit-token", token);
        await page.FillAsync("#permit-holder", TestApp.LuchengPerson.Disclose());
        await page.ClickAsync("#permit-form button[type=submit]");
        await page.WaitForSelectorAsync("#permit-result table");
        var result = await page.InnerTextAsync("#permit-result");
        Assert.Contains("有效", result, StringComparison.Ordinal);
        Assert.Contains(permit!, result, StringComparison.Ordinal);
        // Why, in Chinese from the verification's parts; the server's English words on hover.
        Assert.Matches(@"^有效期至 \d{4}-\d{2}-\d{2}，由温州市（330300）签发，未被吊销（吊销名单第 \d+ 号）$", await page.InnerTextAsync("#permit-why"));
        Assert.StartsWith("valid until", await page.GetAttributeAsync("#permit-why", "title"), StringComparison.Ordinal);
        await page.FillAsync("#permit-holder", "");
        await Shot(page, "permit");

        // A permit altered after signing: one character of its claims changed.
        var at = token.IndexOf('.', StringComparison.Ordinal) + 12;
        await page.FillAsync("#permit-token", token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..]);
        await page.ClickAsync("#permit-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#permit-result .status.off_track')");
        Assert.Equal("签名无效", await page.InnerTextAsync("#permit-result .status"));
        Assert.StartsWith("签名无法验证", await page.InnerTextAsync("#permit-why"), StringComparison.Ordinal);

        // The accounts page in Chinese: its columns, the roles in the table and the new account's choices.
        await Open(page, "#accounts");
        Assert.DoesNotMatch("[a-z]", await page.Locator("#page table thead").InnerTextAsync());
        Assert.Contains("系统管理员", await page.Locator("#page table tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#acc-role option')].map(o => o.textContent).filter(x => /[a-z]/.test(x))"));
        await Shot(page, "accounts");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Analyst_SeesChartsDrawnWithDataAndNoConsoleErrors()
    {
        var (page, errors) = await SignIn("analyst");
        // The cockpit is titled by the plan's region, as the server names it.
        Assert.Equal("温州市人口发展监测驾驶舱", await page.InnerTextAsync("#brand"));
        Assert.Equal("温州市人口发展监测驾驶舱 · Populus", await page.TitleAsync());
        Assert.Equal("overview", await page.GetAttributeAsync("#page", "data-page"));
        Assert.True(await SeriesPoints(page, "chart-overview") > 0);
        Assert.Equal(20, await page.Locator(".ind").CountAsync());
        // The early warnings show the probability each target is met beside its status.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#page .prob').length > 0 && !document.querySelector('#page .prob.pending')",
            null, new() { Timeout = 120_000 });
        Assert.Contains(await page.Locator("#page .prob").AllInnerTextsAsync(), p => p.EndsWith('%'));
        Assert.Equal("* 该指标不随模拟变化，概率为确定性判断。", await page.InnerTextAsync("#page .prob-fixed-note")); // the SRB's and retention's marks explained
        // Why a figure is missing or a target cannot be judged, in Chinese: no English sentence on the page.
        Assert.All(await page.Locator("#page .nodata, #page .explain").AllInnerTextsAsync(), r => Assert.DoesNotMatch(EnglishWords, r));
        // Every warning names its indicator, a target of the plan's text outside the 20 main ones included (not by its id).
        var warned = await page.Locator("#page tbody td:first-child").AllInnerTextsAsync();
        Assert.Contains("劳动力人口总量", warned);
        Assert.All(warned, n => Assert.DoesNotMatch("^[a-z0-9_]+$", n));
        // A change needed a year says the value and year it is counted from (TFR's is the plan's 2020 base, years before the
        // projection's), and whether that value is an estimate: 2024's residents are the bureau's derived 985.2万 (S17).
        var needed = (await page.Locator("#page .explain").AllInnerTextsAsync()).Where(x => x.Contains("需年均变动", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(needed);
        Assert.All(needed, x => Assert.Matches(@"需年均变动 [+-]?[0-9.,]+（自\d{4}年的(估计值)?[0-9.,]+起）", x));
        Assert.Contains(needed, x => x.Contains("（自2024年的估计值985.2起）", StringComparison.Ordinal));
        Assert.Contains(needed, x => x.Contains("（自2020年的1.3起）", StringComparison.Ordinal));
        // No vintage of the annual estimates is stored: the page says what the years between censuses rest on.
        Assert.StartsWith("尚无年度人口估计", await page.InnerTextAsync("#overview-vintage"), StringComparison.Ordinal);
        await Shot(page, "overview");
        // The server's notes on a source in Chinese: 中心城区's primacy is the sum of its members' figures.
        var primacy = await page.InnerTextAsync("[data-indicator=central_city_primacy] .source");
        Assert.Contains("中心城区各成员数值之和", primacy, StringComparison.Ordinal);
        Assert.DoesNotContain("sum of the members", primacy, StringComparison.Ordinal);
        Assert.StartsWith("规划表 6 2020 年基数", await page.InnerTextAsync("[data-indicator=total_fertility_rate] .source"), StringComparison.Ordinal);

        await Open(page, "#pyramid");
        // The city whose counties the store holds, then those counties: not the province's other cities, held for comparison.
        var places = await page.Locator("#pyramid-region option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        Assert.Equal("330300", places[0]);
        Assert.Contains(TestApp.Longwan, places);
        Assert.All(places.Skip(1), p => Assert.StartsWith("3303", p, StringComparison.Ordinal));
        // The city opens on its latest date with a pyramid (not on 2010, whose census the store holds as totals only).
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#pyramid-date option').length > 0");
        var dates = await page.Locator("#pyramid-date option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        Assert.Equal(dates[^1], await page.InputValueAsync("#pyramid-date"));
        Assert.False(await page.Locator("#chart-pyramid").IsHiddenAsync());
        await page.SelectOptionAsync("#pyramid-region", TestApp.Longwan);
        await page.SelectOptionAsync("#pyramid-date", TestApp.TestDay);
        await page.WaitForFunctionAsync("() => window.PopulusCharts['chart-pyramid'] && window.PopulusCharts['chart-pyramid'].getOption().series[0].data.length === 18");
        Assert.Equal(36, await SeriesPoints(page, "chart-pyramid"));
        await page.Locator("#pyramid-year").FillAsync("2030");
        await page.WaitForFunctionAsync("() => document.querySelector('#pyramid-info').textContent.includes('2030')");
        Assert.True(await SeriesPoints(page, "chart-pyramid") > 0);
        // Projected, said once, from the scenario named as the interface names it.
        var projected = await page.Locator("#pyramid-info").InnerTextAsync();
        Assert.Contains("基准情景", projected, StringComparison.Ordinal);
        Assert.DoesNotContain("预测 预测", projected, StringComparison.Ordinal);
        await Shot(page, "pyramid");
        // Another region shows its stored pyramid: the projected year's label goes with the projection.
        await page.SelectOptionAsync("#pyramid-region", TestApp.Lucheng);
        await page.WaitForFunctionAsync("() => !document.getElementById('pyramid-projection').textContent.includes('2030')");

        await Open(page, "#trends");
        Assert.True(await SeriesPoints(page, "chart-trend") > 0);
        await page.WaitForFunctionAsync("() => { const e = document.getElementById('chart-fan'); const c = e && echarts.getInstanceByDom(e); return c && c.getOption().series.length >= 5; }",
            null, new() { Timeout = 120_000 });
        // Units in Chinese: the catalogue's unit_zh on both charts' value axes.
        Assert.Equal("万人", await page.EvaluateAsync<string>("() => window.PopulusCharts['chart-trend'].getOption().yAxis[0].name"));
        Assert.Equal("万人", await page.EvaluateAsync<string>("() => echarts.getInstanceByDom(document.getElementById('chart-fan')).getOption().yAxis[0].name"));
        await Shot(page, "trends");
        // An indicator without a fan (reported by a department) says why.
        await page.SelectOptionAsync("#trend-indicator", "birth_defect_incidence");
        await page.WaitForFunctionAsync("() => document.getElementById('chart-fan').hidden && document.getElementById('chart-fan').nextElementSibling.textContent.includes('没有概率扇形图')",
            null, new() { Timeout = 120_000 });

        await Open(page, "#probability");
        await page.WaitForSelectorAsync("#prob-table table", new() { Timeout = 120_000 });
        Assert.Contains("常住人口", await page.InnerTextAsync("#prob-table"), StringComparison.Ordinal);
        Assert.DoesNotContain("resident_population", await page.InnerTextAsync("#prob-table"), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => { const c = window.PopulusCharts['chart-prob-pyramid']; return c && c.getOption().series.length > 0; }");
        Assert.Contains("条轨迹", await page.InnerTextAsync("#page"), StringComparison.Ordinal);
        Assert.Contains("情景 基准情景", await page.InnerTextAsync("#page"), StringComparison.Ordinal); // the scenario by its Chinese name
        await Shot(page, "probability");

        await Open(page, "#compare");
        Assert.True(await SeriesPoints(page, "chart-compare") >= 2);
        // The page opens on the latest date the most counties have a figure: 2021's published year ends (all twelve).
        Assert.Equal("2021-12-31", await page.InputValueAsync("#compare-date"));
        Assert.Contains("2020-11-01", await page.Locator("#compare-date option").AllInnerTextsAsync());
        await page.SelectOptionAsync("#compare-date", "2020-11-01");
        await page.WaitForFunctionAsync("() => document.querySelector('#page h2')?.textContent.endsWith('2020-11-01') && document.querySelector('#chart-compare canvas') != null");
        var compared = await page.InnerTextAsync("#page");
        Assert.Contains("实测 (", compared, StringComparison.Ordinal); // the sources' kinds in Chinese
        Assert.DoesNotContain("observed (", compared, StringComparison.Ordinal);
        Assert.Contains("无数据：数据库中没有该日期的人口数", compared, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnglishWords, compared);
        // The plan's published figures of the groupings by their Chinese names and units, not ids and English units.
        Assert.Contains("人口密度", compared, StringComparison.Ordinal);
        Assert.DoesNotMatch("population|persons", compared);
        // Their shares of the city, charted under a title that says what the figure is.
        Assert.Equal("规划公布数：占全市人口比重（%）", await page.InnerTextAsync("#chart-compare-published >> xpath=preceding-sibling::h2"));
        // A partial sum names the members without a figure (市域副中心's 灵溪镇, data/wenzhou/townships_2023.csv), not their codes.
        Assert.Contains("灵溪镇", compared, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b\d{9}\b", compared);
        // The grouping (中心城区, the sum of four counties) is drawn in another colour than the counties beside it.
        var colours = await page.EvaluateAsync<string[]>("() => { const o = window.PopulusCharts['chart-compare'].getOption(); const x = o.xAxis[0].data;"
            + " return ['中心城区', '鹿城区'].map(n => { const d = o.series[0].data[x.indexOf(n)]; return (d && d.itemStyle && d.itemStyle.color) || o.series[0].itemStyle.color; }); }");
        Assert.NotEqual(colours[0], colours[1]);
        await Shot(page, "compare");

        await Open(page, "#services");
        Assert.True(await SeriesPoints(page, "chart-services") > 0);
        Assert.Contains("预测 (基准情景)", await page.InnerTextAsync("#services-all"), StringComparison.Ordinal);
        // Each service of the city in 2035 with its projection, median and bands; the fan follows the service chosen.
        var rows = await page.Locator("#services-table tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.StartsWith("幼儿园在园幼儿(3-5岁)", StringComparison.Ordinal) && r.Contains("3-5岁", StringComparison.Ordinal));
        Assert.Contains("1000 条轨迹", await page.InnerTextAsync("#services-note"), StringComparison.Ordinal);
        const string median2035 = "() => { const s = window.PopulusCharts['chart-services'].getOption().series; const m = s[s.length - 1].data; return m[m.length - 1][1]; }";
        var first = await page.EvaluateAsync<double>(median2035);
        // The download: every service and year of the region, with the bands.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#services-csv"));
        Assert.Equal("service-demand-温州市.csv", download.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("region,scenario,trajectories,seed,service,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (6 * 15), lines.Length);
        await page.SelectOptionAsync("#services-service", "elderly_care_beds");
        await page.WaitForFunctionAsync($"b => ({median2035})() !== b", first);
        // Another region: its own figures; a year chosen moves both tables.
        var cityTable = await page.InnerTextAsync("#services-table");
        await page.SelectOptionAsync("#services-region", TestApp.Lucheng);
        await page.WaitForFunctionAsync("t => document.querySelector('#services-table').innerText !== t", cityTable);
        await page.SelectOptionAsync("#services-year", "2030");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#services-all tbody tr')].every(r => r.innerText.includes('2030'))");
        await page.SelectOptionAsync("#services-region", "330300");
        await page.SelectOptionAsync("#services-service", "kindergarten_enrolment");
        await page.SelectOptionAsync("#services-year", "2035");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#services-all tbody tr')].every(r => r.innerText.includes('2035'))");
        await Shot(page, "services");

        await page.ClickAsync("#lang");
        await Ready(page);
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal("Services", await page.Locator("#nav a[data-page=services]").InnerTextAsync());
        // The services page in English: the services, their ages and their standards' sources by the file's English.
        await page.WaitForFunctionAsync("() => (document.querySelector('#services-table') || {}).innerText?.includes('Ages served')");
        var english = await page.InnerTextAsync("#services-table");
        Assert.Contains("Kindergarten enrolment (ages 3-5)", english, StringComparison.Ordinal);
        Assert.Contains("assumption: universal three-year pre-school enrolment", english, StringComparison.Ordinal);
        Assert.Contains("trajectories (seed 2024", await page.InnerTextAsync("#services-note"), StringComparison.Ordinal);
        await Open(page, "#trends");
        Assert.Equal("10k persons", await page.EvaluateAsync<string>("() => window.PopulusCharts['chart-trend'].getOption().yAxis[0].name"));
        await Open(page, "#overview");
        Assert.Contains("sum of the members of 中心城区", await page.InnerTextAsync("[data-indicator=central_city_primacy] .source"), StringComparison.Ordinal);
        await page.ClickAsync("#lang");
        Assert.Empty(errors);
    }

    /// <summary>Imports <paramref name="csv"/> as survey totals into the store of <paramref name="app"/>, as the file <paramref name="name"/>.</summary>
    private static void ImportSurvey(TestApp app, string name, string csv)
    {
        var folder = Directory.CreateTempSubdirectory("populus-survey-");
        try
        {
            var file = Path.Combine(folder.FullName, name);
            File.WriteAllText(file, csv);
            app.Store.Import("survey", file);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A later year's bulletin in the store (on its own server: the shared one keeps the embedded data's years):
    /// the scenario explorer says every scenario is calibrated to it, and a lever holds from the year after.</summary>
    [Fact]
    public async Task ScenarioExplorer_NamesThePublishedYearTheScenariosAreCalibratedTo()
    {
        using var app = TestApp.Start("duckdb", loginLimit: 10_000, kestrel: true, trajectories: 20);
        ImportSurvey(app, "bulletin-2025.csv", "year,region,survey,measure,sex,value,figure_kind,source_id\n2025,330300,annual_sample,population,total,9900000,observed,TEST25\n" +
            "2025,330300,annual_sample,births,total,51000,observed,TEST25\n");

        var (page, errors) = await SignIn("analyst", app: app);
        await Open(page, "#scenarios");
        await page.WaitForSelectorAsync(".scen-calibrated");
        Assert.Equal("2025年：各情景已按公布数校准（年末常住人口 990 万人，出生 5.1 万人；来源 TEST25）",
            await page.Locator(".scen-calibrated").InnerTextAsync());
        await page.Locator("#scen-tfr").FillAsync("1.8");
        await page.WaitForFunctionAsync("() => document.querySelector('#scenario-result').innerText.includes('2026年起')");
        Assert.Empty(errors);
    }

    /// <summary>An administrator withdraws a batch of figures found wrong on the imports page: without a reason it is
    /// refused in Chinese; with one, the batch is listed as withdrawn with who and why.</summary>
    [Fact]
    public async Task ImportsPage_AnAdministratorWithdrawsABatch_WithItsReason()
    {
        using var app = TestApp.Start("duckdb", loginLimit: 10_000, kestrel: true, trajectories: 20);
        ImportSurvey(app, "bulletin-2025.csv", "year,region,survey,measure,sex,value,figure_kind,source_id\n2025,330300,annual_sample,population,total,99000000,observed,TYPO\n");

        var (page, errors) = await SignIn("admin", app: app);
        await Open(page, "#imports");
        await page.WaitForSelectorAsync("#withdraw-batch option[value='bulletin-2025.csv']", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.Equal(0, await page.Locator("#withdraw-batch option[value='wenzhou-published']").CountAsync()); // the seeded data is not withdrawn
        await page.SelectOptionAsync("#withdraw-batch", "bulletin-2025.csv");
        await page.ClickAsync("#withdraw-go");
        await page.WaitForFunctionAsync("() => document.querySelector('#withdraw-outcome').innerText.length > 0");
        Assert.Contains("撤回须说明原因", await page.InnerTextAsync("#withdraw-outcome"), StringComparison.Ordinal);

        await page.FillAsync("#withdraw-reason", "年末常住人口误录为99000000，应为9900000");
        await page.ClickAsync("#withdraw-go");
        await page.WaitForFunctionAsync("() => document.querySelector('#withdraw-outcome').innerText.startsWith('已撤回批次')");
        Assert.Equal("已撤回批次 bulletin-2025.csv：删除 1 条数据", await page.InnerTextAsync("#withdraw-outcome"));
        await page.WaitForFunctionAsync("() => document.querySelector('#import-batches').innerText.includes('已撤回：')"); // the list read again
        Assert.Contains("admin，年末常住人口误录为99000000，应为9900000", await page.InnerTextAsync("#import-batches"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#withdraw-batch option[value='bulletin-2025.csv']").CountAsync());
        // The refusal without a reason, and nothing else.
        Assert.DoesNotContain(errors, e => !e.Contains("status of 400", StringComparison.Ordinal) && !e.StartsWith("HTTP 400 POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScenarioSlider_ChangesTheProjection()
    {
        var (page, errors) = await SignIn("analyst");
        await Open(page, "#scenarios");
        const string last = "() => { const d = window.PopulusCharts['chart-scenario'].getOption().series[0].data; return d[d.length - 1][1]; }";
        var before = await page.EvaluateAsync<double>(last);
        Assert.True(before > 0);
        // The measured residents under the projection: the bureau's figures to its last year, the scenario's line dashed.
        var measured = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "() => { const s = window.PopulusCharts['chart-scenario'].getOption().series; return { name: s[2].name, data: s[2].data, dashed: s[0].lineStyle.type }; }");
        Assert.Equal(("实测与估计", "dashed"), (measured.GetProperty("name").GetString(), measured.GetProperty("dashed").GetString()));
        var years = measured.GetProperty("data").EnumerateArray().Select(p => (Year: p[0].GetInt32(), Value: p[1].GetDouble())).ToList();
        Assert.Equal(2024, years[^1].Year);
        Assert.Contains((2021, 964.5), years);
        await page.Locator("#scen-tfr").FillAsync("1.8");
        await page.WaitForFunctionAsync($"b => ({last})() !== b", before);
        var after = await page.EvaluateAsync<double>(last);
        Assert.True(after > before, $"{after} after raising the TFR, {before} before");
        Assert.Contains("总和生育率=1.8", await page.Locator("#scenario-result").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".scen-calibrated").CountAsync()); // no year published after the scenario files
        Assert.Equal("各县（市、区）的预测已按其公布的年末常住人口校准：2021年（全部12个）、2022年（永嘉县）、2023年（10个）、2024年（洞头区、苍南县）；" +
            "有公布数的按其占全市的比重，其余按常住人口比例分担差额", await page.Locator(".scen-calibrated-regions").InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#scenario-targets .prob').length > 0 && !document.querySelector('#scenario-targets .prob.pending')");
        // With the probabilities, the population's 80% and 95% intervals in the years the trajectories hold (the targets' years).
        var ranges = await page.EvaluateAsync<string[]>("() => window.PopulusCharts['chart-scenario'].getOption().series.filter(s => s.type === 'custom').map(s => s.name + ':' + s.data.length)");
        Assert.Equal(2, ranges.Length);
        Assert.All(ranges, r => Assert.Matches("^(80|95)% 区间:[1-9]", r));
        await Shot(page, "scenarios");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task APageLeftBeforeItsAnswer_NeverDrawsIntoTheNextPage()
    {
        var (page, errors) = await SignIn("analyst");
        await Open(page, "#services");
        var held = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/v1/indicators/overview*", route => { held.TrySetResult(route); return Task.CompletedTask; });
        await page.EvaluateAsync("() => { location.hash = '#overview'; }");
        var overview = await held.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // The user moves on while the overview waits for its answer, which then arrives.
        await Open(page, "#compare");
        var answered = page.WaitForResponseAsync("**/api/v1/indicators/overview*");
        await overview.ContinueAsync();
        await answered;
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 300)))");
        Assert.Equal("compare", await page.GetAttributeAsync("#page", "data-page"));
        Assert.Equal(0, await page.Locator("#page .cards .ind").CountAsync());
        Assert.Equal(1, await page.Locator("#page #chart-compare").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ScenarioPicker_ShowsEachScenariosOwnPaths_UntilASliderIsMoved()
    {
        var (page, errors) = await SignIn("analyst");
        await Open(page, "#scenarios");
        const string last = "() => { const d = window.PopulusCharts['chart-scenario'].getOption().series[0].data; return d[d.length - 1][1]; }";
        const string result = "#scenario-result";
        // No lever is sent until a slider moves: the projection is the scenario's own (no "[总和生育率=…]" in its name).
        Assert.DoesNotContain("总和生育率=", await page.Locator(result).InnerTextAsync(), StringComparison.Ordinal);
        var baseline = await page.EvaluateAsync<double>(last);
        await page.Locator("#scen-name").SelectOptionAsync("low");
        await page.WaitForFunctionAsync($"b => ({last})() !== b", baseline);
        var low = await page.EvaluateAsync<double>(last);
        Assert.True(low < baseline, $"low {low}, baseline {baseline}");
        Assert.DoesNotContain("总和生育率=", await page.Locator(result).InnerTextAsync(), StringComparison.Ordinal);

        // A slider moved holds its level; choosing a scenario again puts it back on the scenario's path.
        await page.Locator("#scen-tfr").FillAsync("1.8");
        await page.WaitForFunctionAsync($"() => document.querySelector('{result}').innerText.includes('总和生育率=1.8')");
        await page.Locator("#scen-name").SelectOptionAsync("baseline");
        await page.WaitForFunctionAsync($"b => ({last})() === b", baseline);
        Assert.DoesNotContain("总和生育率=", await page.Locator(result).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ScenarioSlider_MovedAgainBeforeItsProbabilities_GivesTheLastMoveUp()
    {
        var (page, errors) = await SignIn("analyst");
        await Open(page, "#scenarios");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#scenario-targets .prob').length > 0 && !document.querySelector('#scenario-targets .prob.pending')");
        // The first move's probabilities request is held until the second move is made, as a slow run would be.
        var held = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/v1/projections/run", async route =>
        {
            if (route.Request.PostData is { } body && body.Contains("\"tfr\":1.2,", StringComparison.Ordinal) && body.Contains("\"probabilities\":true", StringComparison.Ordinal))
            {
                held.TrySetResult(route);
                return;
            }

            await route.ContinueAsync();
        });
        var givenUp = new List<string>();
        page.RequestFailed += (_, r) => { if (r.Failure == "net::ERR_ABORTED") givenUp.Add(r.PostData ?? ""); };
        await page.Locator("#scen-tfr").FillAsync("1.2");
        var first = await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await page.Locator("#scen-tfr").FillAsync("1.4");
        await page.WaitForFunctionAsync("() => document.querySelector('#scenario-result').innerText.includes('总和生育率=1.4') && !document.querySelector('#scenario-targets .prob.pending')");
        Assert.Contains(givenUp, b => b.Contains("\"tfr\":1.2,", StringComparison.Ordinal));
        Assert.Contains("1000 条轨迹", await page.Locator("#scenario-prob-note").InnerTextAsync(), StringComparison.Ordinal);
        await first.AbortAsync(); // already given up by the page
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ScenarioExplorer_ShowsTheTargetsChances_AndGoalSeekingSetsTheSliderToTheLevelThatMeetsTheTarget()
    {
        var (page, errors) = await SignIn("analyst");
        await Open(page, "#scenarios");
        // The probabilities follow the projection: every cell leaves its placeholder.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#scenario-targets .prob').length > 0 && !document.querySelector('#scenario-targets .prob.pending')");
        Assert.Contains("1000 条轨迹", await page.Locator("#scenario-prob-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("calibrated to WPP 2024", await page.Locator("#scenario-prob-note span[title]").GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        // Each evaluation in Chinese, the server's English reasoning on hover.
        var explanation = page.Locator("#scenario-targets .explain").First;
        Assert.Contains("目标", await explanation.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("the projection", await explanation.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);

        // Only targets a lever can be sought for: a reported indicator's (birth defects) is its department's figure.
        var offered = await page.Locator("#goal-target option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        Assert.DoesNotContain(offered, o => o.StartsWith("birth_defect_incidence|", StringComparison.Ordinal));
        await page.Locator("#goal-target").SelectOptionAsync("resident_population|2035");
        await page.Locator("#goal-lever").SelectOptionAsync("net-migration");
        await page.ClickAsync("#goal-run");
        await page.Locator("#goal-apply").WaitForAsync();
        Assert.Contains("Reached", await page.Locator("#goal-result .goal-answer").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        const string last = "() => { const d = window.PopulusCharts['chart-scenario'].getOption().series[0].data; return d[d.length - 1][1]; }";
        var before = await page.EvaluateAsync<double>(last);
        await page.ClickAsync("#goal-apply");
        await page.WaitForFunctionAsync($"b => ({last})() !== b", before);
        Assert.Equal(1000, await page.EvaluateAsync<double>(last), 2);
        await page.WaitForFunctionAsync("() => !document.querySelector('#scenario-targets .prob.pending')");
        await page.Locator("#goal-result").ScrollIntoViewIfNeededAsync();
        await Shot(page, "scenarios-goal");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task CountyViewer_CannotReachAnotherCountyInTheUiOrTheApi()
    {
        var (page, _) = await SignIn("viewer-lucheng");
        Assert.False(await page.Locator("#nav a[data-page=accounts]").IsVisibleAsync());
        Assert.False(await page.Locator("#nav a[data-page=scenarios]").IsVisibleAsync());

        // The county's overview holds its rates against the city's targets, marked as such, and not its residents against the city's 10 million.
        Assert.Equal("overview", await page.GetAttributeAsync("#page", "data-page")); // the page signing in opens
        var population = await page.InnerTextAsync("[data-indicator=resident_population]");
        Assert.DoesNotContain("1000", population, StringComparison.Ordinal);
        Assert.Contains("（全市目标，作参照）", await page.InnerTextAsync("[data-indicator=total_fertility_rate]"), StringComparison.Ordinal);
        Assert.Equal("最新值相对 2025 年全市目标（%，作参照）", await page.InnerTextAsync("#page section.card h2"));
        await Shot(page, "county-overview");

        await Open(page, "#pyramid");
        var options = await page.Locator("#pyramid-region option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        Assert.Equal([TestApp.Lucheng], options);
        Assert.True(await SeriesPoints(page, "chart-pyramid") > 0);
        Assert.True(await page.Locator("#pyramid-year").IsDisabledAsync()); // projections are city work

        // The county's probabilities name the scenario as the analyst's pages do, not by its file name.
        await Open(page, "#probability");
        await page.WaitForFunctionAsync("() => document.querySelector('#page .note') && document.querySelector('#page .note').textContent.includes('轨迹')",
            null, new() { Timeout = 120_000 });
        Assert.Contains("基准情景", await page.Locator("#page .note").First.InnerTextAsync(), StringComparison.Ordinal);

        await Open(page, "#accounts");
        Assert.Equal("overview", await page.GetAttributeAsync("#page", "data-page"));

        var status = await page.EvaluateAsync<int[]>(@"async () => Promise.all([
            '/api/v1/population?region=330303', '/api/v1/population/pyramid?region=330303', '/api/v1/indicators/figures?region=330303',
            '/api/v1/evaluations?region=330300', '/api/v1/accounts'].map(async u => (await fetch(u)).status))");
        Assert.Equal([403, 403, 403, 403, 403], status);
        var rows = await page.EvaluateAsync<string[]>("async () => (await (await fetch('/api/v1/population')).json()).map(r => r.regionCode)");
        Assert.All(rows, r => Assert.StartsWith(TestApp.Lucheng, r, StringComparison.Ordinal));
        await Open(page, "#compare");
        await Shot(page, "county-viewer");
    }

    [Fact]
    public async Task BigScreen_FillsA1920x1080DisplayWithCharts()
    {
        var (page, errors) = await SignIn("analyst", 1920, 1080);
        await Open(page, "#bigscreen");
        Assert.True(await SeriesPoints(page, "chart-big-overview") > 0);
        Assert.True(await SeriesPoints(page, "chart-big-status") > 0);
        // The plan's group shares are of its base year, not the comparison's default (latest) year end: drawn, and dated.
        Assert.True(await SeriesPoints(page, "chart-big-groups") > 0);
        Assert.Equal("规划公布数：占全市人口比重（2020年，%）", await page.InnerTextAsync("#chart-big-groups >> xpath=preceding-sibling::h2"));
        var size = await page.EvaluateAsync<int[]>("() => { const r = document.querySelector('.wall').getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }");
        Assert.Equal([1920, 1080], size);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.wall .prob').length > 0 && !document.querySelector('.wall .prob.pending')",
            null, new() { Timeout = 120_000 });
        Assert.Contains(await page.Locator(".wall .prob").AllInnerTextsAsync(), p => p.EndsWith('%'));
        // A probability the draws do not move (the sex ratio at birth follows the scenario) is marked, and the mark explained on the wall.
        Assert.Contains(await page.Locator(".wall .prob").AllInnerTextsAsync(), p => p.EndsWith(" *", StringComparison.Ordinal));
        Assert.Equal("* 该指标不随模拟变化，概率为确定性判断。", await page.InnerTextAsync(".wall .prob-fixed-note"));
        var warnings = await page.Locator(".wall .list > div").AllInnerTextsAsync();
        Assert.Contains(warnings, w => w.StartsWith("劳动力人口总量 ", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.DoesNotMatch("^[a-z0-9_]+ ", w));
        // Each figure with its status and its source.
        var tiles = await page.Locator(".wall .kpi").CountAsync();
        Assert.True(tiles > 0);
        Assert.Equal(tiles, await page.Locator(".wall .kpi .badge").CountAsync());
        Assert.Equal(tiles, await page.Locator(".wall .kpi .source").CountAsync());
        Assert.All(await page.Locator(".wall .kpi .source").AllInnerTextsAsync(), s => Assert.NotEmpty(s.Trim()));
        var scrolled = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        Assert.Equal([1920, 1080], scrolled); // the long sources kept within the wall
        await Shot(page, "bigscreen");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Auditor_And_Provider_SeeTheirPages()
    {
        var (auditor, _) = await SignIn("auditor");
        Assert.Equal("audit", await auditor.GetAttributeAsync("#page", "data-page"));
        Assert.Contains("用途", await auditor.Locator("#page table thead").InnerTextAsync(), StringComparison.Ordinal); // the columns in Chinese
        // Roles and actions by their Chinese names, in the log and beside the account's name.
        var log = await auditor.Locator("#page table tbody").InnerTextAsync();
        Assert.Contains("登录", log, StringComparison.Ordinal);
        Assert.Contains("审计人员", log, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in", log, StringComparison.Ordinal);
        Assert.Contains("驾驶舱", log, StringComparison.Ordinal); // what the sign-in was to
        Assert.DoesNotContain("cockpit", log, StringComparison.Ordinal);
        Assert.EndsWith("审计人员", await auditor.InnerTextAsync("#who"), StringComparison.Ordinal);
        await Shot(auditor, "audit");

        var (provider, errors) = await SignIn("provider");
        Assert.Equal("imports", await provider.GetAttributeAsync("#page", "data-page"));
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "year,region,indicator,value,unit,department\n2022,999999,graduate_retention_rate,x,%,d\n");
        await provider.SetInputFilesAsync("#import-file", file);
        await provider.ClickAsync("#page button.primary");
        await provider.WaitForSelectorAsync("#import-report table");
        var report = await provider.Locator("#import-report").InnerTextAsync();
        Assert.Contains("999999", report, StringComparison.Ordinal);
        Assert.Contains("原因", await provider.Locator("#import-report thead").InnerTextAsync(), StringComparison.Ordinal);
        // Each problem's reason in Chinese, in the report and in the history.
        Assert.Contains("不是数字", report, StringComparison.Ordinal);
        Assert.Contains("未知地区代码", report, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnglishWords, report);
        // The history's problems, listed once the history has been read again after the report.
        await provider.WaitForFunctionAsync("() => document.querySelector('#page').innerText.includes('第 2 行')");
        Assert.DoesNotMatch(EnglishWords, await provider.Locator("#page").InnerTextAsync());
        Assert.Contains("部门报送的指标值", await provider.EvalOnSelectorAsync<string>("#import-kind", "s => s.selectedOptions[0].textContent"), StringComparison.Ordinal);
        await Shot(provider, "imports");
        File.Delete(file);

        // A file without provenance columns, given its kind and source and a batch name of its own on the form.
        var good = Path.Combine(Path.GetTempPath(), $"good-{Guid.NewGuid():N}.csv");
        var batch = "卫健委-" + Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(good, "year,region,indicator,value,unit,department\n2019,330300,birth_defect_incidence,6.4,per mille,市卫健委\n");
        await provider.SetInputFilesAsync("#import-file", good);
        await provider.FillAsync("#import-batch", batch);
        await provider.SelectOptionAsync("#import-kind-of-figures", "observed");
        await provider.FillAsync("#import-source", "TEST");
        await provider.ClickAsync("#page button.primary");
        await provider.WaitForFunctionAsync("b => document.querySelector('#import-report').innerText.includes(b)", batch);
        Assert.Contains(fixture.App.Store.Batches(), b => b.Batch == batch);

        // Other figures under the same batch name: refused for the whole file, which has no row to name.
        await File.WriteAllTextAsync(good, "year,region,indicator,value,unit,department\n2019,330300,birth_defect_incidence,6.5,per mille,市卫健委\n");
        await provider.SetInputFilesAsync("#import-file", good);
        await provider.ClickAsync("#page button.primary");
        await provider.WaitForFunctionAsync("() => document.querySelector('#import-report').innerText.includes('另起批次名')");
        Assert.Equal("文件", await provider.InnerTextAsync("#import-report tbody tr td:first-child"));
        await provider.WaitForFunctionAsync("() => document.querySelector('#page').innerText.includes('文件: ')"); // the history's problem, listed after the report
        Assert.DoesNotContain("第 0 行", await provider.InnerTextAsync("#page"), StringComparison.Ordinal);
        File.Delete(good);
        Assert.DoesNotContain(errors, e => !e.Contains("status of 422", StringComparison.Ordinal) && !e.StartsWith("HTTP 422 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auditor_ReachesAnUnmaskBuriedUnderMoreThanAPageOfLookUps()
    {
        var person = $"/api/v1/registry/persons?id={TestApp.LuchengPerson.Disclose()}";
        var purpose = "buried unmask " + Guid.NewGuid().ToString("N")[..8];
        using (var analyst = await fixture.App.SignedIn("analyst"))
        {
            Assert.True((await analyst.GetAsync(person + "&unmask=true&purpose=" + Uri.EscapeDataString(purpose))).IsSuccessStatusCode);
        }

        // A county viewer's masked look-ups push the unmask below the first page (100 entries).
        using (var viewer = await fixture.App.SignedIn("viewer-lucheng"))
        {
            for (var i = 0; i < 120; i++)
            {
                Assert.True((await viewer.GetAsync(person)).IsSuccessStatusCode);
            }
        }

        var (page, errors) = await SignIn("auditor");
        Assert.Equal("audit", await page.GetAttributeAsync("#page", "data-page"));
        Assert.DoesNotContain(purpose, await page.InnerTextAsync("#audit-rows"), StringComparison.Ordinal);
        Assert.Equal(100, await page.Locator("#audit-rows tbody tr").CountAsync());
        var summary = await page.InnerTextAsync("#audit-summary");
        Assert.Matches(@"^符合条件共 \d+ 条，显示第 1–100 条", summary);
        Assert.Contains("还有更早的记录", summary, StringComparison.Ordinal);

        // Page by page: the older pages reach it.
        for (var n = 1; !(await page.InnerTextAsync("#audit-rows")).Contains(purpose, StringComparison.Ordinal); n++)
        {
            Assert.False(await page.IsDisabledAsync("#audit-older"), "no older page, and the unmask was not shown");
            await page.ClickAsync("#audit-older");
            await page.WaitForSelectorAsync($"#audit-rows[data-page='{n}']");
        }

        Assert.NotEqual("0", await page.GetAttributeAsync("#audit-rows", "data-page"));

        // By the filter: the unmasked reads only, the buried one on the first page.
        await page.SelectOptionAsync("#audit-action", "unmask");
        await page.ClickAsync("#audit-search");
        await page.WaitForSelectorAsync("#audit-rows[data-page='0']");
        await page.WaitForFunctionAsync("p => document.querySelector('#audit-rows').innerText.includes(p)", purpose);
        var actions = await page.Locator("#audit-rows tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal("查看未脱敏个人信息", a));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AuditPage_SaysEachDetailInTheInterfacesLanguage_TheStoredCodesUnchanged()
    {
        var person = $"/api/v1/registry/persons?id={TestApp.LuchengPerson.Disclose()}";
        using (var analyst = await fixture.App.SignedIn("analyst"))
        {
            Assert.True((await analyst.GetAsync(person)).IsSuccessStatusCode);
            Assert.True((await analyst.GetAsync(person + "&unmask=true&purpose=" + Uri.EscapeDataString("audit page detail check"))).IsSuccessStatusCode);
        }

        using (var admin = await fixture.App.SignedIn("admin"))
        {
            var user = "detail-" + Guid.NewGuid().ToString("N")[..8];
            Assert.True((await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = user, displayName = user, role = "city_analyst" })).IsSuccessStatusCode);
        }

        var (page, errors) = await SignIn("auditor");
        async Task<IReadOnlyList<string>> Details(string action)
        {
            await page.SelectOptionAsync("#audit-action", action);
            await page.EvaluateAsync("() => { document.querySelector('#audit-rows').dataset.page = ''; }");
            await page.ClickAsync("#audit-search");
            await page.WaitForSelectorAsync("#audit-rows[data-page='0']");
            return await page.Locator("#audit-rows tbody tr td:nth-child(8)").AllInnerTextsAsync();
        }

        Assert.Contains("身份证号、出生日期", await Details("unmask"));
        var lookups = await Details("person-lookup");
        Assert.Contains("脱敏显示", lookups);
        Assert.Contains("未脱敏显示", lookups);
        Assert.Contains("市级分析人员", await Details("account-created"));
        Assert.DoesNotMatch("[a-z]", string.Concat((await Details("person-lookup")).Concat(await Details("unmask")).Concat(await Details("account-created"))));
        // The stored codes are what the API gives.
        Assert.Contains(fixture.App.Store.Accounts.ReadAudit(new AuditFilter(Action: "unmask"), limit: 5).Entries, e => e.Detail == "nationalId, birthDate");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AccountsPage_DisablesAndEnablesAnAccount_AndChangesTheOwnPassword()
    {
        var store = fixture.App.Store;
        var hasher = new PasswordHasher<Account>();
        Account Make(string user, AccountRole role) => store.Accounts.CreateAccount(
            new NewAccount(user, user, role), hasher.HashPassword(new Account(0, user, user, role, null, [], DateTime.UtcNow, false), TestApp.Password));
        var admin = Make("admin-" + Guid.NewGuid().ToString("N")[..8], AccountRole.Administrator);
        var other = Make("other-" + Guid.NewGuid().ToString("N")[..8], AccountRole.CityAnalyst);
        using var otherSession = await fixture.App.SignedIn(other.UserName);
        var (page, errors) = await SignIn(admin.UserName);
        await Open(page, "#accounts");
        Assert.Equal(0, await page.Locator($"button[data-account='{admin.UserName}']").CountAsync()); // not one's own

        var toggle = page.Locator($"button[data-account='{other.UserName}']");
        Assert.Equal("停用", await toggle.InnerTextAsync());
        await toggle.ClickAsync();
        await page.WaitForFunctionAsync("u => document.querySelector(`button[data-account='${u}']`)?.textContent === '启用'", other.UserName);
        Assert.True(store.Accounts.FindAccount(other.Id)!.Disabled);
        Assert.Contains("已停用", await page.InnerTextAsync("#acc-result"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherSession.GetAsync("/api/v1/regions")).StatusCode);
        await page.ClickAsync($"button[data-account='{other.UserName}']");
        await page.WaitForFunctionAsync("u => document.querySelector(`button[data-account='${u}']`)?.textContent === '停用'", other.UserName);
        Assert.False(store.Accounts.FindAccount(other.Id)!.Disabled);

        // The own password: the server's refusal in Chinese, a mismatch caught in the page, a change keeps this page signed in.
        await page.FillAsync("#pw-current", "not the password");
        await page.FillAsync("#pw-new", "a new password of 2026");
        await page.FillAsync("#pw-again", "a new password of 2026");
        await page.ClickAsync("#pw-change");
        await page.WaitForFunctionAsync("() => document.querySelector('#pw-result').textContent.startsWith('密码未修改')");
        Assert.Equal("密码未修改：当前密码不正确", await page.InnerTextAsync("#pw-result"));
        errors.RemoveAll(e => e.Contains("status of 400", StringComparison.Ordinal) || e.StartsWith("HTTP 400 POST", StringComparison.Ordinal));
        await page.FillAsync("#pw-current", TestApp.Password);
        await page.FillAsync("#pw-new", "a new password of 2026");
        await page.FillAsync("#pw-again", "another password 2026");
        await page.ClickAsync("#pw-change");
        Assert.Equal("两次输入的新密码不一致", await page.InnerTextAsync("#pw-result"));
        await page.FillAsync("#pw-again", "a new password of 2026");
        await page.ClickAsync("#pw-change");
        await page.WaitForFunctionAsync("() => document.querySelector('#pw-result').textContent.startsWith('密码已修改')");
        Assert.NotEqual(PasswordVerificationResult.Failed,
            hasher.VerifyHashedPassword(admin, store.Accounts.PasswordHash(admin.UserName)!, "a new password of 2026"));
        await Open(page, "#imports"); // still signed in
        Assert.Equal("imports", await page.GetAttributeAsync("#page", "data-page"));
        await Open(page, "#accounts");
        Assert.DoesNotMatch("[a-z]", await page.Locator("#page table thead").InnerTextAsync());
        Assert.Empty(errors);
    }
}
