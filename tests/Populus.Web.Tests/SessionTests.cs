using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Populus.Web.Tests;

/// <summary>A cookie session lasts only while its account is as it was at sign-in: disabling, enabling and a password
/// change end it at once, on every engine.</summary>
public sealed class SessionTests
{
    private static string Unmask => $"/api/v1/registry/persons?id={TestApp.LuchengPerson.Disclose()}&unmask=true&purpose=check+after+disable";

    /// <summary>A new city analyst with the test password; its id.</summary>
    internal static async Task<long> NewAnalyst(HttpClient admin, string userName)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName, role = "city_analyst", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("id").GetInt64();
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task DisablingAnAccount_EndsItsSignedInSessionAtOnce(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        var name = "gone-" + Guid.NewGuid().ToString("N")[..8];
        var id = await NewAnalyst(admin, name);
        using var session = await app.SignedIn(name);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(Unmask)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/accounts/{id}/disable", null)).StatusCode);
        var refused = await session.GetAsync(Unmask);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain(TestApp.LuchengPerson.Disclose(), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Not signed in any more: the current account is none (204), and the cookie is gone.
        Assert.Equal(HttpStatusCode.NoContent, (await session.GetAsync("/api/v1/auth/me")).StatusCode);

        // Enabling again does not bring the old session back: it signs in anew.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/accounts/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(Unmask)).StatusCode);
        using var again = await app.SignedIn(name);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(Unmask)).StatusCode);

        using var auditor = await app.SignedIn("auditor");
        var log = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?account={name}&action=session-refused");
        Assert.Equal("the account is disabled", log.EnumerateArray().Single().GetProperty("detail").GetString());
        var changes = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?account=admin");
        Assert.Contains(changes.EnumerateArray(), e => e.GetProperty("action").GetString() == "account-enabled" && e.GetProperty("subject").GetString() == name);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task ChangingThePassword_EndsTheOtherSessions_AndKeepsTheOneThatChangedIt(string engine)
    {
        var app = TestApp.For(engine);
        using var admin = await app.SignedIn("admin");
        var name = "pw-" + Guid.NewGuid().ToString("N")[..8];
        await NewAnalyst(admin, name);
        using var first = await app.SignedIn(name);
        using var second = await app.SignedIn(name);

        var changed = await first.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = TestApp.Password, newPassword = "a new password of 2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Unmask)).StatusCode);
        Assert.Equal(name, (await first.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(Unmask)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await second.GetAsync("/api/v1/auth/me")).StatusCode);
        // The session that changed it goes on posting with its antiforgery token.
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/v1/auth/logout", null)).StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_CannotDisableItsOwnAccount()
    {
        var app = TestApp.For("duckdb");
        using var admin = await app.SignedIn("admin");
        var id = app.Store.Accounts.FindAccount("admin")!.Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/v1/accounts/{id}/disable", null)).StatusCode);
        Assert.False(app.Store.Accounts.FindAccount("admin")!.Disabled);
    }
}
