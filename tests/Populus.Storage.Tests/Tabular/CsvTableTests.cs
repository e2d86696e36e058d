using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Tabular;

public class CsvTableTests
{
    private static CsvTable Read(string text, params string[] required) =>
        CsvTable.FromReader("mortality.csv", new StringReader(text), required);

    [Fact]
    public void Records_ReadTypedCells()
    {
        using var table = Read("age,mx\n0,0.01\n1,0.002\n", "age", "mx");
        var rows = table.Records().Select(r => (r.Age("age"), r.Number("mx", 0, 10))).ToList();
        table.ThrowIfInvalid();
        Assert.Equal([((0, false), 0.01), ((1, false), 0.002)], rows);
    }

    [Fact]
    public void ThrowIfInvalid_ReportsEveryBadCellWithFileRowColumnValueAndReason()
    {
        using var table = Read("age,mx\n0,0.01\n1,abc\n2,-0.5\nx,0.1\n", "age", "mx");
        foreach (var r in table.Records())
        {
            r.Age("age");
            r.Number("mx", 0, 10, new Reason("a death rate cannot be negative", "死亡率不能为负"));
        }

        var ex = Assert.Throws<InvalidInputException>(table.ThrowIfInvalid);
        Assert.Equal(3, ex.Errors.Count);
        Assert.Equal(new InputError("mortality.csv", 3, "mx", "abc", "not a number", "不是数字"), ex.Errors[0]);
        Assert.Equal(new InputError("mortality.csv", 4, "mx", "-0.5", "a death rate cannot be negative", "死亡率不能为负"), ex.Errors[1]);
        Assert.Equal(5, ex.Errors[2].Row);
        Assert.Equal("age", ex.Errors[2].Column);
        Assert.Contains("mortality.csv, row 3, column 'mx', value 'abc': not a number", ex.Message);
    }

    [Fact]
    public void MissingRequiredColumn_IsReportedOnTheHeaderRow()
    {
        using var table = Read("age,rate\n0,0.01\n", "age", "mx");
        Assert.Empty(table.Records());
        var ex = Assert.Throws<InvalidInputException>(table.ThrowIfInvalid);
        Assert.Equal(1, ex.Errors.Single().Row);
        Assert.Equal("mx", ex.Errors.Single().Column);
    }

    [Fact]
    public void Age_ReadsOpenGroups()
    {
        using var table = Read("age\n100+\n", "age");
        var age = table.Records().Single().Age("age");
        Assert.Equal((100, true), age);
    }

    [Fact]
    public void AtomicFile_LeavesTargetUntouchedWhenWritingFails()
    {
        var path = Path.Combine(Path.GetTempPath(), $"populus-atomic-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "old");
        try
        {
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, w =>
            {
                w.Write("partial");
                throw new InvalidOperationException("stop");
            }));
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, $"*{Path.GetFileName(path)}*"));
            AtomicFile.Write(path, w => w.Write("new"));
            Assert.Equal("new", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
