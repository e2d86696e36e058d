using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Populus.Reports.Word;

/// <summary>The report's style sheet: defaults with the CJK font, title, headings, captions, table text, footnotes, the table style.</summary>
internal static class WordStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Caption = "Caption";
    public const string TableText = "TableText";
    public const string FigureParagraph = "Figure";
    public const string FootnoteText = "FootnoteText";
    public const string FootnoteReference = "FootnoteReference";
    public const string Footer = "Footer";
    public const string Table = "PopulusTable";

    public static string HeadingId(int level) => $"Heading{level}";

    public static Styles Create(ReportFonts fonts)
    {
        var body = HalfPoints(fonts.BodySizePt);
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = fonts.Latin, HighAnsi = fonts.Latin, EastAsia = fonts.EastAsia, ComplexScript = fonts.Latin },
                    new FontSize { Val = body },
                    new FontSizeComplexScript { Val = body },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new Indentation { FirstLineChars = 200 }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph(Title, "Title", 22, bold: true, center: true, before: 240, after: 240),
            Paragraph(Subtitle, "Subtitle", 14, bold: false, center: true, before: 0, after: 480));

        // 一、 chapter, （一） section, 1. subsection sizes follow common Chinese government reports.
        double[] sizes = [16, 14, 12];
        for (var level = 1; level <= sizes.Length; level++)
        {
            var heading = Paragraph(HeadingId(level), $"heading {level}", sizes[level - 1], bold: true, center: false,
                before: level == 1 ? 360 : 240, after: 120);
            heading.StyleParagraphProperties!.PrependChild(new KeepNext());
            heading.StyleParagraphProperties.Append(new OutlineLevel { Val = level - 1 });
            styles.Append(heading);
        }

        styles.Append(
            Paragraph(Caption, "caption", 10.5, bold: true, center: true, before: 120, after: 120),
            Paragraph(TableText, "Table Text", 10, bold: false, center: false, before: 0, after: 0, lineSpacing: 240),
            Paragraph(FigureParagraph, "Figure", 10, bold: false, center: true, before: 120, after: 0, lineSpacing: 240),
            Paragraph(FootnoteText, "footnote text", 9, bold: false, center: false, before: 0, after: 0, lineSpacing: 240),
            Paragraph(Footer, "footer", 9, bold: false, center: true, before: 0, after: 0, lineSpacing: 240),
            new Style(
                new StyleName { Val = "footnote reference" },
                new BasedOn { Val = "DefaultParagraphFont" },
                new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
            { Type = StyleValues.Character, StyleId = FootnoteReference },
            new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden())
            { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true },
            TableStyle());
        return styles;
    }

    /// <summary>All borders single 0.5 pt; header row shaded grey, bold and repeated on each page.</summary>
    private static Style TableStyle()
    {
        const uint thin = 4, thick = 8; // eighths of a point: 0.5 pt inside, 1 pt for the top and bottom rules
        return new Style(
            new StyleName { Val = "Populus Table" },
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = thick, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = thin, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = thick, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = thin, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = thin, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = thin, Color = "000000" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })),
            new TableStyleProperties(
                new RunPropertiesBaseStyle(new Bold()),
                new TableStyleConditionalFormattingTableCellProperties(
                    new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" }))
            { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = Table };
    }

    private static Style Paragraph(string id, string name, double sizePt, bool bold, bool center, int before, int after,
        int lineSpacing = 360)
    {
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold(), new BoldComplexScript());
        }

        run.Append(new FontSize { Val = HalfPoints(sizePt) }, new FontSizeComplexScript { Val = HalfPoints(sizePt) });
        var paragraph = new StyleParagraphProperties(
            new SpacingBetweenLines { Before = Twips(before), After = Twips(after), Line = Twips(lineSpacing), LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLineChars = 0, FirstLine = "0" });
        if (center)
        {
            paragraph.Append(new Justification { Val = JustificationValues.Center });
        }

        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(), paragraph, run)
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
