using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Populus.Reports.Tests;

/// <summary>Runs the command-line tools the tests inspect outputs with (poppler-utils).</summary>
internal static class Tools
{
    public static string Run(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>The pixel size recorded in a PNG's IHDR chunk.</summary>
    public static (int Width, int Height) PngSize(ReadOnlySpan<byte> png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[16..20]),
         System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[20..24]));

    /// <summary>The rows of the Word table captioned "表 n　<paramref name="title"/>" as the reader sees them (header
    /// first), and the text of the first paragraph with text under it.</summary>
    public static (IReadOnlyList<string[]> Rows, string Below) WordTable(string docx, string title)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>()
            .Single(t => System.Text.RegularExpressions.Regex.IsMatch(t.PreviousSibling<W.Paragraph>()!.InnerText, $"^表 \\d+　{System.Text.RegularExpressions.Regex.Escape(title)}$"));
        var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        // The writer leaves an empty paragraph after each table (so two tables do not merge); the text after it.
        return (rows, table.ElementsAfter().OfType<W.Paragraph>().Select(p => p.InnerText).FirstOrDefault(t => t.Length > 0) ?? "");
    }

    /// <summary>The rows of a workbook's sheet (header first) as written: text as text, numbers in invariant digits,
    /// empty cells null.</summary>
    public static IReadOnlyList<string?[]> SheetRows(string xlsx, string sheetName)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, false);
        var book = doc.WorkbookPart!;
        var sheet = book.Workbook!.Sheets!.Elements<S.Sheet>().Single(s => s.Name == sheetName);
        var shared = book.SharedStringTablePart?.SharedStringTable!.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList();
        var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet!.Descendants<S.Row>().ToList();
        var width = rows.SelectMany(r => r.Elements<S.Cell>()).Max(c => Column(c.CellReference!.Value!)) + 1;
        return [.. rows.Select(r =>
        {
            var cells = new string?[width];
            foreach (var c in r.Elements<S.Cell>())
            {
                cells[Column(c.CellReference!.Value!)] = c.DataType?.Value == S.CellValues.SharedString ? shared![int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : c.DataType?.Value == S.CellValues.InlineString ? c.InlineString!.InnerText
                    : c.CellValue?.Text is { Length: > 0 } text ? text : null;
            }

            return cells;
        })];
    }

    /// <summary>The zero-based column of a cell reference ("C12" is 2).</summary>
    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => (n * 26) + ch - 'A' + 1) - 1;
}
