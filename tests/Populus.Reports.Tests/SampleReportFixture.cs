using Populus.Reports.Document;
using Populus.Reports.Pdf;
using Populus.Reports.Word;

namespace Populus.Reports.Tests;

/// <summary>
/// Builds the sample report once per test run (see <see cref="SampleReportCollection"/>): the .docx, the PDF by LibreOffice (the slow step, a few
/// seconds) and what poppler reads back from the PDF.
/// </summary>
public sealed class SampleReportFixture : IDisposable
{
    public SampleReportFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("populus-report-").FullName;
        Report = SampleReport.Build();
        DocxPath = Path.Combine(Directory, "report.docx");
        new WordReportWriter().Write(Report, DocxPath);

        PdfPath = new LibreOfficePdfConverter().Convert(DocxPath, Directory);
        PdfText = Tools.Run("pdftotext", "-layout", PdfPath, "-");
        PdfImages = Tools.Run("pdfimages", "-list", PdfPath);
        PdfFonts = Tools.Run("pdffonts", PdfPath);
        Tools.Run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", PdfPath, Path.Combine(Directory, "page"));
        FirstPagePng = System.IO.Directory.GetFiles(Directory, "page*.png").Single();
    }

    public string Directory { get; }

    public ReportDocument Report { get; }

    public string DocxPath { get; }

    public string PdfPath { get; }

    public string PdfText { get; }

    public string PdfImages { get; }

    public string PdfFonts { get; }

    public string FirstPagePng { get; }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("POPULUS_KEEP_REPORT") is null)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary>The Word and PDF tests share one sample report, so LibreOffice runs once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class SampleReportCollection : ICollectionFixture<SampleReportFixture>
{
    public const string Name = "Sample report";
}
