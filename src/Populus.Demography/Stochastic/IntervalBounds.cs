namespace Populus.Demography.Stochastic;

/// <summary>Published 80% and 95% bounds of a projected quantity in one year, on the scale a process is fitted on.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Horizon">Years after the base year (the last estimate year).</param>
/// <param name="Centre">The central (median or medium-variant) value.</param>
/// <param name="Lower80">Lower bound of the 80% interval.</param>
/// <param name="Upper80">Upper bound of the 80% interval.</param>
/// <param name="Lower95">Lower bound of the 95% interval.</param>
/// <param name="Upper95">Upper bound of the 95% interval.</param>
public readonly record struct IntervalBounds(int Year, int Horizon, double Centre, double Lower80, double Upper80, double Lower95, double Upper95)
{
    /// <summary>Half the width of the 80% interval.</summary>
    public double HalfWidth80 => (Upper80 - Lower80) / 2;

    /// <summary>Half the width of the 95% interval.</summary>
    public double HalfWidth95 => (Upper95 - Lower95) / 2;
}
