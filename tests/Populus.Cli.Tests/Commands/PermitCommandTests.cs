using System.Text.Json;

namespace Populus.Cli.Tests.Commands;

/// <summary>`populus permit`'s issuing city: given, or the store's plan city (docs/another-region.md), never a built-in one.</summary>
public sealed class PermitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("populus-cli-permit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PublishKeys_WithoutACity_IssuesForTheStoresPlanCity()
    {
        // The plan's city of the embedded data: the prefecture-level city (地级市) of the region codes the store is seeded from.
        var city = File.ReadLines(TestData.RepoPath("data/wenzhou/county_units_codes.csv")).Select(l => l.Split(',')).Single(f => f[3] == "地级市");

        var (exit, _, error) = CliRunner.Run("permit", "publish-keys", "--db", Path.Combine(_dir, "store.duckdb"), "--keys", Path.Combine(_dir, "keys"),
            "--out", Path.Combine(_dir, "keys.json"));

        Assert.True(exit == 0, error);
        using var keys = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "keys.json")));
        Assert.Equal(city[0], keys.RootElement.GetProperty("issuer").GetString());
        Assert.Equal(city[1], keys.RootElement.GetProperty("issuer_name").GetString());
    }

    [Fact]
    public void PublishKeys_ForAGivenCity_OpensNoStore()
    {
        var db = Path.Combine(_dir, "store.duckdb");

        var (exit, _, error) = CliRunner.Run("permit", "publish-keys", "--db", db, "--keys", Path.Combine(_dir, "keys"),
            "--city", "339900", "--city-name", "样例市", "--out", Path.Combine(_dir, "keys.json"));

        Assert.True(exit == 0, error);
        using var keys = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "keys.json")));
        Assert.Equal("339900", keys.RootElement.GetProperty("issuer").GetString());
        Assert.False(File.Exists(db));
    }
}
