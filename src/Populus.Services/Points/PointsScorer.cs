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

    internal ItemScore Describe(int k, double value, double points)
    {
        var c = _items[k];
        var item = c.Item;
        string shown;
        string note;
        if (item.Group == PointsGroup.Veto)
        {
            shown = Number(value);
            note = value > 0 ? $"{item.NameEn}: found within {item.WindowMonths} months — ineligible" : "none found";
        }
        else if (item.IsPerUnit)
        {
            shown = Number(value);
            var unitText = c.Source switch
            {
                Source.InsuranceMonths => $"months paid in the last {item.WindowMonths}",
                Source.ResidenceYears => "completed years",
                Source.Event => $"within {item.WindowMonths} months",
                _ => "CNY",
            };
            note = value < item.Minimum
                ? $"{shown} {unitText}: below the minimum {Number(item.Minimum)}, no points"
                : $"{shown} {unitText}: {Number(Math.Floor(value / item.Unit))} × {Number(item.PointsPerUnit)}" + (Math.Abs(points) >= item.Cap ? $", capped at {Number(item.Cap)}" : "");
        }
        else
        {
            var source = (int)value / 256;
            shown = c.CodeSources[source] switch
            {
                Source.Title => Codes<ProfessionalTitle>.Code((ProfessionalTitle)((int)value % 256)),
                Source.Skill => Codes<SkillGrade>.Code((SkillGrade)((int)value % 256)),
                Source.Housing => Codes<Housing>.Code((Housing)((int)value % 256)),
                Source.ShortSupply => (int)value % 256 == 1 ? "yes" : "no",
                _ => Codes<Education>.Code((Education)((int)value % 256)),
            };
            note = points == 0 ? $"{shown}: no points for this level" : $"{shown}: {Number(points)} points";
        }

        return new ItemScore(item.Id, item.Group, shown, points, note, item.Evidence);
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
