namespace Populus.Reports.Word;

/// <summary>The fonts a Word report names, and the fallback Word on Windows substitutes when the first is missing.</summary>
/// <remarks>
/// Word picks the East-Asian font (w:eastAsia) for Chinese characters and the Latin one (w:ascii, w:hAnsi) for the rest.
/// Noto Sans CJK SC covers both and is what LibreOffice finds on Linux (fonts-noto-cjk). Word on Windows rarely has it;
/// the font table's altName and GB2312 charset let it fall back to <see cref="EastAsiaFallback"/> (Microsoft YaHei,
/// on every Windows since Vista) instead of a font without Chinese glyphs. The document's East-Asian language is
/// zh-CN, so LibreOffice's own substitution also looks for a Simplified Chinese font.
/// </remarks>
public sealed record ReportFonts
{
    public static ReportFonts Default { get; } = new();

    public string EastAsia { get; init; } = "Noto Sans CJK SC";

    public string EastAsiaFallback { get; init; } = "Microsoft YaHei";

    public string Latin { get; init; } = "Noto Sans CJK SC";

    /// <summary>Body text size in points (default 11; 小四 is 12 pt, 五号 10.5 pt).</summary>
    public double BodySizePt { get; init; } = 11;
}
