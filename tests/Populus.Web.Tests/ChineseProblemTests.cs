using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Populus.Web.Tests;

/// <summary>
/// The server's refusals in Chinese as well (docs/api.md "Errors"): every problem the cockpit may show carries
/// <c>detailZh</c>, a Chinese sentence, beside its English <c>detail</c>, so a Chinese page never shows English words.
/// </summary>
public sealed class ChineseProblemTests
{
    /// <summary>Words of an English sentence (codes, names and numbers may be Latin).</summary>
    private const string EnglishWords = @"\b(of|in|the|no|not|needs?|has|is|are|by|either|must|wrong|taken)\b";

    /// <summary>A number with a valid check character (GB 11643-1999, the example of docs/storage.md) of no person in the test registry.</summary>
    private const string UnknownPerson = "11010519491231002X";

    private static async Task Chinese(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), body);
        Assert.True(problem.TryGetProperty("detailZh", out var zh), $"{response.RequestMessage.RequestUri}: no detailZh in {body}");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh.GetString());
        Assert.DoesNotMatch(EnglishWords, zh.GetString());
        Assert.DoesNotContain("(Parameter", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task ReadsTheCockpitMakes_AreRefusedInChineseToo(string engine)
    {
        using var analyst = await TestApp.For(engine).SignedIn("analyst");
        foreach (var (url, status) in new[]
                 {
                     ("/api/v1/indicators/nope/series", HttpStatusCode.NotFound),
                     ("/api/v1/indicators/resident_population/series?from=2030&to=2020", HttpStatusCode.BadRequest),
                     ("/api/v1/indicators/overview?region=nowhere", HttpStatusCode.NotFound),
                     ("/api/v1/population?age=abc", HttpStatusCode.BadRequest),
                     ($"/api/v1/registry/persons?id={UnknownPerson}", HttpStatusCode.NotFound),
                     ("/api/v1/registry/persons?id=330302199005171231", HttpStatusCode.BadRequest), // a wrong check character
                     ($"/api/v1/registry/persons?id={UnknownPerson}&unmask=true&purpose=short", HttpStatusCode.BadRequest),
                     ("/api/v1/services/talent/cohorts?category=Z", HttpStatusCode.BadRequest),
                     ("/api/v1/services/talent/cohorts?after=0", HttpStatusCode.BadRequest),
                     ("/api/v1/services/permits/NOPE", HttpStatusCode.NotFound),
                     ("/api/v1/probabilities/pyramid?year=2050", HttpStatusCode.BadRequest),
                 })
        {
            await Chinese(await analyst.GetAsync(url), status);
        }

        using var viewer = await TestApp.For(engine).SignedIn("viewer-lucheng");
        await Chinese(await viewer.GetAsync("/api/v1/population?region=330303"), HttpStatusCode.Forbidden);
        await Chinese(await viewer.GetAsync($"/api/v1/registry/persons?id={UnknownPerson}&unmask=true&purpose=checking+a+case"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task AccountAndPasswordRefusals_AreInChineseToo(string engine)
    {
        using var analyst = await TestApp.For(engine).SignedIn("analyst");
        await Chinese(await analyst.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not the password", newPassword = "a long enough new one" }), HttpStatusCode.BadRequest);
        await Chinese(await analyst.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = TestApp.Password, newPassword = "short" }), HttpStatusCode.BadRequest);
        await Chinese(await analyst.PostAsJsonAsync("/api/v1/projections/goal", new { indicator = "resident_population", year = 2035, lever = "nope" }), HttpStatusCode.BadRequest);

        using var admin = await TestApp.For(engine).SignedIn("admin");
        await Chinese(await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "analyst", displayName = "x", role = "city_analyst" }), HttpStatusCode.BadRequest);
        await Chinese(await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "new-viewer", displayName = "x", role = "county_viewer", regionCode = "999999" }), HttpStatusCode.BadRequest);
        await Chinese(await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "new-one", displayName = "x", role = "nobody" }), HttpStatusCode.BadRequest);
        await Chinese(await admin.PostAsync("/api/v1/accounts/999999/disable", null), HttpStatusCode.NotFound);
        await Chinese(await admin.PostAsJsonAsync("/api/v1/accounts/999999/tokens", new { name = "x", days = 30 }), HttpStatusCode.NotFound);
        using var upload = new MultipartFormDataContent { { new StringContent("a,b\n1,2\n"), "file", "x.csv" } };
        await Chinese(await admin.PostAsync("/api/v1/imports/nope", upload), HttpStatusCode.NotFound);
    }
}
