using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Populus.Web.Tests;

/// <summary>
/// The services endpoints on both engines: answers with the rule and reason, the permit desk and electronic permit,
/// points and allocation, talent retention; every role's access and bad input as problem details naming the field.
/// </summary>
public sealed class ServicesApiTests
{
    private const string Round = "2025-school";

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!);

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Settlement_NamesTheRuleAndTheReason(string engine)
    {
        using var viewer = await TestApp.For(engine).SignedIn("viewer-lucheng");
        var college = await Json(await viewer.PostAsJsonAsync("/api/v1/services/settlement/check?on=2024-06-01", new { education = "bachelor" }), HttpStatusCode.OK);
        Assert.Equal("met", college.GetProperty("outcome").GetString());
        Assert.Equal("SETTLE-COLLEGE v1", college.GetProperty("basis").GetProperty("rule").GetString());
        Assert.NotEmpty(college.GetProperty("basis").GetProperty("sentence").GetString()!);
        var check = Assert.Single(college.GetProperty("basis").GetProperty("checks").EnumerateArray());
        Assert.Equal(("education", "bachelor", ">=", "junior_college", true), (check.GetProperty("attribute").GetString(), check.GetProperty("value").GetString(),
            check.GetProperty("operator").GetString(), check.GetProperty("threshold").GetString(), check.GetProperty("held").GetBoolean()));

        var unknown = await Json(await viewer.PostAsJsonAsync("/api/v1/services/settlement/check?on=2024-06-01", new { education = "junior_secondary" }), HttpStatusCode.OK);
        Assert.Equal("not_known", unknown.GetProperty("outcome").GetString());
        Assert.Contains("title", unknown.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(unknown.GetProperty("findings").EnumerateArray(), f => f.GetProperty("outcome").GetString() == "not_known"
            && f.GetProperty("missing").EnumerateArray().Any(m => m.GetString() == "title"));

        var older = await Json(await viewer.PostAsJsonAsync("/api/v1/services/settlement/check?on=2024-06-01",
            new { birth_date = "1970-01-01", education = "secondary_vocational", title = "none", skill = "none", housing = "owned" }), HttpStatusCode.OK);
        Assert.Equal("not_met", older.GetProperty("outcome").GetString());
        Assert.Contains(older.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "SETTLE-YOUNG-VOCATIONAL v1" && f.GetProperty("outcome").GetString() == "not_met"
            && f.GetProperty("checks").EnumerateArray().Any(c => c.GetProperty("attribute").GetString() == "age" && !c.GetProperty("held").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task PersonAttributes_BadInput_NamesEachFieldAndReason(string engine)
    {
        using var analyst = await TestApp.For(engine).SignedIn("analyst");
        foreach (var path in new[] { "/api/v1/services/settlement/check", "/api/v1/services/policies" })
        {
            var problem = await Json(await analyst.PostAsJsonAsync(path, new { education = "phd", shoe_size = 42, children = -1 }), HttpStatusCode.BadRequest);
            Assert.Equal(["children", "education", "shoe_size"], Fields(problem).Order());
            Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.NotEmpty(e.GetProperty("reason").GetString()!));
            Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PostAsJsonAsync(path + "?on=2024-13-01", new { })).StatusCode);
            var unborn = await Json(await analyst.PostAsJsonAsync(path + "?on=2025-06-01", new { birth_date = "2030-01-01", education = "secondary_vocational" }), HttpStatusCode.BadRequest);
            Assert.Equal(["birth_date"], Fields(unborn));
        }

        using var anonymous = TestApp.For(engine).Client();
        await anonymous.CsrfAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/services/policies", new { })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Policies_ListWhatAppliesWithThePlanSentence(string engine)
    {
        using var analyst = await TestApp.For(engine).SignedIn("analyst");
        var answer = await Json(await analyst.PostAsJsonAsync("/api/v1/services/policies?on=2024-06-01",
            new { birth_date = "1996-03-01", education = "master", graduation_year = 2022, employment = "full_time", employer_size = "small" }), HttpStatusCode.OK);
        Assert.Equal("f", answer.GetProperty("talentCategory").GetString());
        var applies = answer.GetProperty("applies").EnumerateArray().ToList();
        Assert.Contains(applies, p => p.GetProperty("policy").GetString() == "settlement");
        Assert.Contains(applies.Concat(answer.GetProperty("mayApply").EnumerateArray()), p => p.GetProperty("policy").GetString() == "employment-subsidy");
        Assert.All(applies, p => Assert.Equal("met", p.GetProperty("outcome").GetString()));
        Assert.All(applies, p => Assert.NotEmpty(p.GetProperty("reason").GetString()!));

        var rules = await Json(await analyst.GetAsync("/api/v1/services/rules?on=2024-06-01"), HttpStatusCode.OK);
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("citation").GetString() == "SETTLE-COLLEGE v1" && r.GetProperty("condition").GetString() == "education>=junior_college");
        var table = await Json(await analyst.GetAsync("/api/v1/services/points-table"), HttpStatusCode.OK);
        Assert.Equal(120, table.GetProperty("passMark").GetDouble());
        Assert.Contains("EXAMPLE", table.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Permit_IssuedVerifiesOffline_RevokedDoesNot(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        // A person of its own: the app's store is shared, and a person has one live permit.
        var id = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1991, 3, 4), 201).Disclose();
        var applied = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = id, region = TestApp.Lucheng }), HttpStatusCode.Created);
        var permit = applied.GetProperty("permitId").GetString()!;
        Assert.Equal("applied", applied.GetProperty("state").GetString());
        var duplicate = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = id, region = TestApp.Longwan }), HttpStatusCode.Conflict);
        Assert.Contains($"already has residence permit {permit}", duplicate.GetProperty("detail").GetString());
        Assert.Contains($"此人已有居住证 {permit}", duplicate.GetProperty("detailZh").GetString());
        Assert.DoesNotContain(id, duplicate.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("330302********123X".Length, applied.GetProperty("maskedId").GetString()!.Length);
        Assert.DoesNotContain(id, applied.GetRawText(), StringComparison.Ordinal);

        var wrong = await Json(await admin.PostAsJsonAsync($"/api/v1/services/permits/{permit}/issue", new { idNumber = TestApp.LongwanPerson.Disclose() }), HttpStatusCode.Conflict);
        Assert.Equal($"所出示的身份证号码不是居住证 {permit} 申请人的号码。", wrong.GetProperty("detailZh").GetString());
        var issued = await Json(await admin.PostAsJsonAsync($"/api/v1/services/permits/{permit}/issue", new { idNumber = id }), HttpStatusCode.OK);
        Assert.Equal("issued", issued.GetProperty("state").GetString());
        Assert.True(issued.GetProperty("hasToken").GetBoolean());
        // A refused transition says in Chinese alone what the permit is and what may happen to it (no English inside).
        var again = await Json(await admin.PostAsJsonAsync($"/api/v1/services/permits/{permit}/issue", new { idNumber = id }), HttpStatusCode.Conflict);
        Assert.Equal($"居住证 {permit} 已签发，不能签发；可办理：续签、登记期满、吊销。", again.GetProperty("detailZh").GetString());
        var elsewhere = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = TestApp.LongwanPerson.Disclose(), region = "330100" }), HttpStatusCode.BadRequest);
        Assert.StartsWith("region：330100 不是温州市（330300）现行的县级单位", elsewhere.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        var unknown = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits/P-NONE/revoke", new { reason = "test" }), HttpStatusCode.NotFound);
        Assert.Equal(("No permit P-NONE.", "没有居住证 P-NONE。"), (unknown.GetProperty("detail").GetString(), unknown.GetProperty("detailZh").GetString()));

        var token = await admin.GetStringAsync($"/api/v1/services/permits/{permit}/token?purpose=counter+check");
        var png = await admin.GetByteArrayAsync($"/api/v1/services/permits/{permit}/qr.png");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.StartsWith("<svg", (await admin.GetStringAsync($"/api/v1/services/permits/{permit}/qr.svg")).TrimStart()[..4], StringComparison.Ordinal);

        // A verifier elsewhere: the published keys and revocation list need no account.
        using var anonymous = app.Client();
        var keys = await Json(await anonymous.GetAsync("/api/v1/services/permits/keys"), HttpStatusCode.OK);
        Assert.Equal("330300", keys.GetProperty("issuer").GetString());
        var revocations = await anonymous.GetStringAsync("/api/v1/services/permits/revocations");

        using var viewer = await app.SignedIn("viewer-lucheng");
        var valid = await Json(await viewer.PostAsJsonAsync("/api/v1/services/permits/verify", new { token, keys, revocations, holderId = id }), HttpStatusCode.OK);
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.GetRawText());
        Assert.True(valid.GetProperty("holderMatches").GetBoolean());
        Assert.Equal(permit, valid.GetProperty("claims").GetProperty("permitId").GetString());
        var otherHolder = await Json(await viewer.PostAsJsonAsync("/api/v1/services/permits/verify", new { token, holderId = TestApp.LongwanPerson.Disclose() }), HttpStatusCode.OK);
        Assert.False(otherHolder.GetProperty("holderMatches").GetBoolean());
        var altered = await Json(await viewer.PostAsJsonAsync("/api/v1/services/permits/verify", new { token = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA") }), HttpStatusCode.OK);
        Assert.Equal("bad_signature", altered.GetProperty("check").GetString());

        await Json(await admin.PostAsJsonAsync($"/api/v1/services/permits/{permit}/revoke", new { reason = "false address" }), HttpStatusCode.OK);
        var revoked = await Json(await viewer.PostAsJsonAsync("/api/v1/services/permits/verify", new { token }), HttpStatusCode.OK);
        Assert.Equal("revoked", revoked.GetProperty("check").GetString());
        var stale = await Json(await viewer.PostAsJsonAsync("/api/v1/services/permits/verify", new { token, keys, revocations }), HttpStatusCode.OK);
        Assert.Equal("valid", stale.GetProperty("check").GetString()); // the old list does not know yet: why lists expire

        var trail = await Json(await admin.GetAsync($"/api/v1/services/permits/{permit}/audit"), HttpStatusCode.OK);
        Assert.Equal(["apply", "issue", "revoke"], trail.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        using var auditor = await app.SignedIn("auditor");
        var audit = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=permit-token&account=admin");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("subject").GetString() == $"permit {permit}" && e.GetProperty("purpose").GetString() == "counter check");
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Permit_PastItsValidity_IsExpiredOnTheDayNamed(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        var id = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1991, 3, 4), 203).Disclose();
        var permit = (await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = id, region = TestApp.Lucheng }), HttpStatusCode.Created))
            .GetProperty("permitId").GetString()!;
        var issued = await Json(await admin.PostAsJsonAsync($"/api/v1/services/permits/{permit}/issue", new { idNumber = id }), HttpStatusCode.OK);
        var lastDay = issued.GetProperty("validTo").GetString()!;
        var dayAfter = DateOnly.ParseExact(lastDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("issued", (await Json(await admin.GetAsync($"/api/v1/services/permits/{permit}?on={lastDay}"), HttpStatusCode.OK)).GetProperty("state").GetString());
        Assert.Equal("expired", (await Json(await admin.GetAsync($"/api/v1/services/permits/{permit}?on={dayAfter}"), HttpStatusCode.OK)).GetProperty("state").GetString());
        Assert.Contains((await Json(await admin.GetAsync($"/api/v1/services/permits?state=expired&on={dayAfter}"), HttpStatusCode.OK)).EnumerateArray(),
            p => p.GetProperty("permitId").GetString() == permit);
        Assert.DoesNotContain((await Json(await admin.GetAsync($"/api/v1/services/permits?state=expired&on={lastDay}"), HttpStatusCode.OK)).EnumerateArray(),
            p => p.GetProperty("permitId").GetString() == permit);

        var token = await admin.GetStringAsync($"/api/v1/services/permits/{permit}/token?purpose=expiry+check");
        var lapsed = await Json(await admin.PostAsJsonAsync($"/api/v1/services/permits/verify?on={dayAfter}", new { token }), HttpStatusCode.OK);
        Assert.Equal(("expired", false), (lapsed.GetProperty("check").GetString(), lapsed.GetProperty("valid").GetBoolean()));
        // On its last day the dates are good; this city's own revocation list, made now, is stale by then.
        var onLastDay = await Json(await admin.PostAsJsonAsync($"/api/v1/services/permits/verify?on={lastDay}", new { token }), HttpStatusCode.OK);
        Assert.Equal("revocation_unknown", onLastDay.GetProperty("check").GetString());
        Assert.Equal(["on"], Fields(await Json(await admin.GetAsync($"/api/v1/services/permits/{permit}?on=2025-13-01"), HttpStatusCode.BadRequest)));
        Assert.Equal(["on"], Fields(await Json(await admin.PostAsJsonAsync("/api/v1/services/permits/verify?on=soon", new { token }), HttpStatusCode.BadRequest)));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Permit_RolesAndCounties(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        var person = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1991, 3, 4), 202).Disclose();
        var applied = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = person, region = TestApp.Lucheng }), HttpStatusCode.Created);
        var permit = applied.GetProperty("permitId").GetString()!;

        foreach (var user in new[] { "analyst", "viewer-lucheng", "provider", "auditor" })
        {
            using var client = await app.SignedIn(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = TestApp.LuchengPerson.Disclose(), region = TestApp.Lucheng })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/services/permits/{permit}/revoke", new { reason = "not mine to do" })).StatusCode);
        }

        foreach (var (user, status) in new[] { ("analyst", HttpStatusCode.OK), ("viewer-lucheng", HttpStatusCode.OK), ("viewer-longwan", HttpStatusCode.Forbidden), ("provider", HttpStatusCode.Forbidden), ("auditor", HttpStatusCode.Forbidden) })
        {
            using var client = await app.SignedIn(user);
            Assert.True((await client.GetAsync($"/api/v1/services/permits/{permit}")).StatusCode == status, user);
        }

        using var longwan = await app.SignedIn("viewer-longwan");
        var list = await Json(await longwan.GetAsync("/api/v1/services/permits"), HttpStatusCode.OK);
        Assert.All(list.EnumerateArray(), p => Assert.Equal(TestApp.Longwan, p.GetProperty("regionCode").GetString()));
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/services/permits/{permit}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Permit_BadInput_NamesTheField(string engine)
    {
        using var admin = await TestApp.For(engine).SignedIn("admin");
        var missing = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["idNumber", "region"], Fields(missing).Order());
        var badRegion = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = TestApp.LuchengPerson.Disclose(), region = "999999" }), HttpStatusCode.BadRequest);
        Assert.Equal(["region"], Fields(badRegion));
        var badId = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits", new { idNumber = "330302199005171230", region = TestApp.Lucheng }), HttpStatusCode.BadRequest);
        Assert.Equal(["idNumber"], Fields(badId));
        Assert.DoesNotContain("330302199005171230", badId.GetRawText(), StringComparison.Ordinal);
        var noReason = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits/x/revoke", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], Fields(noReason));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/services/permits/no-such-permit/revoke", new { reason = "test" })).StatusCode);
        var noToken = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits/verify", new { token = " " }), HttpStatusCode.BadRequest);
        Assert.Equal(["token"], Fields(noToken));
        var malformed = await Json(await admin.PostAsJsonAsync("/api/v1/services/permits/verify", new { token = "not-a-token" }), HttpStatusCode.OK);
        Assert.Equal("malformed", malformed.GetProperty("check").GetString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Applications_WithAShiftedColumn_NeverEchoTheNumber(string engine)
    {
        using var admin = await TestApp.For(engine).SignedIn("admin");
        var lines = await File.ReadAllLinesAsync(TestApp.RepoFile("data/services/examples/applications.csv"));
        var header = lines[0].Split(',');
        var cells = lines[2].Split(',');
        var number = cells[Array.IndexOf(header, "id_number")];
        cells[Array.IndexOf(header, "education")] = number;   // file row 3: the number in education
        lines[2] = string.Join(',', cells);

        var refused = await Json(await admin.PostAsync($"/api/v1/services/rounds/{Round}/applications",
            AccessRulesTests.Upload("shifted.csv", string.Join('\n', lines))), HttpStatusCode.BadRequest);

        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "education", Populus.Storage.Registry.NationalIdNumber.Mask(number)),
            (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString(), error.GetProperty("value").GetString()));
        Assert.DoesNotContain(number, refused.GetRawText(), StringComparison.Ordinal);
    }

    private static readonly object[] Quotas =
    [
        new { quotaId = "Q-LC-01", purpose = "school", region = TestApp.Lucheng, places = 1 },
        new { quotaId = "Q-LW-01", purpose = "school", region = TestApp.Longwan, places = 1 },
    ];

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Points_ScoreObjectReview_ThenAllocateReproducibly(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        var upload = AccessRulesTests.Upload("applications.csv", await File.ReadAllTextAsync(TestApp.RepoFile("data/services/examples/applications.csv")));
        var received = await Json(await admin.PostAsync($"/api/v1/services/rounds/{Round}/applications", upload), HttpStatusCode.OK);
        Assert.Equal(3, received.GetProperty("received").GetInt32());
        var again = await Json(await admin.PostAsync($"/api/v1/services/rounds/{Round}/applications",
            AccessRulesTests.Upload("applications.csv", await File.ReadAllTextAsync(TestApp.RepoFile("data/services/examples/applications.csv")))), HttpStatusCode.BadRequest);
        Assert.Contains(again.GetProperty("errors").EnumerateArray(), e => e.GetProperty("file").GetString() == "applications.csv" && e.GetProperty("row").GetInt32() > 0);

        var scored = await Json(await admin.PostAsync($"/api/v1/services/rounds/{Round}/score?on=2025-06-01", null), HttpStatusCode.OK);
        Assert.Equal(3, scored.GetProperty("scored").GetInt32());

        using var analyst = await app.SignedIn("analyst");
        var score = await Json(await analyst.GetAsync("/api/v1/services/applications/S25-0001/score"), HttpStatusCode.OK);
        var latest = score.GetProperty("latest");
        var items = latest.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(latest.GetProperty("total").GetDouble(), items.Sum(i => i.GetProperty("points").GetDouble()), 6);
        Assert.All(items, i => Assert.NotEmpty(i.GetProperty("evidence").GetString()!));
        Assert.DoesNotContain("110101199003071233", score.GetRawText(), StringComparison.Ordinal);

        var item = items[0].GetProperty("itemId").GetString();
        Assert.Equal(["item", "reason"], Fields(await Json(await admin.PostAsJsonAsync("/api/v1/services/applications/S25-0001/objections", new { }), HttpStatusCode.BadRequest)).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/services/applications/S25-0001/objections", new { item, reason = "wrong" })).StatusCode);
        var objection = await Json(await admin.PostAsJsonAsync("/api/v1/services/applications/S25-0001/objections", new { item, reason = "the degree certificate was not read" }), HttpStatusCode.Created);
        var objectionId = objection.GetProperty("objectionId").GetString();
        Assert.Equal(["outcome", "upheld"], Fields(await Json(await admin.PostAsJsonAsync($"/api/v1/services/objections/{objectionId}/decision", new { application = "S25-0001" }), HttpStatusCode.BadRequest)).Order());
        // Corrected facts are written as the applications file's columns: a wrong shape names the field, the value and what is expected.
        var badFacts = await Json(await admin.PostAsJsonAsync($"/api/v1/services/objections/{objectionId}/decision",
            new { application = "S25-0001", upheld = true, outcome = "months checked", facts = new { insurance_months = new[] { "2021-01" } } }), HttpStatusCode.BadRequest);
        var factProblem = Assert.Single(badFacts.GetProperty("errors").EnumerateArray());
        Assert.Equal(("insurance_months", "[\"2021-01\"]", "facts"),
            (factProblem.GetProperty("field").GetString(), factProblem.GetProperty("value").GetString(), factProblem.GetProperty("file").GetString()));
        Assert.Contains("应为字符串", factProblem.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        await Json(await admin.PostAsJsonAsync($"/api/v1/services/objections/{objectionId}/decision", new { application = "S25-0001", upheld = false, outcome = "the certificate was read; the score stands" }), HttpStatusCode.OK);
        var reviewed = await Json(await analyst.GetAsync("/api/v1/services/applications/S25-0001/score"), HttpStatusCode.OK);
        Assert.Contains(reviewed.GetProperty("objections").EnumerateArray(), o => o.GetProperty("state").GetString() != "open");
        // An upheld objection's corrected facts are an object: the facts scored from then on, in their stored form (here the months as they were).
        var second = await Json(await admin.PostAsJsonAsync("/api/v1/services/applications/S25-0001/objections", new { item, reason = "months to check" }), HttpStatusCode.Created);
        await Json(await admin.PostAsJsonAsync($"/api/v1/services/objections/{second.GetProperty("objectionId").GetString()}/decision",
            new { application = "S25-0001", upheld = true, outcome = "months checked", facts = new { insurance_months = "2021-01..2025-04" } }), HttpStatusCode.OK);
        var corrected = (await Json(await analyst.GetAsync("/api/v1/services/applications/S25-0001/score"), HttpStatusCode.OK)).GetProperty("objections").EnumerateArray()
            .Single(o => o.GetProperty("objectionId").GetString() == second.GetProperty("objectionId").GetString()).GetProperty("correctedFacts");
        Assert.Equal(JsonValueKind.Object, corrected.ValueKind);
        Assert.Equal(("bachelor", 52), (corrected.GetProperty("education").GetString(), corrected.GetProperty("insurance_months").GetArrayLength())); // 2021-01 … 2025-04
        Assert.Equal(JsonValueKind.Null, reviewed.GetProperty("objections")[0].GetProperty("correctedFacts").ValueKind);
        var noSuch = await Json(await admin.PostAsJsonAsync("/api/v1/services/applications/S25-9999/objections", new { item, reason = "wrong" }), HttpStatusCode.NotFound);
        Assert.Equal("没有申请 S25-9999。", noSuch.GetProperty("detailZh").GetString());

        var badRun = await Json(await admin.PostAsJsonAsync($"/api/v1/services/rounds/{Round}/allocations", new { quotas = new[] { new { quotaId = "", purpose = "lunch", region = "x", places = -1 } } }), HttpStatusCode.BadRequest);
        Assert.Equal(["quotas[0].places", "quotas[0].purpose", "quotas[0].quotaId", "quotas[0].region", "seed"], Fields(badRun).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/v1/services/rounds/{Round}/allocations", new { quotas = Quotas, seed = "x" })).StatusCode);
        var run = await Json(await admin.PostAsJsonAsync($"/api/v1/services/rounds/{Round}/allocations", new { quotas = Quotas, seed = "2025-public-draw-0417", on = "2025-06-01", publish = true }), HttpStatusCode.Created);
        var runId = run.GetProperty("runId").GetString();
        Assert.Equal("published", run.GetProperty("status").GetString());
        Assert.Equal("2025-public-draw-0417", run.GetProperty("seed").GetString());

        var all = await Json(await analyst.GetAsync($"/api/v1/services/rounds/{Round}/allocations/{runId}"), HttpStatusCode.OK);
        var placements = all.GetProperty("placements").EnumerateArray().ToList();
        Assert.Equal(3, placements.Count);
        // One application is below the pass mark: rank 0 (not ranked); the eligible are ranked from 1.
        Assert.Equal([0, 1, 2], placements.Select(p => p.GetProperty("rank").GetInt32()));
        Assert.Equal("ineligible", placements[0].GetProperty("outcome").GetString());
        Assert.True(placements.Count(p => p.GetProperty("outcome").GetString() == "placed") <= 2);
        var verify = await Json(await analyst.GetAsync($"/api/v1/services/rounds/{Round}/allocations/{runId}/verify"), HttpStatusCode.OK);
        Assert.True(verify.GetProperty("reproduces").GetBoolean(), verify.GetRawText());

        using var longwan = await app.SignedIn("viewer-longwan");
        var own = await Json(await longwan.GetAsync($"/api/v1/services/rounds/{Round}/allocations/{runId}"), HttpStatusCode.OK);
        Assert.Equal(["Q-LW-01"], own.GetProperty("quotas").EnumerateArray().Select(q => q.GetProperty("quotaId").GetString()));
        Assert.All(own.GetProperty("placements").EnumerateArray(), p => Assert.Equal("Q-LW-01", p.GetProperty("quotaId").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await longwan.GetAsync("/api/v1/services/applications/S25-0001/score")).StatusCode);

        // Demand against the projected school-age population: both districts' places, every projected year, children counted.
        var demand = await Json(await analyst.GetAsync($"/api/v1/services/rounds/{Round}/allocations/{runId}/demand?ages=6-14"), HttpStatusCode.OK);
        Assert.Equal("baseline", demand.GetProperty("scenario").GetString());
        var rows = demand.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([TestApp.Lucheng, TestApp.Longwan], rows.Select(r => r.GetProperty("region").GetString()).Distinct().Order().ToList());
        Assert.All(rows, r => Assert.True(r.GetProperty("schoolAgeChildren").GetDouble() > 1000, r.GetRawText()));
        Assert.All(rows, r => Assert.Equal(1, r.GetProperty("places").GetInt32()));
        Assert.Equal(3, rows.Where(r => r.GetProperty("year").GetInt32() == rows[0].GetProperty("year").GetInt32()).Sum(r => r.GetProperty("applicants").GetInt32()));
        var primary = await Json(await analyst.GetAsync($"/api/v1/services/rounds/{Round}/allocations/{runId}/demand?ages=6-11"), HttpStatusCode.OK);
        Assert.True(primary.GetProperty("rows")[0].GetProperty("schoolAgeChildren").GetDouble() < rows[0].GetProperty("schoolAgeChildren").GetDouble());
        Assert.Equal(["ages"], Fields(await Json(await analyst.GetAsync($"/api/v1/services/rounds/{Round}/allocations/{runId}/demand?ages=14-6"), HttpStatusCode.BadRequest)));
        var ownDemand = await Json(await longwan.GetAsync($"/api/v1/services/rounds/{Round}/allocations/{runId}/demand"), HttpStatusCode.OK);
        Assert.All(ownDemand.GetProperty("rows").EnumerateArray(), r => Assert.Equal(TestApp.Longwan, r.GetProperty("region").GetString()));

        var simulated = await Json(await analyst.PostAsJsonAsync($"/api/v1/services/rounds/{Round}/simulate", new { quotas = Quotas, on = "2025-06-01", passMark = 0 }), HttpStatusCode.OK);
        Assert.Equal(3, simulated.GetProperty("qualifyProposed").GetInt32());
        Assert.Equal(3, simulated.GetProperty("applicants").GetInt32());
        Assert.Equal(["passMark"], Fields(await Json(await analyst.PostAsJsonAsync($"/api/v1/services/rounds/{Round}/simulate", new { quotas = Quotas, passMark = -5 }), HttpStatusCode.BadRequest)));
        Assert.Equal(HttpStatusCode.Forbidden, (await longwan.PostAsJsonAsync($"/api/v1/services/rounds/{Round}/simulate", new { quotas = Quotas, passMark = 0 })).StatusCode);
        var empty = await Json(await analyst.PostAsJsonAsync("/api/v1/services/rounds/R-EMPTY/simulate", new { quotas = Quotas, passMark = 0 }), HttpStatusCode.Conflict);
        Assert.Equal(("Round R-EMPTY has no applications.", "轮次 R-EMPTY 没有申请。"), (empty.GetProperty("detail").GetString(), empty.GetProperty("detailZh").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task RequestsWithBadFields_AreRefusedFieldByFieldInEnglishAndChinese(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        using var analyst = await app.SignedIn("analyst");
        async Task<JsonElement> Refused(HttpClient client, string path, object body, string[] fields)
        {
            var problem = await Json(await client.PostAsJsonAsync(path, body), HttpStatusCode.BadRequest);
            Assert.Equal(fields.Order(), Fields(problem).Order());
            Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("reasonZh").GetString()), e.GetRawText()));
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detailZh").GetString()), problem.GetRawText());
            return problem;
        }

        var run = await Refused(admin, "/api/v1/services/rounds/any/allocations",
            new { quotas = new[] { new { quotaId = "", purpose = "lunch", region = "999999", places = -1 } }, tieBreakers = "lottery,residence", on = "2025-13-01", supersedes = "RUN-1" },
            ["quotas[0].quotaId", "quotas[0].purpose", "quotas[0].region", "quotas[0].places", "seed", "tieBreakers", "on", "reason"]);
        Assert.Contains("lottery（公开抽签）结尾", run.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        await Refused(analyst, "/api/v1/services/rounds/any/simulate", new { on = "2025-06-01" }, ["quotas", "proposed"]);
        await Refused(admin, "/api/v1/services/applications/any/objections", new { }, ["item", "reason"]);
        await Refused(admin, "/api/v1/services/objections/any/decision", new { }, ["application", "upheld", "outcome"]);
        await Refused(admin, "/api/v1/services/permits", new { }, ["idNumber", "region"]);
        // A region outside the city names the counties that may be given, in Chinese too.
        var region = await Refused(admin, "/api/v1/services/permits", new { idNumber = "110101199003074477", region = "110101" }, ["region"]);
        Assert.Contains(TestApp.Lucheng, region.GetProperty("errors")[0].GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Points_ItemNotesAndRefusedFiles_SayWhyInEnglishAndChinese(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        using var analyst = await app.SignedIn("analyst");
        // A person's bad attributes (the settlement check): every reason in Chinese too.
        var person = await Json(await analyst.PostAsJsonAsync("/api/v1/services/settlement/check", new { education = "phd" }), HttpStatusCode.BadRequest);
        Assert.Contains("education", person.GetProperty("detail").GetString());
        Assert.Contains("education：应为以下之一", person.GetProperty("detailZh").GetString());
        Assert.All(person.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("reasonZh").GetString()), e.GetRawText()));

        // The example applications in a round of their own (the app's store is shared with the other tests).
        var lines = (await File.ReadAllLinesAsync(TestApp.RepoFile("data/services/examples/applications.csv")))
            .Select(l => l.Replace(",2025-school,", ",2025-zh,", StringComparison.Ordinal).Replace("S25-", "Z25-", StringComparison.Ordinal)).ToArray();
        var header = lines[0].Split(',');
        var bad = lines.Select(l => l.Split(',')).ToArray();
        bad[1][Array.IndexOf(header, "education")] = "phd";
        bad[2][Array.IndexOf(header, "application_id")] = bad[1][Array.IndexOf(header, "application_id")];
        bad[3][Array.IndexOf(header, "insurance_months")] = "2025-13";
        var refused = await Json(await admin.PostAsync("/api/v1/services/rounds/2025-zh/applications",
            AccessRulesTests.Upload("bad.csv", string.Join('\n', bad.Select(c => string.Join(',', c))))), HttpStatusCode.BadRequest);
        Assert.Equal(["application_id", "education", "insurance_months"], Fields(refused).Order());
        Assert.All(refused.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("reasonZh").GetString()), e.GetRawText()));
        Assert.Contains("与第 2 行的申请编号相同", refused.GetProperty("detailZh").GetString());

        // The round's quota file at receipt: a bad quota file is refused in both languages too.
        using var withQuota = AccessRulesTests.Upload("applications.csv", string.Join('\n', lines));
        withQuota.Add(new StringContent("quota_id,round,purpose,region,places\nQ-LC-01,2025-zh,lunch,999999,1\nQ-LC-01,2025-zh,school,330302,1\n"), "quota", "quotas.csv");
        var badQuota = await Json(await admin.PostAsync("/api/v1/services/rounds/2025-zh/applications", withQuota), HttpStatusCode.BadRequest);
        Assert.Equal(["purpose", "quota_id", "region"], Fields(badQuota).Order());
        Assert.All(badQuota.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("reasonZh").GetString()), e.GetRawText()));
        Assert.Contains("与第 2 行的配额编号相同", badQuota.GetProperty("detailZh").GetString());

        await Json(await admin.PostAsync("/api/v1/services/rounds/2025-zh/applications", AccessRulesTests.Upload("applications.csv", string.Join('\n', lines))), HttpStatusCode.OK);
        await Json(await admin.PostAsync("/api/v1/services/rounds/2025-zh/score?on=2025-06-01", null), HttpStatusCode.OK);
        var items = (await Json(await analyst.GetAsync("/api/v1/services/applications/Z25-0003/score"), HttpStatusCode.OK)).GetProperty("latest").GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("noteZh").GetString()), i.GetRawText()));
        // Z25-0003 paid insurance from 2022-09 only: fewer months in the window than the table's minimum (data/services/points-rules.example.json).
        var rule = Populus.Services.Points.PointsRuleTable.Example().Items.Single(i => i.Id == "social_insurance");
        var insurance = items.Single(i => i.GetProperty("itemId").GetString() == "social_insurance");
        Assert.Contains($"below the minimum {rule.Minimum}, no points", insurance.GetProperty("note").GetString());
        Assert.Contains($"低于最低要求 {rule.Minimum}，不计分", insurance.GetProperty("noteZh").GetString());

        // An upheld objection scored again: the decision gives the objected item's new note in both languages.
        var objection = (await Json(await admin.PostAsJsonAsync("/api/v1/services/applications/Z25-0003/objections", new { item = "education", reason = "the doctorate was not read" }),
            HttpStatusCode.Created)).GetProperty("objectionId").GetString();
        var decision = await Json(await admin.PostAsJsonAsync($"/api/v1/services/objections/{objection}/decision",
            new { application = "Z25-0003", upheld = true, outcome = "博士学位核实", facts = new { education = "doctorate", title = "junior", housing = "rented" } }), HttpStatusCode.OK);
        var education = Populus.Services.Points.PointsRuleTable.Example().Items.Single(i => i.Id == "education");
        Assert.Equal($"博士研究生：{education.CodePoints!["doctorate"]} 分", decision.GetProperty("item").GetProperty("noteZh").GetString());
        Assert.Equal($"doctorate: {education.CodePoints!["doctorate"]} points", decision.GetProperty("item").GetProperty("note").GetString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task ARunsDemand_CountsItsOwnApplicants_AndAPublishedRoundTakesNoMore(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        // The example applications in a round of their own (the app's store is shared with the other tests).
        var lines = (await File.ReadAllLinesAsync(TestApp.RepoFile("data/services/examples/applications.csv")))
            .Select(l => l.Replace(",2025-school,", ",2025-late,", StringComparison.Ordinal).Replace("S25-", "L25-", StringComparison.Ordinal)).ToArray();
        await Json(await admin.PostAsync("/api/v1/services/rounds/2025-late/applications", AccessRulesTests.Upload("applications.csv", string.Join('\n', lines))), HttpStatusCode.OK);
        // The scoring day is named, and not before a submission (the example's are 2025-05-01 and 02).
        Assert.Equal(["on"], Fields(await Json(await admin.PostAsync("/api/v1/services/rounds/2025-late/score", null), HttpStatusCode.BadRequest)));
        Assert.Equal(["on"], Fields(await Json(await admin.PostAsync("/api/v1/services/rounds/2025-late/score?on=2025-04-01", null), HttpStatusCode.BadRequest)));
        await Json(await admin.PostAsync("/api/v1/services/rounds/2025-late/score?on=2025-06-01", null), HttpStatusCode.OK);
        var run = (await Json(await admin.PostAsJsonAsync("/api/v1/services/rounds/2025-late/allocations", new { quotas = Quotas, seed = "late-draw", on = "2025-06-01" }), HttpStatusCode.Created))
            .GetProperty("runId").GetString();

        // One more application after the (draft) run: not one of the run's applicants.
        var header = lines[0].Split(',');
        var cells = lines[1].Split(',');
        cells[Array.IndexOf(header, "application_id")] = "L25-0009";
        cells[Array.IndexOf(header, "id_number")] = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1990, 2, 3), 301).Disclose();
        var late = lines[0] + "\n" + string.Join(',', cells);
        await Json(await admin.PostAsync("/api/v1/services/rounds/2025-late/applications", AccessRulesTests.Upload("late.csv", late)), HttpStatusCode.OK);
        using var analyst = await app.SignedIn("analyst");
        var rows = (await Json(await analyst.GetAsync($"/api/v1/services/rounds/2025-late/allocations/{run}/demand"), HttpStatusCode.OK)).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(lines.Length - 1, rows.Where(r => r.GetProperty("year").GetInt32() == rows[0].GetProperty("year").GetInt32()).Sum(r => r.GetProperty("applicants").GetInt32()));

        await Json(await admin.PostAsync($"/api/v1/services/rounds/2025-late/allocations/{run}/publish", null), HttpStatusCode.OK);
        cells[Array.IndexOf(header, "application_id")] = "L25-0010";
        cells[Array.IndexOf(header, "id_number")] = Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1990, 2, 3), 302).Disclose();
        var closed = await Json(await admin.PostAsync("/api/v1/services/rounds/2025-late/applications", AccessRulesTests.Upload("later.csv", lines[0] + "\n" + string.Join(',', cells))),
            HttpStatusCode.Conflict);
        Assert.Contains("round 2025-late is closed", closed.GetProperty("detail").GetString());
        Assert.Contains("2025-late 轮次已关闭", closed.GetProperty("detailZh").GetString());
        await Json(await admin.PostAsync("/api/v1/services/rounds/2025-late/score?on=2025-06-01", null), HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Talent_RetentionByCohort_CountyViewerSeesItsCounty(string engine)
    {
        var app = TestApp.For(engine);
        if (!app.Store.Services.TalentIntake().Any())
        {
            app.Store.Import("talent-intake", TestApp.RepoFile("data/examples/talent-intake.csv"));
            app.Store.Import("graduates", TestApp.RepoFile("data/examples/graduates.csv"));
        }

        var intake = app.Store.Services.TalentIntake();
        using var analyst = await app.SignedIn("analyst");
        var cohorts = await Json(await analyst.GetAsync("/api/v1/services/talent/cohorts"), HttpStatusCode.OK);
        Assert.Equal(intake.Count, cohorts.EnumerateArray().Sum(c => c.GetProperty("intake").GetInt32()));
        Assert.All(cohorts.EnumerateArray(), c => Assert.Equal([1, 3, 5], c.GetProperty("after").EnumerateArray().Select(a => a.GetProperty("years").GetInt32())));
        foreach (var cohort in cohorts.EnumerateArray())
        {
            Assert.All(cohort.GetProperty("after").EnumerateArray(), a => Assert.Equal(cohort.GetProperty("intake").GetInt32(),
                a.GetProperty("stillLocal").GetInt32() + a.GetProperty("left").GetInt32() + a.GetProperty("notKnown").GetInt32()));
        }

        var retention = await Json(await analyst.GetAsync("/api/v1/services/talent/retention"), HttpStatusCode.OK);
        Assert.NotEmpty(retention.EnumerateArray());
        Assert.All(retention.EnumerateArray(), r => Assert.InRange(r.GetProperty("ratePercent").GetDouble(), 0, 100));
        // The batches the records came in, in parts (the page names them in the reader's language), beside the English note.
        Assert.All(retention.EnumerateArray(), r => Assert.Equal(
            string.Join("; ", r.GetProperty("batches").EnumerateArray().Select(b => $"batch {b.GetProperty("batch").GetString()} ({b.GetProperty("sourceId").GetString()})")),
            r.GetProperty("sources").GetString()));

        using var viewer = await app.SignedIn("viewer-lucheng");
        var own = await Json(await viewer.GetAsync("/api/v1/services/talent/cohorts"), HttpStatusCode.OK);
        Assert.Equal(intake.Count(p => p.RegionCode.StartsWith(TestApp.Lucheng, StringComparison.Ordinal)), own.EnumerateArray().Sum(c => c.GetProperty("intake").GetInt32()));
        Assert.Equal(["after"], Fields(await Json(await viewer.GetAsync("/api/v1/services/talent/cohorts?after=1,x"), HttpStatusCode.BadRequest)));
        Assert.Equal(["category"], Fields(await Json(await viewer.GetAsync("/api/v1/services/talent/cohorts?category=Z"), HttpStatusCode.BadRequest)));
        using var provider = await app.SignedIn("provider");
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/api/v1/services/talent/cohorts")).StatusCode);
    }
}
