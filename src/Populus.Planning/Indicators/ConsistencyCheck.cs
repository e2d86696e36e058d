using Populus.Planning.Data;

namespace Populus.Planning.Indicators;

/// <summary>Checks reported figures against the values their own inputs give, e.g. the plan's Table 1 labour
/// productivity against its GDP and employment columns.</summary>
/// <remarks>
/// The tolerance is half a unit of the reported figure's last printed digit (8.1 → ±0.05, 46.58 → ±0.005): any
/// true value within it prints as reported. Rounding of the inputs is not added; inputs printed with four or more
/// significant digits move a quotient by less than 0.1 % of itself, below the tolerance of the figures checked
/// here. A small relative slack (1e-9) absorbs floating-point error.
/// </remarks>
public sealed class ConsistencyCheck(IndicatorCalculator calculator)
{
    /// <summary>The check, or missing when the reported figure or the recomputation is unavailable.</summary>
    public DataResult<ConsistencyResult> Check(string indicatorId, string region, int year)
    {
        var reported = calculator.Reported(indicatorId, region, year);
        if (!reported.HasValue)
        {
            return DataResult<ConsistencyResult>.Missing(new Reason("no reported figure to check", "没有可核对的报送值").Because(reported.MissingReason));
        }

        var recomputed = calculator.Recompute(indicatorId, region, year);
        if (!recomputed.HasValue)
        {
            return DataResult<ConsistencyResult>.Missing(new Reason("cannot recompute", "无法重新计算").Because(recomputed.MissingReason));
        }

        var r = reported.Value;
        var tolerance = r.RoundingHalfUnit + (1e-9 * Math.Abs(r.Value));
        var consistent = Math.Abs(r.Value - recomputed.Value) <= tolerance;
        return DataResult<ConsistencyResult>.Found(
            new ConsistencyResult(indicatorId, region, year, r, recomputed.Value, tolerance, consistent),
            r.Provenance.Combine(recomputed.Provenance));
    }

}
