using Populus.Planning.Formulas;

namespace Populus.Planning.Catalogue;

/// <summary>
/// Every indicator Populus monitors, read from <c>data/plan/indicator-catalogue.csv</c>. Adding an indicator is
/// adding a row: formulas are parsed and checked when the catalogue loads, so a bad row is refused then, with the
/// entry, field and value named, rather than failing later in a report.
/// </summary>
/// <remarks>
/// Columns: <c>id, plan_id, text_target_ids, name_zh, name_en, unit, kind, formula, department, regions, better,
/// classes, sentence_zh, source, note</c>, and optionally <c>unit_zh</c>: the unit as the Chinese interface shows it
/// (absent or empty: the unit itself). <c>kind</c> is computed (formula required) or reported (department
/// required, no formula; <c>未指定</c> where the plan names none, read as no department). <c>regions</c> is read by <see cref="RegionRegistry"/>; formula <c>region=</c>
/// filters must name listed regions too. <c>better</c> is higher, lower or none. Optionally <c>measure</c>: rate
/// (absent or empty) or count, a count's targets being held against the plan's region only (<see cref="IndicatorMeasure"/>).
/// </remarks>
public sealed class IndicatorCatalogue
{
    /// <summary>The department cell of a reported indicator whose plan sentence names no department (新增人才): the figure is
    /// reported, by whom the plan leaves open, so a missing figure's reason names nobody.</summary>
    public const string NoDepartmentNamed = "未指定";

    public static readonly string[] Columns =
    [
        "id", "plan_id", "text_target_ids", "name_zh", "name_en", "unit", "kind", "formula", "department", "regions",
        "better", "classes", "sentence_zh", "source", "note",
    ];

    private readonly Dictionary<string, IndicatorEntry> _entries;

    private IndicatorCatalogue(List<IndicatorEntry> entries, RegionRegistry regions)
    {
        Entries = entries;
        Regions = regions;
        _entries = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Entries in file order.</summary>
    public IReadOnlyList<IndicatorEntry> Entries { get; }

    public RegionRegistry Regions { get; }

    /// <exception cref="CatalogueException">Any row is refused; every problem is listed.</exception>
    public static IndicatorCatalogue Parse(string csv, RegionRegistry regions, string source = "indicator-catalogue.csv")
    {
        ArgumentNullException.ThrowIfNull(regions);
        var table = CsvText.Parse(csv, source, Columns);
        var errors = new List<CatalogueError>();
        var entries = new List<IndicatorEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var planIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var textIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, cells) in table.Rows)
        {
            string Cell(string c) => table.Cell(cells, c);
            var id = Cell("id");
            var entry = $"entry '{id}' (line {line})";
            void Refuse(string field, string value, string reason) => errors.Add(new CatalogueError(source, entry, field, value, reason));

            if (id.Length == 0 || id.Any(char.IsWhiteSpace))
            {
                Refuse("id", id, "an id is required and may not contain spaces");
            }
            else if (!ids.Add(id))
            {
                Refuse("id", id, "the id is used by an earlier entry");
            }

            var planId = Cell("plan_id");
            if (planId.Length > 0 && !planIds.TryAdd(planId, id))
            {
                Refuse("plan_id", planId, $"plan indicator {planId} is already described by entry '{planIds[planId]}'");
            }

            var textTargetIds = RegionRegistry.SplitList(Cell("text_target_ids"));
            foreach (var tt in textTargetIds.Where(tt => !textIds.TryAdd(tt, id)))
            {
                Refuse("text_target_ids", tt, $"text target {tt} is already linked to entry '{textIds[tt]}'");
            }

            if (Cell("name_zh").Length == 0 && Cell("name_en").Length == 0)
            {
                Refuse("name_zh", "", "an indicator needs a name");
            }

            if (Cell("unit").Length == 0)
            {
                Refuse("unit", "", "a unit is required (write '1' for a pure number)");
            }

            var kindText = Cell("kind");
            IndicatorKind? kind = kindText switch
            {
                "computed" => IndicatorKind.Computed,
                "reported" => IndicatorKind.Reported,
                _ => null,
            };
            if (kind is null)
            {
                Refuse("kind", kindText, "must be 'computed' or 'reported'");
            }

            var formulaText = Cell("formula");
            Formula? formula = null;
            if (kind == IndicatorKind.Computed)
            {
                if (formulaText.Length == 0)
                {
                    Refuse("formula", "", "a computed indicator needs a formula");
                }
                else
                {
                    try
                    {
                        formula = Formula.Parse(formulaText);
                        if (!formula.Calls.Any())
                        {
                            Refuse("formula", formulaText, "the formula uses no data");
                        }

                        foreach (var r in formula.NamedRegions.Where(r => !regions.Contains(r)))
                        {
                            Refuse("formula", formulaText, $"region '{r}' is not in the region list");
                        }
                    }
                    catch (FormulaException e)
                    {
                        Refuse("formula", formulaText, e.Message);
                    }
                }
            }
            else if (kind == IndicatorKind.Reported && formulaText.Length > 0)
            {
                Refuse("formula", formulaText, "a reported indicator has no formula; make it 'computed' to compute it");
            }

            var department = Cell("department");
            if (kind == IndicatorKind.Reported && department.Length == 0)
            {
                Refuse("department", "", "a reported indicator needs the department that reports it");
            }

            var regionField = Cell("regions");
            IReadOnlySet<string> applies = new HashSet<string>();
            if (!regions.TryResolve(regionField, out applies, out var bad))
            {
                Refuse("regions", regionField, $"'{bad}' is not a listed region, 'kind:KIND' or '*'");
            }

            var betterText = Cell("better");
            Direction? better = betterText switch
            {
                "higher" => Direction.Higher,
                "lower" => Direction.Lower,
                "none" or "" => Direction.None,
                _ => null,
            };
            if (better is null)
            {
                Refuse("better", betterText, "must be 'higher', 'lower' or 'none'");
            }

            var classes = IndicatorClass.ParseList(Cell("classes"), out var classProblem);
            if (classes is null)
            {
                Refuse("classes", Cell("classes"), classProblem!);
            }

            var measureText = table.HasColumn("measure") ? Cell("measure") : "";
            IndicatorMeasure? measure = measureText switch
            {
                "rate" or "" => IndicatorMeasure.Rate,
                "count" => IndicatorMeasure.Count,
                _ => null,
            };
            if (measure is null)
            {
                Refuse("measure", measureText, "must be 'rate' (rates, ratios, shares, means, indexes) or 'count' (adds up over regions)");
            }

            entries.Add(new IndicatorEntry(
                id, planId.Length == 0 ? null : planId, textTargetIds, Cell("name_zh"), Cell("name_en"), Cell("unit"),
                table.HasColumn("unit_zh") && Cell("unit_zh").Length > 0 ? Cell("unit_zh") : Cell("unit"),
                kind ?? IndicatorKind.Reported, formula, department.Length == 0 || department == NoDepartmentNamed ? null : department, applies,
                better ?? Direction.None, classes ?? [], Cell("sentence_zh"), Cell("source"), Cell("note"), measure ?? IndicatorMeasure.Rate));
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(source, errors);
        }

        return new IndicatorCatalogue(entries, regions);
    }

    public bool Contains(string id) => _entries.ContainsKey(id);

    /// <exception cref="KeyNotFoundException">No entry has the id.</exception>
    public IndicatorEntry this[string id] => _entries.TryGetValue(id, out var e)
        ? e
        : throw new KeyNotFoundException($"indicator '{id}' is not in the catalogue.");

    /// <summary>The entry describing plan indicator <paramref name="planId"/> (Table 6 row), or null.</summary>
    public IndicatorEntry? ByPlanId(string planId) => Entries.FirstOrDefault(e => e.PlanId == planId);

    /// <summary>The entry carrying text target <paramref name="textTargetId"/>, or null.</summary>
    public IndicatorEntry? ByTextTarget(string textTargetId) => Entries.FirstOrDefault(e => e.TextTargetIds.Contains(textTargetId));
}
