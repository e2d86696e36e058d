using Populus.Planning.Catalogue;
using Populus.Planning.Targets;

namespace Populus.Storage.Scenarios;

/// <summary>The plan's regions, indicator catalogue and targets, read from data/plan.</summary>
public sealed record PlanFiles(RegionRegistry Regions, IndicatorCatalogue Catalogue, TargetBook Book)
{
    /// <exception cref="CatalogueException">A file does not parse (every problem listed).</exception>
    public static PlanFiles Load(string dataFolder)
    {
        string Text(string name) => File.ReadAllText(Path.Combine(dataFolder, "plan", name));
        var regions = RegionRegistry.Parse(Text("regions.csv"));
        var catalogue = IndicatorCatalogue.Parse(Text("indicator-catalogue.csv"), regions);
        var book = TargetBook.Parse(catalogue, Text("plan-indicators.csv"), Text("targets-text.csv"));
        return new PlanFiles(regions, catalogue, book);
    }
}
