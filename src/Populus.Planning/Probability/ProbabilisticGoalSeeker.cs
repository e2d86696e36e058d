using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Planning.GoalSeeking;
using Populus.Planning.Targets;

namespace Populus.Planning.Probability;

/// <summary>
/// Goal seeking under uncertainty: the lever level at which a target is met with a given probability (for example
/// 80%), given a model that runs the trajectories of a probabilistic projection at any lever level.
/// </summary>
/// <remarks>
/// For a one-sided target the question is a quantile: P(Y ≥ v) ≥ p exactly when the (1 − p) quantile of Y is ≥ v
/// (and P(Y ≤ v) ≥ p when the p quantile is ≤ v). So <see cref="GoalSeeker"/> is run on that quantile of the
/// trajectories as a function of the lever, which is as smooth as the projection when the model reuses the same
/// seed at every level (common random numbers). For a band (approximately, natural balance) the probability of
/// landing inside the band is sought directly to reach p.
/// </remarks>
public static class ProbabilisticGoalSeeker
{
    /// <summary>Intervals the lever's range is scanned on for a quantile: one, the whole range. Each level costs a
    /// probabilistic run, and a quantile of the trajectories moves one way with the lever: with the same seed at every
    /// level each trajectory's indicator moves one way (more migrants, births or years of life: more residents, a
    /// younger or older population), and an order statistic of values that all rise (or all fall) rises (falls) too.
    /// So the range's ends bracket the one crossing, if any, and Brent's method refines it from there. A band's
    /// probability rises and falls across the range, so it keeps <see cref="GoalSeeker.ScanPoints"/>.</summary>
    public const int QuantileScanPoints = 1;

    /// <param name="target">The target (a numeric rule).</param>
    /// <param name="lever">The lever and its plausible range.</param>
    /// <param name="trajectories">The model: lever level → the indicator's value at the target year in every trajectory
    /// (run with the same seed at every level).</param>
    /// <param name="probability">The probability the target must be met with, in (0, 1).</param>
    /// <exception cref="ArgumentException">The target has no figure, or the probability is not in (0, 1).</exception>
    public static GoalSeekResult Seek(PlanTarget target, Lever lever, Func<double, IReadOnlyList<double>> trajectories, double probability)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(trajectories);
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be strictly between 0 and 1");
        }

        var rule = target.Rule;
        if (!rule.IsNumeric || rule.Kind == TargetKind.CumulativeAtLeast)
        {
            throw new GoalSeekRefusedException(GoalSeeker.NoFigure(target.IndicatorId, rule), nameof(target));
        }

        var (lo, hi) = rule.Band!.Value;
        var pct = probability.ToString("0.##%", CultureInfo.InvariantCulture);
        if (double.IsInfinity(hi) || double.IsInfinity(lo))
        {
            // One-sided: a quantile of the trajectories must meet the same rule.
            var p = double.IsInfinity(hi) ? 1 - probability : probability;
            var quantileTarget = target with { IndicatorId = $"{target.IndicatorId} ({p.ToString("0.###", CultureInfo.InvariantCulture)} quantile, met with probability {pct})" };
            return GoalSeeker.Seek(quantileTarget, lever, x => Quantile(trajectories(x), p), scanPoints: QuantileScanPoints);
        }

        var probabilityTarget = target with
        {
            IndicatorId = $"P({target.IndicatorId} {rule})",
            Rule = TargetRule.TryParse($">={probability.ToString("R", CultureInfo.InvariantCulture)}", out var r, out _) ? r! : throw new InvalidOperationException(),
        };
        return GoalSeeker.Seek(probabilityTarget, lever, x => TargetProbability.Of(rule, trajectories(x)), accuracy: 1e-6);
    }

    /// <summary>The quantile as the trajectory summaries define it (<see cref="Quantiles"/>).</summary>
    private static double Quantile(IReadOnlyList<double> values, double p)
    {
        var result = new double[1];
        Quantiles.Compute(values.ToArray(), [p], result);
        return result[0];
    }
}
