namespace Populus.Demography.Calibration;

/// <summary>
/// Iterative proportional fitting (raking): scales a seed table so that its sums over given sets of cells match known
/// margins, while keeping the seed's interior structure (its cross-product ratios) as far as the margins allow.
/// </summary>
/// <remarks>
/// Deming &amp; Stephan (1940); the result minimises the Kullback–Leibler divergence from the seed subject to the margins
/// (Ireland &amp; Kullback 1968). Used to calibrate a standard age pattern to a region's published broad-group totals
/// and annual estimates to sample-survey totals. Cells that are zero in the seed stay zero.
/// </remarks>
public static class IterativeProportionalFitting
{
    /// <summary>Fits <paramref name="seed"/> to <paramref name="margins"/>.</summary>
    /// <param name="seed">Non-negative seed values, one a cell.</param>
    /// <param name="margins">Totals to reach; a margin over seed cells that are all zero must have total zero.</param>
    /// <param name="tolerance">Stop when every margin is met within this relative error.</param>
    /// <param name="maxIterations">Give up after this many sweeps over all margins.</param>
    /// <returns>The fitted cells and the number of sweeps used.</returns>
    /// <exception cref="ArgumentException">A margin names a cell outside the table, or cannot be met from a zero seed.</exception>
    /// <exception cref="InvalidOperationException">The margins are inconsistent (for example two partitions with different grand totals) and did not converge.</exception>
    public static (double[] Cells, int Iterations) Fit(
        ReadOnlySpan<double> seed, IReadOnlyList<MarginConstraint> margins, double tolerance = 1e-10, int maxIterations = 1000)
    {
        Guard.NotNull(margins);
        var cells = seed.ToArray();
        for (var i = 0; i < cells.Length; i++)
        {
            Guard.InRange(cells[i], 0, double.MaxValue, $"seed cell {i}");
        }

        foreach (var m in margins)
        {
            foreach (var c in m.Cells)
            {
                if ((uint)c >= (uint)cells.Length)
                {
                    Guard.ThrowArgument(nameof(margins), $"Margin '{m.Name}' names cell {c}, outside the table of {cells.Length} cells.");
                }
            }

            if (Sum(cells, m.Cells) == 0 && m.Total > 0)
            {
                Guard.ThrowArgument(nameof(margins), $"Margin '{m.Name}' needs {m.Total} but all its seed cells are zero.");
            }
        }

        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            foreach (var m in margins)
            {
                var sum = Sum(cells, m.Cells);
                if (sum > 0)
                {
                    var factor = m.Total / sum;
                    foreach (var c in m.Cells)
                    {
                        cells[c] *= factor;
                    }
                }
            }

            if (MaxRelativeError(cells, margins) <= tolerance)
            {
                return (cells, iteration);
            }
        }

        throw new InvalidOperationException(
            $"Raking did not converge in {maxIterations} sweeps (largest relative margin error {MaxRelativeError(cells, margins):E2}); the margins are probably inconsistent.");
    }

    private static double Sum(double[] cells, ReadOnlySpan<int> indices)
    {
        var s = 0.0;
        foreach (var c in indices)
        {
            s += cells[c];
        }

        return s;
    }

    private static double MaxRelativeError(double[] cells, IReadOnlyList<MarginConstraint> margins)
    {
        var worst = 0.0;
        foreach (var m in margins)
        {
            var sum = Sum(cells, m.Cells);
            var error = m.Total == 0 ? sum : Math.Abs(sum - m.Total) / m.Total;
            worst = Math.Max(worst, error);
        }

        return worst;
    }
}
