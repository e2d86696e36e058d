using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.PlanData;

/// <summary>
/// The indicators the store's <c>indicator_value</c> table holds, and the units each is read in: the plan's catalogue
/// entries (in the catalogue's unit), the series catalogue formulas read (<see cref="ScalarSeries"/>) and the
/// statistics bureau's annual rates the estimates read. An import of any other indicator, or in a unit that is not
/// read, is refused: plan monitoring would leave the figure out and say that nothing was reported.
/// </summary>
public static class StoredIndicators
{
    /// <summary>The bureau's annual figures seeded from data/wenzhou/wenzhou_annual.csv that no catalogue entry
    /// reports, with their units: the annual estimates read the birth and death rates; the natural growth rate and the
    /// health system's birth count (beside the bulletin's) are kept as the bureau gives them.</summary>
    public static readonly IReadOnlyDictionary<string, string> BureauFigures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["birth_rate"] = "per mille",
        ["death_rate"] = "per mille",
        ["natural_growth_rate"] = "per mille",
        ["births_health_system"] = "persons",
    };

    /// <summary>The catalogue's indicator ids and their units, read from <c>plan/indicator-catalogue.csv</c> of the data folder.</summary>
    public static IReadOnlyDictionary<string, string> CatalogueUnits(string dataFolder)
    {
        using var table = CsvTable.Open(Path.Combine(dataFolder, "plan", "indicator-catalogue.csv"), "id", "unit");
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in table.Records())
        {
            if (r.Text("id") is { } id && r.Text("unit") is { } unit)
            {
                units[id] = unit;
            }
        }

        table.ThrowIfInvalid();
        return units;
    }

    /// <summary>
    /// A stored figure in the catalogue's unit: the store keeps counts in persons where the plan states them in 10k
    /// persons. A figure in any other unit is not the catalogue's measure (null).
    /// </summary>
    public static double? InCatalogueUnit(double value, string storedUnit, string catalogueUnit) =>
        string.Equals(storedUnit, catalogueUnit, StringComparison.OrdinalIgnoreCase) ? value
        : storedUnit == "persons" && catalogueUnit == "10k persons" ? value / 10_000
        : null;

    /// <summary>A stored series figure in the series' unit (<see cref="ScalarSeries.Units"/>): GDP in 100m CNY is
    /// converted to CNY, counts in 10k persons to persons; any other unit is not the series' measure (null).</summary>
    public static double? InSeriesUnit(double value, string storedUnit, string series) =>
        ScalarSeries.Units.GetValueOrDefault(series) switch
        {
            { } unit when string.Equals(storedUnit, unit, StringComparison.OrdinalIgnoreCase) => value,
            "CNY" when storedUnit == "100m CNY" => value * 1e8,
            "persons" when storedUnit == "10k persons" => value * 1e4,
            _ => null,
        };

    /// <summary>Why the store holds no figure of <paramref name="indicator"/>, or null when it does.</summary>
    /// <param name="indicator">The indicator's id as a file names it.</param>
    /// <param name="catalogueUnits">The catalogue's ids and units, from <see cref="CatalogueUnits"/>.</param>
    public static Reason? IndicatorProblem(string indicator, IReadOnlyDictionary<string, string> catalogueUnits)
    {
        ArgumentNullException.ThrowIfNull(catalogueUnits);
        if (catalogueUnits.ContainsKey(indicator) || ScalarSeries.IsKnown(indicator) || BureauFigures.ContainsKey(indicator))
        {
            return null;
        }

        var others = string.Join(", ", ScalarSeries.Units.Keys.Concat(BureauFigures.Keys));
        return new Reason(
            $"not an indicator of the plan's catalogue (data/plan/indicator-catalogue.csv) nor a series plan monitoring or the estimates read ({others}): a figure of it would never be shown",
            $"既不是指标目录（data/plan/indicator-catalogue.csv）中的指标，也不是规划监测或人口估计读取的序列（{others}）：该数值不会被使用");
    }

    /// <summary>Why a figure of <paramref name="indicator"/> (one <see cref="IndicatorProblem"/> accepts) cannot be
    /// stored in <paramref name="unit"/>, or null when it can.</summary>
    /// <param name="indicator">The indicator's id.</param>
    /// <param name="unit">The unit the figure is given in.</param>
    /// <param name="catalogueUnits">The catalogue's ids and units, from <see cref="CatalogueUnits"/>.</param>
    public static Reason? UnitProblem(string indicator, string unit, IReadOnlyDictionary<string, string> catalogueUnits)
    {
        ArgumentNullException.ThrowIfNull(catalogueUnits);
        if (catalogueUnits.TryGetValue(indicator, out var catalogueUnit))
        {
            return InCatalogueUnit(1, unit, catalogueUnit) is null
                ? WrongUnit(indicator, unit, catalogueUnit == "10k persons" ? "10k persons (or persons)" : catalogueUnit, "the plan's catalogue", "指标目录")
                : null;
        }

        if (ScalarSeries.Units.TryGetValue(indicator, out var seriesUnit))
        {
            return InSeriesUnit(1, unit, indicator) is null
                ? WrongUnit(indicator, unit, seriesUnit == "CNY" ? "CNY (or 100m CNY)" : "persons (or 10k persons)", "the series catalogue formulas read", "指标公式读取的序列")
                : null;
        }

        var bureauUnit = BureauFigures[indicator];
        return string.Equals(unit, bureauUnit, StringComparison.OrdinalIgnoreCase) ? null
            : WrongUnit(indicator, unit, bureauUnit, "the statistics bureau's annual figures", "统计局年度数据");
    }

    private static Reason WrongUnit(string indicator, string unit, string expected, string where, string whereZh) =>
        new($"{where} measures {indicator} in {expected}, not '{unit}': give the figure in that unit",
            $"{whereZh}中 {indicator} 的单位是 {expected}，不是“{unit}”：请按该单位报送");
}
