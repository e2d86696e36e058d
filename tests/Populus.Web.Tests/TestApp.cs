using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Populus.Storage;
using Populus.Storage.Accounts;

namespace Populus.Web.Tests;

/// <summary>
/// The web host on a throwaway store of one engine, with one account per role and test figures for two counties
/// (鹿城区 330302 and 龙湾区 330303). One app per engine is shared by the whole test run (the host is thread-safe);
/// tests that change state use names of their own.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";
    public const string Lucheng = "330302";
    public const string Longwan = "330303";

    /// <summary>The reference date of the test population figures.</summary>
    public const string TestDay = "2015-11-01";

    private static readonly Dictionary<string, Lazy<TestApp>> Apps = new()
    {
        ["duckdb"] = new(() => Start("duckdb", loginLimit: 10_000, kestrel: false)),
        ["postgres"] = new(() => Start("postgres", loginLimit: 10_000, kestrel: false)),
    };

    private readonly string _engine;
    private readonly string _db;
    private readonly string? _schema;
    private readonly int _loginLimit;
    private readonly bool _kestrel;
    private readonly int? _trajectories;
    private readonly bool _registryKey;
    private readonly string _folder;

    private TestApp(string engine, int loginLimit, bool kestrel, int? trajectories, bool registryKey)
    {
        _registryKey = registryKey;
        _engine = engine;
        _loginLimit = loginLimit;
        _kestrel = kestrel;
        _trajectories = trajectories;
        _folder = Directory.CreateTempSubdirectory("populus-web-test-").FullName;
        if (engine == "duckdb")
        {
            _db = Path.Combine(_folder, "store.duckdb");
        }
        else
        {
            var server = PostgresServer ?? throw new InvalidOperationException(
                $"{PostgresVariable} is not set: on CI the PostgreSQL tests must run (scripts/test-env.sh starts a server).");
            _schema = "w_" + Guid.NewGuid().ToString("N")[..16];
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {_schema}";
            command.ExecuteNonQuery();
            _db = $"{server};Search Path={_schema}";
        }
    }

    public const string PostgresVariable = "POPULUS_TEST_PG";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>DuckDB always; PostgreSQL when a server is given (always on CI, where a missing server fails).</summary>
    public static TheoryData<string> Engines => PostgresServer is not null || OnCi ? ["duckdb", "postgres"] : ["duckdb"];

    public string Engine => _engine;

    /// <summary>The --db text of this app's store.</summary>
    public string Db => _db;

    public IPopulusStore Store => Services.GetRequiredService<IPopulusStore>();

    /// <summary>The base address of the real Kestrel port (browser tests).</summary>
    public Uri Address { get; private set; } = new("http://localhost");

    public static TestApp For(string engine) => Apps[engine].Value;

    /// <summary>A separate app (its own store and limits), for tests that need different settings; dispose it.</summary>
    /// <param name="engine">duckdb or postgres.</param>
    /// <param name="loginLimit">Sign-in attempts per window.</param>
    /// <param name="kestrel">Listen on a real port (browser tests).</param>
    /// <param name="trajectories">The cockpit's trajectories (--Populus:Trajectories); null: the default.</param>
    /// <param name="registry">False: the person registry is left empty (nothing imported yet).</param>
    /// <param name="registryKey">False: the server is started without naming the registry key file (and so with no registry).</param>
    public static TestApp Start(string engine, int loginLimit, bool kestrel, int? trajectories = null, bool registry = true, bool registryKey = true)
    {
        var app = new TestApp(engine, loginLimit, kestrel, trajectories, registryKey);
        if (kestrel)
        {
            app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            app.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            app.CreateClient().Dispose();
        }

        app.Seed(registry && registryKey);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Populus:Db", _db);
        builder.UseSetting("Populus:CreateAdministrator", "false");
        builder.UseSetting("Populus:LoginPermitLimit", _loginLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Populus:CacheSeconds", "0");
        if (_trajectories is { } n)
        {
            builder.UseSetting("Populus:Trajectories", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_registryKey)
        {
            builder.UseSetting("Populus:RegistryKeyFile", RegistryKeyFile);
        }

        builder.UseSetting("Populus:ServiceKeys", Path.Combine(_folder, "keys"));
        builder.UseEnvironment("Production");
    }

    /// <summary>Accounts of every role and figures of two counties.</summary>
    private void Seed(bool registry)
    {
        var hasher = new PasswordHasher<Account>();
        var store = Store;
        void Make(string user, AccountRole role, string? region = null, string[]? kinds = null) =>
            store.Accounts.CreateAccount(new NewAccount(user, user, role, region, kinds),
                hasher.HashPassword(new Account(0, user, user, role, region, kinds ?? [], DateTime.UtcNow, false), Password));
        Make("admin", AccountRole.Administrator);
        Make("analyst", AccountRole.CityAnalyst);
        Make("viewer-lucheng", AccountRole.CountyViewer, Lucheng);
        Make("viewer-longwan", AccountRole.CountyViewer, Longwan);
        Make("provider", AccountRole.DataProvider, kinds: ["indicators"]);
        Make("auditor", AccountRole.Auditor);

        var census = File("census-test.csv", CensusRows());
        store.Import("census", census, new ImportOptions { Batch = "web-test-census" });
        var indicators = File("indicators-test.csv",
            "year,region,indicator,value,unit,department,figure_kind,source_id\n" +
            $"2021,{Lucheng},graduate_retention_rate,41.5,%,鹿城区教育局,observed,TEST\n" +
            $"2021,{Longwan},graduate_retention_rate,36.2,%,龙湾区教育局,observed,TEST\n");
        store.Import("indicators", indicators, new ImportOptions { Batch = "web-test-indicators" });
        if (registry)
        {
            SeedRegistry();
        }
    }

    /// <summary>Test figures (source TEST, estimated) on the 2015 survey day, which the seeded store has no age-sex rows for:
    /// males and females by five-year group for both counties.</summary>
    private static string CensusRows()
    {
        var text = new System.Text.StringBuilder("reference_date,region,sex,age,persons,figure_kind,source_id\n");
        foreach (var (region, scale) in new[] { (Lucheng, 1.0), (Longwan, 0.6) })
        {
            for (var age = 0; age <= 85; age += 5)
            {
                var label = age == 85 ? "85+" : $"{age}-{age + 4}";
                var male = Math.Round((40_000 - age * 300) * scale);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{TestDay},{region},male,{label},{male},estimated,TEST\n");
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{TestDay},{region},female,{label},{Math.Round(male * 0.96)},estimated,TEST\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The person registry's key, in the test's folder.</summary>
    public string RegistryKeyFile => Path.Combine(_folder, "registry.key");

    /// <summary>Two registered persons: a man of 鹿城区 and a woman of 龙湾区 (test figures, not real people).</summary>
    public static readonly Populus.Storage.Registry.NationalIdNumber LuchengPerson =
        Populus.Storage.Registry.NationalIdNumber.Create(330302, new DateOnly(1990, 5, 17), 123);

    public static readonly Populus.Storage.Registry.NationalIdNumber LongwanPerson =
        Populus.Storage.Registry.NationalIdNumber.Create(330303, new DateOnly(1985, 2, 3), 42);

    private void SeedRegistry()
    {
        using var registry = Store.OpenRegistry(RegistryKeyFile);
        registry.Add(new Populus.Storage.Registry.Person(1, LuchengPerson, Populus.Demography.Sex.Male, new DateOnly(1990, 5, 17), 330302, 330302,
            Populus.Storage.Registry.UrbanRural.Urban, Populus.Planning.Data.EducationLevel.Bachelor, Populus.Storage.Registry.ResidencePermitStatus.NotRequired));
        registry.Add(new Populus.Storage.Registry.Person(2, LongwanPerson, Populus.Demography.Sex.Female, new DateOnly(1985, 2, 3), 330303, 330303,
            Populus.Storage.Registry.UrbanRural.Rural, Populus.Planning.Data.EducationLevel.SeniorSecondary, Populus.Storage.Registry.ResidencePermitStatus.NotRequired));
    }

    /// <summary>A file of the repository (e.g. data/services/examples/quotas.csv), found by walking up from the test's folder.</summary>
    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}.");
    }

    public string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A client signed in (cookie) as <paramref name="user"/>, sending the antiforgery token on every request.</summary>
    public async Task<HttpClient> SignedIn(string user)
    {
        var client = Client();
        await client.CsrfAsync();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await client.CsrfAsync();
        return client;
    }

    /// <summary>A client without credentials that keeps cookies.</summary>
    public HttpClient Client() => _kestrel
        ? new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address }
        : CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_schema is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP SCHEMA IF EXISTS {_schema} CASCADE";
            command.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the store file may still be closing; the temp folder is cleaned by the system
        }
    }
}

internal static class HttpClientExtensions
{
    /// <summary>Fetches the antiforgery token and sends it as X-CSRF-TOKEN from now on.</summary>
    public static async Task CsrfAsync(this HttpClient client)
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/csrf");
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", json.GetProperty("token").GetString());
    }

    public static void Bearer(this HttpClient client, string token) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
