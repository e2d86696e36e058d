using System.Globalization;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;

namespace Populus.Planning.Targets;

/// <summary>
/// The plan's targets, read from <c>plan-indicators.csv</c> (Table 6: target_2025/2030/2035) and
/// <c>targets-text.csv</c> (the text's targets), linked to catalogue entries by <c>plan_id</c> and
/// <c>text_target_ids</c>. Every target must be readable and linked, or the book is refused with every problem.
/// </summary>
/// <remarks>targets-text rows of <c>target_type=policy-rule</c> (eligibility thresholds, policy parameters) are
/// not monitored and are not read.</remarks>
public sealed class TargetBook
{
    private static readonly int[] PlanYears = [2025, 2030, 2035];

    private readonly Dictionary<string, PlanTarget[]> _byIndicator; // each indicator's targets in year order
    private readonly IndicatorCatalogue _catalogue;

    private TargetBook(IndicatorCatalogue catalogue, string region, IReadOnlyList<PlanTarget> targets, IReadOnlyList<ReportedValue> baseFigures)
    {
        _catalogue = catalogue;
        Region = region;
        Targets = targets;
        BaseFigures = baseFigures;
        // A probability judges each target in every trajectory and asks for the indicator's earlier target each time.
        _byIndicator = targets.GroupBy(t => t.IndicatorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Year ?? int.MaxValue).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The region the plan sets its targets for, as the catalogue keys it (温州市's code).</summary>
    public string Region { get; }

    public IReadOnlyList<PlanTarget> Targets { get; }

    /// <summary>True when the targets of <paramref name="entry"/> are held against <paramref name="region"/> (as the
    /// catalogue keys it): where the indicator applies, and — when the targets are the plan region's — in another
    /// region only for a rate, the plan region's target then a benchmark (a county's TFR against the city's 1.35); the
    /// city's 10 million residents are not a county's target.</summary>
    public bool AppliesTo(IndicatorEntry entry, string region)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.AppliesTo(region) && (region == Region || entry.Measure == IndicatorMeasure.Rate || !entry.AppliesTo(Region));
    }

    /// <summary>True when <paramref name="target"/> is held against <paramref name="region"/> (name or code; <see cref="AppliesTo"/>).</summary>
    public bool IsHeldAgainst(PlanTarget target, string region)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AppliesTo(_catalogue[target.IndicatorId], _catalogue.Regions.KeyOrSelf(region));
    }

    /// <summary>The targets held against <paramref name="region"/> (name or code), in the book's order.</summary>
    public IEnumerable<PlanTarget> HeldAgainst(string region)
    {
        var key = _catalogue.Regions.KeyOrSelf(region);
        return Targets.Where(t => AppliesTo(_catalogue[t.IndicatorId], key));
    }

    /// <summary>True when the targets of <paramref name="entry"/>, held against <paramref name="region"/>, are the plan
    /// region's, as a benchmark (see <see cref="AppliesTo"/>).</summary>
    public bool IsBenchmark(IndicatorEntry entry, string region)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return region != Region && entry.AppliesTo(Region);
    }

    /// <summary>Table 6's 2020 base values as reported figures for the plan's region (the cumulative ones' brackets removed).</summary>
    public IReadOnlyList<ReportedValue> BaseFigures { get; }

    /// <summary>The targets of one indicator, in year order (standing targets last).</summary>
    public IReadOnlyList<PlanTarget> For(string indicatorId) => _byIndicator.TryGetValue(indicatorId, out var targets) ? targets : [];

    /// <param name="region">The region the plan sets its targets for (name or code).</param>
    /// <exception cref="CatalogueException">A target cannot be read, or a row is not linked to the catalogue.</exception>
    public static TargetBook Parse(IndicatorCatalogue catalogue, string planIndicatorsCsv, string targetsTextCsv, string region,
        string planSource = "plan-indicators.csv", string textSource = "targets-text.csv", int baseYear = 2020)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<CatalogueError>();
        var targets = new List<PlanTarget>();
        var baseFigures = new List<ReportedValue>();

        var plan = CsvText.Parse(planIndicatorsCsv, planSource, "id", "name_zh", "base_2020", "target_2025", "target_2030", "target_2035", "target_2025_zh", "target_2030_zh", "target_2035_zh");
        foreach (var (line, cells) in plan.Rows)
        {
            var planId = plan.Cell(cells, "id");
            var entryName = $"indicator {planId} {plan.Cell(cells, "name_zh")} (line {line})";
            var entry = catalogue.ByPlanId(planId);
            if (entry is null)
            {
                errors.Add(new CatalogueError(planSource, entryName, "id", planId, "no catalogue entry has this plan_id"));
                continue;
            }

            foreach (var year in PlanYears)
            {
                var field = $"target_{year}";
                var printed = plan.Cell(cells, field);
                if (TargetRule.TryParse(printed, out var rule, out var reason))
                {
                    targets.Add(new PlanTarget(entry.Id, year, rule!, baseYear, plan.Cell(cells, field + "_zh"), $"{planSource} id {planId} {field}"));
                }
                else
                {
                    errors.Add(new CatalogueError(planSource, entryName, field, printed, reason!));
                }
            }

            var baseText = plan.Cell(cells, "base_2020").Trim('[', ']');
            if (baseText.Length > 0)
            {
                try
                {
                    baseFigures.Add(new ReportedValue(entry.Id, region, baseYear, baseText, Provenance.Observed($"plan Table 6 base {baseYear}")));
                }
                catch (ArgumentException e)
                {
                    errors.Add(new CatalogueError(planSource, entryName, "base_2020", baseText, e.Message));
                }
            }
        }

        var text = CsvText.Parse(targetsTextCsv, textSource, "id", "name_zh", "comparator", "value", "value_zh", "target_year", "base_year", "target_type");
        foreach (var (line, cells) in text.Rows)
        {
            var id = text.Cell(cells, "id");
            var entryName = $"text target {id} {text.Cell(cells, "name_zh")} (line {line})";
            if (text.Cell(cells, "target_type") == "policy-rule")
            {
                continue;
            }

            var entry = catalogue.ByTextTarget(id);
            if (entry is null)
            {
                errors.Add(new CatalogueError(textSource, entryName, "id", id, "no catalogue entry lists this id in text_target_ids"));
                continue;
            }

            var comparator = text.Cell(cells, "comparator");
            if (!TargetRule.TryFromText(comparator, text.Cell(cells, "value"), text.Cell(cells, "value_zh"), out var rule, out var reason))
            {
                errors.Add(new CatalogueError(textSource, entryName, "comparator", $"{comparator} {text.Cell(cells, "value")}".Trim(), reason!));
                continue;
            }

            int? year = null;
            var yearText = text.Cell(cells, "target_year");
            if (yearText.Length > 0)
            {
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                {
                    errors.Add(new CatalogueError(textSource, entryName, "target_year", yearText, "not a year"));
                    continue;
                }

                year = y;
            }

            var baseText = text.Cell(cells, "base_year");
            var b = baseText.Length > 0 && int.TryParse(baseText, NumberStyles.None, CultureInfo.InvariantCulture, out var by) ? by : baseYear;
            targets.Add(new PlanTarget(entry.Id, year, rule!, b, text.Cell(cells, "value_zh"), $"{textSource} {id}"));
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException($"{planSource} + {textSource}", errors);
        }

        return new TargetBook(catalogue, catalogue.Regions.KeyOrSelf(region), targets, baseFigures);
    }
}
