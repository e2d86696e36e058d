using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>Figures reported by departments: talent counts, graduates attracted, new urban jobs and the like.</summary>
internal sealed class IndicatorsImport : FactImportKind
{
    public override string Name => "indicators";

    public override string Summary => "department-reported indicator values per year and region (talent counts, graduates, new jobs …)";


    public override string SummaryZh => "部门报送的指标值，按年份和地区（人才总量、毕业生、新增就业等）";

    public override string[] RequiredColumns => ["year", "region", "indicator", "value", "unit", "department"];

    protected override string Table => "indicator_value";

    protected override string[] Columns => ["year", "region_code", "indicator", "value", "unit", "department"];

    protected override string[] KeyColumns => ["year", "region_code", "indicator"];

    protected override object?[]? Read(CsvRecord record, ImportSession session)
    {
        var year = Year(record);
        var region = year is { } y ? RegionCode(record, "region", session, y) : null;
        var indicator = record.RequiredText("indicator");
        if (indicator is not null && !Codes.IsIndicatorId(indicator))
        {
            record.Fail("indicator", indicator, new Reason("an indicator is named in letters, digits and underscores from a letter, as the catalogue names it, e.g. new_urban_jobs or TT44",
                "指标名由字母、数字和下划线组成、以字母开头，与指标目录一致，如 new_urban_jobs、TT44"));
            indicator = null;
        }
        else if (indicator is not null && PlanData.StoredIndicators.IndicatorProblem(indicator, session.CatalogueUnits) is { } unknown)
        {
            record.Fail("indicator", indicator, unknown);
            indicator = null;
        }

        var value = record.Number("value");
        var unit = record.RequiredText("unit");
        if (indicator is not null && unit is not null && PlanData.StoredIndicators.UnitProblem(indicator, unit, session.CatalogueUnits) is { } wrongUnit)
        {
            record.Fail("unit", unit, wrongUnit);
            unit = null;
        }

        var department = record.RequiredText("department");
        if (year is null || region is null || indicator is null || value is null || unit is null || department is null)
        {
            return null;
        }

        return [year.Value, region, indicator, value.Value, unit, department];
    }
}
