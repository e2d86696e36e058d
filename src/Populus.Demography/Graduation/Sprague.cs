namespace Populus.Demography.Graduation;

/// <summary>Sprague's fifth-difference osculatory formula for splitting five-year totals into single years [Sprague1880].</summary>
/// <remarks>
/// Coefficients as tabulated in [SS2004] Appendix C (the "Sprague multipliers"); they are exact multiples of
/// 1/625, so the split keeps every group total to rounding error. It reproduces exactly the single-year values of
/// any cubic density (a quartic cumulative), in the end panels as in the middle one; our tests confirm this to
/// 1e-9 relative, and that a quartic density is not reproduced. The formula does not guarantee non-negative results: sharp changes near
/// the ends of the age range can give negative single-year values. <see cref="AgeGraduation"/> repairs those.
/// </remarks>
public static class Sprague
{
    private static readonly OsculatoryPanels Panels = new(
        new[,]
        {
            { 0.3616, -0.2768, 0.1488, -0.0336, 0.0000 },
            { 0.2640, -0.0960, 0.0400, -0.0080, 0.0000 },
            { 0.1840, 0.0400, -0.0320, 0.0080, 0.0000 },
            { 0.1200, 0.1360, -0.0720, 0.0160, 0.0000 },
            { 0.0704, 0.1968, -0.0848, 0.0176, 0.0000 },
            { 0.0336, 0.2272, -0.0752, 0.0144, 0.0000 },
            { 0.0080, 0.2320, -0.0480, 0.0080, 0.0000 },
            { -0.0080, 0.2160, -0.0080, 0.0000, 0.0000 },
            { -0.0160, 0.1840, 0.0400, -0.0080, 0.0000 },
            { -0.0176, 0.1408, 0.0912, -0.0144, 0.0000 },
        },
        new[,]
        {
            { -0.0128, 0.0848, 0.1504, -0.0240, 0.0016 },
            { -0.0016, 0.0144, 0.2224, -0.0416, 0.0064 },
            { 0.0064, -0.0336, 0.2544, -0.0336, 0.0064 },
            { 0.0064, -0.0416, 0.2224, 0.0144, -0.0016 },
            { 0.0016, -0.0240, 0.1504, 0.0848, -0.0128 },
        });

    /// <summary>Splits closed five-year totals (at least five groups) into single years, five values a group.</summary>
    /// <returns>Single-year values; each group's five values sum to its total. Values may be negative.</returns>
    /// <exception cref="ArgumentException">Fewer than five groups.</exception>
    public static double[] Split(ReadOnlySpan<double> fiveYearTotals)
    {
        var singles = new double[OsculatoryPanels.Span * fiveYearTotals.Length];
        Panels.Split(fiveYearTotals, singles);
        return singles;
    }

    /// <summary>Allocation-free form of <see cref="Split(ReadOnlySpan{double})"/>.</summary>
    public static void Split(ReadOnlySpan<double> fiveYearTotals, Span<double> singles) => Panels.Split(fiveYearTotals, singles);
}
