namespace Populus.Demography.Calibration;

/// <summary>A known total that a set of cells must add up to (for example "ages 0–14, both sexes: 1,462,497").</summary>
public sealed class MarginConstraint
{
    private readonly int[] _cells;

    /// <param name="name">How the margin is named in messages ("0-14", "male").</param>
    /// <param name="cells">Indices of the cells that sum to the total; each at most once.</param>
    /// <param name="total">The known total (≥ 0).</param>
    /// <exception cref="ArgumentException">No cells, a repeated cell, or a negative or non-finite total.</exception>
    public MarginConstraint(string name, IEnumerable<int> cells, double total)
    {
        Guard.NotNull(name);
        Guard.NotNull(cells);
        _cells = cells.ToArray();
        if (_cells.Length == 0)
        {
            Guard.ThrowArgument(nameof(cells), $"Margin '{name}' covers no cells.");
        }

        if (_cells.Distinct().Count() != _cells.Length)
        {
            Guard.ThrowArgument(nameof(cells), $"Margin '{name}' lists a cell twice.");
        }

        Guard.InRange(total, 0, double.MaxValue, $"total of margin '{name}'");
        Name = name;
        Total = total;
    }

    public string Name { get; }

    public double Total { get; }

    public ReadOnlySpan<int> Cells => _cells;
}
