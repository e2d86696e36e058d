using Populus.Planning.Catalogue;
using Populus.Planning.Targets;
using Populus.Storage;
using Populus.Storage.PlanData;

namespace Populus.Web.Plan;

/// <summary>
/// The plan's indicator catalogue and targets, parsed once from the files of data/plan (embedded), over the store's
/// regions and groupings (the one source of regions, see docs/storage.md).
/// </summary>
internal sealed class PlanBook
{
    private PlanBook(RegionRegistry regions, IndicatorCatalogue catalogue, TargetBook targets)
    {
        Regions = regions;
        Catalogue = catalogue;
        Targets = targets;
    }

    public RegionRegistry Regions { get; }

    public IndicatorCatalogue Catalogue { get; }

    public TargetBook Targets { get; }

    /// <summary>The code of the region the plan sets its targets for (the city whose counties the store holds).</summary>
    public string PlanRegion => Targets.Region;

    /// <summary>The 20 main indicators of the plan's Table 6, in the table's order.</summary>
    public IReadOnlyList<IndicatorEntry> MainIndicators => [.. Catalogue.Entries
        .Where(e => e.PlanId is not null)
        .OrderBy(e => int.Parse(e.PlanId!, System.Globalization.CultureInfo.InvariantCulture))];

    /// <exception cref="CatalogueException">A plan file is invalid (every problem is listed).</exception>
    public static PlanBook Load(IPopulusStore store)
    {
        var regions = PlanningRegions.From(store);
        var catalogue = IndicatorCatalogue.Parse(Text("indicator-catalogue.csv"), regions);
        var targets = TargetBook.Parse(catalogue, Text("plan-indicators.csv"), Text("targets-text.csv"), PlanningRegions.PlanRegion(store));
        return new PlanBook(regions, catalogue, targets);
    }

    private static string Text(string file)
    {
        using var stream = typeof(PlanBook).Assembly.GetManifestResourceStream($"Populus.Web.Plan.{file}")
                           ?? throw new InvalidOperationException($"data/plan/{file} is not embedded in Populus.Web.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
