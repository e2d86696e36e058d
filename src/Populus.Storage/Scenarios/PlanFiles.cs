using Populus.Planning.Catalogue;
using Populus.Planning.Targets;

namespace Populus.Storage.Scenarios;

/// <summary>The plan's indicator catalogue and targets, read from data/plan, over the store's regions and groupings.</summary>
public sealed record PlanFiles(RegionRegistry Regions, IndicatorCatalogue Catalogue, TargetBook Book)
{
    /// <exception cref="CatalogueException">A file does not parse (every problem listed).</exception>
    /// <param name="dataFolder">The data folder (its plan/ files are read).</param>
    /// <param name="regions">The regions and groupings, from the store (<see cref="PlanData.PlanningRegions.From"/>).</param>
    /// <param name="planRegion">The region the plan sets its targets for (<see cref="PlanData.PlanningRegions.PlanRegion"/>).</param>
    public static PlanFiles Load(string dataFolder, RegionRegistry regions, string planRegion)
    {
        string Text(string name) => File.ReadAllText(Path.Combine(dataFolder, "plan", name));
        var catalogue = IndicatorCatalogue.Parse(Text("indicator-catalogue.csv"), regions);
        var book = TargetBook.Parse(catalogue, Text("plan-indicators.csv"), Text("targets-text.csv"), planRegion);
        return new PlanFiles(regions, catalogue, book);
    }
}
