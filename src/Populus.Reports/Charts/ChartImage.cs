using System.Collections.Immutable;

namespace Populus.Reports.Charts;

/// <summary>A rendered chart: PNG bytes and the pixel size they decode to.</summary>
public sealed class ChartImage
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <exception cref="ArgumentException">The bytes are not a PNG or the size is not positive.</exception>
    public ChartImage(ReadOnlySpan<byte> png, int widthPx, int heightPx)
    {
        if (!png.StartsWith(PngSignature))
        {
            throw new ArgumentException("png: the bytes do not start with the PNG signature.", nameof(png));
        }

        if (widthPx <= 0 || heightPx <= 0)
        {
            throw new ArgumentException($"size {widthPx}×{heightPx} px: both sides must be positive.", nameof(widthPx));
        }

        Png = [.. png];
        WidthPx = widthPx;
        HeightPx = heightPx;
    }

    public ImmutableArray<byte> Png { get; }

    public int WidthPx { get; }

    public int HeightPx { get; }
}
