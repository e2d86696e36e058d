namespace Populus.Reports.Document;

/// <summary>A section heading; level 1 is a chapter (一、…), 2 a section, 3 a subsection.</summary>
public sealed class Heading : ReportBlock
{
    public const int MaxLevel = 3;

    /// <exception cref="ArgumentException">The level is outside 1…3 or the text is empty.</exception>
    public Heading(int level, string text)
    {
        Require.That(level is >= 1 and <= MaxLevel, nameof(level), $"= {level}: must be between 1 and {MaxLevel}");
        Level = level;
        Text = Require.Text(text);
    }

    public int Level { get; }

    public string Text { get; }
}
