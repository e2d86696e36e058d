using System.Globalization;
using Populus.Planning.Data;
using Populus.Services.Allocation;
using Populus.Services.Identity;
using Populus.Services.People;
using Populus.Services.Points;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Services.Applications;

/// <summary>
/// Reads a file of applications (CSV, XLSX or Parquet, one application a row) and checks every field, so that a
/// malformed or incomplete application is refused with a reason per field and nothing of the file is taken. Two
/// applications of one person (the keyed hash of the identity number) for the same round and purpose are refused.
/// </summary>
/// <remarks>
/// Cells: <c>insurance_months</c> as ranges <c>2021-01..2023-12;2024-03</c>; <c>events</c> as
/// <c>kind:yyyy-mm-dd:quantity</c> items separated by ';' (award, volunteer_hours, blood_donation, violation,
/// credit_default, false_documents, criminal_conviction, or any kind a points table names); <c>preferences</c>
/// as quota ids separated by ';', most wanted first. Nothing may be dated after <c>submitted_on</c>.
/// An application is a person's data (identity number, convictions, credit defaults), so the file is read as personal
/// (<see cref="CsvTable.OpenPersonal"/>): every problem shows its value masked.
/// </remarks>
public static class ApplicationReader
{
    public static readonly string[] RequiredColumns = ["application_id", "round", "purpose", "id_number", "submitted_on", "education", "housing", "preferences"];

    public static readonly string[] Purposes = ["school", "housing"];

    /// <summary>Why a purpose (of an application or a quota) is refused.</summary>
    public static readonly Reason PurposeRefusal = new($"write one of {string.Join(", ", Purposes)}", $"应为 {string.Join("、", Purposes)} 之一");

    /// <param name="stored">The applications already stored for a round, by purpose and person key (the application
    /// id as the value), so that a person applying again is named with the file's other problems, not after them.</param>
    /// <param name="quotas">The round's quotas, when known at receipt: every preference must name one of them, of the
    /// application's round and purpose, so that one bad preference is refused with its row instead of blocking the
    /// round's allocation.</param>
    /// <exception cref="InvalidInputException">Every problem of the file; nothing was read.</exception>
    public static IReadOnlyList<Application> Read(string path, IdentityKey identity,
        Func<string, IReadOnlyDictionary<(string Purpose, string PersonKey), string>>? stored = null, IReadOnlyList<Quota>? quotas = null)
    {
        var quotaById = quotas?.ToDictionary(q => q.QuotaId, StringComparer.Ordinal);
        ArgumentNullException.ThrowIfNull(identity);
        using var table = CsvTable.OpenPersonal(path, RequiredColumns);
        var applications = new List<Application>();
        var firstRowOf = new Dictionary<(string, string, string), int>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in table.Records())
        {
            var id = r.RequiredText("application_id");
            var round = r.RequiredText("round");
            var purpose = r.RequiredText("purpose");
            if (purpose is not null && !Purposes.Contains(purpose))
            {
                r.Fail("purpose", purpose, PurposeRefusal);
                purpose = null;
            }

            var submitted = r.Date("submitted_on");
            var idText = r.RequiredText("id_number");
            NationalIdNumber? number = null;
            if (idText is not null)
            {
                // The registry's reading (GB 11643-1999: length, province, birth date, check character); births after
                // the application are refused.
                var parsed = NationalIdNumber.Parse(idText, submitted ?? DateOnly.MaxValue);
                if (parsed.IsValid)
                {
                    number = parsed.Value;
                }
                else
                {
                    r.Fail("id_number", idText, parsed.Refusal(submitted ?? DateOnly.MaxValue));
                }
            }

            var education = Code<Education>(r, "education", required: true);
            var title = Code<ProfessionalTitle>(r, "title", required: false) ?? ProfessionalTitle.None;
            var skill = Code<SkillGrade>(r, "skill", required: false) ?? SkillGrade.None;
            var housing = Code<Housing>(r, "housing", required: true);
            var since = r.Date("residence_since", required: false);
            var shortSupply = r.Text("short_supply") is not null && r.YesNo("short_supply") == true;
            var investment = r.Text("investment_cny") is null ? 0 : r.Number("investment_cny", 0, 1e13, new Reason("an investment cannot be negative", "投资额不能为负"));
            var months = Months(r, submitted);
            var events = Events(r, submitted);
            var preferences = (r.RequiredText("preferences") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (preferences.Distinct(StringComparer.Ordinal).Count() != preferences.Length)
            {
                r.Fail("preferences", string.Join(";", preferences), new Reason("a quota is named twice", "同一配额填写了两次"));
            }

            if (quotaById is not null && round is not null && purpose is not null)
            {
                foreach (var p in preferences)
                {
                    var problem = !quotaById.TryGetValue(p, out var q) ? new Reason($"quota {p} is not in the quota file", $"配额 {p} 不在配额文件中")
                        : q.Round != round ? new Reason($"quota {p} is of round {q.Round}, not {round}", $"配额 {p} 属于 {q.Round} 轮次，不是 {round}")
                        : q.Purpose != purpose ? new Reason($"quota {p} is for {q.Purpose}, not {purpose}", $"配额 {p} 用于 {q.Purpose}，不是 {purpose}")
                        : null;
                    if (problem is not null)
                    {
                        r.Fail("preferences", p, problem);
                    }
                }
            }

            if (since is { } s && submitted is { } sub && s > sub)
            {
                r.Fail("residence_since", Text(s), new Reason("after submitted_on", "晚于提交日 submitted_on"));
            }

            // One application per person, round and purpose, checked whatever else is wrong with the row, so that
            // every problem of the file is named at once.
            var personKey = round is not null && purpose is not null && number is { } who ? identity.PersonKey(who) : null;
            if (personKey is not null && firstRowOf.TryGetValue((round!, purpose!, personKey), out var earlier))
            {
                r.Fail("id_number", number.ToString(), new Reason($"the same person applied in row {earlier} for round {round}, {purpose}; one application per person",
                    $"同一人已在第 {earlier} 行申请 {round} 轮次的 {purpose}；每人每轮每类只能申请一次"));
            }
            else if (personKey is not null)
            {
                firstRowOf[(round!, purpose!, personKey)] = r.Row;
                if (stored?.Invoke(round!).GetValueOrDefault((purpose!, personKey)) is { } before)
                {
                    r.Fail("id_number", number.ToString(), new Reason($"this person already applied in round {round} for {purpose} (application {before}); one application per person",
                        $"此人已在 {round} 轮次申请 {purpose}（申请 {before}）；每人每轮每类只能申请一次"));
                }
            }

            if (id is not null)
            {
                if (ids.TryGetValue(id, out var first))
                {
                    r.Fail("application_id", id, new Reason($"row {first} has the same application id", $"与第 {first} 行的申请编号相同"));
                }
                else
                {
                    ids[id] = r.Row;
                }
            }

            if (id is null || round is null || purpose is null || number is not { } person || personKey is null || submitted is null || education is null ||
                housing is null || investment is null || months is null || events is null || preferences.Length == 0)
            {
                continue;
            }

            var facts = new PointsFacts
            {
                Education = education.Value,
                Title = title,
                Skill = skill,
                Housing = housing.Value,
                ShortSupply = shortSupply,
                InvestmentCny = investment.Value,
                ResidenceSince = since,
                InsuranceMonths = months,
                Events = events,
            };
            applications.Add(new Application(id, round, purpose, personKey, person.ToString(), submitted.Value, facts, preferences,
                table.FileName, r.Row));
        }

        table.ThrowIfInvalid();
        if (applications.Count == 0)
        {
            throw new InvalidInputException(new InputError(table.FileName, 0, null, null, "the file has no applications", "文件中没有申请"));
        }

        return applications;
    }

    private static IReadOnlyList<int>? Months(CsvRecord r, DateOnly? submitted)
    {
        var text = r.Text("insurance_months");
        if (text is null)
        {
            return [];
        }

        if (FactCells.Months(text, submitted, out var months) is { } problem)
        {
            r.Fail("insurance_months", problem.Part, problem.Reason);
            return null;
        }

        return months;
    }

    private static IReadOnlyList<PointsEvent>? Events(CsvRecord r, DateOnly? submitted)
    {
        var text = r.Text("events");
        if (text is null)
        {
            return [];
        }

        if (FactCells.Events(text, submitted, out var events) is { } problem)
        {
            r.Fail("events", problem.Part, problem.Reason);
            return null;
        }

        return events;
    }

    private static T? Code<T>(CsvRecord r, string column, bool required)
        where T : struct, Enum
    {
        var text = required ? r.RequiredText(column) : r.Text(column);
        if (text is null)
        {
            return null;
        }

        if (Codes<T>.TryParse(text, out var value))
        {
            return value;
        }

        r.Fail(column, text, Codes<T>.Refusal);
        return null;
    }

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
