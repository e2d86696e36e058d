using Populus.Reports.Charts;

namespace Populus.Reports.Document;

/// <summary>A chart image with its caption, shown at <see cref="WidthCm"/> across the page.</summary>
public sealed class Figure : ReportBlock
{
    /// <summary>Text width of an A4 page with the report's margins.</summary>
    public const double MaxWidthCm = 15.9;

    /// <exception cref="ArgumentException">The caption is empty or the width is not in (0, 15.9] cm.</exception>
    public Figure(ChartImage image, string caption, double widthCm = MaxWidthCm)
    {
        Image = image ?? throw new ArgumentNullException(nameof(image));
        Caption = Require.Text(caption);
        Require.That(widthCm > 0 && widthCm <= MaxWidthCm, nameof(widthCm),
            $"= {widthCm}: must be positive and at most the text width {MaxWidthCm} cm");
        WidthCm = widthCm;
    }

    public ChartImage Image { get; }

    /// <summary>The caption (the writer numbers it: 图 1、图 2 …).</summary>
    public string Caption { get; }

    public double WidthCm { get; }

    /// <summary>Height on the page, keeping the image's aspect ratio.</summary>
    public double HeightCm => WidthCm * Image.HeightPx / Image.WidthPx;
}
