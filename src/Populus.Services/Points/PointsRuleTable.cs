using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Populus.Planning.Data;
using Populus.Services.People;
using Populus.Storage.Tabular;

namespace Populus.Services.Points;

/// <summary>
/// A versioned points table (积分指标体系) read from JSON: items with caps, evidence sources and validity windows,
/// and the pass mark. Data, not code: a new scheme is a new file or a new version.
/// </summary>
/// <remarks>
/// The shipped table (data/services/points-rules.example.json) is an EXAMPLE modelled on the structure of published
/// schemes (Shanghai's residence-permit points with its 120-point standard score: basic items for education,
/// title or skill and social-insurance years; bonus items; deductions; veto items). Its figures are illustrative;
/// the city replaces them with its own.
/// </remarks>
public sealed class PointsRuleTable
{
    /// <summary>Facts an item may read; <c>event:KIND</c> reads events of that kind.</summary>
    public static readonly IReadOnlyList<string> Facts =
        ["education", "title", "skill", "housing", "short_supply", "investment_cny", "residence_years", "insurance_months"];

    private PointsRuleTable(string table, int version, DateOnly effectiveFrom, DateOnly? effectiveTo, string label, double passMark,
        IReadOnlyList<PointsItem> items)
    {
        Table = table;
        Version = version;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Label = label;
        PassMark = passMark;
        Items = items;
    }

    public string Table { get; }

    public int Version { get; }

    public DateOnly EffectiveFrom { get; }

    public DateOnly? EffectiveTo { get; }

    /// <summary>What the table is (the shipped one says EXAMPLE).</summary>
    public string Label { get; }

    /// <summary>Score at or above which an applicant qualifies (standard score, 标准分值).</summary>
    public double PassMark { get; }

    public IReadOnlyList<PointsItem> Items { get; }

    /// <summary>"wenzhou-example v1".</summary>
    public string Citation => $"{Table} v{Version}";

    /// <summary>The shipped EXAMPLE table.</summary>
    public static PointsRuleTable Example() => Parse("data/services/points-rules.example.json", ShippedData.Text("points-rules.example.json"));

    /// <exception cref="InvalidInputException">Every problem of the file.</exception>
    public static PointsRuleTable Load(string path) => Parse(path, File.ReadAllText(path));

    /// <inheritdoc cref="Load"/>
    public static PointsRuleTable Parse(string fileName, string json)
    {
        var errors = new List<InputError>();
        void Fail(string field, string? value, Reason reason) => errors.Add(new InputError(fileName, 0, field, value, reason.English, reason.Chinese));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(new InputError(fileName, 0, null, null, $"not valid JSON: {ex.Message}", $"不是有效的 JSON：{ex.Message}"));
        }

        using (document)
        {
            var root = new JsonFields(document.RootElement, "", Fail);
            var table = root.Text("table", required: true);
            var version = root.Integer("version", 1, 10_000, required: true);
            var from = root.Date("effective_from", required: true);
            var to = root.Date("effective_to", required: false);
            var label = root.Text("label", required: true);
            var passMark = root.Number("pass_mark", 0, 1e6, required: true);
            var items = new List<PointsItem>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in root.Array("items"))
            {
                var item = ReadItem(new JsonFields(element, $"items[{index}].", Fail));
                if (item is not null && !ids.Add(item.Id))
                {
                    Fail($"items[{index}].id", item.Id, new Reason("item id used twice", "指标编号重复"));
                }
                else if (item is not null)
                {
                    items.Add(item);
                }

                index++;
            }

            if (items.Count == 0 && errors.Count == 0)
            {
                Fail("items", null, new Reason("the table has no items", "积分表没有指标"));
            }

            if (errors.Count > 0)
            {
                throw new InvalidInputException(errors);
            }

            return new PointsRuleTable(table!, version!.Value, from!.Value, to, label!, passMark!.Value, items);
        }
    }

    private static PointsItem? ReadItem(JsonFields f)
    {
        var id = f.Text("id", required: true);
        var groupText = f.Text("group", required: true);
        PointsGroup? group = null;
        if (groupText is not null)
        {
            if (Enum.TryParse<PointsGroup>(groupText, ignoreCase: true, out var g))
            {
                group = g;
            }
            else
            {
                f.Fail("group", groupText, new Reason("basic, bonus, deduction or veto", "应为 basic、bonus、deduction 或 veto（基础、加分、减分、一票否决）"));
            }
        }

        var sources = f.Strings("sources");
        foreach (var source in sources.Where(s => !Facts.Contains(s) && !(s.StartsWith("event:", StringComparison.Ordinal) && s.Length > 6)))
        {
            f.Fail("sources", source, new Reason($"not a fact: {string.Join(", ", Facts)} or event:KIND", $"不是可读取的事实：应为 {string.Join("、", Facts)} 或 event:类别"));
        }

        if (sources.Count == 0)
        {
            f.Fail("sources", null, new Reason("name at least one fact", "至少填写一个事实"));
        }

        FrozenDictionary<string, double>? codePoints = null;
        if (f.Has("points"))
        {
            var map = f.NumberMap("points");
            foreach (var code in map.Keys.Where(c => !sources.Any(s => IsCodeOf(s, c))))
            {
                f.Fail("points", code, new Reason($"not a code of {string.Join(" or ", sources)}", $"不是 {string.Join(" 或 ", sources)} 的代码"));
            }

            codePoints = map.ToFrozenDictionary(StringComparer.Ordinal);
        }

        var perUnit = f.Has("points_per_unit") ? f.Number("points_per_unit", -1e6, 1e6, required: true) : null;
        if (codePoints is null == perUnit is null && group != PointsGroup.Veto)
        {
            f.Fail("points", null, new Reason("give either 'points' (by code) or 'points_per_unit'", "应给出 points（按代码计分）或 points_per_unit（按单位计分）之一"));
        }

        var unit = f.Has("unit") ? f.Number("unit", 1e-9, 1e12, required: true) : 1;
        var minimum = f.Has("minimum") ? f.Number("minimum", 0, 1e12, required: true) : 0;
        var cap = f.Number("cap", 0, 1e6, required: group != PointsGroup.Veto) ?? 0;
        int? window = f.Has("window_months") ? f.Integer("window_months", 1, 1200, required: true) : null;
        if (window is null && sources.Any(s => s.StartsWith("event:", StringComparison.Ordinal) || s == "insurance_months"))
        {
            f.Fail("window_months", null, new Reason("dated facts (insurance months, events) need a validity window in months", "有日期的事实（社保缴费月份、事件）需要以月计的有效期"));
        }

        var evidence = f.Text("evidence", required: true);
        if (group == PointsGroup.Deduction && (perUnit > 0 || codePoints?.Values.Any(v => v > 0) == true))
        {
            f.Fail("points_per_unit", perUnit?.ToString(CultureInfo.InvariantCulture), new Reason("a deduction takes points away: write a negative figure", "减分指标扣减分值：应填写负数"));
        }

        if (id is null || group is null || evidence is null)
        {
            return null;
        }

        return new PointsItem(id, group.Value, f.Text("name_zh", required: false) ?? id, f.Text("name_en", required: false) ?? id, sources,
            codePoints, unit ?? 1, perUnit ?? 0, minimum ?? 0, cap, window, evidence);
    }

    private static bool IsCodeOf(string source, string code) => source switch
    {
        "education" => Codes<Education>.TryParse(code, out _),
        "title" => Codes<ProfessionalTitle>.TryParse(code, out _),
        "skill" => Codes<SkillGrade>.TryParse(code, out _),
        "housing" => Codes<Housing>.TryParse(code, out _),
        "short_supply" => code is "yes" or "no",
        _ => false,
    };
}
