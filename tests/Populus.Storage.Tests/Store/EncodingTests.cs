using System.Text;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Store;

/// <summary>
/// CSV files saved by Excel on a Chinese Windows are GBK (GB18030's subset), not UTF-8: every import reads them as
/// the same text as their UTF-8 copy, and refuses a file that is neither, naming where it stops being text.
/// </summary>
public class EncodingTests
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    // Chinese where a department writes it: a grouping's name and a member's note, a department, a sex written 男/女.
    private static readonly (string Kind, string Csv)[] Files =
    [
        ("groups", """
            group,group_en,region_code,note
            温州湾新区,Wenzhou Bay New Area,330303,龙湾区全域（示例）
            """),
        ("indicators", """
            year,region,indicator,value,unit,department,figure_kind,source_id,note
            2022,330303,graduate_retention_rate,30.1,%,龙湾区教育局,observed,TEST,区教育局报送
            """),
        ("census", """
            reference_date,region,sex,age,residence,education,persons,figure_kind,source_id,note
            2020-11-01,330303,男,0-4,total,total,26350,estimated,EXAMPLE,示例数值
            2020-11-01,330303,女,0-4,total,total,23900,estimated,EXAMPLE,示例数值
            """),
    ];

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void GbkFile_StoresTheSameChineseAsItsUtf8Copy(string engine)
    {
        using var utf8 = TestStore.Create(engine);
        using var gbk = TestStore.Create(engine);
        using var fromUtf8 = utf8.Open();
        using var fromGbk = gbk.Open();

        foreach (var (kind, csv) in Files)
        {
            // Excel's "CSV UTF-8" writes a byte-order mark; its plain "CSV" writes the code page, without one.
            var a = fromUtf8.Import(kind, Write(utf8.File(kind + ".csv"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]));
            var b = fromGbk.Import(kind, Write(gbk.File(kind + ".csv"), Gb18030.GetBytes(csv)));
            Assert.Equal(("UTF-8", "GB18030"), (a.TextEncoding, b.TextEncoding));
        }

        var stored = Stored(fromUtf8);
        Assert.Equal(("温州湾新区", "龙湾区全域（示例）", "龙湾区教育局"), (stored.Group.Name, stored.Group.Members.Single().Note, stored.Department));
        Assert.Equal([("female", 23900.0, "示例数值"), ("male", 26350.0, "示例数值")], stored.Census.Select(f => (f.Sex, f.Persons, f.Provenance.Note)));
        var again = Stored(fromGbk);
        Assert.Equal((stored.Group.Name, stored.Group.NameEn, stored.Department), (again.Group.Name, again.Group.NameEn, again.Department));
        Assert.Equal(stored.Group.Members, again.Group.Members);
        Assert.Equal(stored.Census, again.Census);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void FileNeitherUtf8NorGb18030_IsRefusedNamingItsRows_AndNothingIsStored(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = (SqlStore)t.Open();
        var before = store.RowCounts();
        // Past the first 64 KiB block the check reads, a GBK row (not UTF-8) and then a byte no GB18030 character starts with.
        var rows = Enumerable.Range(0, 3000).Select(i => $"2020-11-01,330303,total,{i % 100},total,total,{i},estimated,EXAMPLE,row {i}\n");
        var head = Encoding.ASCII.GetBytes("reference_date,region,sex,age,residence,education,persons,figure_kind,source_id,note\n" + string.Concat(rows));
        var file = Write(t.File("census-broken.csv"), [.. head,
            .. Gb18030.GetBytes("2020-11-01,330303,男,0-4,total,total,1,estimated,EXAMPLE,示例\n"),
            .. Encoding.ASCII.GetBytes("2020-11-01,330303,"), 0xFF, .. Encoding.ASCII.GetBytes(",0-4,total,total,1,estimated,EXAMPLE,x\n")]);

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("census", file));

        var problem = Assert.Single(ex.Errors);
        Assert.Equal((file, 3002), (problem.File, problem.Row));
        Assert.Contains("row 3002 (byte ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("row 3003 (byte ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("neither UTF-8 nor GB18030", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.ReasonZh, StringComparison.Ordinal);
        Assert.Equal(before, store.RowCounts());
    }

    private static string Write(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (RegionGroup Group, string Department, List<PopulationFigure> Census) Stored(IPopulusStore store) =>
        (store.Groups().Single(g => g.Name.StartsWith("温州湾", StringComparison.Ordinal)),
            store.Indicators("graduate_retention_rate", "330303").Single().Department,
            [.. store.Population("330303", 2020).Where(f => f.Batch == "census.csv").OrderBy(f => f.Sex, StringComparer.Ordinal)]);
}
