using Populus.Planning.Scenarios;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Planning.Tests.Scenarios;

/// <summary>The default Wenzhou scenario model and scenarios, loaded once from the repository's data/.</summary>
internal static class Wenzhou
{
    private static readonly Lazy<ScenarioModel> LazyModel = new(LoadModel);
    private static readonly Lazy<IReadOnlyList<Scenario>> LazyScenarios = new(() => ScenarioFile.Read(Path.Combine(DataFolder, "scenarios")));

    public static string DataFolder => Path.GetDirectoryName(Path.GetDirectoryName(RepoData.Path("plan/indicator-catalogue.csv")))!;

    public static ScenarioModel Model => LazyModel.Value;

    public static IReadOnlyList<Scenario> Scenarios => LazyScenarios.Value;

    public static Scenario Scenario(string name) => Scenarios.Single(s => s.Name == name);

    /// <summary>The model on the real base: the calibrated 2020 county populations a new store is seeded with.</summary>
    private static ScenarioModel LoadModel()
    {
        var folder = Directory.CreateTempSubdirectory("populus-wenzhou-base-").FullName;
        try
        {
            using var store = PopulusStore.Open(Path.Combine(folder, "store.duckdb"));
            var bases = ScenarioModelFile.StoreBase(store, DataFolder) ?? throw new InvalidOperationException("the seeded store has no calibrated 2020 county base");
            return ScenarioModelFile.Load(DataFolder, bases, ScenarioModelFile.StoreBaseSource);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
