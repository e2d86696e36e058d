using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Births and deaths in a calendar year by region, sex and age. For births the age is the mother's and the sex the
/// child's; for deaths both are the deceased's.
/// </summary>
internal sealed class VitalEventsImport : FactImportKind
{
    public override string Name => "vital-events";

    public override string Summary => "births by mother's age and deaths by age × sex, per year and region";


    public override string SummaryZh => "出生（按母亲年龄）和死亡（按年龄、性别），按年份和地区";

    public override string[] RequiredColumns => ["year", "region", "event", "count"];

    protected override string Table => "vital_event";

    protected override string[] Columns => ["year", "region_code", "event", "sex", "age", "age_from", "age_to", "events"];

    protected override string[] KeyColumns => ["year", "region_code", "event", "sex", "age"];

    protected override object?[]? Read(CsvRecord record, ImportSession session)
    {
        var year = Year(record);
        var region = year is { } y ? RegionCode(record, "region", session, y) : null;
        var eventText = record.RequiredText("event");
        var kind = eventText is null ? null : Codes.Event(eventText);
        if (eventText is not null && kind is null)
        {
            record.Fail("event", eventText, new Reason("not an event: write birth or death", "不是事件类型：应为 birth（出生）或 death（死亡）"));
        }

        var sex = Sex(record);
        var age = Age(record);
        var count = Count(record, "count");
        if (year is null || region is null || kind is null || sex is null || age is not { } a || count is null)
        {
            return null;
        }

        return [year.Value, region, kind, sex, a.Label, a.From, a.To, count.Value];
    }

    protected override void CheckRows(IReadOnlyList<(int Row, object?[] Values)> rows, CsvTable table) => CheckAgeOverlaps(rows, table);
}
