using System.Collections.Immutable;

namespace Populus.Reports.Document;

/// <summary>A whole report: title, optional subtitle (the year, the issuing office) and the body in reading order.</summary>
/// <remarks>Immutable; build one with <see cref="ReportBuilder"/>.</remarks>
public sealed class ReportDocument
{
    /// <exception cref="ArgumentException">The title is empty.</exception>
    public ReportDocument(string title, string? subtitle, IEnumerable<ReportBlock> blocks)
    {
        Title = Require.Text(title);
        Subtitle = string.IsNullOrWhiteSpace(subtitle) ? null : subtitle;
        Blocks = [.. blocks ?? throw new ArgumentNullException(nameof(blocks))];
        Require.That(Blocks.All(b => b is not null), nameof(blocks), "must not contain null");
    }

    public string Title { get; }

    public string? Subtitle { get; }

    public ImmutableArray<ReportBlock> Blocks { get; }

    /// <summary>The tables in reading order (what the workbook holds).</summary>
    public IEnumerable<ReportTable> Tables => Blocks.OfType<ReportTable>();

    /// <summary>The figures in reading order.</summary>
    public IEnumerable<Figure> Figures => Blocks.OfType<Figure>();
}
