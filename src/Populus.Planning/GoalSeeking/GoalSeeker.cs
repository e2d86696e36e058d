using System.Globalization;
using MathNet.Numerics.RootFinding;
using Populus.Planning.Data;
using Populus.Planning.Targets;

namespace Populus.Planning.GoalSeeking;

/// <summary>
/// Solves for the level of one lever (net migration, TFR, life expectancy) at which a projected indicator meets
/// a target, given the projection as a function lever → indicator value at the target year.
/// </summary>
/// <remarks>
/// The range is scanned on <see cref="ScanPoints"/> equal steps (or as many as the caller asks) for the first interval
/// where the indicator crosses the target's boundary (a projection need not be monotone in its lever), then the
/// crossing is refined with Brent's method (MathNet.Numerics <c>Brent.TryFindRoot</c>). The model is asked once for
/// each lever level: a level asked again (an end of the interval Brent starts from, the root) takes the value kept.
/// For a band target (approximately, natural balance) the boundary is the edge nearer to the value at the lever's
/// minimum. The sensitivity is a central difference with a step of 1e-4 of the range.
/// </remarks>
public static class GoalSeeker
{
    /// <summary>Intervals the lever range is scanned on before refining.</summary>
    public const int ScanPoints = 32;

    /// <param name="model">The projection: lever level → indicator value at the target year.</param>
    /// <param name="accuracy">Brent's tolerance on the lever, relative to the level (absolute below 1).</param>
    /// <param name="scanPoints">Intervals the range is scanned on; fewer for a model that is costly and monotone.</param>
    /// <exception cref="ArgumentException">The target is not numeric (increasing, stable, province comparisons…),
    /// or the model returns a non-finite value.</exception>
    public static GoalSeekResult Seek(PlanTarget target, Lever lever, Func<double, double> model, double accuracy = 1e-8, int scanPoints = ScanPoints)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(lever);
        ArgumentNullException.ThrowIfNull(model);
        if (!target.Rule.IsNumeric || target.Rule.Kind == TargetKind.CumulativeAtLeast)
        {
            throw new GoalSeekRefusedException(NoFigure(target.IndicatorId, target.Rule), nameof(target));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(scanPoints, 1);
        var asked = new Dictionary<double, double>();
        double Eval(double x)
        {
            if (asked.TryGetValue(x, out var kept))
            {
                return kept;
            }

            var y = model(x);
            return double.IsFinite(y)
                ? asked[x] = y
                : throw new GoalSeekRefusedException(new Reason(string.Create(CultureInfo.InvariantCulture, $"the projection returned {y} for {lever.Name} = {x}"),
                    string.Create(CultureInfo.InvariantCulture, $"{lever.NameZh}为 {x} 时预测结果为 {y}，无法求解")), nameof(model));
        }

        var (lo, hi) = target.Rule.Band!.Value;
        bool Meets(double y) => y >= lo && y <= hi && (target.Rule.Kind != TargetKind.Above || y > lo) && (target.Rule.Kind != TargetKind.Below || y < hi);
        var atMin = Eval(lever.Minimum);
        var atMax = Eval(lever.Maximum);
        var boundary = !double.IsFinite(lo) ? hi : !double.IsFinite(hi) ? lo : Math.Abs(atMin - lo) <= Math.Abs(atMin - hi) ? lo : hi;
        var what = $"{target.IndicatorId} {target.Rule} by {target.Year?.ToString(CultureInfo.InvariantCulture) ?? "the target year"}";

        var step = (lever.Maximum - lever.Minimum) / scanPoints;
        var allMeet = true;
        var previousX = lever.Minimum;
        var previousG = atMin - boundary;
        allMeet &= Meets(atMin);
        for (var i = 1; i <= scanPoints; i++)
        {
            var x = i == scanPoints ? lever.Maximum : lever.Minimum + (i * step);
            var y = i == scanPoints ? atMax : Eval(x);
            allMeet &= Meets(y);
            var g = y - boundary;
            if (previousG == 0 || Math.Sign(g) != Math.Sign(previousG))
            {
                var root = previousG == 0
                    ? previousX
                    : Brent.TryFindRoot(v => Eval(v) - boundary, previousX, x, accuracy * Math.Max(1, Math.Abs(x)), 200, out var r) ? r : (previousX + x) / 2;
                var value = Eval(root);
                var h = 1e-4 * (lever.Maximum - lever.Minimum);
                var a = Math.Max(lever.Minimum, root - h);
                var b = Math.Min(lever.Maximum, root + h);
                var slope = (Eval(b) - Eval(a)) / (b - a);
                return new GoalSeekResult(GoalSeekOutcome.Reached, lever, boundary, root, value, slope, atMin, atMax,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{what}: {lever.Name} of {root:0.####} {lever.Unit} brings it to {value:0.####}; each additional {lever.Unit.Split('/')[0]} moves it by {slope:0.######}."));
            }

            previousX = x;
            previousG = g;
        }

        if (allMeet)
        {
            return new GoalSeekResult(GoalSeekOutcome.MetAcrossRange, lever, boundary, null, null, null, atMin, atMax,
                string.Create(CultureInfo.InvariantCulture,
                    $"{what} is met across the whole range of {lever.Name} ({lever.Minimum:0.####}–{lever.Maximum:0.####} {lever.Unit}: {atMin:0.####} to {atMax:0.####}); this lever is not binding."));
        }

        var best = Math.Abs(atMin - boundary) <= Math.Abs(atMax - boundary) ? (lever.Minimum, atMin) : (lever.Maximum, atMax);
        return new GoalSeekResult(GoalSeekOutcome.Unreachable, lever, boundary, null, null, null, atMin, atMax,
            string.Create(CultureInfo.InvariantCulture,
                $"{what} cannot be reached with {lever.Name} alone within its plausible range {lever.Minimum:0.####}–{lever.Maximum:0.####} {lever.Unit}: the projection gives {atMin:0.####} to {atMax:0.####}, closest {best.Item2:0.####} at {best.Item1:0.####}, short of {boundary:0.####}."));
    }

    /// <summary>Why a target cannot be sought: its rule (increasing, stable, a cumulative count) has no figure to solve for.</summary>
    public static Reason NoFigure(string indicatorId, TargetRule rule) =>
        new($"goal seeking needs a target with a figure; {indicatorId}'s '{rule}' has none to solve for",
            $"目标倒推需要带数值的目标；{indicatorId} 的目标“{rule}”没有可求解的数值");
}
