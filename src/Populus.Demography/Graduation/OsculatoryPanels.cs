namespace Populus.Demography.Graduation;

/// <summary>
/// The coefficient panels of a five-group osculatory splitting formula (Sprague, Beers): each single age of a
/// five-year group is a fixed linear combination of five neighbouring group totals.
/// </summary>
/// <remarks>
/// The layout follows [SS2004] Appendix C: a first panel (the first two groups, which cannot be centred), a middle
/// panel (group g from groups g−2…g+2), and the last two groups, whose panel is the first one read backwards
/// (the formulas are symmetric in age). Only the first and middle panels are stored; the mirror is computed.
/// </remarks>
internal sealed class OsculatoryPanels
{
    /// <summary>Groups a panel spans.</summary>
    public const int Span = 5;

    private readonly double[,] _first;
    private readonly double[,] _middle;

    /// <param name="first">10 × 5: rows 0–4 the single ages of group 0, rows 5–9 those of group 1, columns groups 0–4.</param>
    /// <param name="middle">5 × 5: the single ages of group g, columns groups g−2 … g+2.</param>
    public OsculatoryPanels(double[,] first, double[,] middle)
    {
        _first = first;
        _middle = middle;
    }

    /// <summary>Splits closed five-year totals into single years (5 per group) in <paramref name="singles"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than five groups, or the output has the wrong length.</exception>
    public void Split(ReadOnlySpan<double> groups, Span<double> singles)
    {
        var m = groups.Length;
        if (m < Span)
        {
            Guard.ThrowArgument(nameof(groups), $"Five-year splitting needs at least {Span} closed groups; {m} given.");
        }

        if (singles.Length != Span * m)
        {
            Guard.ThrowArgument(nameof(singles), $"{m} groups split into {Span * m} single ages; the output has {singles.Length}.");
        }

        for (var g = 0; g < m; g++)
        {
            for (var j = 0; j < Span; j++)
            {
                var v = 0.0;
                if (g < 2)
                {
                    // Leading panel: the group's rows of the first panel over groups 0..4.
                    for (var k = 0; k < Span; k++)
                    {
                        v += _first[Span * g + j, k] * groups[k];
                    }
                }
                else if (g >= m - 2)
                {
                    // Trailing panel: the first panel mirrored in age, over groups m−5..m−1.
                    var fromEnd = m - 1 - g;
                    for (var k = 0; k < Span; k++)
                    {
                        v += _first[Span * fromEnd + (Span - 1 - j), k] * groups[m - 1 - k];
                    }
                }
                else
                {
                    for (var k = 0; k < Span; k++)
                    {
                        v += _middle[j, k] * groups[g - 2 + k];
                    }
                }

                singles[Span * g + j] = v;
            }
        }
    }
}
