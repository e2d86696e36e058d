using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Populus.Web.Tests;

/// <summary>Person look-up: masked by default, unmasked only with a role that may and a stated purpose, and audited.</summary>
public sealed class RegistryTests
{
    private static string Lookup(string? extra = null) => $"/api/v1/registry/persons?id={TestApp.LuchengPerson.Disclose()}{extra}";

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Person_IsMaskedByDefault(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("analyst");
        var text = await client.GetStringAsync(Lookup());
        var person = JsonDocument.Parse(text).RootElement;
        Assert.True(person.GetProperty("masked").GetBoolean());
        Assert.Equal("330302************", person.GetProperty("nationalId").GetString());
        Assert.Equal("1990", person.GetProperty("birthDate").GetString());
        Assert.DoesNotContain(TestApp.LuchengPerson.Disclose()[6..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("05-17", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Unmask_NeedsAPurposeAndIsAudited(string engine)
    {
        var app = TestApp.For(engine);
        using var analyst = await app.SignedIn("analyst");
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync(Lookup("&unmask=true"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync(Lookup("&unmask=true&purpose=why"))).StatusCode);

        var purpose = "case review " + Guid.NewGuid().ToString("N")[..8];
        var request = new HttpRequestMessage(HttpMethod.Get, Lookup("&unmask=true"));
        request.Headers.Add("X-Purpose", purpose);
        var person = await (await analyst.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(person.GetProperty("masked").GetBoolean());
        Assert.Equal(TestApp.LuchengPerson.Disclose(), person.GetProperty("nationalId").GetString());
        Assert.Equal("1990-05-17", person.GetProperty("birthDate").GetString());

        using var auditor = await app.SignedIn("auditor");
        var entries = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=unmask&account=analyst");
        var entry = entries.EnumerateArray().Single(e => e.GetProperty("purpose").GetString() == purpose);
        Assert.Equal("registry person 1", entry.GetProperty("subject").GetString());
        Assert.Equal("city_analyst", entry.GetProperty("role").GetString());
        Assert.DoesNotContain(TestApp.LuchengPerson.Disclose(), (await auditor.GetStringAsync("/api/v1/audit")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task RolesWithoutPersonAccess_AreRefused(string engine)
    {
        var app = TestApp.For(engine);
        foreach (var user in new[] { "provider", "auditor" })
        {
            using var client = await app.SignedIn(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Lookup("&unmask=true&purpose=looking+around"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/registry/aggregates")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task CountyViewer_SeesOnlyItsCounty_Masked(string engine)
    {
        using var viewer = await TestApp.For(engine).SignedIn("viewer-lucheng");
        var view = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/registry/aggregates?asOf=2020-11-01");
        Assert.Equal([TestApp.Lucheng], view.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("region").GetString()).Distinct());
        var hukou = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/registry/aggregates?asOf=2020-11-01&basis=hukou");
        Assert.All(hukou.GetProperty("rows").EnumerateArray(), r => Assert.Equal(TestApp.Lucheng, r.GetProperty("region").GetString()));

        var own = await viewer.GetFromJsonAsync<JsonElement>(Lookup());
        Assert.True(own.GetProperty("masked").GetBoolean());
        Assert.Equal("330302************", own.GetProperty("nationalId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(Lookup("&unmask=true&purpose=case+review+1234"))).StatusCode);

        // Another county's person is not there for this reader (the statement carries the scope): 404, not 403.
        var other = await viewer.GetAsync($"/api/v1/registry/persons?id={TestApp.LongwanPerson.Disclose()}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("1985", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Engines), MemberType = typeof(TestApp))]
    public async Task Aggregates_CountThePersonsByRegionSexAndAge(string engine)
    {
        using var client = await TestApp.For(engine).SignedIn("admin");
        var view = await client.GetFromJsonAsync<JsonElement>("/api/v1/registry/aggregates?asOf=2020-11-01");
        var rows = view.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("region").GetString(), r.GetProperty("sex").GetString(), r.GetProperty("age").GetString(), r.GetProperty("persons").GetInt64())).ToList();
        Assert.Equal([("330302", "male", "15-59", 1L), ("330303", "female", "15-59", 1L)], rows);
    }
}
