using MiniExcelLibs;
using Populus.Reports.Document;
using Populus.Reports.Excel;

namespace Populus.Reports.Tests.Excel;

public sealed class WorkbookWriterTests
{
    private static (string Path, IReadOnlyList<string> Sheets) Write(params ReportTable[] tables)
    {
        var path = Path.Combine(Path.GetTempPath(), $"populus-{Guid.NewGuid():N}.xlsx");
        return (path, WorkbookWriter.Write(tables, path));
    }

    [Fact]
    public void Write_OneSheetATableNamedByItsTitle()
    {
        var (path, sheets) = Write(SampleReport.CountyTable(), SampleReport.IndicatorTable());
        try
        {
            Assert.Equal([SampleReport.TableTitle, "主要指标完成情况"], sheets);
            Assert.Equal(sheets, MiniExcel.GetSheetNames(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_ReadsBackTheSameHeadersAndValues_NumbersAsNumbers()
    {
        var table = SampleReport.CountyTable();
        var (path, sheets) = Write(table);
        try
        {
            var header = ((IDictionary<string, object?>)MiniExcel.Query(path, useHeaderRow: false, sheetName: sheets[0]).First()).Values;
            Assert.Equal(table.Columns.Select(c => (object)c.Header), header);

            var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(table.Rows.Length, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                Assert.Equal(table.Rows[r][0].Text, rows[r]["县（市、区）"]);
                Assert.Equal(table.Rows[r][1].Number, Assert.IsType<double>(rows[r]["2020年（万人）"]));
                Assert.Equal(table.Rows[r][2].Number, (double?)rows[r]["2024年（万人）"]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_KeepsNumbersUnrounded()
    {
        var table = new ReportTable("t", [TableColumn.Number("x", 0)], [[1.23456789]], "来源");
        var (path, sheets) = Write(table);
        try
        {
            var row = (IDictionary<string, object?>)MiniExcel.Query(path, useHeaderRow: true, sheetName: sheets[0]).Single();
            Assert.Equal(1.23456789, row["x"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_NoTables_Throws() =>
        Assert.Throws<ArgumentException>(() => WorkbookWriter.Write([], new MemoryStream()));

    [Fact]
    public void SheetNames_AreCutTo31CharactersAndMadeUnique()
    {
        var longTitle = "表" + new string('人', 40);
        var names = SheetNames.Assign([longTitle, longTitle, "人口/户籍[2024]", "history", "'引号'"]);
        Assert.Equal(new string('人', 30), names[0][1..]);
        Assert.Equal(31, names[0].Length);
        Assert.Equal(31, names[1].Length);
        Assert.EndsWith("(2)", names[1]);
        Assert.Equal("人口_户籍_2024_", names[2]);
        Assert.Equal("History_", names[3]);
        Assert.Equal("引号", names[4]);
    }

    [Fact]
    public void SheetNames_NeverSplitASurrogatePair()
    {
        var name = SheetNames.Clean(new string('a', 30) + "𠀀b");
        Assert.Equal(new string('a', 30), name);
    }
}
