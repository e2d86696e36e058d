using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>Persons who moved from an origin to a destination region during a year, by sex and age.</summary>
/// <remarks>"outside" stands for every place that is not a region of the store (another province, abroad).</remarks>
internal sealed class MigrationFlowsImport : FactImportKind
{
    public override string Name => "migration";

    public override string Summary => "migration flows origin → destination per year, by sex and age";


    public override string SummaryZh => "迁移流量：迁出地 → 迁入地，按年份、性别和年龄";

    public override string[] RequiredColumns => ["year", "origin", "destination", "persons"];

    protected override string Table => "migration_flow";

    protected override string[] Columns => ["year", "origin_code", "destination_code", "sex", "age", "age_from", "age_to", "persons"];

    protected override string[] KeyColumns => ["year", "origin_code", "destination_code", "sex", "age"];

    protected override object?[]? Read(CsvRecord record, ImportSession session)
    {
        var year = Year(record);
        var origin = Place(record, "origin", session, year);
        var destination = Place(record, "destination", session, year);
        if (origin is not null && origin == destination)
        {
            record.Fail("destination", destination, new Reason("is the same as the origin; a flow joins two different places", "与迁出地相同；迁移流连接两个不同地区"));
            return null;
        }

        var sex = Sex(record);
        var age = Age(record);
        var persons = Count(record, "persons");
        if (year is null || origin is null || destination is null || sex is null || age is not { } a || persons is null)
        {
            return null;
        }

        return [year.Value, origin, destination, sex, a.Label, a.From, a.To, persons.Value];
    }

    protected override void CheckRows(IReadOnlyList<(int Row, object?[] Values)> rows, CsvTable table) => CheckAgeOverlaps(rows, table);

    private static string? Place(CsvRecord record, string column, ImportSession session, int? year) =>
        string.Equals(record.Text(column), Codes.Outside, StringComparison.OrdinalIgnoreCase)
            ? Codes.Outside
            : year is null ? null : RegionCode(record, column, session, year);
}
