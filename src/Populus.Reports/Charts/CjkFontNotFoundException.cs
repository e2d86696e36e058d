namespace Populus.Reports.Charts;

/// <summary>No font with Chinese glyphs could be found, so charts would show boxes instead of text.</summary>
public sealed class CjkFontNotFoundException : Exception
{
    public CjkFontNotFoundException(IEnumerable<string> searched)
        : base("No CJK font was found (looked for Noto Sans CJK SC in " + string.Join(", ", searched) + "). " +
               "Charts need one to draw Chinese text: install it with `apt-get install fonts-noto-cjk` " +
               "(Debian/Ubuntu) or your system's Noto Sans CJK package.")
    {
    }

    public CjkFontNotFoundException(string message)
        : base(message)
    {
    }
}
