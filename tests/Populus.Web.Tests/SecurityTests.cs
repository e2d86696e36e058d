using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Web.Hosting;

namespace Populus.Web.Tests;

/// <summary>Headers, CSRF, the sign-in rate limit, bearer tokens, the append-only audit log, row-level security.</summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/regions")]
    [InlineData("/openapi/v1.json")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        using var client = TestApp.For("duckdb").Client();
        var response = await client.GetAsync(url);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task CookiePost_WithoutAntiforgeryToken_IsRefused()
    {
        var app = TestApp.For("duckdb");
        using var client = await app.SignedIn("admin");
        var body = new { userName = "csrf-" + Guid.NewGuid().ToString("N")[..8], role = "auditor" };
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var refused = await client.PostAsJsonAsync("/api/v1/accounts", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(app.Store.Accounts.FindAccount(body.userName));

        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", "forged");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/accounts", body)).StatusCode);

        await client.CsrfAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/accounts", body)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = TestApp.For("duckdb").Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerAddress()
    {
        using var app = TestApp.Start("duckdb", loginLimit: 3, kestrel: false);
        using var client = app.Client();
        await client.CsrfAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "wrong password" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        // In the cockpit's first language too (the numbers as configured).
        Assert.Contains("最多尝试登录 3 次", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detailZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedAndUnknownUserLooksTheSame()
    {
        using var client = TestApp.For("duckdb").Client();
        await client.CsrfAsync();
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "not it" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody", password = "not it" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var (wrongProblem, unknownProblem) = (await wrong.Content.ReadFromJsonAsync<JsonElement>(), await unknown.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(wrongProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
        Assert.Equal(wrongProblem.GetProperty("detailZh").GetString(), unknownProblem.GetProperty("detailZh").GetString());
        Assert.Matches("^[^a-zA-Z]+$", wrongProblem.GetProperty("detailZh").GetString()); // the cockpit's sign-in form shows it as it is
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task BearerToken_WorksWithoutCsrf_AndUnknownTokensAreRefused(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        var provider = app.Store.Accounts.FindAccount("provider")!;
        var created = await admin.PostAsJsonAsync($"/api/v1/accounts/{provider.Id}/tokens", new { name = "department system", days = 30 });
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.StartsWith("pop_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Store.Accounts.ReadAudit().Entries, e => (e.Detail ?? "").Contains(token, StringComparison.Ordinal));

        using var system = app.Client();
        system.Bearer(token);
        var kinds = await system.GetFromJsonAsync<JsonElement>("/api/v1/imports/kinds");
        Assert.Equal("indicators", kinds[0].GetProperty("name").GetString());
        var upload = await system.PostAsync("/api/v1/imports/indicators", AccessRulesTests.Upload($"token-{Guid.NewGuid():N}.csv",
            "year,region,indicator,value,unit,department,figure_kind,source_id\n2023,330381,graduate_retention_rate,33.3,%,瑞安市教育局,observed,TEST\n"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        using var stranger = app.Client();
        stranger.Bearer(token[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/imports/kinds")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AuditLog_RecordsSignInsAndHasNoWayToChangeIt(string engine)
    {
        var app = TestApp.For(engine);
        using var auditor = await app.SignedIn("auditor");
        var entries = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=sign-in&account=auditor");
        Assert.NotEmpty(entries.EnumerateArray());
        var id = entries[0].GetProperty("id").GetInt64();

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            var response = await auditor.SendAsync(new HttpRequestMessage(method, $"/api/v1/audit/{id}") { Content = JsonContent.Create(new { purpose = "x" }) });
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method}: {response.StatusCode}");
        }

        // The store's interface has no member that could change or remove an entry.
        Assert.DoesNotContain(typeof(IAccountStore).GetMethods(), m => m.Name.Contains("Audit", StringComparison.Ordinal) && m.Name is not ("AppendAudit" or "ReadAudit"));
        if (engine == "postgres")
        {
            await using var connection = new NpgsqlConnection(app.Db);
            await connection.OpenAsync();
            foreach (var sql in new[] { $"UPDATE audit_log SET purpose = 'rewritten' WHERE id = {id}", $"DELETE FROM audit_log WHERE id = {id}", "TRUNCATE audit_log" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var ex = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
            }
        }

        Assert.Contains(app.Store.Accounts.ReadAudit(new AuditFilter(Account: "auditor")).Entries, e => e.Id == id);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AuditLog_IsReadByPage_WithTheTotalAndFilters(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        var name = "pager-" + Guid.NewGuid().ToString("N")[..8];
        await SessionTests.NewAnalyst(admin, name);
        using var analyst = await app.SignedIn(name);
        var lookup = $"/api/v1/registry/persons?id={TestApp.LuchengPerson.Disclose()}";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(lookup + "&unmask=true&purpose=paging+check+" + i)).StatusCode);
        }

        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(lookup)).StatusCode);
        }

        using var auditor = await app.SignedIn("auditor");
        var all = await auditor.GetAsync($"/api/v1/audit?account={name}&limit=10000");
        var ids = (await all.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), all.Headers.GetValues("X-Total-Count").Single());
        Assert.False(all.Headers.Contains("Link"));
        Assert.True(ids.Count > 10, $"{ids.Count} entries"); // a sign-in and ten look-ups, three of them unmasked

        // Page by page along the Link header: every entry once, newest first, the total on each page.
        var paged = new List<long>();
        for (var next = $"/api/v1/audit?account={name}&limit=4"; next is not null;)
        {
            var page = await auditor.GetAsync(next);
            var rows = (await page.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
            Assert.InRange(rows.Count, 1, 4);
            Assert.Equal(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Headers.GetValues("X-Total-Count").Single());
            paged.AddRange(rows);
            Assert.True(paged.Count <= ids.Count, "a page repeats entries");
            next = page.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
        }

        Assert.Equal(ids, paged);

        var unmasked = await auditor.GetAsync($"/api/v1/audit?account={name}&action=unmask&limit=2");
        Assert.Equal("3", unmasked.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(2, (await unmasked.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(3, (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?account={name}&action=unmask&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).GetArrayLength());
        Assert.Equal(0, (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?account={name}&to={today.AddDays(-1):yyyy-MM-dd}")).GetArrayLength());
        Assert.Equal(0, (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?account={name}&from={today.AddDays(1):yyyy-MM-dd}")).GetArrayLength());
    }

    [PostgresFact]
    public async Task RowLevelSecurity_HidesOtherCountiesEvenWithoutTheQueryCondition()
    {
        var app = TestApp.For("postgres");
        await using var connection = new NpgsqlConnection(app.Db);
        await connection.OpenAsync();

        async Task<List<string>> Counties(string? region)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var role = new NpgsqlCommand("SET LOCAL ROLE populus_county_reader", connection, transaction))
            {
                await role.ExecuteNonQueryAsync();
            }

            if (region is not null)
            {
                await using var set = new NpgsqlCommand("SELECT set_config('app.region', $1, true)", connection, transaction) { Parameters = { new() { Value = region } } };
                await set.ExecuteNonQueryAsync();
            }

            var found = new List<string>();
            await using (var read = new NpgsqlCommand("SELECT DISTINCT substr(region_code, 1, 6) FROM population UNION SELECT DISTINCT substr(region_code, 1, 6) FROM indicator_value", connection, transaction))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found.Add(reader.GetString(0));
                }
            }

            await transaction.RollbackAsync();
            return found;
        }

        Assert.Equal([TestApp.Lucheng], await Counties(TestApp.Lucheng));
        Assert.Equal([TestApp.Longwan], (await Counties(TestApp.Longwan)).Distinct());
        Assert.Empty(await Counties(null));
    }

    [Fact]
    public void FirstRun_PrintsTheAdministratorPasswordOnce()
    {
        var folder = Directory.CreateTempSubdirectory("populus-firstrun-");
        try
        {
            using var store = PopulusStore.Open(Path.Combine(folder.FullName, "fresh.duckdb"));
            var hasher = new PasswordHasher<Account>();
            var first = new StringWriter();
            FirstRun.EnsureAdministrator(store, hasher, first);
            var password = first.ToString().Split('\n').Single(l => l.Contains("password:", StringComparison.Ordinal)).Split(':')[1].Trim();
            Assert.Equal(20, password.Length);
            var admin = store.Accounts.FindAccount(FirstRun.AdministratorName)!;
            Assert.Equal(AccountRole.Administrator, admin.Role);
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(admin, store.Accounts.PasswordHash("admin")!, password));
            Assert.DoesNotContain(password, store.Accounts.PasswordHash("admin")!, StringComparison.Ordinal);

            var second = new StringWriter();
            FirstRun.EnsureAdministrator(store, hasher, second);
            Assert.Equal("", second.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that needs PostgreSQL: skipped (visibly) when POPULUS_TEST_PG is missing locally, run on CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestApp.PostgresServer is null && !TestApp.OnCi)
        {
            Skip = $"{TestApp.PostgresVariable} is not set; run ./test.sh (it starts PostgreSQL) to include the PostgreSQL cases.";
        }
    }
}
