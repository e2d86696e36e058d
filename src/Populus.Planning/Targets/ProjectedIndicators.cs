using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;

namespace Populus.Planning.Targets;

/// <summary>Indicator values a projection expects under one scenario, the input of <see cref="TargetEvaluator"/>
/// for years after the evaluation year.</summary>
public sealed class ProjectedIndicators
{
    private readonly Dictionary<(string, string, int), double> _values = [];
    private readonly RegionRegistry? _regions;

    /// <param name="scenario">The scenario's name.</param>
    /// <param name="regions">When given, regions may be named by code or Chinese name (values are kept by code).</param>
    public ProjectedIndicators(string scenario, RegionRegistry? regions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        Scenario = scenario;
        _regions = regions;
    }

    public string Scenario { get; }

    /// <summary>Removes every value (a probabilistic run refills one instance for each trajectory it judges).</summary>
    internal void Clear() => _values.Clear();

    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public ProjectedIndicators Add(string indicatorId, string region, int year, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"projected {indicatorId} for {region} in {year} must be finite.");
        }

        _values[(indicatorId, Key(region), year)] = value;
        return this;
    }

    /// <summary>Fills in computed indicators from projected data (a projection's population written to an
    /// <see cref="IIndicatorData"/>), for every year in the range; years whose inputs are missing are left out
    /// and later evaluated as 'no data' with the calculator's reason.</summary>
    public static ProjectedIndicators Compute(string scenario, IndicatorCalculator projected, IEnumerable<string> indicatorIds, string region, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(projected);
        region = projected.Catalogue.Regions.KeyOrSelf(region);
        var result = new ProjectedIndicators(scenario, projected.Catalogue.Regions);
        foreach (var id in indicatorIds)
        {
            for (var y = firstYear; y <= lastYear; y++)
            {
                var v = projected.Recompute(id, region, y);
                if (v.HasValue)
                {
                    result.Add(id, region, y, v.Value);
                }
            }
        }

        return result;
    }

    public IndicatorValue Get(string indicatorId, string region, int year) =>
        _values.TryGetValue((indicatorId, Key(region), year), out var v)
            ? IndicatorValue.Of(indicatorId, region, year, v, Provenance.Projected(Scenario), ValueBasis.Computed)
            : IndicatorValue.NoData(indicatorId, region, year, $"the projection '{Scenario}' has no {indicatorId} for {region} in {year}");

    private string Key(string region) => _regions?.KeyOrSelf(region) ?? region;
}
