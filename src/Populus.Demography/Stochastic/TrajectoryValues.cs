using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Populus.Demography.Projection;

namespace Populus.Demography.Stochastic;

/// <summary>
/// The values of N trajectories for C cells (a cell: one figure of one year and place), as 32-bit floats, with each
/// cell's mean and quantiles.
/// </summary>
/// <remarks>
/// <para>Single precision (7 significant digits: one person in ten million) halves the memory of large runs; means and
/// quantiles are computed in double precision.</para>
/// <para>Values are held in blocks of <see cref="BlockSize"/> trajectories, cell by cell within a block ([block][cell]
/// [trajectory in block], the last block padded). Trajectories are run by workers a block at a time, so a worker writes
/// its block as one contiguous run of memory; a cell's values are read back as one 64-byte line a block, several
/// consecutive cells at once. Held cell-major instead (a cell's N values contiguous), each trajectory's values were
/// scattered one per cell over the whole array, and for 10,000 trajectories those writes cost as much as the summary.</para>
/// <para>The values' memory is rented from the shared array pool and returned by <see cref="Dispose"/>, so the next
/// run reuses it. Fresh memory is zeroed by the operating system page by page as it is first written: for the city case
/// of 10,000 trajectories (292 MB) that took 0.4–0.6 s of kernel time a run on the project's VM, a sixth to a fifth of
/// the run (docs/benchmarks.md "Session 23"). Values not disposed are simply collected.</para>
/// </remarks>
public sealed class TrajectoryValues : IDisposable
{
    /// <summary>Trajectories a block holds: a cell's values in a block are one 64-byte cache line.</summary>
    public const int BlockSize = 16;

    /// <summary>Cells the summary reads at once: their values in a block are one run of 512 bytes.</summary>
    private const int CellsReadTogether = 8;

    /// <summary>The most values taken from the pool: it rounds a length up to a power of two, and beyond 2^27 values
    /// (512 MB, 18,000 trajectories of the city case) the memory the heap would commit for the rounding is no longer
    /// worth the reuse; longer arrays are allocated for the run alone.</summary>
    private const int MostPooled = 1 << 27;

    private float[]? _values; // [block][cell][trajectory in block]; null once returned

    /// <exception cref="ArgumentOutOfRangeException">No trajectories or cells, or more values than an array holds.</exception>
    public TrajectoryValues(int trajectories, int cells)
    {
        if (trajectories < 1)
        {
            Guard.ThrowRange(nameof(trajectories), trajectories, "must be at least 1");
        }

        if (cells < 1 || (long)BlocksOf(trajectories) * BlockSize * cells > Array.MaxLength)
        {
            Guard.ThrowRange(nameof(cells), cells, $"must be at least 1 and fit {trajectories:N0} trajectories in one array");
        }

        Trajectories = trajectories;
        Cells = cells;
        var length = BlocksOf(trajectories) * BlockSize * cells;
        _values = length <= MostPooled ? ArrayPool<float>.Shared.Rent(length) : GC.AllocateUninitializedArray<float>(length);
    }

    public int Trajectories { get; }

    public int Cells { get; }

    /// <summary>Blocks of <see cref="BlockSize"/> trajectories: block b holds trajectories 16b … 16b + 15.</summary>
    public int Blocks => BlocksOf(Trajectories);

    /// <summary>Writes the values of the block's trajectories, given as one row of <see cref="Cells"/> values each (in
    /// trajectory order, as many rows as the block holds), cell by cell into the block. Threads may write different
    /// blocks at once.</summary>
    /// <exception cref="ArgumentException">No such block, or not one row per trajectory of the block.</exception>
    public void WriteBlock(int block, ReadOnlySpan<float> rows)
    {
        if ((uint)block >= (uint)Blocks)
        {
            Guard.ThrowRange(nameof(block), block, $"must be a block of the {Blocks}");
        }

        var count = Math.Min(BlockSize, Trajectories - block * BlockSize);
        if (rows.Length != count * Cells)
        {
            Guard.ThrowArgument(nameof(rows), $"{rows.Length} values for {count} trajectories of {Cells} cells.");
        }

        // Every offset below lies within the lengths checked above.
        ref var target = ref Values[block * BlockSize * Cells];
        ref readonly var source = ref MemoryMarshal.GetReference(rows);
        var c = 0;
        if (count == BlockSize && Transposition.IsAccelerated)
        {
            // Eight cells of eight trajectories at a time, each such block turned from the rows' order into the cells'
            // (a value at a time, these writes took 4–5% of a 10,000-trajectory run).
            for (; c + 8 <= Cells; c += 8)
            {
                for (var j = 0; j < BlockSize; j += 8)
                {
                    Transposition.Block(in Unsafe.Add(ref Unsafe.AsRef(in source), j * Cells + c), (nuint)Cells, ref Unsafe.Add(ref target, c * BlockSize + j), BlockSize);
                }
            }
        }

        for (; c < Cells; c++)
        {
            ref var cell = ref Unsafe.Add(ref target, c * BlockSize);
            for (var j = 0; j < count; j++)
            {
                Unsafe.Add(ref cell, j) = Unsafe.Add(ref Unsafe.AsRef(in source), j * Cells + c);
            }
        }
    }

    /// <summary>The values of one cell, in trajectory order, widened to double precision (exact).</summary>
    public double[] Column(int cell)
    {
        var column = new float[Trajectories];
        ReadColumns(cell, 1, column);
        var widened = new double[Trajectories];
        TensorPrimitives.ConvertChecked<float, double>(column, widened);
        return widened;
    }

    /// <summary>Copies the values of <paramref name="count"/> consecutive cells from <paramref name="first"/> into
    /// <paramref name="columns"/>, one column of <see cref="Trajectories"/> values after another, each in trajectory order.</summary>
    /// <remarks>The cells' values in a block are one run of count × 64 bytes, so reading several cells at once reads
    /// runs the memory system fetches ahead, where one cell alone reads a single line a block, each from another page.</remarks>
    /// <exception cref="ArgumentException">The cells are not all of this run, or the columns' length is not count × N.</exception>
    public void ReadColumns(int first, int count, Span<float> columns)
    {
        var n = Trajectories;
        if (first < 0 || count < 1 || first + count > Cells || columns.Length != count * n)
        {
            Guard.ThrowArgument(nameof(columns), $"{count} columns of {columns.Length} values from cell {first} do not fit {n} trajectories of {Cells} cells.");
        }

        var full = n / BlockSize;
        var values = Values;
        ref var source = ref MemoryMarshal.GetArrayDataReference(values);
        ref var target = ref MemoryMarshal.GetReference(columns);
        for (var b = 0; b < full; b++)
        {
            // Within the lengths checked above and the array's, which holds every block of every cell.
            var from = (nuint)((b * Cells + first) * BlockSize);
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
                values.AsSpan((full * Cells + first + c) * BlockSize, n - full * BlockSize).CopyTo(columns[(c * n + full * BlockSize)..((c + 1) * n)]);
            }
        }
    }

    /// <summary>The mean and the quantiles at <paramref name="probabilities"/> of every cell ([cell][probability]), cells
    /// spread over threads: each cell's figures depend on its values only, summed in a fixed order, so they are the same
    /// for any number of threads (and any vector width).</summary>
    /// <param name="probabilities">Ascending, in [0, 1].</param>
    /// <param name="maxDegreeOfParallelism">Threads; 0 uses every core.</param>
    public (double[] Mean, double[] Quantiles) Summarise(ReadOnlySpan<double> probabilities, int maxDegreeOfParallelism = 0)
    {
        const int CellsPerTask = 64;
        var p = probabilities.ToArray();
        var (n, q) = (Trajectories, p.Length);
        var mean = new double[Cells];
        var quantiles = new double[Cells * q];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism };
        Parallel.For(0, (Cells + CellsPerTask - 1) / CellsPerTask, options, () => (Columns: new float[CellsReadTogether * n], Scratch: new double[n]), (task, _, workspace) =>
        {
            for (var first = task * CellsPerTask; first < Math.Min(Cells, (task + 1) * CellsPerTask); first += CellsReadTogether)
            {
                var count = Math.Min(CellsReadTogether, Cells - first);
                ReadColumns(first, count, workspace.Columns.AsSpan(0, count * n));
                for (var c = 0; c < count; c++)
                {
                    var column = workspace.Columns.AsSpan(c * n, n);
                    var (sum, min, max) = SumAndRange(column);
                    mean[first + c] = sum / n;
                    Quantiles.Compute(column, min, max, p, quantiles.AsSpan((first + c) * q, q), workspace.Scratch);
                }
            }

            return workspace;
        }, _ => { });
        return (mean, quantiles);
    }

    /// <summary>The sum of a column's values in double precision and their range (NaN when a value is NaN), in one pass.</summary>
    /// <remarks>The sum keeps one partial sum per position in a block (trajectories i, i + 16, i + 32, …), added in
    /// that order at the end: the order is fixed by the layout, not by the machine's vector width.</remarks>
    internal static (double Sum, float Min, float Max) SumAndRange(ReadOnlySpan<float> column)
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
            // The processor's min and max (IEEE's propagate NaN at a cost of several instructions): a NaN is found by the mask.
            low = Vector256.MinNative(low, Vector256.MinNative(v0, v1));
            high = Vector256.MaxNative(high, Vector256.MaxNative(v0, v1));
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
        for (var j = 0; j < Vector256<float>.Count; j++)
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

    /// <summary>Returns the values' memory for another run to reuse; the values can no longer be read or written.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _values, null) is { } values && values.Length <= MostPooled)
        {
            ArrayPool<float>.Shared.Return(values);
        }
    }

    private float[] Values => _values ?? throw new ObjectDisposedException(nameof(TrajectoryValues), "The trajectories' values were released (Dispose); only their summaries remain.");

    private static int BlocksOf(int trajectories) => (trajectories + BlockSize - 1) / BlockSize;
}
