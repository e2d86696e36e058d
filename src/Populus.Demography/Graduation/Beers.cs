namespace Populus.Demography.Graduation;

/// <summary>Beers' six-term osculatory formulas for splitting five-year totals into single years [Beers1945].</summary>
/// <remarks>
/// Coefficients as tabulated (to four decimals) in [SS2004] Appendix C. The ordinary formula minimises fifth
/// differences while keeping each group total: its coefficient columns sum exactly to one within a group and zero
/// outside it. Like Sprague's, it reproduces the single-year values of any cubic density exactly (the
/// four-decimal coefficients keep the moments; our tests confirm it to 1e-9 relative). The modified formula
/// also smooths the totals themselves, so it does NOT keep group totals; use it for series with irregular groups
/// (it was designed for time series of events), and prefer the ordinary one when totals must be kept.
/// Like Sprague, both can give negative values near the ends.
/// </remarks>
public static class Beers
{
    private static readonly OsculatoryPanels Ordinary = new(
        new[,]
        {
            { 0.3333, -0.1636, -0.0210, 0.0796, -0.0283 },
            { 0.2595, -0.0780, 0.0130, 0.0100, -0.0045 },
            { 0.1924, 0.0064, 0.0184, -0.0256, 0.0084 },
            { 0.1329, 0.0844, 0.0054, -0.0356, 0.0129 },
            { 0.0819, 0.1508, -0.0158, -0.0284, 0.0115 },
            { 0.0404, 0.2000, -0.0344, -0.0128, 0.0068 },
            { 0.0093, 0.2268, -0.0402, 0.0028, 0.0013 },
            { -0.0108, 0.2272, -0.0248, 0.0112, -0.0028 },
            { -0.0198, 0.1992, 0.0172, 0.0072, -0.0038 },
            { -0.0191, 0.1468, 0.0822, -0.0084, -0.0015 },
        },
        new[,]
        {
            { -0.0117, 0.0804, 0.1570, -0.0284, 0.0027 },
            { -0.0020, 0.0160, 0.2200, -0.0400, 0.0060 },
            { 0.0050, -0.0280, 0.2460, -0.0280, 0.0050 },
            { 0.0060, -0.0400, 0.2200, 0.0160, -0.0020 },
            { 0.0027, -0.0284, 0.1570, 0.0804, -0.0117 },
        });

    private static readonly OsculatoryPanels Modified = new(
        new[,]
        {
            { 0.3332, -0.1938, 0.0702, -0.0118, 0.0022 },
            { 0.2569, -0.0753, 0.0205, -0.0027, 0.0006 },
            { 0.1903, 0.0216, -0.0146, 0.0032, -0.0005 },
            { 0.1334, 0.0969, -0.0351, 0.0059, -0.0011 },
            { 0.0862, 0.1506, -0.0410, 0.0054, -0.0012 },
            { 0.0486, 0.1831, -0.0329, 0.0021, -0.0009 },
            { 0.0203, 0.1955, -0.0123, -0.0031, -0.0004 },
            { 0.0008, 0.1893, 0.0193, -0.0097, 0.0003 },
            { -0.0108, 0.1677, 0.0577, -0.0153, 0.0007 },
            { -0.0159, 0.1354, 0.0972, -0.0170, 0.0003 },
        },
        new[,]
        {
            { -0.0160, 0.0973, 0.1321, -0.0121, -0.0013 },
            { -0.0129, 0.0590, 0.1564, 0.0018, -0.0043 },
            { -0.0085, 0.0260, 0.1650, 0.0260, -0.0085 },
            { -0.0043, 0.0018, 0.1564, 0.0590, -0.0129 },
            { -0.0013, -0.0121, 0.1321, 0.0973, -0.0160 },
        });

    /// <summary>Splits closed five-year totals (at least five groups) into single years with the ordinary formula.</summary>
    /// <returns>Single-year values; each group's five values sum to its total. Values may be negative.</returns>
    /// <exception cref="ArgumentException">Fewer than five groups.</exception>
    public static double[] SplitOrdinary(ReadOnlySpan<double> fiveYearTotals) => Split(Ordinary, fiveYearTotals);

    /// <summary>Splits and smooths closed five-year totals with the modified formula (group totals are not kept).</summary>
    /// <exception cref="ArgumentException">Fewer than five groups.</exception>
    public static double[] SplitModified(ReadOnlySpan<double> fiveYearTotals) => Split(Modified, fiveYearTotals);

    private static double[] Split(OsculatoryPanels panels, ReadOnlySpan<double> totals)
    {
        var singles = new double[OsculatoryPanels.Span * totals.Length];
        panels.Split(totals, singles);
        return singles;
    }
}
