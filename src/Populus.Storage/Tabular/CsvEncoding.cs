using System.Text;

namespace Populus.Storage.Tabular;

/// <summary>
/// How a CSV file's bytes are read as text: UTF-8 when they are valid UTF-8 (with or without a byte-order mark),
/// otherwise GB18030 when they are valid GB18030, otherwise the file is refused.
/// </summary>
/// <remarks>
/// Excel on a Chinese Windows saves "CSV (逗号分隔)" in the system code page, GBK (code page 936), of which GB18030 is
/// the superset; read as UTF-8, its Chinese cells became U+FFFD and were refused as "not a sex" or stored as mojibake.
/// UTF-8 is tried first because a GBK file of Chinese text is almost never valid UTF-8 (a GBK trail byte is rarely
/// a UTF-8 continuation byte in the right places), while UTF-8 Chinese text often decodes as GB18030 into other
/// characters; a file of ASCII only is both and is read as UTF-8. Both checks stream the file, so a registry file of
/// any size is not held in memory.
/// </remarks>
internal static class CsvEncoding
{
    /// <summary>GB18030 (code page 54936), from the code-page provider that ships with .NET.</summary>
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(
        54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens the file as text in its encoding (a UTF-8 byte-order mark is skipped).</summary>
    /// <param name="path">The CSV file, as named in a refusal.</param>
    /// <param name="encodingName">"UTF-8" or "GB18030": what the file was read as.</param>
    /// <exception cref="InvalidInputException">The file is neither valid UTF-8 nor valid GB18030.</exception>
    public static StreamReader Open(string path, out string encodingName)
    {
        var notUtf8 = FirstInvalidByte(path, StrictUtf8);
        if (notUtf8 is null)
        {
            encodingName = "UTF-8";
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        }

        var notGb18030 = FirstInvalidByte(path, Gb18030);
        if (notGb18030 is null)
        {
            encodingName = "GB18030";
            return new StreamReader(path, Gb18030, detectEncodingFromByteOrderMarks: false);
        }

        var (u, g) = (notUtf8.Value, notGb18030.Value);
        throw new InvalidInputException(new InputError(path, Math.Min(u.Row, g.Row), null, null,
            $"the file is neither UTF-8 nor GB18030 (GBK) text: row {u.Row} (byte {u.Offset + 1} of the file) is not UTF-8, "
            + $"row {g.Row} (byte {g.Offset + 1}) is not GB18030; in Excel save it as \"CSV UTF-8 (comma delimited)\"",
            $"文件既不是 UTF-8 也不是 GB18030（GBK）编码：第 {u.Row} 行（文件第 {u.Offset + 1} 字节）不符合 UTF-8，"
            + $"第 {g.Row} 行（第 {g.Offset + 1} 字节）不符合 GB18030；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"));
    }

    /// <summary>The first byte the encoding cannot decode (0-based offset) and its row (1-based line), or null.</summary>
    /// <remarks>A line feed (0x0A) is never part of a multi-byte character in UTF-8 or GB18030, so counting them gives the
    /// line in either encoding.</remarks>
    private static (long Offset, int Row)? FirstInvalidByte(string path, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        using var stream = File.OpenRead(path);
        long start = 0;
        var lines = 0;
        while (true)
        {
            var read = stream.Read(bytes, 0, bytes.Length);
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            }
            catch (DecoderFallbackException ex)
            {
                // Index is relative to this block; it is negative when the bad sequence began in the previous one.
                var inBlock = Math.Max(0, ex.Index);
                return (start + ex.Index, 1 + lines + bytes.AsSpan(0, inBlock).Count((byte)'\n'));
            }

            if (read == 0)
            {
                return null;
            }

            lines += bytes.AsSpan(0, read).Count((byte)'\n');
            start += read;
        }
    }
}
