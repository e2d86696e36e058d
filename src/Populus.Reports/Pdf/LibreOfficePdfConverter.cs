using System.Diagnostics;

namespace Populus.Reports.Pdf;

/// <summary>Converts a .docx to PDF with LibreOffice in headless mode.</summary>
/// <remarks>
/// Each conversion uses its own throwaway LibreOffice profile (-env:UserInstallation), so conversions can run while a
/// desktop LibreOffice is open or alongside each other, and nothing is left in the user's home. The PDF shows
/// Chinese only if the document's fonts (or a CJK substitute) are installed: fonts-noto-cjk on Debian.
/// </remarks>
public sealed class LibreOfficePdfConverter
{
    private static readonly string[] KnownLocations =
        ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
         "/Applications/LibreOffice.app/Contents/MacOS/soffice"];

    private readonly string _soffice;
    private readonly TimeSpan _timeout;

    /// <param name="soffice">The soffice executable; null to look on PATH and in the usual install folders.</param>
    /// <param name="timeout">How long one conversion may take (default 2 minutes; a first start takes longest).</param>
    /// <exception cref="FileNotFoundException">LibreOffice is not installed (or not at <paramref name="soffice"/>).</exception>
    public LibreOfficePdfConverter(string? soffice = null, TimeSpan? timeout = null)
    {
        var found = soffice ?? Locate();
        if (found is null || !File.Exists(found))
        {
            throw new FileNotFoundException(
                $"LibreOffice (soffice) was not found {(soffice is null ? "on PATH or in /usr/lib/libreoffice" : "at " + soffice)}. " +
                "Install it to convert reports to PDF: " +
                "`apt-get install --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk` (Debian/Ubuntu).", found);
        }

        _soffice = found;
        _timeout = timeout ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>Finds soffice on PATH or in the usual install folders; null if absent.</summary>
    public static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "soffice");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return KnownLocations.FirstOrDefault(File.Exists);
    }

    /// <summary>Converts <paramref name="docxPath"/> into <paramref name="outputDirectory"/>; returns the PDF's path.</summary>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    /// <exception cref="InvalidOperationException">LibreOffice failed, timed out or wrote no PDF.</exception>
    public string Convert(string docxPath, string outputDirectory)
    {
        if (!File.Exists(docxPath))
        {
            throw new FileNotFoundException($"{docxPath}: no such document to convert.", docxPath);
        }

        Directory.CreateDirectory(outputDirectory);
        var profile = Path.Combine(Path.GetTempPath(), "populus-lo-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(_soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--norestore", "--nologo",
                     "--convert-to", "pdf", "--outdir", Path.GetFullPath(outputDirectory), Path.GetFullPath(docxPath),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"{_soffice} could not be started.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"LibreOffice did not convert {docxPath} within {_timeout.TotalSeconds:0} s.");
            }

            var pdf = Path.Combine(Path.GetFullPath(outputDirectory), Path.GetFileNameWithoutExtension(docxPath) + ".pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                throw new InvalidOperationException(
                    $"LibreOffice could not convert {docxPath} (exit code {process.ExitCode}): {stdout.Result} {stderr.Result}".Trim());
            }

            return pdf;
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }
}
