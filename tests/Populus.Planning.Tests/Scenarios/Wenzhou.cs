using Populus.Planning.Scenarios;
using Populus.Storage.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>The default Wenzhou scenario model and scenarios, loaded once from the repository's data/.</summary>
internal static class Wenzhou
{
    private static readonly Lazy<ScenarioModel> LazyModel = new(() => ScenarioModelFile.Load(DataFolder));
    private static readonly Lazy<IReadOnlyList<Scenario>> LazyScenarios = new(() => ScenarioFile.Read(Path.Combine(DataFolder, "scenarios")));

    public static string DataFolder => Path.GetDirectoryName(Path.GetDirectoryName(RepoData.Path("plan/regions.csv")))!;

    public static ScenarioModel Model => LazyModel.Value;

    public static IReadOnlyList<Scenario> Scenarios => LazyScenarios.Value;

    public static Scenario Scenario(string name) => Scenarios.Single(s => s.Name == name);
}
