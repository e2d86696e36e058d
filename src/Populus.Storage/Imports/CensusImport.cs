using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Census (or annual estimate) population tables: reference date × region × sex × age, with urban/rural residence
/// and education where the table gives them. Values are persons.
/// </summary>
internal sealed class CensusImport : FactImportKind
{
    public override string Name => "census";

    public override string Summary => "population by reference date × region × sex × age (× urban/rural × education)";


    public override string SummaryZh => "人口：按标准时点、地区、性别、年龄（及城乡、受教育程度）";

    public override string[] RequiredColumns => ["region", "persons"];

    protected override string Table => "population";

    protected override string[] Columns =>
        ["reference_date", "year", "region_code", "sex", "age", "age_from", "age_to", "residence", "education", "persons"];

    protected override string[] KeyColumns => ["reference_date", "region_code", "sex", "age", "residence", "education"];

    protected override object?[]? Read(CsvRecord record, ImportSession session)
    {
        var date = ReferenceDate(record);
        var region = date is { } d ? RegionCode(record, "region", session, d.Year) : null;
        var sex = Sex(record);
        var age = Age(record);
        var residence = Residence(record);
        var education = Education(record);
        var persons = Count(record, "persons");
        if (date is null || region is null || sex is null || age is not { } a || residence is null || education is null || persons is null)
        {
            return null;
        }

        return [date.Value, date.Value.Year, region, sex, a.Label, a.From, a.To, residence, education, persons.Value];
    }

    protected override void CheckRows(IReadOnlyList<(int Row, object?[] Values)> rows, CsvTable table) => CheckAgeOverlaps(rows, table);

    /// <summary>The census's reference date, or the end of <c>year</c> (annual figures are year-end, 年末).</summary>
    private static DateOnly? ReferenceDate(CsvRecord record)
    {
        var text = record.Text("reference_date");
        if (text is null)
        {
            if (record.Text("year") is null)
            {
                record.Fail("reference_date", null, new Reason("a reference date (yyyy-mm-dd) or a year (meaning its end, 31 December) is required", "必须填写标准时点（yyyy-mm-dd）或年份（指该年 12 月 31 日）"));
                return null;
            }

            return record.Integer("year", 1900, 2200) is { } y ? new DateOnly(y, 12, 31) : null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            date.Year is < 1900 or > 2200)
        {
            record.Fail("reference_date", text, new Reason("not a date (write yyyy-mm-dd, e.g. 2020-11-01 for the 7th census)", "不是日期（应写作 yyyy-mm-dd，如第七次人口普查为 2020-11-01）"));
            return null;
        }

        if (record.Text("year") is { } yearText && yearText != date.Year.ToString(CultureInfo.InvariantCulture))
        {
            record.Fail("year", yearText, new Reason($"disagrees with reference_date {text}", $"与标准时点 {text} 不一致"));
            return null;
        }

        return date;
    }

    private static string? Residence(CsvRecord record)
    {
        var text = record.Text("residence");
        if (text is null)
        {
            return "total";
        }

        var code = Codes.Residence(text);
        if (code is null)
        {
            record.Fail("residence", text, new Reason($"not a residence: write {Codes.ResidenceChoices}", $"不是城乡类别：应为 {Codes.ResidenceChoices}"));
        }

        return code;
    }

    private static string? Education(CsvRecord record)
    {
        var text = record.Text("education");
        if (text is null)
        {
            return "total";
        }

        if (!Codes.Education.TryGetValue(text, out var code))
        {
            record.Fail("education", text, new Reason($"not an education level: write {Codes.EducationChoices}", $"不是受教育程度：应为 {Codes.EducationChoices}"));
            return null;
        }

        return code;
    }
}
