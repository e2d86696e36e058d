using System.Globalization;

namespace Populus.Planning.Targets;

/// <summary>What a target requires: a <see cref="TargetKind"/> and, for the numeric kinds, its value.</summary>
public sealed record TargetRule
{
    /// <summary>Half-width of the 左右 band, relative to the target: 1.35左右 is 1.3095–1.3905.</summary>
    /// <remarks>3 % keeps 1.35 apart from the 2020 level 1.30 (which the plan wants raised), while allowing the
    /// year-to-year noise of a TFR computed for a city of under 10 million.</remarks>
    public const double ApproximateBand = 0.03;

    /// <summary>Half-width of the 保持稳定 band, relative to the reference level.</summary>
    public const double StableBand = 0.05;

    /// <summary>Natural balance of the sex ratio at birth, males per 100 females (the plan's definition of indicator 13).</summary>
    public static readonly (double Lower, double Upper) NaturalBalanceRange = (103, 107);

    /// <summary>Near natural balance: one point either side of <see cref="NaturalBalanceRange"/>.</summary>
    public static readonly (double Lower, double Upper) NearNaturalBalanceRange = (102, 108);

    /// <summary>位居全省前列 = ranked among the best three of the province's eleven cities (a quarter, rounded).</summary>
    public const int TopRanks = 3;

    private TargetRule(TargetKind kind, double? value)
    {
        Kind = kind;
        Value = value;
    }

    public TargetKind Kind { get; }

    /// <summary>The figure of a numeric rule; null for the others.</summary>
    public double? Value { get; }

    /// <summary>True for rules solved by goal seeking: a single boundary or a band.</summary>
    public bool IsNumeric => Value is not null || Kind is TargetKind.NaturalBalance or TargetKind.NearNaturalBalance;

    /// <summary>The band [lower, upper] a numeric rule accepts (bounds may be infinite); null for the others.</summary>
    public (double Lower, double Upper)? Band => Kind switch
    {
        TargetKind.AtLeast or TargetKind.Above or TargetKind.CumulativeAtLeast => (Value!.Value, double.PositiveInfinity),
        TargetKind.AtMost or TargetKind.Below => (double.NegativeInfinity, Value!.Value),
        TargetKind.Exactly => (Value!.Value, Value!.Value),
        TargetKind.Approximately => (Value!.Value * (1 - ApproximateBand), Value!.Value * (1 + ApproximateBand)),
        TargetKind.OrderOfMagnitude => (Value!.Value, Value!.Value * 10),
        TargetKind.NaturalBalance => NaturalBalanceRange,
        TargetKind.NearNaturalBalance => NearNaturalBalanceRange,
        _ => null,
    };

    /// <summary>Reads the targets of <c>plan-indicators.csv</c>: <c>&gt;=1000</c>, <c>&gt;1000</c>, <c>&lt;20</c>,
    /// <c>&lt;=9</c>, <c>=100</c>, <c>approx 1.35</c>, <c>cum&gt;=60</c>, <c>increasing-yearly</c>, <c>increasing</c>,
    /// <c>decreasing</c>, <c>stable</c>, <c>maintain-high</c>, <c>maintain-low</c>, <c>near-natural-balance</c>,
    /// <c>natural-balance</c>, <c>better-than-province-average</c>, <c>top-of-province</c>.</summary>
    /// <returns>false with the reason when the text is not one of these.</returns>
    public static bool TryParse(string? text, out TargetRule? rule, out string? reason)
    {
        rule = null;
        reason = null;
        var t = (text ?? "").Trim();
        TargetKind? word = t switch
        {
            "increasing-yearly" => TargetKind.IncreasingYearly,
            "increasing" => TargetKind.Increasing,
            "decreasing" => TargetKind.Decreasing,
            "stable" => TargetKind.Stable,
            "maintain-high" => TargetKind.MaintainHigh,
            "maintain-low" => TargetKind.MaintainLow,
            "near-natural-balance" => TargetKind.NearNaturalBalance,
            "natural-balance" => TargetKind.NaturalBalance,
            "better-than-province-average" => TargetKind.BetterThanProvinceAverage,
            "top-of-province" => TargetKind.TopOfProvince,
            _ => null,
        };
        if (word is { } w)
        {
            rule = new TargetRule(w, null);
            return true;
        }

        foreach (var (prefix, kind) in Prefixes)
        {
            if (t.StartsWith(prefix, StringComparison.Ordinal))
            {
                return TryNumber(t[prefix.Length..], kind, t, out rule, out reason);
            }
        }

        reason = t.Length == 0
            ? "the target is empty"
            : "not a target the parser reads (>=, >, <=, <, =, approx, order, cum>= followed by a number, or increasing-yearly, increasing, decreasing, stable, maintain-high, maintain-low, near-natural-balance, natural-balance, better-than-province-average, top-of-province)";
        return false;
    }

    /// <summary>Reads a <c>targets-text.csv</c> row: its comparator, numeric value and printed fragment
    /// (an <c>approx</c> whose fragment says 级 is an order of magnitude).</summary>
    public static bool TryFromText(string comparator, string value, string printedZh, out TargetRule? rule, out string? reason)
    {
        var c = comparator.Trim();
        if (c == "approx" && printedZh.Contains('级', StringComparison.Ordinal))
        {
            c = "order";
        }

        return TryParse(value.Trim().Length == 0 ? c : $"{c} {value.Trim()}", out rule, out reason);
    }

    /// <summary>The canonical text read by <see cref="TryParse"/>.</summary>
    public override string ToString()
    {
        var prefix = Prefixes.FirstOrDefault(p => p.Kind == Kind).Prefix;
        if (prefix is not null)
        {
            return prefix + Value!.Value.ToString("0.####", CultureInfo.InvariantCulture);
        }

        return Kind switch
        {
            TargetKind.IncreasingYearly => "increasing-yearly",
            TargetKind.Increasing => "increasing",
            TargetKind.Decreasing => "decreasing",
            TargetKind.Stable => "stable",
            TargetKind.MaintainHigh => "maintain-high",
            TargetKind.MaintainLow => "maintain-low",
            TargetKind.NearNaturalBalance => "near-natural-balance",
            TargetKind.NaturalBalance => "natural-balance",
            TargetKind.BetterThanProvinceAverage => "better-than-province-average",
            _ => "top-of-province",
        };
    }

    private static readonly (string Prefix, TargetKind Kind)[] Prefixes =
    [
        ("cum>=", TargetKind.CumulativeAtLeast),
        (">=", TargetKind.AtLeast),
        ("<=", TargetKind.AtMost),
        (">", TargetKind.Above),
        ("<", TargetKind.Below),
        ("=", TargetKind.Exactly),
        ("approx ", TargetKind.Approximately),
        ("order ", TargetKind.OrderOfMagnitude),
    ];

    private static bool TryNumber(string number, TargetKind kind, string text, out TargetRule? rule, out string? reason)
    {
        rule = null;
        reason = null;
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            reason = $"'{number.Trim()}' in '{text}' is not a number";
            return false;
        }

        if (kind is TargetKind.OrderOfMagnitude or TargetKind.CumulativeAtLeast && v <= 0)
        {
            reason = $"'{text}' needs a positive figure";
            return false;
        }

        rule = new TargetRule(kind, v);
        return true;
    }
}
