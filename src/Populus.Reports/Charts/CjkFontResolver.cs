using ScottPlot;
using SkiaSharp;

namespace Populus.Reports.Charts;

/// <summary>Hands ScottPlot the Simplified Chinese face of the CJK font files for one family name.</summary>
internal sealed class CjkFontResolver(string family, string regularFile, string boldFile) : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        Matches(fontName) ? CjkFont.OpenFace(bold ? boldFile : regularFile, family) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        Matches(fontName) ? CjkFont.OpenFace(weight >= FontWeight.SemiBold ? boldFile : regularFile, family) : null;

    private bool Matches(string fontName) => string.Equals(fontName, family, StringComparison.OrdinalIgnoreCase);
}
