using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Populus.Reports.Document;
using Populus.Reports.Word;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Populus.Reports.Tests.Word;

[Collection(SampleReportCollection.Name)]
public sealed class WordReportWriterTests(SampleReportFixture sample)
{
    [Fact]
    public void Write_ProducesAPackageTheOpenXmlValidatorAccepts()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Write_KeepsTheChineseTextOfTitleHeadingsAndParagraphs()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().ToList();
        Assert.Equal(SampleReport.Title, paragraphs[0].InnerText);
        Assert.Equal("Title", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        var heading = Assert.Single(paragraphs, p => p.InnerText == SampleReport.Heading1);
        Assert.Equal("Heading1", heading.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Contains(paragraphs, p => p.InnerText == SampleReport.Body);
        Assert.Contains(paragraphs, p => p.InnerText == $"图 3　{SampleReport.PyramidCaption}");
    }

    [Fact]
    public void Write_NumbersTablesAndFormatsCellsByColumn()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<W.Table>().ToList();
        Assert.Equal(2, tables.Count);

        var rows = tables[0].Elements<W.TableRow>().ToList();
        Assert.Equal(SampleReport.Counties.Length + 1, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<W.TableHeader>());
        Assert.Equal(["县（市、区）", "2020年（万人）", "2024年（万人）"], rows[0].Elements<W.TableCell>().Select(c => c.InnerText));
        Assert.Equal(["鹿城区", "128.8", "131.2"], rows[1].Elements<W.TableCell>().Select(c => c.InnerText));
        Assert.Equal("—", rows[8].Elements<W.TableCell>().ElementAt(2).InnerText); // 平阳县 2024 missing

        var caption = tables[0].PreviousSibling<W.Paragraph>()!;
        Assert.StartsWith($"表 1　{SampleReport.TableTitle}", caption.InnerText);
        Assert.Equal("PopulusTable", tables[0].GetFirstChild<W.TableProperties>()!.TableStyle!.Val!.Value);
    }

    [Fact]
    public void Write_GivesAColumnRoomByWhatItHolds_WithinTheTextWidth()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>().ElementAt(1); // 主要指标完成情况: 指标, two numbers, 评价
        var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // The indicator names (人均预期寿命（岁）) get more room than the figures (1,000.00), the column of short
        // evaluations (滞后) less than the names; together they fill no more than the A4 text width (21 cm − 2 × 2.55 cm).
        Assert.True(grid[0] > grid[1] && grid[0] > grid[3], string.Join(", ", grid));
        Assert.InRange(grid.Sum(), 0.99 * (11_906 - (2 * 1_446)), 11_906 - (2 * 1_446));
        var cells = table.Elements<W.TableRow>().First().Elements<W.TableCell>().Select(c => int.Parse(c.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(grid, cells);
    }

    [Fact]
    public void Write_SetsAWideTableOnLandscapePagesOfItsOwnSection_AndGoesOnInPortrait()
    {
        // Ten columns as the annual report's 表 1 has them: in portrait its names and reasons wrapped into ribbons.
        string[] headers = ["序号", "指标", "单位", "2024年数值", "目标年份", "目标", "状态", "目标年份预期值", "目标年份差距", "来源或无数据原因"];
        var wide = new ReportTable("规划指标评估", headers.Select((h, c) => c is 0 or 3 or 4 or 7 or 8 ? TableColumn.Number(h, 2) : TableColumn.Text(h)),
            [[1.0, "严重致残出生缺陷发生率", "‰", TableCell.Empty, 2025.0, "≤9", "无数据", TableCell.Empty, TableCell.Empty, "无数据：报送部门（市卫健委）未报送数值"]], "测试用虚构数据。");
        var report = new ReportDocument("测试", null, [new Heading(1, "一、指标"), new Populus.Reports.Document.Paragraph("前文。"), wide, SampleReport.IndicatorTable(), new Populus.Reports.Document.Paragraph("后文。")]);
        using var stream = new MemoryStream();
        new WordReportWriter().Write(report, stream);

        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).Select(e => e.Description));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var breaks = body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.GetFirstChild<W.SectionProperties>() is not null).ToList();
        Assert.Equal(["前文。", ""], breaks.Select(p => p.InnerText)); // the portrait text before it; the paragraph closing the table
        var sections = breaks.Select(p => p.ParagraphProperties!.GetFirstChild<W.SectionProperties>()!).Append(body.Elements<W.SectionProperties>().Single()).ToList();
        Assert.Equal([(11_906u, false), (16_838u, true), (11_906u, false)],
            sections.Select(s => (s.GetFirstChild<W.PageSize>()!.Width!.Value, s.GetFirstChild<W.PageSize>()!.Orient?.Value == W.PageOrientationValues.Landscape)));
        Assert.All(sections, s => Assert.NotNull(s.GetFirstChild<W.FooterReference>()));

        var tables = body.Elements<W.Table>().ToList();
        Assert.Equal(breaks[1], tables[0].NextSibling());
        int Width(W.Table t) => t.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(Width(tables[0]), 0.99 * (16_838 - (2 * 1_446)), 16_838 - (2 * 1_446)); // the landscape text width
        Assert.InRange(Width(tables[1]), 0.99 * (11_906 - (2 * 1_446)), 11_906 - (2 * 1_446)); // a narrow table stays in portrait
    }

    [Fact]
    public void Write_PutsEachTablesProvenanceInAFootnoteOnItsCaption()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var main = doc.MainDocumentPart!;
        var references = main.Document!.Body!.Descendants<W.FootnoteReference>().Select(r => r.Id!.Value).ToList();
        Assert.Equal(2, references.Count);
        var notes = main.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Where(f => f.Id!.Value > 0).ToDictionary(f => f.Id!.Value, f => f.InnerText);
        Assert.Equal(references.Order(), notes.Keys.Order());
        Assert.Contains(SampleReport.Provenance, notes[references[0]]);
        Assert.StartsWith(" 资料来源：", notes[references[0]]);
    }

    [Fact]
    public void Write_EmbedsEveryChartAsThePngItWasGiven()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var main = doc.MainDocumentPart!;
        var blips = main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Select(b => b.Embed!.Value!).ToList();
        var figures = sample.Report.Figures.ToList();
        Assert.Equal(figures.Count, blips.Count);
        for (var i = 0; i < figures.Count; i++)
        {
            var part = (ImagePart)main.GetPartById(blips[i]);
            Assert.Equal("image/png", part.ContentType);
            using var stream = part.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(figures[i].Image.Png.ToArray(), copy.ToArray());
        }

        var extent = main.Document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().First();
        Assert.Equal(15.9 * 360_000, (double)extent.Cx!.Value, 0);
        Assert.Equal(15.9 * 360_000 * 750 / 1200, (double)extent.Cy!.Value, 0);
    }

    [Fact]
    public void Write_NamesTheCjkFontForEastAsianTextWithAFallback()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var main = doc.MainDocumentPart!;
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Noto Sans CJK SC", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);
        var font = main.FontTablePart!.Fonts!.Elements<W.Font>().Single(f => f.Name == "Noto Sans CJK SC");
        Assert.Equal("Microsoft YaHei", font.AltName!.Val!.Value);
        Assert.Equal("86", font.FontCharSet!.Val!.Value);
    }

    [Fact]
    public void Write_DefinesATableStyleWithBordersAndAShadedHeaderRow()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var style = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleId == "PopulusTable");
        var borders = style.StyleTableProperties!.TableBorders!;
        Assert.Equal(W.BorderValues.Single, borders.InsideHorizontalBorder!.Val!.Value);
        Assert.Equal(W.BorderValues.Single, borders.InsideVerticalBorder!.Val!.Value);
        var firstRow = style.Elements<W.TableStyleProperties>().Single(p => p.Type!.Value == W.TableStyleOverrideValues.FirstRow);
        Assert.Equal("D9E2F3", firstRow.Descendants<W.Shading>().Single().Fill!.Value);
    }

    [Fact]
    public void Write_NumbersPagesInTheFooter()
    {
        using var doc = WordprocessingDocument.Open(sample.DocxPath, false);
        var footer = doc.MainDocumentPart!.FooterParts.Single().Footer!;
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<W.SimpleField>().Select(f => f.Instruction!.Value));
        var section = doc.MainDocumentPart.Document!.Body!.GetFirstChild<W.SectionProperties>() ??
                      doc.MainDocumentPart.Document.Body.Elements<W.SectionProperties>().Last();
        Assert.NotNull(section.GetFirstChild<W.FooterReference>());
    }
}
