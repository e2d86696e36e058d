namespace Populus.Reports.Document;

/// <summary>A paragraph of body text.</summary>
public sealed class Paragraph : ReportBlock
{
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public Paragraph(string text) => Text = Require.Text(text);

    public string Text { get; }
}
