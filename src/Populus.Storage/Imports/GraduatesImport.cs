using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Graduates of the universities in the region, one row each, with where they went after graduation: the records
/// behind the local-graduate retention rate (在温高校应届毕业生留温率, plan indicator 11).
/// </summary>
internal sealed class GraduatesImport : FactImportKind
{
    internal static readonly string[] Levels = ["junior_college", "bachelor", "master", "doctorate"];

    internal static readonly string[] Destinations = ["employed_local", "employed_elsewhere", "further_study", "not_employed"];

    public override string Name => "graduates";

    public override string Summary => "graduates of local universities, one per row, with their destination (retention rate, indicator 11)";


    public override string SummaryZh => "本地高校毕业生，每行一人，含去向（留温率，指标 11）";

    public override string[] RequiredColumns => ["year", "region", "institution", "graduate_key", "level", "destination"];

    protected override string Table => "graduate_record";

    protected override string[] Columns => ["year", "region_code", "institution", "graduate_key", "level", "destination"];

    protected override string[] KeyColumns => ["year", "institution", "graduate_key"];

    protected override object?[]? Read(CsvRecord record, ImportSession session)
    {
        var year = Year(record);
        var region = year is { } y ? RegionCode(record, "region", session, y) : null;
        var institution = record.RequiredText("institution");
        var key = PersonKey(record, "graduate_key");
        var level = Choice(record, "level", Levels);
        var destination = Choice(record, "destination", Destinations);
        if (year is null || region is null || institution is null || key is null || level is null || destination is null)
        {
            return null;
        }

        return [year.Value, region, institution, key, level, destination];
    }

    /// <summary>A pseudonymous key; an identity number in its place is refused, since the store never holds one.</summary>
    internal static string? PersonKey(CsvRecord record, string column)
    {
        var key = record.RequiredText(column);
        if (key is { Length: 18 } && key[..17].All(char.IsAsciiDigit))
        {
            record.Fail(column, key[..6] + "********" + key[14..], new Reason(
                "this looks like an identity number; give the department's pseudonymous key (e.g. a keyed hash): Populus does not store identity numbers",
                "这像是身份证号；请填写部门的化名键（如加密哈希值）：本系统不保存身份证号"));
            return null;
        }

        return key;
    }

    internal static string? Choice(CsvRecord record, string column, string[] choices)
    {
        var text = record.RequiredText(column);
        if (text is null)
        {
            return null;
        }

        var found = choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            record.Fail(column, text, new Reason($"write one of {string.Join(", ", choices)}", $"应为以下之一：{string.Join("、", choices)}"));
        }

        return found;
    }
}
