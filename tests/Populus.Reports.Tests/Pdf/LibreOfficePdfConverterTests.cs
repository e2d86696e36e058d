using Populus.Reports.Pdf;

namespace Populus.Reports.Tests.Pdf;

/// <summary>The report as LibreOffice prints it: what poppler finds in the PDF.</summary>
[Collection(SampleReportCollection.Name)]
public sealed class LibreOfficePdfConverterTests(SampleReportFixture sample)
{
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Convert_KeepsTheChineseTextAsText()
    {
        // pdftotext -layout may break lines or pad between glyphs; compare without whitespace.
        var text = Squeeze(sample.PdfText);
        Assert.Contains(Squeeze(SampleReport.Title), text);
        Assert.Contains(Squeeze(SampleReport.Heading1), text);
        Assert.Contains(Squeeze(SampleReport.Body), text);
        Assert.Contains("鹿城区", text);
        Assert.Contains(Squeeze(SampleReport.Provenance), text);
        Assert.Contains(Squeeze("图 4　" + SampleReport.BarCaption), text);
    }

    [Fact]
    public void Convert_NumbersThePages()
    {
        var pages = int.Parse(Tools.Run("pdfinfo", sample.PdfPath).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= 2, $"{pages} page(s)");
        var text = Squeeze(sample.PdfText);
        Assert.Contains($"第1页共{pages}页", text);
        Assert.Contains($"第{pages}页共{pages}页", text);
    }

    [Fact]
    public void Convert_EmbedsTheCjkFont()
    {
        // Boxes instead of Chinese would mean LibreOffice found no CJK font; the PDF then embeds none.
        Assert.Contains("NotoSansCJK", sample.PdfFonts.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Convert_KeepsEveryChartImage()
    {
        // pdfimages -list: two header lines, then one line per image (an alpha channel adds an smask line).
        var images = sample.PdfImages.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f[2] == "image").ToList();
        Assert.Equal(sample.Report.Figures.Count(), images.Count);
        Assert.All(images, f => Assert.Equal("1200", f[3]));
    }

    [Fact]
    public void Convert_RendersAFirstPage()
    {
        var (width, height) = Tools.PngSize(File.ReadAllBytes(sample.FirstPagePng));
        Assert.Equal(496, width, 2.0);  // A4 at 60 dpi: 8.27 in × 60
        Assert.Equal(702, height, 2.0); // 11.69 in × 60
    }

    [Fact]
    public void Convert_MissingInput_Throws()
    {
        var converter = new LibreOfficePdfConverter();
        Assert.Throws<FileNotFoundException>(() => converter.Convert(Path.Combine(sample.Directory, "absent.docx"), sample.Directory));
    }

    [Fact]
    public void Constructor_NoSofficeThere_SaysWhatToInstall()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new LibreOfficePdfConverter(soffice: "/nonexistent/soffice"));
        Assert.Contains("libreoffice-writer-nogui", ex.Message);
    }
}
