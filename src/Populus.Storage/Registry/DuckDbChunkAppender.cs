using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Populus.Storage.Registry;

/// <summary>
/// DuckDB's appender fed whole data chunks (duckdb_append_data_chunk) instead of value by value: each column of a
/// chunk is written straight into DuckDB's vector memory from the block's arrays.
/// </summary>
/// <remarks>
/// The row-wise <see cref="DuckDB.NET.Data.DuckDBAppender"/> costs about 150 ns a value (a row object, a virtual call
/// and a type switch per value), which alone would hold a ten-million-person load under 1 million rows/s; column copies
/// cost a few nanoseconds a value. The appender runs in the connection's current transaction.
/// </remarks>
internal sealed unsafe class DuckDbChunkAppender : IDisposable
{
    /// <summary>Rows in a DuckDB data chunk (the vector size, 2048).</summary>
    public static readonly int ChunkRows = checked((int)NativeMethods.Helpers.DuckDBVectorSize());

    /// <summary>DuckDB DATE counts days from 1970-01-01.</summary>
    public static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly DuckDBLogicalType[] _types;
    private readonly DuckDBDataChunk _chunk;
    private readonly IntPtr[] _vectors;
    private readonly string _table;
    private bool _closed;

    public DuckDbChunkAppender(DuckDBConnection connection, string table)
    {
        _table = table;
        if (!NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null!, table, out _appender).IsSuccess())
        {
            var message = NativeMethods.ErrorData.DuckDBErrorDataMessage(NativeMethods.Appender.DuckDBAppenderErrorData(_appender));
            _appender.Dispose();
            throw new InvalidOperationException($"cannot append to {table}: {message}");
        }

        var columns = checked((int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender));
        _types = new DuckDBLogicalType[columns];
        var handles = new IntPtr[columns];
        for (var c = 0; c < columns; c++)
        {
            _types[c] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)c);
            handles[c] = _types[c].DangerousGetHandle();
        }

        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)columns);
        _vectors = new IntPtr[columns];
        LoadVectors();
    }

    /// <summary>The memory of a fixed-width column of the current chunk (BIGINT long, INTEGER/DATE int, UTINYINT/BOOLEAN byte).</summary>
    public Span<T> Column<T>(int column)
        where T : unmanaged => new(NativeMethods.Vectors.DuckDBVectorGetData(_vectors[column]), ChunkRows);

    /// <summary>Writes a BLOB or VARCHAR value (copied into the chunk's string heap).</summary>
    public void SetBytes(int column, int row, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value)
        {
            NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(_vectors[column], (ulong)row, p, value.Length);
        }
    }

    /// <summary>Marks a value of the current chunk as NULL or not; call for every row of a nullable column.</summary>
    public void SetValid(int column, int row, bool valid)
    {
        var mask = NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
        if (mask == null)
        {
            if (valid)
            {
                return;
            }

            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
            mask = NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
        }

        var bit = 1UL << (row & 63);
        mask[row >> 6] = valid ? mask[row >> 6] | bit : mask[row >> 6] & ~bit;
    }

    /// <summary>Appends the first <paramref name="rows"/> rows of the current chunk and starts a fresh one.</summary>
    public void Flush(int rows)
    {
        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)rows);
        if (!NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk).IsSuccess())
        {
            throw new InvalidOperationException(
                $"appending to {_table} failed: {NativeMethods.ErrorData.DuckDBErrorDataMessage(NativeMethods.Appender.DuckDBAppenderErrorData(_appender))}");
        }

        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        LoadVectors();
    }

    /// <summary>Flushes what the appender buffered into the table.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (!NativeMethods.Appender.DuckDBAppenderClose(_appender).IsSuccess())
        {
            throw new InvalidOperationException(
                $"closing the appender of {_table} failed: {NativeMethods.ErrorData.DuckDBErrorDataMessage(NativeMethods.Appender.DuckDBAppenderErrorData(_appender))}");
        }
    }

    public void Dispose()
    {
        _closed = true;
        _chunk.Dispose();
        foreach (var type in _types)
        {
            type.Dispose();
        }

        _appender.Dispose();
    }

    private void LoadVectors()
    {
        for (var c = 0; c < _vectors.Length; c++)
        {
            _vectors[c] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, c);
        }
    }
}
