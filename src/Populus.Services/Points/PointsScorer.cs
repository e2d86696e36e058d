using System.Globalization;
using Populus.Services.People;

namespace Populus.Services.Points;

/// <summary>
/// Scores applicants against one <see cref="PointsRuleTable"/> on one day: each item's value, its points (by code
/// or per full unit, nothing below the minimum, limited to the cap), the total, and vetoes.
/// </summary>
/// <remarks>
/// Dated facts count inside the item's validity window: insurance months in the <c>window_months</c> calendar months
/// before the scoring month; events dated after the scoring day less the window and on or before the scoring day.
/// Years of residence are completed years to the scoring day.
/// </remarks>
public sealed class PointsScorer
{
    private readonly PointsRuleTable _table;
    private readonly CompiledItem[] _items;

    public PointsScorer(PointsRuleTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _items = [.. table.Items.Select(Compile)];
    }

    public PointsRuleTable Table => _table;

    /// <summary>One applicant's itemised score.</summary>
    public ScoreSheet Score(string applicationId, PointsFacts facts, DateOnly day) =>
        ScoreAll(ApplicantTable.From([(applicationId, facts)]), day).Sheet(0);

    /// <summary>Every applicant of the table; totals and item points in arrays.</summary>
    public ScoreTable ScoreAll(ApplicantTable applicants, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var n = applicants.Count;
        var items = _items.Length;
        var points = new double[n * items];
        var values = new double[n * items];
        var totals = new double[n];
        var vetoed = new bool[n];
        var residenceDays = new int[n];
        var insuranceMonths = new int[n];
        var kindOf = _items.Select(c => c.EventKind is null ? -1 : applicants.EventKinds.IndexOf(c.EventKind)).ToArray();
        var today = day.DayNumber;
        var month = PointsFacts.MonthIndex(day.Year, day.Month);
        for (var i = 0; i < n; i++)
        {
            var since = applicants.ResidenceSince[i];
            residenceDays[i] = since < 0 || since > today ? 0 : today - since;
            insuranceMonths[i] = CountMonths(applicants, i, int.MinValue, month - 1);
            var total = 0.0;
            for (var k = 0; k < items; k++)
            {
                var item = _items[k];
                double value;
                double p;
                if (item.Item.IsPerUnit || item.Item.Group == PointsGroup.Veto)
                {
                    value = item.Source switch
                    {
                        Source.InsuranceMonths => CountMonths(applicants, i, month - item.Window, month - 1),
                        Source.ResidenceYears => since < 0 ? 0 : CompletedYears(since, day),
                        Source.Investment => applicants.Investment[i],
                        Source.Event => kindOf[k] < 0 ? 0 : SumEvents(applicants, i, kindOf[k], item.Item.WindowMonths is { } w ? day.AddMonths(-w).DayNumber : int.MinValue, today),
                        _ => 0,
                    };
                    if (item.Item.Group == PointsGroup.Veto)
                    {
                        vetoed[i] |= value > 0;
                        p = 0;
                    }
                    else
                    {
                        p = value < item.Item.Minimum ? 0 : Math.Floor(value / item.Item.Unit) * item.Item.PointsPerUnit;
                    }
                }
                else
                {
                    p = double.NegativeInfinity;
                    value = -1;
                    for (var s = 0; s < item.Codes.Length; s++)
                    {
                        var code = CodeOf(applicants, i, item.CodeSources[s]);
                        var pts = item.Codes[s][code];
                        if (pts > p)
                        {
                            p = pts;
                            value = (s * 256) + code;
                        }
                    }
                }

                // + 0.0 turns a negative zero (0 × a negative rate) into 0, so no "-0" is shown.
                p = Math.Clamp(p, -item.Item.Cap, item.Item.Cap) + 0.0;
                points[(i * items) + k] = p;
                values[(i * items) + k] = value;
                total += p;
            }

            totals[i] = total;
        }

        return new ScoreTable(this, applicants, day, totals, vetoed, points, values, residenceDays, insuranceMonths);
    }

    /// <remarks>The note is written in English and in Chinese from the same figures: the applicant who objects to an
    /// item reads why it scored as it did in either language.</remarks>
    internal ItemScore Describe(int k, double value, double points)
    {
        var c = _items[k];
        var item = c.Item;
        string shown;
        string note;
        string noteZh;
        if (item.Group == PointsGroup.Veto)
        {
            shown = Number(value);
            note = value > 0 ? $"{item.NameEn}: found within {item.WindowMonths} months — ineligible" : "none found";
            noteZh = value > 0 ? $"{item.NameZh}：{item.WindowMonths} 个月内有记录，不符合申请条件" : "未发现";
        }
        else if (item.IsPerUnit)
        {
            shown = Number(value);
            var (unitText, counted) = c.Source switch
            {
                Source.InsuranceMonths => ($"{shown} months paid in the last {item.WindowMonths}", $"近 {item.WindowMonths} 个月缴费 {shown} 个月"),
                Source.ResidenceYears => ($"{shown} completed years", $"居住满 {shown} 年"),
                Source.Event => ($"{shown} within {item.WindowMonths} months", $"{item.WindowMonths} 个月内累计 {shown}"),
                _ => ($"{shown} CNY", $"投资 {shown} 元"),
            };
            var units = Number(Math.Floor(value / item.Unit));
            var capped = Math.Abs(points) >= item.Cap;
            note = value < item.Minimum
                ? $"{unitText}: below the minimum {Number(item.Minimum)}, no points"
                : $"{unitText}: {units} × {Number(item.PointsPerUnit)}" + (capped ? $", capped at {Number(item.Cap)}" : "");
            noteZh = value < item.Minimum
                ? $"{counted}：低于最低要求 {Number(item.Minimum)}，不计分"
                : $"{counted}：{units} × {Number(item.PointsPerUnit)}" + (capped ? $"，封顶 {Number(item.Cap)} 分" : "");
        }
        else
        {
            var source = (int)value / 256;
            var code = (int)value % 256;
            (shown, var shownZh) = c.CodeSources[source] switch
            {
                Source.Title => (Codes<ProfessionalTitle>.Code((ProfessionalTitle)code), ChineseNames.Of((ProfessionalTitle)code)),
                Source.Skill => (Codes<SkillGrade>.Code((SkillGrade)code), ChineseNames.Of((SkillGrade)code)),
                Source.Housing => (Codes<Housing>.Code((Housing)code), ChineseNames.Of((Housing)code)),
                Source.ShortSupply => code == 1 ? ("yes", "紧缺职业") : ("no", "非紧缺职业"),
                _ => (Codes<Education>.Code((Education)code), ChineseNames.Of((Education)code)),
            };
            note = points == 0 ? $"{shown}: no points for this level" : $"{shown}: {Number(points)} points";
            noteZh = points == 0 ? $"{shownZh}：不计分" : $"{shownZh}：{Number(points)} 分";
        }

        return new ItemScore(item.Id, item.Group, shown, points, note, item.Evidence, noteZh);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static int CompletedYears(int sinceDay, DateOnly day)
    {
        var since = DateOnly.FromDayNumber(sinceDay);
        var years = day.Year - since.Year;
        return day < since.AddYears(years) ? years - 1 : years;
    }

    /// <summary>Months paid in [first, last] (month indexes), by binary search on the applicant's sorted months.</summary>
    private static int CountMonths(ApplicantTable t, int i, int first, int last)
    {
        var months = t.InsuranceMonths.AsSpan(t.InsuranceStart[i], t.InsuranceStart[i + 1] - t.InsuranceStart[i]);
        if (months.IsEmpty || last < first)
        {
            return 0;
        }

        var lo = months.BinarySearch(first);
        var hi = months.BinarySearch(last);
        lo = lo < 0 ? ~lo : lo;
        hi = hi < 0 ? ~hi : hi + 1;
        return Math.Max(0, hi - lo);
    }

    private static double SumEvents(ApplicantTable t, int i, int kind, int afterDay, int throughDay)
    {
        var sum = 0.0;
        for (var e = t.EventStart[i]; e < t.EventStart[i + 1]; e++)
        {
            if (t.EventKind[e] == kind && t.EventDay[e] > afterDay && t.EventDay[e] <= throughDay)
            {
                sum += t.EventQuantity[e];
            }
        }

        return sum;
    }

    private static int CodeOf(ApplicantTable t, int i, Source source) => source switch
    {
        Source.Education => t.Education[i],
        Source.Title => t.Title[i],
        Source.Skill => t.Skill[i],
        Source.Housing => t.Housing[i],
        _ => t.ShortSupply[i] ? 1 : 0,
    };

    private static CompiledItem Compile(PointsItem item)
    {
        var sources = item.Sources.Select(ParseSource).ToArray();
        if (item.CodePoints is null)
        {
            var eventKind = item.Sources[0].StartsWith("event:", StringComparison.Ordinal) ? item.Sources[0][6..] : null;
            return new CompiledItem(item, sources[0], eventKind, item.WindowMonths ?? 0, [], []);
        }

        // One lookup array per source, indexed by the enum's value: no dictionary in the scoring loop.
        var codes = sources.Select(s => Lookup(s, item.CodePoints)).ToArray();
        return new CompiledItem(item, sources[0], null, 0, sources, codes);
    }

    private static double[] Lookup(Source source, IReadOnlyDictionary<string, double> points)
    {
        string[] codes = source switch
        {
            Source.Education => [.. Enum.GetValues<Education>().Select(Codes<Education>.Code)],
            Source.Title => [.. Enum.GetValues<ProfessionalTitle>().Select(Codes<ProfessionalTitle>.Code)],
            Source.Skill => [.. Enum.GetValues<SkillGrade>().Select(Codes<SkillGrade>.Code)],
            Source.Housing => [.. Enum.GetValues<Housing>().Select(Codes<Housing>.Code)],
            _ => ["no", "yes"],
        };
        return [.. codes.Select(c => points.TryGetValue(c, out var p) ? p : 0)];
    }

    private static Source ParseSource(string source) => source switch
    {
        "education" => Source.Education,
        "title" => Source.Title,
        "skill" => Source.Skill,
        "housing" => Source.Housing,
        "short_supply" => Source.ShortSupply,
        "investment_cny" => Source.Investment,
        "residence_years" => Source.ResidenceYears,
        "insurance_months" => Source.InsuranceMonths,
        _ => Source.Event,
    };

    private enum Source
    {
        Education,
        Title,
        Skill,
        Housing,
        ShortSupply,
        Investment,
        ResidenceYears,
        InsuranceMonths,
        Event,
    }

    private sealed record CompiledItem(PointsItem Item, Source Source, string? EventKind, int Window, Source[] CodeSources, double[][] Codes);
}
