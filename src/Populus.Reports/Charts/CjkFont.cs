using ScottPlot;
using SkiaSharp;

namespace Populus.Reports.Charts;

/// <summary>
/// The CJK font the charts draw with, found on this machine at run time and registered with ScottPlot once.
/// </summary>
/// <remarks>
/// ScottPlot's default font has no Chinese glyphs, and its system lookup does not see fontconfig with the
/// SkiaSharp native assets it ships, so Chinese labels come out as boxes unless a font file is named explicitly.
/// Debian's fonts-noto-cjk puts every CJK face in one collection (.ttc); the face whose family is
/// <see cref="FamilyName"/> is chosen by name, so Simplified Chinese glyph forms are used rather than the
/// collection's first (Japanese) face.
/// </remarks>
public static class CjkFont
{
    /// <summary>The family the charts (and, by default, the Word documents) name.</summary>
    public const string FamilyName = "Noto Sans CJK SC";

    /// <summary>Where Debian, Ubuntu, Fedora and Arch put the Noto CJK fonts; searched in this order.</summary>
    public static readonly IReadOnlyList<string> DefaultSearchDirectories =
    [
        "/usr/share/fonts/opentype/noto",
        "/usr/share/fonts/noto-cjk",
        "/usr/share/fonts/google-noto-cjk",
        "/usr/share/fonts/google-noto-sans-cjk-vf-fonts",
        "/usr/share/fonts",
        "/usr/local/share/fonts",
    ];

    private static readonly string[] RegularFileNames =
        ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf", "NotoSansCJK-VF.ttc"];

    private static readonly string[] BoldFileNames =
        ["NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.otf"];

    private static readonly Lazy<CjkFontFiles> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Finds the font and registers it with ScottPlot (once per process); returns the family name to use.</summary>
    /// <exception cref="CjkFontNotFoundException">No CJK font is installed.</exception>
    public static string EnsureRegistered() => Registered.Value.Family;

    /// <summary>The regular font file the charts use.</summary>
    /// <exception cref="CjkFontNotFoundException">No CJK font is installed.</exception>
    public static string RegularFile => Registered.Value.Regular;

    /// <summary>Finds the regular CJK font file in <paramref name="directories"/> (searched recursively, in order).</summary>
    /// <exception cref="CjkFontNotFoundException">None of the directories holds one.</exception>
    public static string Locate(IEnumerable<string> directories) =>
        Find(directories, RegularFileNames) ?? throw new CjkFontNotFoundException(directories);

    /// <summary>
    /// How far ScottPlot draws text of this font too high, in pixels at <paramref name="fontSize"/>: the font's lowest
    /// glyph extent minus its descent.
    /// </summary>
    /// <remarks>
    /// ScottPlot 5.1 puts a label's baseline at the bottom of its box less the font's lowest glyph extent
    /// (SKFontMetrics.Bottom) rather than its descent. Latin fonts have the two close together; Noto Sans CJK's
    /// bounding box reaches 1.05 em below the baseline against a 0.29 em descent, so its labels rise about 0.76 em:
    /// legend entries clip at the top and tick labels sit beside the wrong tick (ScottPlot issues 5036, 5192, 5213).
    /// </remarks>
    internal static float BaselineDrop(float fontSize)
    {
        using var font = new SKFont(Registered.Value.Typeface, fontSize);
        var metrics = font.Metrics;
        return Math.Max(0, metrics.Bottom - metrics.Descent);
    }

    private static CjkFontFiles Register()
    {
        var regular = Locate(DefaultSearchDirectories);
        var bold = Find([Path.GetDirectoryName(regular)!, .. DefaultSearchDirectories], BoldFileNames) ?? regular;
        Fonts.FontResolvers.Insert(0, new CjkFontResolver(FamilyName, regular, bold));
        return new CjkFontFiles(FamilyName, regular, bold, OpenFace(regular, FamilyName));
    }

    private static string? Find(IEnumerable<string> directories, string[] fileNames)
    {
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var name in fileNames)
            {
                var hit = Directory.EnumerateFiles(directory, name, new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    IgnoreInaccessible = true,
                    MatchCasing = MatchCasing.CaseInsensitive,
                }).FirstOrDefault();
                if (hit is not null)
                {
                    return hit;
                }
            }
        }

        return null;
    }

    /// <summary>Opens the face of <paramref name="path"/> whose family is <paramref name="family"/>, else its first face.</summary>
    internal static SKTypeface OpenFace(string path, string family)
    {
        // A .ttc holds a handful of faces (Noto CJK: JP, KR, SC, TC, HK and their Mono variants).
        for (var index = 0; index < 16; index++)
        {
            var face = SKTypeface.FromFile(path, index);
            if (face is null)
            {
                break;
            }

            if (string.Equals(face.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                return face;
            }

            face.Dispose();
        }

        return SKTypeface.FromFile(path, 0)
            ?? throw new CjkFontNotFoundException($"The font file {path} could not be opened by SkiaSharp.");
    }

    private sealed record CjkFontFiles(string Family, string Regular, string Bold, SKTypeface Typeface);
}
