using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Populus.Reports.Document;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Populus.Reports.Word;

/// <summary>Writes a <see cref="ReportDocument"/> as a Word document (.docx, Office Open XML).</summary>
/// <remarks>
/// A4 portrait, 2.54 cm top and bottom margins and 2.55 cm at the sides (a 15.9 cm text width, see
/// <see cref="Figure.MaxWidthCm"/>); page numbers "第 n 页 共 m 页" centred in the footer. A table too wide for that
/// width (<see cref="IsWide"/>: the annual report's 表 1 has ten columns) is set on landscape pages of its own section
/// (a 24.6 cm text width), as statistical reports set their wide tables, and the text after it goes on in portrait. Tables are numbered
/// 表 1, 表 2 … above the table, figures 图 1, 图 2 … below the image, the Chinese convention; each table's
/// provenance is a footnote on its caption. Charts are embedded as PNG at their figure width.
/// </remarks>
public sealed class WordReportWriter
{
    private const long EmuPerCm = 360_000;
    private const int PageWidthTwips = 11_906;  // A4, 210 mm
    private const int PageHeightTwips = 16_838; // A4, 297 mm
    private const int MarginTopTwips = 1_440;   // 2.54 cm
    private const int MarginSideTwips = 1_446;  // 2.55 cm
    private const int TextWidthTwips = PageWidthTwips - 2 * MarginSideTwips;
    private const int LandscapeTextWidthTwips = PageHeightTwips - 2 * MarginSideTwips;

    /// <summary>A half-width character (a digit) of the 10 pt table text, with room to spare; a Chinese character is two.</summary>
    private const int HalfWidthCharTwips = 110;

    /// <summary>A cell's left and right margins (100 twips each, <see cref="WordStyles"/>) and its borders.</summary>
    private const int CellPaddingTwips = 220;

    /// <summary>The room a text column gets before the rest is shared out, in half-width characters.</summary>
    private const int TextColumnBase = 4;

    /// <summary>The length beyond which a text column asks for no more of the room left (a long reason wraps within it).</summary>
    private const int WidestColumn = 160;

    /// <summary>The length a column should show on one line (ten Chinese characters: most indicators' names) for its
    /// table to read well; <see cref="IsWide"/> counts every column at up to this.</summary>
    private const int ReadableColumn = 20;

    private readonly ReportFonts _fonts;

    public WordReportWriter(ReportFonts? fonts = null) => _fonts = fonts ?? ReportFonts.Default;

    /// <summary>Writes the report to a new file, replacing any file at <paramref name="path"/>.</summary>
    public void Write(ReportDocument report, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Write(report, stream);
    }

    /// <summary>Writes the report to a writable, seekable stream.</summary>
    public void Write(ReportDocument report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = report.Title;
        package.PackageProperties.Creator = "Populus";
        package.PackageProperties.Language = "zh-CN";

        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.Create(_fonts);
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
        var footnotes = main.AddNewPart<FootnotesPart>();
        footnotes.Footnotes = new W.Footnotes(
            new W.Footnote(new W.Paragraph(new W.Run(new W.SeparatorMark()))) { Type = W.FootnoteEndnoteValues.Separator, Id = -1 },
            new W.Footnote(new W.Paragraph(new W.Run(new W.ContinuationSeparatorMark()))) { Type = W.FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();

        var body = new W.Body();
        body.Append(TextParagraph(WordStyles.Title, report.Title));
        if (report.Subtitle is not null)
        {
            body.Append(TextParagraph(WordStyles.Subtitle, report.Subtitle));
        }

        var counters = new Counters();
        var footerId = main.GetIdOfPart(footer);
        var landscape = false;
        foreach (var block in report.Blocks)
        {
            // A change of orientation ends the section before the block, its properties held by its last paragraph.
            if ((block is ReportTable t && IsWide(t)) != landscape)
            {
                EndSection(body, Section(footerId, landscape));
                landscape = !landscape;
            }

            switch (block)
            {
                case Heading heading:
                    body.Append(TextParagraph(WordStyles.HeadingId(heading.Level), heading.Text));
                    break;
                case Document.Paragraph paragraph:
                    body.Append(TextParagraph(null, paragraph.Text));
                    break;
                case ReportTable table:
                    AppendTable(body, footnotes.Footnotes, table, landscape ? LandscapeTextWidthTwips : TextWidthTwips, counters);
                    break;
                case Figure figure:
                    AppendFigure(body, main, figure, counters);
                    break;
                default:
                    throw new NotSupportedException($"block {block.GetType().Name} has no Word form.");
            }
        }

        body.Append(Section(footerId, landscape));
        main.Document = new W.Document(body);
    }

    /// <summary>A section's page: A4 portrait, or turned for a wide table, with the same margins and page-number footer.</summary>
    private static W.SectionProperties Section(string footerId, bool landscape) => new(
        new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = footerId },
        landscape
            ? new W.PageSize { Width = PageHeightTwips, Height = PageWidthTwips, Orient = W.PageOrientationValues.Landscape }
            : new W.PageSize { Width = PageWidthTwips, Height = PageHeightTwips },
        new W.PageMargin
        {
            Top = MarginTopTwips, Bottom = MarginTopTwips, Left = MarginSideTwips, Right = MarginSideTwips,
            Header = 851, Footer = 851, Gutter = 0,
        });

    /// <summary>Ends the section at the body's last paragraph (every block ends with one), which takes its properties.</summary>
    private static void EndSection(W.Body body, W.SectionProperties section)
    {
        var last = body.Elements<W.Paragraph>().Last();
        (last.ParagraphProperties ??= new W.ParagraphProperties()).Append(section);
    }

    /// <summary>Whether the table's columns, each given room for up to <see cref="ReadableColumn"/> half-width
    /// characters of what it holds, are wider than the portrait text: then it is set on landscape pages.</summary>
    private static bool IsWide(ReportTable table) =>
        Needs(table).Sum(n => (Math.Min(n, ReadableColumn) * HalfWidthCharTwips) + CellPaddingTwips) > TextWidthTwips;

    private static void AppendTable(W.Body body, W.Footnotes footnotes, ReportTable table, int textWidth, Counters counters)
    {
        var number = ++counters.Tables;
        var footnoteId = ++counters.Footnotes;
        var caption = new W.Paragraph(
            new W.ParagraphProperties(new W.ParagraphStyleId { Val = WordStyles.Caption }, new W.KeepNext()),
            TextRun($"表 {number}　{table.Title}"),
            new W.Run(new W.RunProperties(new W.RunStyle { Val = WordStyles.FootnoteReference }),
                new W.FootnoteReference { Id = footnoteId }));
        body.Append(caption);
        footnotes.Append(new W.Footnote(new W.Paragraph(
            new W.ParagraphProperties(new W.ParagraphStyleId { Val = WordStyles.FootnoteText }),
            new W.Run(new W.RunProperties(new W.RunStyle { Val = WordStyles.FootnoteReference }), new W.FootnoteReferenceMark()),
            TextRun($" 资料来源：{table.Provenance}"))) { Id = footnoteId });

        var widths = ColumnWidths(table, textWidth);
        var grid = new W.TableGrid(widths.Select(w => new W.GridColumn { Width = Twips(w) }));
        var word = new W.Table(
            new W.TableProperties(
                new W.TableStyle { Val = WordStyles.Table },
                new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct },
                new W.TableJustification { Val = W.TableRowAlignmentValues.Center },
                new W.TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }),
            grid);

        var header = new W.TableRow(new W.TableRowProperties(new W.TableHeader(), new W.CantSplit()));
        for (var c = 0; c < table.Columns.Length; c++)
        {
            header.Append(Cell(table.Columns[c].Header, W.JustificationValues.Center, widths[c]));
        }

        word.Append(header);
        foreach (var row in table.Rows)
        {
            var tr = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));
            for (var c = 0; c < row.Length; c++)
            {
                var column = table.Columns[c];
                var align = column.Kind == ColumnKind.Number ? W.JustificationValues.Right : W.JustificationValues.Left;
                tr.Append(Cell(column.Format(row[c]), align, widths[c]));
            }

            word.Append(tr);
        }

        body.Append(word);

        // An empty paragraph after the table keeps two consecutive tables from merging into one.
        body.Append(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = WordStyles.TableText })));
    }

    /// <summary>The columns' widths (twips, filling the text width) by what they hold, counted in half-width characters
    /// (a Chinese character two) of the longest cell, the header at half its length as it wraps to two lines: a number
    /// column gets room for its widest figure so that no figure breaks across lines; a text column at least
    /// <see cref="TextColumnBase"/> characters, and the room left over in proportion to how much longer its text is
    /// (up to <see cref="WidestColumn"/>), so a column of long reasons is not a ribbon one character wide. When even
    /// those minimums do not fit, all shrink in proportion.</summary>
    private static int[] ColumnWidths(ReportTable table, int textWidth)
    {
        var need = Needs(table);
        var floor = need.Select((n, c) => table.Columns[c].Kind == ColumnKind.Number ? n : Math.Min(n, TextColumnBase)).ToArray();
        var widths = floor.Select(n => (n * HalfWidthCharTwips) + CellPaddingTwips).ToArray();
        var extra = need.Select((n, c) => Math.Min(n, WidestColumn) - floor[c]).Select(e => Math.Max(e, 0)).ToArray();
        var left = textWidth - widths.Sum();
        if (left < 0 || extra.Sum() == 0)
        {
            var total = widths.Sum();
            return [.. widths.Select(w => (int)((long)w * textWidth / total))];
        }

        return [.. widths.Select((w, c) => w + (int)((long)left * extra[c] / extra.Sum()))];
    }

    /// <summary>Each column's length in half-width characters (a Chinese character two): its longest cell, or its header
    /// at half its length, as it wraps to two lines.</summary>
    private static int[] Needs(ReportTable table)
    {
        static int Length(string text) => text.Sum(ch => ch > '\u2E7F' ? 2 : 1);
        return [.. table.Columns.Select((column, c) =>
            Math.Max((Length(column.Header) + 1) / 2, table.Rows.Select(r => Length(column.Format(r[c]))).DefaultIfEmpty(1).Max()))];
    }

    private static W.TableCell Cell(string text, W.JustificationValues align, int widthTwips) => new(
        new W.TableCellProperties(
            new W.TableCellWidth { Width = Twips(widthTwips), Type = W.TableWidthUnitValues.Dxa },
            new W.TableCellVerticalAlignment { Val = W.TableVerticalAlignmentValues.Center }),
        new W.Paragraph(
            new W.ParagraphProperties(new W.ParagraphStyleId { Val = WordStyles.TableText }, new W.Justification { Val = align }),
            TextRun(text)));

    private static void AppendFigure(W.Body body, MainDocumentPart main, Figure figure, Counters counters)
    {
        var number = ++counters.Figures;
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(figure.Image.Png.ToArray(), writable: false))
        {
            image.FeedData(png);
        }

        var relationshipId = main.GetIdOfPart(image);
        var cx = (long)Math.Round(figure.WidthCm * EmuPerCm);
        var cy = (long)Math.Round(figure.HeightCm * EmuPerCm);
        var drawingId = (uint)number;
        var name = $"图 {number}";

        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = drawingId, Name = name, Description = figure.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0, Name = $"figure{number}.png", Description = figure.Caption },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
        };

        body.Append(new W.Paragraph(
            new W.ParagraphProperties(new W.ParagraphStyleId { Val = WordStyles.FigureParagraph }, new W.KeepNext()),
            new W.Run(new W.Drawing(inline))));
        body.Append(TextParagraph(WordStyles.Caption, $"图 {number}　{figure.Caption}"));
    }

    private static W.Footer PageNumberFooter() => new(new W.Paragraph(
        new W.ParagraphProperties(new W.ParagraphStyleId { Val = WordStyles.Footer }),
        TextRun("第 "),
        new W.SimpleField(TextRun("1")) { Instruction = " PAGE " },
        TextRun(" 页 共 "),
        new W.SimpleField(TextRun("1")) { Instruction = " NUMPAGES " },
        TextRun(" 页")));

    private W.Fonts FontTable()
    {
        var fonts = new W.Fonts(new W.Font(
            new W.AltName { Val = _fonts.EastAsiaFallback },
            new W.FontCharSet { Val = "86" }, // GB2312: tells Word the face is for Simplified Chinese
            new W.FontFamily { Val = W.FontFamilyValues.Swiss },
            new W.Pitch { Val = W.FontPitchValues.Variable })
        { Name = _fonts.EastAsia });
        if (_fonts.Latin != _fonts.EastAsia)
        {
            fonts.Append(new W.Font(new W.FontFamily { Val = W.FontFamilyValues.Swiss }, new W.Pitch { Val = W.FontPitchValues.Variable })
            { Name = _fonts.Latin });
        }

        return fonts;
    }

    private static W.Settings Settings() => new(
        new W.Zoom { Percent = "100" },
        new W.DefaultTabStop { Val = 420 },
        new W.CharacterSpacingControl { Val = W.CharacterSpacingValues.CompressPunctuation },
        new W.Compatibility(new W.CompatibilitySetting
        {
            Name = W.CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
        }),
        new W.ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    /// <summary>A paragraph whose line breaks in <paramref name="text"/> become Word line breaks.</summary>
    private static W.Paragraph TextParagraph(string? styleId, string text)
    {
        var paragraph = new W.Paragraph();
        if (styleId is not null)
        {
            paragraph.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = styleId }));
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var run = new W.Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new W.Break());
            }

            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static W.Run TextRun(string text) => new(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Counters
    {
        public int Tables;
        public int Figures;
        public int Footnotes;
    }
}
