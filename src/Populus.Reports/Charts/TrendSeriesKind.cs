namespace Populus.Reports.Charts;

/// <summary>What a trend line's values are; each kind is drawn differently so estimates never pass for observations.</summary>
public enum TrendSeriesKind
{
    /// <summary>Counted or published figures (census, statistical bulletin): solid line with filled markers.</summary>
    Observed,

    /// <summary>Figures estimated for years without a count (intercensal, nowcast): dashed line with hollow markers.</summary>
    Estimated,

    /// <summary>Projection results for future years: dotted line, no markers.</summary>
    Projected,
}
