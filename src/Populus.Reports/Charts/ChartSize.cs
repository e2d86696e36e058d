namespace Populus.Reports.Charts;

/// <summary>A chart's size in pixels.</summary>
/// <remarks>The default, 1200 × 750, prints at about 190 dpi across a 16 cm text width: sharp on paper, small on disk.</remarks>
public readonly record struct ChartSize
{
    /// <exception cref="ArgumentOutOfRangeException">A side is outside 400…4000 px, where the fixed label padding no longer fits.</exception>
    public ChartSize(int widthPx, int heightPx)
    {
        if (widthPx is < 400 or > 4000)
        {
            throw new ArgumentOutOfRangeException(nameof(widthPx), widthPx, $"widthPx = {widthPx}: must be between 400 and 4000.");
        }

        if (heightPx is < 300 or > 4000)
        {
            throw new ArgumentOutOfRangeException(nameof(heightPx), heightPx, $"heightPx = {heightPx}: must be between 300 and 4000.");
        }

        WidthPx = widthPx;
        HeightPx = heightPx;
    }

    public static ChartSize Default => new(1200, 750);

    public int WidthPx { get; }

    public int HeightPx { get; }
}
