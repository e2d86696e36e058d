using System.Globalization;
using System.Text.Json;
using Populus.Planning.Data;
using Populus.Services.People;
using Populus.Services.Points;
using Populus.Storage.Tabular;

namespace Populus.Services.Applications;

/// <summary>
/// The corrected facts of an upheld objection (`points review --facts f.json`, the <c>facts</c> of
/// <c>POST …/objections/{id}/decision</c>): a JSON object of the fields to correct, named and written as the
/// applications file's columns (<c>{"insurance_months": "2021-01..2025-04", "housing": "owned"}</c>). A field left out
/// keeps the application's value; <c>"residence_since": null</c> says not resident. Every bad field is refused at once,
/// naming the file, the field, the value and what is expected, in English and Chinese, and nothing is decided.
/// </summary>
public static class FactsCorrection
{
    /// <summary>The fields a correction may give, as the applications file's columns name them.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["education", "title", "skill", "housing", "short_supply", "investment_cny", "residence_since", "insurance_months", "events"];

    /// <param name="source">The file named (or "facts" for the API's field), for the problems.</param>
    /// <param name="stored">The application's effective facts (those submitted, or as last corrected): what the correction leaves out is kept.</param>
    /// <param name="submitted">The application's submission: as in the file, nothing may be dated after it.</param>
    /// <exception cref="InvalidInputException">Every bad field; nothing was read.</exception>
    public static PointsFacts Read(string json, string source, PointsFacts stored, DateOnly submitted)
    {
        ArgumentNullException.ThrowIfNull(stored);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException([new InputError(source, 0, null, null, $"not JSON: {ex.Message}", $"不是有效的 JSON：{ex.Message}")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException([new InputError(source, 0, null, document.RootElement.GetRawText(),
                    $"an object of the fields to correct is expected, e.g. {{\"insurance_months\": \"2021-01..2025-04\"}} ({string.Join(", ", Fields)})",
                    $"应为列出所更正字段的 JSON 对象，如 {{\"insurance_months\": \"2021-01..2025-04\"}}（{string.Join("、", Fields)}）")]);
            }

            var problems = new List<InputError>();
            var facts = stored;
            foreach (var field in document.RootElement.EnumerateObject())
            {
                var value = field.Value;
                var problem = field.Name switch
                {
                    "education" => Code<Education>(value, v => facts = facts with { Education = v }),
                    "title" => Code<ProfessionalTitle>(value, v => facts = facts with { Title = v }),
                    "skill" => Code<SkillGrade>(value, v => facts = facts with { Skill = v }),
                    "housing" => Code<Housing>(value, v => facts = facts with { Housing = v }),
                    "short_supply" => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? Set(() => facts = facts with { ShortSupply = value.GetBoolean() })
                        : new Reason("true or false", "应为 true 或 false"),
                    "investment_cny" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var cny) && cny >= 0 && double.IsFinite(cny)
                        ? Set(() => facts = facts with { InvestmentCny = cny })
                        : new Reason("a number of yuan, not negative", "应为不小于 0 的元数"),
                    "residence_since" => ResidenceSince(value, submitted, v => facts = facts with { ResidenceSince = v }),
                    "insurance_months" => Text(value, "2021-01..2023-12;2024-03", text => (FactCells.Months(text, submitted, out var months), months), v => facts = facts with { InsuranceMonths = v }),
                    "events" => Text(value, "award:2024-05-01;volunteer_hours:2024-06-01:20", text => (FactCells.Events(text, submitted, out var events), events), v => facts = facts with { Events = v }),
                    _ => new Reason($"not a field of an application's facts; write one of {string.Join(", ", Fields)}",
                        $"不是申请事实的字段；应为 {string.Join("、", Fields)} 之一"),
                };
                if (problem is not null)
                {
                    problems.Add(new InputError(source, 0, field.Name, Shown(value), problem.English, problem.Chinese));
                }
            }

            return problems.Count == 0 ? facts : throw new InvalidInputException(problems);
        }
    }

    private static Reason? Set(Action set)
    {
        set();
        return null;
    }

    private static Reason? Code<T>(JsonElement value, Action<T> set)
        where T : struct, Enum =>
        value.ValueKind == JsonValueKind.String && Codes<T>.TryParse(value.GetString(), out var code)
            ? Set(() => set(code))
            : Codes<T>.Refusal;

    private static Reason? ResidenceSince(JsonElement value, DateOnly submitted, Action<DateOnly?> set)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Set(() => set(null));
        }

        if (value.ValueKind != JsonValueKind.String ||
            !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
        {
            return new Reason("a date yyyy-mm-dd, or null when not resident", "应为日期 yyyy-mm-dd；非居住者写 null");
        }

        return since > submitted
            ? new Reason($"after submitted_on ({submitted:yyyy-MM-dd})", $"晚于申请提交日期（{submitted:yyyy-MM-dd}）")
            : Set(() => set(since));
    }

    /// <summary>A field written in the applications file's notation (<see cref="FactCells"/>), as a JSON string.</summary>
    private static Reason? Text<T>(JsonElement value, string example, Func<string, ((Reason Reason, string Part)? Problem, T Value)> read, Action<T> set)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return new Reason($"a string written as in the applications file, e.g. \"{example}\"", $"应为字符串，写法同申请文件，如 \"{example}\"");
        }

        var text = value.GetString()!;
        var (problem, parsed) = read(text);
        return problem is not { } p ? Set(() => set(parsed))
            : p.Part == text.Trim() ? p.Reason
            : new Reason($"'{p.Part}': {p.Reason.English}", $"“{p.Part}”：{p.Reason.Chinese}");
    }

    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
