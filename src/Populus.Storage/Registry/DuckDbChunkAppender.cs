using System.Runtime.InteropServices;
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

    // duckdb_string_t keeps values up to this length inline.
    private const int InlineLength = 12;

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

    /// <summary>
    /// Sets rows 0 … <paramref name="rows"/> − 1 of a BLOB column to the <paramref name="width"/>-byte values stored end
    /// to end at <paramref name="values"/>, without copying them: each value's duckdb_string_t (duckdb.h: length, 4-byte
    /// prefix, pointer) points into that memory, which the caller keeps fixed until <see cref="Flush"/> has returned;
    /// appending the chunk copies the values into the appender's own storage.
    /// </summary>
    /// <remarks>
    /// duckdb_vector_assign_string_element would cost a P/Invoke and a copy into the chunk's string heap a value, ≈ 5% of
    /// the appending thread's time in a registry load. Values of 12 bytes or less are held inline and are refused here.
    /// </remarks>
    public void PointBlobs(int column, byte* values, int width, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, InlineLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, ChunkRows);
        var strings = new Span<StringPointer>(NativeMethods.Vectors.DuckDBVectorGetData(_vectors[column]), ChunkRows);
        for (var r = 0; r < rows; r++)
        {
            var value = values + ((long)r * width);
            strings[r] = new StringPointer((uint)width, *(uint*)value, value);
        }
    }

    /// <summary>The validity mask of a column of the current chunk, made writable: bit r of word r / 64 set when row r is not NULL.</summary>
    public Span<ulong> Validity(int column)
    {
        NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
        return new Span<ulong>(NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]), (ChunkRows + 63) / 64);
    }

    /// <summary>Marks row <paramref name="row"/> of a mask from <see cref="Validity"/> NULL or not; call for every row of a nullable column.</summary>
    public static void SetValid(Span<ulong> mask, int row, bool valid)
    {
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

    /// <summary>duckdb_string_t of a value longer than <see cref="InlineLength"/> bytes (duckdb.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct StringPointer(uint length, uint prefix, byte* pointer)
    {
        private readonly uint _length = length;
        private readonly uint _prefix = prefix;
        private readonly byte* _pointer = pointer;
    }
}
