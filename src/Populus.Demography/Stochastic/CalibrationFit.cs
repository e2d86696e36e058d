namespace Populus.Demography.Stochastic;

/// <summary>How well a fitted process reproduces the published half-widths, year by year.</summary>
/// <param name="Process">The fitted deviation process.</param>
/// <param name="Rows">Target and fitted half-widths of the 80% and 95% intervals by year.</param>
/// <param name="Loading">For a process that adds to another (male e0 = β·female deviation + gap), β; else 1.</param>
public sealed record CalibrationFit(Ar1Process Process, IReadOnlyList<CalibrationRow> Rows, double Loading = 1)
{
    /// <summary>Root mean square of fitted/target − 1 over both intervals and every year.</summary>
    public double RmsRelativeError => Math.Sqrt(Rows.Average(r => (r.Error80 * r.Error80 + r.Error95 * r.Error95) / 2));

    /// <summary>The largest |fitted/target − 1|.</summary>
    public double MaxRelativeError => Rows.Max(r => Math.Max(Math.Abs(r.Error80), Math.Abs(r.Error95)));
}

/// <summary>One year of a <see cref="CalibrationFit"/>.</summary>
public readonly record struct CalibrationRow(int Year, int Horizon, double TargetHalfWidth80, double FittedHalfWidth80, double TargetHalfWidth95, double FittedHalfWidth95)
{
    public double Error80 => FittedHalfWidth80 / TargetHalfWidth80 - 1;

    public double Error95 => FittedHalfWidth95 / TargetHalfWidth95 - 1;
}
