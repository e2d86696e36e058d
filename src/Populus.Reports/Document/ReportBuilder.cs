using Populus.Reports.Charts;

namespace Populus.Reports.Document;

/// <summary>Collects a report's blocks in reading order; the one mutable companion of <see cref="ReportDocument"/>.</summary>
public sealed class ReportBuilder
{
    private readonly List<ReportBlock> _blocks = [];
    private readonly string _title;
    private string? _subtitle;

    public ReportBuilder(string title) => _title = Require.Text(title);

    public ReportBuilder Subtitle(string subtitle)
    {
        _subtitle = Require.Text(subtitle);
        return this;
    }

    public ReportBuilder Heading(int level, string text) => Add(new Heading(level, text));

    public ReportBuilder Paragraph(string text) => Add(new Paragraph(text));

    public ReportBuilder Table(ReportTable table) => Add(table);

    public ReportBuilder Figure(ChartImage image, string caption, double widthCm = Document.Figure.MaxWidthCm) =>
        Add(new Figure(image, caption, widthCm));

    public ReportBuilder Add(ReportBlock block)
    {
        _blocks.Add(block ?? throw new ArgumentNullException(nameof(block)));
        return this;
    }

    public ReportDocument Build() => new(_title, _subtitle, _blocks);
}
