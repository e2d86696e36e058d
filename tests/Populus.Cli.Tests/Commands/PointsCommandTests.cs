using System.Text.Json;

namespace Populus.Cli.Tests.Commands;

/// <summary>`populus points`: an itemised score says why each item scored as it did in English and, on the line under it, in Chinese.</summary>
public sealed class PointsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("populus-cli-points-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Show_GivesEachItemsNote_InEnglishThenChinese_AndAReviewTheObjectedItems()
    {
        var db = Path.Combine(_dir, "store.duckdb");
        var keys = Path.Combine(_dir, "keys");
        var (exit, _, error) = CliRunner.Run("points", "score", "--round", "2025-school", "--on", "2025-05-31",
            "--applications", TestData.RepoPath("data/services/examples/applications.csv"), "--db", db, "--keys", keys);
        Assert.True(exit == 0, error);

        // S25-0003 paid insurance from 2022-09 (data/services/examples/applications.csv): fewer months in the window than the table's minimum.
        using var table = JsonDocument.Parse(File.ReadAllText(TestData.RepoPath("data/services/points-rules.example.json")));
        var insurance = table.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "social_insurance");
        var (shown, output, showError) = CliRunner.Run("points", "show", "S25-0003", "--db", db);
        Assert.True(shown == 0, showError);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var item = lines.FindIndex(l => l.TrimStart().StartsWith("social_insurance ", StringComparison.Ordinal));
        Assert.Contains($"below the minimum {insurance.GetProperty("minimum").GetDouble()}, no points", lines[item]);
        Assert.Matches($"^ +近 {insurance.GetProperty("window_months").GetInt32()} 个月缴费 \\d+ 个月：低于最低要求 {insurance.GetProperty("minimum").GetDouble()}，不计分$", lines[item + 1]);

        var (objected, objection, objectError) = CliRunner.Run("points", "object", "S25-0003", "--item", "education", "--reason", "the doctorate was not read", "--db", db);
        Assert.True(objected == 0, objectError);
        var id = objection.Split(' ')[1];
        File.WriteAllText(Path.Combine(_dir, "facts.json"), """{"education":"doctorate","title":"junior","housing":"rented"}""");
        var (reviewed, review, reviewError) = CliRunner.Run("points", "review", id, "--application", "S25-0003", "--uphold", "--outcome", "博士学位核实",
            "--facts", Path.Combine(_dir, "facts.json"), "--db", db);
        Assert.True(reviewed == 0, reviewError);
        var doctorate = table.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "education").GetProperty("points").GetProperty("doctorate").GetDouble();
        Assert.Contains($"博士研究生：{doctorate} 分", review);
    }
}
