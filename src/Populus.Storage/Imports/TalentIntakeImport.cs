using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Talent taken in by the city (人才引进), one person a row: when, which category, whether a new graduate, and —
/// from later records such as social-insurance payments — when they left (离温) or the last day they were seen
/// still in the city (留温). The records behind graduates attracted (indicator 8) and cohort retention.
/// </summary>
internal sealed class TalentIntakeImport : FactImportKind
{
    internal static readonly string[] Categories = ["A", "B", "C", "D", "E", "F"];

    public override string Name => "talent-intake";

    public override string Summary => "talent taken in, one person per row: intake date, category A-F, graduate or not, departure and last observation (graduates attracted, retention by cohort)";


    public override string SummaryZh => "引进人才，每行一人：引进日期、A–F 类别、是否毕业生、离开与最后观察日期（引进毕业生数、分批留温率）";

    public override string[] RequiredColumns => ["region", "person_key", "intake_date", "category", "graduate", "observed_until"];

    protected override string Table => "talent_intake";

    protected override string[] Columns => ["year", "region_code", "person_key", "intake_date", "category", "graduate", "departed_on", "observed_until"];

    protected override string[] KeyColumns => ["year", "person_key"];

    protected override object?[]? Read(CsvRecord record, ImportSession session)
    {
        var intake = record.Date("intake_date");
        var region = intake is { } d ? RegionCode(record, "region", session, d.Year) : null;
        var key = GraduatesImport.PersonKey(record, "person_key");
        var category = GraduatesImport.Choice(record, "category", Categories);
        var graduate = record.YesNo("graduate");
        var departed = record.Date("departed_on", required: false);
        var observed = record.Date("observed_until");
        if (intake is { } i)
        {
            if (departed is { } dep && dep < i)
            {
                record.Fail("departed_on", Text(dep), new Reason("departure before intake", "离开日期早于引进日期"));
                departed = null;
            }

            if (observed is { } o && o < i)
            {
                record.Fail("observed_until", Text(o), new Reason("last observation before intake", "最后观察日期早于引进日期"));
                observed = null;
            }
        }

        // The last observation has happened by the import day; intake and departure, on or before it, follow.
        if (observed is { } last && last > session.Today)
        {
            record.Fail("observed_until", Text(last), PersonsImport.AfterToday(session.Today));
            observed = null;
        }

        if (departed is { } leave && observed is { } seen && seen < leave)
        {
            record.Fail("observed_until", Text(seen), new Reason($"before the departure ({Text(leave)}); a departure is known from an observation on or after it", $"早于离开日期（{Text(leave)}）；离开须由当日或之后的观察得知"));
            observed = null;
        }

        if (intake is null || region is null || key is null || category is null || graduate is null || observed is null)
        {
            return null;
        }

        return [intake.Value.Year, region, key, intake.Value, category, graduate.Value, departed, observed.Value];
    }

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
