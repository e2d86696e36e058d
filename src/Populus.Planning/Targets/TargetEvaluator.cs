using System.Globalization;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;

namespace Populus.Planning.Targets;

/// <summary>
/// Evaluates targets for a region as seen in an evaluation year: observed values up to that year, a projection's
/// values after it. The rules are in docs/planning.md.
/// </summary>
public sealed class TargetEvaluator
{
    private readonly IndicatorCalculator _calculator;
    private readonly EvaluationOptions _options;

    public TargetEvaluator(IndicatorCalculator calculator, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        _calculator = calculator;
        _options = options ?? EvaluationOptions.Default;
    }

    /// <summary>Evaluates every target of <paramref name="book"/> for every region in <paramref name="regions"/> it is
    /// held against (<see cref="TargetBook.HeldAgainst"/>: a count's targets in the plan's region only).</summary>
    public IReadOnlyList<TargetEvaluation> EvaluateAll(TargetBook book, IEnumerable<string> regions, int asOfYear, ProjectedIndicators? projection) =>
        [.. from region in regions.Select(_calculator.Catalogue.Regions.KeyOrSelf)
            from target in book.HeldAgainst(region)
            select Evaluate(book, target, region, asOfYear, projection)];

    /// <summary>The targets a projection says will be missed (at risk or off track, target year ahead).</summary>
    public static IReadOnlyList<TargetEvaluation> EarlyWarnings(IEnumerable<TargetEvaluation> evaluations) =>
        [.. evaluations.Where(e => e.IsEarlyWarning).OrderBy(e => e.Target.Year).ThenBy(e => e.Status == TargetStatus.AtRisk)];

    /// <param name="book">The book the target belongs to: earlier targets of the same indicator set the reference of
    /// stable, maintain and increasing-yearly rules.</param>
    public TargetEvaluation Evaluate(TargetBook book, PlanTarget target, string region, int asOfYear, ProjectedIndicators? projection)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(target);
        var entry = _calculator.Catalogue[target.IndicatorId];
        region = _calculator.Catalogue.Regions.KeyOrSelf(region);
        var year = target.Year ?? asOfYear;
        var ahead = year > asOfYear;
        IndicatorValue ValueAt(int y) => y <= asOfYear
            ? _calculator.Compute(entry.Id, region, y)
            : projection is null
                ? IndicatorValue.NoData(entry.Id, region, y, new($"no projection was given for years after {asOfYear}", $"没有{asOfYear}年以后的预测"))
                : projection.Get(entry.Id, region, y);

        var latest = Latest(entry.Id, region, asOfYear, target.BaseYear);
        var expected = ValueAt(year);
        var previous = Previous(book, entry.Id, year);
        var check = Check(target, entry, region, year, previous, ValueAt);
        var required = RequiredAnnualChange(target, latest, year, ValueAt);

        TargetStatus status;
        string why;
        if (check.Met is not { } met)
        {
            status = TargetStatus.NoData;
            why = check.Explanation;
        }
        else if (!ahead)
        {
            status = met ? TargetStatus.Achieved : TargetStatus.OffTrack;
            why = (met ? "met: " : "missed: ") + check.Explanation;
        }
        else if (met)
        {
            status = TargetStatus.OnTrack;
            why = $"the projection '{projection!.Scenario}' meets it: {check.Explanation}";
        }
        else
        {
            var scale = Math.Max(Math.Abs(check.Scale), 1e-12);
            status = check.Shortfall <= _options.AtRiskMargin * scale ? TargetStatus.AtRisk : TargetStatus.OffTrack;
            // A miss smaller than the figures are shown to (a value on a bound the target excludes: 45 against >45) is
            // said so, not "misses it by 0".
            var by = Math.Round(check.Shortfall, 4) > 0 ? check.Shortfall.ToString("0.####", CultureInfo.InvariantCulture) : "less than 0.0001";
            why = string.Create(CultureInfo.InvariantCulture,
                $"the projection '{projection!.Scenario}' misses it by {by} ({(status == TargetStatus.AtRisk ? "within" : "beyond")} the at-risk margin of {_options.AtRiskMargin:P0} of {scale:0.####}): {check.Explanation}");
        }

        var benchmark = book.IsBenchmark(entry, region);
        if (benchmark)
        {
            why += $" (the plan's target for {_calculator.Catalogue.Regions.NameOf(book.Region)}, as a benchmark)";
        }

        return new TargetEvaluation(target, region, asOfYear, status, latest, expected, check.Met is null ? null : check.Shortfall, required, why, check.Missing, benchmark);
    }

    /// <summary>Whether <paramref name="target"/> is met at its year in <paramref name="region"/> when the years after
    /// <paramref name="asOfYear"/> take <paramref name="projection"/>'s values (the rule of <see cref="Evaluate"/>,
    /// without the latest value and the change needed); null when it cannot be judged. One trajectory of a
    /// probabilistic projection at a time (<see cref="Probability.ScenarioRun"/>).</summary>
    public bool? Meets(TargetBook book, PlanTarget target, string region, int asOfYear, ProjectedIndicators projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return Rule(book, target, region, asOfYear)(projection);
    }

    /// <summary><see cref="Meets"/> for any projection: the indicator, the region's key and the previous target, which
    /// no projection changes, are found once (a probabilistic run judges each target in a thousand trajectories, and
    /// finding them each time cost it a fifth of its judging).</summary>
    public Func<ProjectedIndicators, bool?> Rule(TargetBook book, PlanTarget target, string region, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(target);
        var entry = _calculator.Catalogue[target.IndicatorId];
        region = _calculator.Catalogue.Regions.KeyOrSelf(region);
        var year = target.Year ?? asOfYear;
        var previous = Previous(book, entry.Id, year);
        return projection => Check(target, entry, region, year, previous,
            y => y <= asOfYear ? _calculator.Compute(entry.Id, region, y) : projection.Get(entry.Id, region, y), explain: false).Met;
    }

    /// <summary>The years after <paramref name="asOfYear"/> whose projected values <see cref="Meets"/> reads to judge
    /// <paramref name="target"/> in <paramref name="region"/>, ascending: what a probabilistic run must keep of the
    /// target's indicator to judge it (<see cref="Probability.ScenarioRun.ToJudge"/>).</summary>
    /// <remarks>Found by judging the rule once on values that are all present and recording the years asked for. Which
    /// years a rule reads does not depend on the values (a missing value only ends the reading early), so a trajectory
    /// never reads a year this leaves out.</remarks>
    public IReadOnlyList<int> YearsRead(TargetBook book, PlanTarget target, string region, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(target);
        var entry = _calculator.Catalogue[target.IndicatorId];
        region = _calculator.Catalogue.Regions.KeyOrSelf(region);
        var year = target.Year ?? asOfYear;
        var read = new SortedSet<int>();
        IndicatorValue Present(int y)
        {
            if (y > asOfYear)
            {
                read.Add(y);
            }

            return IndicatorValue.Of(entry.Id, region, y, 0, Data.Provenance.Projected("the years a rule reads"), ValueBasis.Computed);
        }

        Check(target, entry, region, year, Previous(book, entry.Id, year), Present, explain: false);
        return [.. read];
    }

    /// <summary>The last target of the indicator with a year before <paramref name="year"/>: the reference of stable,
    /// maintain and increasing-yearly rules.</summary>
    private static PlanTarget? Previous(TargetBook book, string indicatorId, int year) =>
        book.For(indicatorId).LastOrDefault(t => t.Year < year && t.Year is not null);

    private IndicatorValue? Latest(string id, string region, int asOfYear, int baseYear)
    {
        for (var y = asOfYear; y >= baseYear; y--)
        {
            var v = _calculator.Compute(id, region, y);
            if (v.HasValue)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Outcome of a rule: met or not (null = not evaluable), the shortfall, the level the at-risk margin
    /// is taken of, and an explanation (empty when none was asked for).</summary>
    private readonly record struct RuleCheck(bool? Met, double Shortfall, double Scale, string Explanation)
    {
        /// <summary>Why the rule cannot be judged, when it cannot.</summary>
        public Reason? Missing { get; private init; }

        public static RuleCheck NoData(Reason why) => new(null, 0, 0, why.English) { Missing = why };
    }

    /// <summary>Why a rule needing every year <paramref name="from"/>–<paramref name="last"/> cannot be judged:
    /// <paramref name="needs"/>, the years it lacks from <paramref name="first"/> (the first lacking, whose reason is
    /// <paramref name="cause"/>) on — a department supplying the data sees which years to report — or that it has none,
    /// resting on the first one's reason.</summary>
    private static Reason Lacking(Reason needs, int from, int first, Reason cause, int last, Func<int, IndicatorValue> valueAt)
    {
        var lacking = new List<(int From, int To)> { (first, first) };
        for (var y = first + 1; y <= last; y++)
        {
            if (valueAt(y).HasValue)
            {
                continue;
            }

            if (lacking[^1].To == y - 1)
            {
                lacking[^1] = (lacking[^1].From, y);
            }
            else
            {
                lacking.Add((y, y));
            }
        }

        string Years(string dash, string separator) =>
            string.Join(separator, lacking.Select(r => r.From == r.To ? $"{r.From}" : $"{r.From}{dash}{r.To}"));
        var lacks = lacking is [var all] && all == (from, last)
            ? new Reason($"{needs.English} and has none of them", $"{needs.Chinese}，各年均无数值")
            : new Reason($"{needs.English} and lacks {Years("–", ", ")}", $"{needs.Chinese}，缺{Years("—", "、")}年");
        return lacks.Because(cause);
    }

    /// <param name="explain">Whether to word the outcome: a probability judges the rule in every trajectory (thousands of
    /// checks for one figure), where formatting the numbers of each explanation cost more than the check itself.</param>
    private RuleCheck Check(PlanTarget target, IndicatorEntry entry, string region, int year, PlanTarget? previous, Func<int, IndicatorValue> valueAt, bool explain = true)
    {
        var rule = target.Rule;
        switch (rule.Kind)
        {
            case TargetKind.CumulativeAtLeast:
            {
                var sum = 0.0;
                for (var y = target.BaseYear + 1; y <= year; y++)
                {
                    var v = valueAt(y);
                    if (!v.HasValue)
                    {
                        return RuleCheck.NoData(Lacking(new Reason($"the cumulative count needs every year {target.BaseYear + 1}–{year}",
                            $"累计值需要{target.BaseYear + 1}—{year}年每年的数值"), target.BaseYear + 1, y, v.Note!, year, valueAt));
                    }

                    sum += v.Value!.Value;
                }

                return Band(sum, rule, explain ? $"sum {target.BaseYear + 1}–{year}" : null);
            }

            case TargetKind.IncreasingYearly:
            {
                var from = previous?.Year ?? target.BaseYear;
                var worst = 0.0;
                var rose = true;
                var before = valueAt(from);
                if (!before.HasValue)
                {
                    return RuleCheck.NoData(new Reason($"increasing every year needs the value of {from}", $"逐年增长需要{from}年的数值").Because(before.Note!));
                }

                for (var y = from + 1; y <= year; y++)
                {
                    var v = valueAt(y);
                    if (!v.HasValue)
                    {
                        return RuleCheck.NoData(Lacking(new Reason($"increasing every year needs every year {from}–{year}", $"逐年增长需要{from}—{year}年每年的数值"), from, y, v.Note!, year, valueAt));
                    }

                    if (v.Value <= before.Value)
                    {
                        rose = false;
                        worst = Math.Max(worst, before.Value!.Value - v.Value!.Value);
                    }

                    before = v;
                }

                var met = rose;
                return new RuleCheck(met, worst, before.Value!.Value,
                    !explain ? "" : met ? $"rose every year {from}–{year}"
                    : Math.Round(worst, 4) > 0 ? string.Create(CultureInfo.InvariantCulture, $"did not rise every year {from}–{year} (largest fall {worst:0.####})")
                    : $"did not rise every year {from}–{year} (unchanged from one year to the next)");
            }

            case TargetKind.Increasing or TargetKind.Decreasing:
            {
                var b = valueAt(target.BaseYear);
                var v = valueAt(year);
                if (!b.HasValue || !v.HasValue)
                {
                    return RuleCheck.NoData(new Reason($"needs the values of {target.BaseYear} and {year}", $"需要{target.BaseYear}年和{year}年的数值").Because((b.Note ?? v.Note)!));
                }

                var up = rule.Kind == TargetKind.Increasing;
                var met = up ? v.Value > b.Value : v.Value < b.Value;
                var shortfall = met ? 0 : Math.Abs(v.Value!.Value - b.Value!.Value);
                return new RuleCheck(met, shortfall, b.Value!.Value, explain ? Describe($"{year} value {{0}} against {target.BaseYear} value {{1}}", v.Value!.Value, b.Value!.Value) : "");
            }

            case TargetKind.Stable or TargetKind.MaintainHigh or TargetKind.MaintainLow:
            {
                var v = valueAt(year);
                if (!v.HasValue)
                {
                    return RuleCheck.NoData(v.Note!);
                }

                double reference;
                string? referenceText;
                if (rule.Kind != TargetKind.Stable && previous?.Rule.Value is { } prevTarget)
                {
                    reference = prevTarget;
                    referenceText = explain ? $"the {previous.Year} target {previous.Rule}" : null;
                }
                else
                {
                    var refYear = rule.Kind == TargetKind.Stable ? previous?.Year ?? target.BaseYear : target.BaseYear;
                    var r = valueAt(refYear);
                    if (!r.HasValue)
                    {
                        return RuleCheck.NoData(new Reason($"the reference value of {refYear} is missing", $"缺少{refYear}年的参照值").Because(r.Note!));
                    }

                    reference = r.Value!.Value;
                    referenceText = explain ? $"the {refYear} value {Figure(reference)}" : null;
                }

                var x = v.Value!.Value;
                var (lo, hi) = rule.Kind switch
                {
                    TargetKind.Stable => (reference - (TargetRule.StableBand * Math.Abs(reference)), reference + (TargetRule.StableBand * Math.Abs(reference))),
                    TargetKind.MaintainHigh => (reference, double.PositiveInfinity),
                    _ => (double.NegativeInfinity, reference),
                };
                var shortfall = Distance(x, lo, hi);
                // The reference said once: a target by its rule (">=82.5"), a year's value by its figure.
                return new RuleCheck(shortfall == 0, shortfall, reference, explain ? $"{year} value {Figure(x)} against {referenceText}" : "");
            }

            case TargetKind.BetterThanProvinceAverage or TargetKind.TopOfProvince:
                return Province(rule, entry, region, year);

            default:
            {
                var v = valueAt(year);
                return v.HasValue ? Band(v.Value!.Value, rule, explain ? $"{year} value" : null) : RuleCheck.NoData(v.Note!);
            }
        }
    }

    /// <param name="what">What <paramref name="x"/> is, for the explanation; null for none.</param>
    private static RuleCheck Band(double x, TargetRule rule, string? what)
    {
        var (lo, hi) = rule.Band!.Value;
        // A value on a bound, to the rounding of the arithmetic that gave it (an SRB of 107 from 107 boys per 100 girls
        // comes out 107.00000000000001), is on the bound: inside a closed band, outside an open one.
        var atLo = OnBound(x, lo);
        var atHi = OnBound(x, hi);
        var met = rule.Kind switch
        {
            TargetKind.Above => x > lo && !atLo,
            TargetKind.Below => x < hi && !atHi,
            TargetKind.OrderOfMagnitude => (x >= lo || atLo) && x < hi && !atHi,
            TargetKind.Exactly => atLo,
            _ => (x >= lo || atLo) && (x <= hi || atHi),
        };
        var shortfall = met ? 0 : Math.Max(Distance(x, lo, hi), 0);
        // The margin is taken of the bound the value misses: the upper edge of a band for a value above it.
        var level = (x > hi && double.IsFinite(hi)) || !double.IsFinite(lo) ? hi : lo;
        return new RuleCheck(met, shortfall, level, what is null ? "" : Describe($"{what} {{0}} against {rule}", x, level));
    }

    private RuleCheck Province(TargetRule rule, IndicatorEntry entry, string region, int year)
    {
        var regions = _calculator.Catalogue.Regions;
        var province = regions.Contains(region) ? regions[region].Parent : null;
        if (province is null || regions[province].Kind != "province")
        {
            return RuleCheck.NoData(new($"{regions.NameOf(region)} lies in no listed province, so it has no province to compare with",
                $"{regions.NameOf(region)}不属于已登记的任何省份，无从与全省比较"));
        }

        if (entry.Better == Direction.None)
        {
            return RuleCheck.NoData(new($"{entry.Id} has no better direction in the catalogue, so 'better' is undefined", "指标目录未规定该指标的优劣方向，无法判断“优于”"));
        }

        var sign = entry.Better == Direction.Higher ? 1.0 : -1.0;
        var own = _calculator.ComputeAnywhere(entry, region, year);
        if (!own.HasValue)
        {
            return RuleCheck.NoData(own.Note!);
        }

        var x = own.Value!.Value;
        if (rule.Kind == TargetKind.BetterThanProvinceAverage)
        {
            var p = _calculator.ComputeAnywhere(entry, province, year);
            if (!p.HasValue)
            {
                return RuleCheck.NoData(new Reason($"needs the {regions.NameOf(province)} figure for {year}", $"需要{regions.NameOf(province)}{year}年的数值").Because(p.Note!));
            }

            var avg = p.Value!.Value;
            var met = sign * (x - avg) > 0;
            return new RuleCheck(met, met ? 0 : Math.Abs(x - avg), avg, Describe($"{regions.NameOf(region)} {{0}} against {regions.NameOf(province)} {{1}}", x, avg));
        }

        var peers = regions[province].Members.Select(m => (Region: m, Value: _calculator.ComputeAnywhere(entry, m, year))).ToList();
        var missing = peers.Where(p => !p.Value.HasValue).Select(p => p.Region).ToList();
        if (missing.Count > 0)
        {
            return RuleCheck.NoData(new(
                $"ranking in {regions.NameOf(province)} needs every city's {entry.Id} for {year}; missing: {string.Join(", ", missing.Select(regions.NameOf))}",
                $"{regions.NameOf(province)}内排名需要各市{year}年的该指标数值；缺少：{string.Join("、", missing.Select(regions.NameOf))}"));
        }

        var ranked = peers.OrderByDescending(p => sign * p.Value.Value!.Value).ToList();
        var rank = ranked.FindIndex(p => p.Region == region) + 1;
        var cutoff = ranked[Math.Min(TargetRule.TopRanks, ranked.Count) - 1].Value.Value!.Value;
        var top = rank <= TargetRule.TopRanks;
        return new RuleCheck(top, top ? 0 : Math.Abs(cutoff - x), cutoff,
            string.Create(CultureInfo.InvariantCulture, $"{regions.NameOf(region)} ranks {rank} of {ranked.Count} in {regions.NameOf(province)} (top {TargetRule.TopRanks} needed)"));
    }

    private static double? RequiredAnnualChange(PlanTarget target, IndicatorValue? latest, int year, Func<int, IndicatorValue> valueAt)
    {
        if (latest is null || latest.Year >= year || target.Rule.Band is not { } band)
        {
            return null;
        }

        var years = year - latest.Year;
        if (target.Rule.Kind == TargetKind.CumulativeAtLeast)
        {
            var sum = 0.0;
            for (var y = target.BaseYear + 1; y <= latest.Year; y++)
            {
                if (valueAt(y).Value is not { } v)
                {
                    return null;
                }

                sum += v;
            }

            return (band.Lower - sum) / years;
        }

        var x = latest.Value!.Value;
        var goal = x < band.Lower ? band.Lower : x > band.Upper ? band.Upper : x;
        return (goal - x) / years;
    }

    /// <summary>True when <paramref name="x"/> equals <paramref name="bound"/> but for floating-point rounding (a relative 1e-9).</summary>
    private static bool OnBound(double x, double bound) => double.IsFinite(bound) && Math.Abs(x - bound) <= 1e-9 * Math.Max(1, Math.Abs(bound));

    private static double Distance(double x, double lo, double hi) => x < lo ? lo - x : x > hi ? x - hi : 0;

    private static string Describe(string format, double a, double b) => string.Format(CultureInfo.InvariantCulture, format, Figure(a), Figure(b));

    /// <summary>A figure as explanations write it: up to four decimals.</summary>
    private static string Figure(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
