namespace Populus.Reports.Document;

/// <summary>One element of a report's body, in reading order: <see cref="Heading"/>, <see cref="Paragraph"/>,
/// <see cref="ReportTable"/> or <see cref="Figure"/>.</summary>
/// <remarks>Closed hierarchy: the writers handle exactly these four kinds.</remarks>
public abstract class ReportBlock
{
    private protected ReportBlock()
    {
    }
}
