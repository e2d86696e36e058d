using Populus.Reports.Document;

namespace Populus.Reports.Tests.Document;

public sealed class DocumentModelTests
{
    private static readonly TableColumn[] Columns = [TableColumn.Text("县"), TableColumn.Number("人口", 1)];

    [Fact]
    public void Table_RowOfTheWrongWidth_ThrowsNamingTheRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ReportTable("t", Columns, [["鹿城区", 1.0], ["龙湾区"]], "来源"));
        Assert.Contains("row 2", ex.Message);
    }

    [Fact]
    public void Table_TextInANumberColumn_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ReportTable("t", Columns, [["鹿城区", "128.8"]], "来源"));
        Assert.Contains("人口", ex.Message);
    }

    [Fact]
    public void Table_DuplicateHeaders_Throws() =>
        Assert.Throws<ArgumentException>(() => new ReportTable("t", [TableColumn.Text("A"), TableColumn.Text("a")], [], "来源"));

    [Fact]
    public void Table_NoProvenance_Throws() =>
        Assert.Throws<ArgumentException>(() => new ReportTable("t", Columns, [["鹿城区", 1.0]], " "));

    [Fact]
    public void Table_EmptyCellsFitAnyColumn()
    {
        var table = new ReportTable("t", Columns, [[TableCell.Empty, (double?)null]], "来源");
        Assert.True(table.Rows[0][1].IsEmpty);
    }

    [Fact]
    public void Cell_NaN_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => TableCell.Of(double.NaN));

    [Theory]
    [InlineData(1234567.891, 1, true, "1,234,567.9")]
    [InlineData(2035, 0, false, "2035")]
    [InlineData(0.985, 2, true, "0.99")] // the double is 0.98499…; printed figures round the decimal as written
    [InlineData(-3.25, 1, true, "-3.3")] // 四舍五入: half away from zero, not to even
    [InlineData(1e20, 0, false, "100000000000000000000")]
    public void Column_FormatsNumbersToItsDecimals(double value, int decimals, bool separator, string expected) =>
        Assert.Equal(expected, TableColumn.Number("x", decimals, separator).Format(value));

    [Fact]
    public void Column_EmptyCellShowsADash() => Assert.Equal("—", TableColumn.Number("x").Format(TableCell.Empty));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Heading_LevelOutOfRange_Throws(int level) => Assert.Throws<ArgumentException>(() => new Heading(level, "一、"));

    [Fact]
    public void Figure_WiderThanTheTextWidth_Throws() =>
        Assert.Throws<ArgumentException>(() => new Figure(SampleReport.BarChart().Render(), "图", 20));

    [Fact]
    public void ChartImage_NotAPng_Throws() =>
        Assert.Throws<ArgumentException>(() => new Populus.Reports.Charts.ChartImage([1, 2, 3, 4, 5, 6, 7, 8], 10, 10));

    [Fact]
    public void Builder_KeepsBlocksInOrder()
    {
        var report = SampleReport.Build();
        Assert.Equal(SampleReport.Title, report.Title);
        Assert.IsType<Heading>(report.Blocks[0]);
        Assert.Equal(2, report.Tables.Count());
        Assert.Equal([SampleReport.TrendCaption, SampleReport.FanCaption, SampleReport.PyramidCaption, SampleReport.BarCaption],
            report.Figures.Select(f => f.Caption));
    }
}
