using System.Collections.Immutable;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Populus.Demography.Stochastic;

/// <summary>
/// The outcome of N stochastic trajectories: for every output year, unit (each state, and their sum when there are
/// several) and cell (population by sex and age group, and each <see cref="TrajectoryIndicator"/>), the value of
/// every trajectory, its mean and the quantiles in <see cref="Probabilities"/>.
/// </summary>
/// <remarks>Trajectory values are held as 32-bit floats (7 significant digits: one person in ten million) to halve the
/// memory of large runs; means and quantiles are computed from them in double precision. They are held in blocks of
/// <see cref="BlockSize"/> trajectories, cell by cell within a block ([block][cell][trajectory in block], the last block
/// padded): a worker that has run a block's trajectories writes one contiguous run of memory, and a cell's values are
/// read back as one 64-byte line a block. Held cell-major instead, each trajectory's values were scattered one per
/// cell over the whole array, and those writes cost a run of 10,000 trajectories as much as its summary.</remarks>
public sealed class TrajectoryResults
{
    /// <summary>2.5, 10, 25, 50, 75, 90 and 97.5%: the median and the 50%, 80% and 95% intervals.</summary>
    public static readonly ImmutableArray<double> Probabilities = [0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975];

    /// <summary>Trajectories a block holds: a cell's values in a block are one 64-byte cache line.</summary>
    internal const int BlockSize = 16;

    private static readonly int IndicatorCount = Enum.GetValues<TrajectoryIndicator>().Length;

    private readonly float[] _values; // [block][cell][trajectory in block]
    private readonly double[] _mean;
    private readonly double[] _quantiles;

    internal TrajectoryResults(int trajectories, ulong seed, ImmutableArray<int> years, ImmutableArray<string> units, AgeGroups ageGroups,
        float[] values, double[] mean, double[] quantiles)
    {
        Trajectories = trajectories;
        Seed = seed;
        Years = years;
        Units = units;
        AgeGroups = ageGroups;
        _values = values;
        _mean = mean;
        _quantiles = quantiles;
    }

    public int Trajectories { get; }

    public ulong Seed { get; }

    /// <summary>Output years (population at the year; flows over the step ending at it).</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>The states in order, then "total" (their sum) when there are several.</summary>
    public ImmutableArray<string> Units { get; }

    /// <summary>The age groups population is summed to.</summary>
    public AgeGroups AgeGroups { get; }

    /// <summary>Values per unit and year: population by sex and age group, then the indicators.</summary>
    internal int CellsPerUnit => 2 * AgeGroups.Count + IndicatorCount;

    internal static int CellsPer(AgeGroups groups) => 2 * groups.Count + IndicatorCount;

    /// <summary>The mean over trajectories of population of one sex and age group.</summary>
    public double Mean(int year, string unit, Sex sex, int ageGroup) => _mean[PopulationCell(year, unit, sex, ageGroup)];

    public double Mean(int year, string unit, TrajectoryIndicator indicator) => _mean[IndicatorCell(year, unit, indicator)];

    /// <summary>The quantile <see cref="Probabilities"/>[<paramref name="q"/>] of population of one sex and age group.</summary>
    public double Quantile(int year, string unit, Sex sex, int ageGroup, int q) => _quantiles[PopulationCell(year, unit, sex, ageGroup) * Probabilities.Length + q];

    public double Quantile(int year, string unit, TrajectoryIndicator indicator, int q) => _quantiles[IndicatorCell(year, unit, indicator) * Probabilities.Length + q];

    /// <summary>The value of every trajectory, in trajectory order (for <c>TargetProbability</c>).</summary>
    public double[] Values(int year, string unit, TrajectoryIndicator indicator) => Column(IndicatorCell(year, unit, indicator));

    public double[] Values(int year, string unit, Sex sex, int ageGroup) => Column(PopulationCell(year, unit, sex, ageGroup));

    /// <summary>Population summed over ages of both sexes for every trajectory (the total of <see cref="TrajectoryIndicator.Population"/>).</summary>
    public double[] TotalPopulation(int year, string unit) => Values(year, unit, TrajectoryIndicator.Population);

    private double[] Column(int cell)
    {
        var column = new float[Trajectories];
        ReadColumns(_values, Years.Length * Units.Length * CellsPerUnit, cell, 1, column);
        var widened = new double[Trajectories];
        TensorPrimitives.ConvertChecked<float, double>(column, widened); // widening: exact
        return widened;
    }

    /// <summary>The number of blocks that hold <paramref name="trajectories"/>.</summary>
    internal static int Blocks(int trajectories) => (trajectories + BlockSize - 1) / BlockSize;

    /// <summary>The span a block's values occupy in an array of <paramref name="cells"/> cells.</summary>
    internal static Span<float> Block(float[] values, int cells, int block) => values.AsSpan(block * BlockSize * cells, BlockSize * cells);

    /// <summary>Copies the values of <paramref name="count"/> consecutive cells from <paramref name="first"/> into
    /// <paramref name="columns"/>, one column of N = columns.Length / count trajectories after another, each in
    /// trajectory order.</summary>
    /// <remarks>The cells' values in a block are one run of count × 64 bytes, so reading several cells at once reads
    /// runs the memory system fetches ahead, where one cell alone reads a single line a block, each from another page.</remarks>
    internal static void ReadColumns(float[] values, int cells, int first, int count, Span<float> columns)
    {
        var n = count > 0 ? columns.Length / count : 0;
        if (first < 0 || count < 1 || first + count > cells || n * count != columns.Length || (long)Blocks(n) * cells * BlockSize > values.Length)
        {
            Guard.ThrowArgument(nameof(columns), $"{count} columns of {columns.Length} values from cell {first} do not fit {values.Length} values of {cells} cells.");
        }

        var full = n / BlockSize;
        ref var source = ref MemoryMarshal.GetArrayDataReference(values);
        ref var target = ref MemoryMarshal.GetReference(columns);
        for (var b = 0; b < full; b++)
        {
            // Within the lengths checked above.
            var from = (nuint)((b * cells + first) * BlockSize);
            for (var c = 0; c < count; c++)
            {
                var at = from + (nuint)(c * BlockSize);
                var to = (nuint)(c * n + b * BlockSize);
                Vector256.LoadUnsafe(ref source, at).StoreUnsafe(ref target, to);
                Vector256.LoadUnsafe(ref source, at + 8).StoreUnsafe(ref target, to + 8);
            }
        }

        if (full * BlockSize < n)
        {
            for (var c = 0; c < count; c++)
            {
                values.AsSpan((full * cells + first + c) * BlockSize, n - full * BlockSize).CopyTo(columns[(c * n + full * BlockSize)..((c + 1) * n)]);
            }
        }
    }

    /// <summary>The sum of a column's values in double precision and their range (NaN when a value is NaN), in one pass.</summary>
    /// <remarks>The sum keeps one partial sum per position in a block (trajectories i, i + 16, i + 32, …), added in
    /// that order at the end: the order is fixed by the layout, not by the machine's vector width, so a mean is the
    /// same on every machine.</remarks>
    internal static (double Sum, float Min, float Max) Summarise(ReadOnlySpan<float> column)
    {
        var full = column.Length / BlockSize;
        var (s0, s1, s2, s3) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
        var (low, high) = (Vector256.Create(float.PositiveInfinity), Vector256.Create(float.NegativeInfinity));
        var nan = Vector256<float>.Zero;
        ref readonly var source = ref MemoryMarshal.GetReference(column);
        for (var b = 0; b < full; b++)
        {
            // Within the column's length.
            var v0 = Vector256.LoadUnsafe(in source, (nuint)(b * BlockSize));
            var v1 = Vector256.LoadUnsafe(in source, (nuint)(b * BlockSize + 8));
            low = Vector256.Min(low, Vector256.Min(v0, v1));
            high = Vector256.Max(high, Vector256.Max(v0, v1));
            nan |= ~(Vector256.Equals(v0, v0) & Vector256.Equals(v1, v1));
            var (w0, w1) = Vector256.Widen(v0); // widening: exact
            var (w2, w3) = Vector256.Widen(v1);
            (s0, s1, s2, s3) = (s0 + w0, s1 + w1, s2 + w2, s3 + w3);
        }

        Span<double> lanes = stackalloc double[BlockSize];
        s0.CopyTo(lanes);
        s1.CopyTo(lanes[4..]);
        s2.CopyTo(lanes[8..]);
        s3.CopyTo(lanes[12..]);
        var (min, max) = (float.PositiveInfinity, float.NegativeInfinity);
        for (var j = 0; j < 8; j++)
        {
            min = Math.Min(min, low[j]);
            max = Math.Max(max, high[j]);
        }

        var rest = column[(full * BlockSize)..];
        for (var j = 0; j < rest.Length; j++)
        {
            var v = rest[j];
            lanes[j] += v;
            (min, max) = (Math.Min(min, v), Math.Max(max, v)); // NaN when v is
        }

        var sum = 0.0;
        foreach (var lane in lanes)
        {
            sum += lane;
        }

        return nan != Vector256<float>.Zero || float.IsNaN(min) ? (sum, float.NaN, float.NaN) : (sum, min, max);
    }

    internal int PopulationCell(int year, string unit, Sex sex, int ageGroup)
    {
        if ((uint)ageGroup >= (uint)AgeGroups.Count)
        {
            Guard.ThrowRange(nameof(ageGroup), ageGroup, $"must be an index of {AgeGroups}");
        }

        return UnitBase(year, unit) + (int)sex * AgeGroups.Count + ageGroup;
    }

    internal int IndicatorCell(int year, string unit, TrajectoryIndicator indicator) =>
        UnitBase(year, unit) + 2 * AgeGroups.Count + (int)indicator;

    private int UnitBase(int year, string unit)
    {
        var y = Years.IndexOf(year);
        if (y < 0)
        {
            Guard.ThrowRange(nameof(year), year, $"is not an output year ({Years[0]}–{Years[^1]})");
        }

        var u = Units.IndexOf(unit);
        if (u < 0)
        {
            Guard.ThrowArgument(nameof(unit), $"No unit '{unit}'; the units are {string.Join(", ", Units)}.");
        }

        return (y * Units.Length + u) * CellsPerUnit;
    }
}
