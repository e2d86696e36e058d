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
    private readonly string _scenarioZh;
    private readonly Func<string, string, int, double?>? _source; // a view's values, read where they are kept

    /// <param name="scenario">The scenario's name.</param>
    /// <param name="regions">When given, regions may be named by code or Chinese name (values are kept by code).</param>
    /// <param name="scenarioLabelZh">The scenario as a Chinese reason names it (<see cref="Scenarios.Scenario.LabelZh"/>);
    /// “name”情景 when not given.</param>
    public ProjectedIndicators(string scenario, RegionRegistry? regions = null, string? scenarioLabelZh = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        Scenario = scenario;
        _regions = regions;
        _scenarioZh = scenarioLabelZh ?? Scenarios.Scenario.LabelZhOf(scenario);
    }

    /// <summary>A view of values kept elsewhere: <paramref name="source"/> gives the value of an indicator, region (by
    /// its key) and year, or null. A probabilistic run judges each of its trajectories through one view moved from
    /// trajectory to trajectory, instead of copying every value of each into a new table.</summary>
    internal ProjectedIndicators(string scenario, RegionRegistry? regions, string scenarioLabelZh, Func<string, string, int, double?> source)
        : this(scenario, regions, scenarioLabelZh)
    {
        _source = source;
    }

    public string Scenario { get; }

    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    /// <exception cref="InvalidOperationException">A view's values are read from their source, not added.</exception>
    public ProjectedIndicators Add(string indicatorId, string region, int year, double value)
    {
        if (_source is not null)
        {
            throw new InvalidOperationException("The values of a view of a probabilistic run are read from the run, not added.");
        }

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
    public static ProjectedIndicators Compute(string scenario, IndicatorCalculator projected, IEnumerable<string> indicatorIds, string region, int firstYear, int lastYear,
        string? scenarioLabelZh = null)
    {
        ArgumentNullException.ThrowIfNull(projected);
        region = projected.Catalogue.Regions.KeyOrSelf(region);
        var result = new ProjectedIndicators(scenario, projected.Catalogue.Regions, scenarioLabelZh);
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

    public IndicatorValue Get(string indicatorId, string region, int year)
    {
        var value = _source is not null ? _source(indicatorId, Key(region), year)
            : _values.TryGetValue((indicatorId, Key(region), year), out var v) ? v : null;
        if (value is { } found)
        {
            return IndicatorValue.Of(indicatorId, region, year, found, Provenance.Projected(Scenario), ValueBasis.Computed);
        }

        var name = _regions?.NameOf(region) ?? region;
        return IndicatorValue.NoData(indicatorId, region, year, new(
            $"the projection '{Scenario}' has no {indicatorId} for {name} in {year}", $"{_scenarioZh}的预测不含该指标（{name}，{year}年）"));
    }

    private string Key(string region) => _regions?.KeyOrSelf(region) ?? region;
}
