using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>Totals from a sample survey (e.g. the 2015 1% population sample survey), weighted to the population.</summary>
internal sealed class SurveyTotalsImport : FactImportKind
{
    public override string Name => "survey";

    public override string Summary => "sample-survey totals (population, households, births, deaths …) per year and region; the survey annual_sample holds the bureau's year ends (a later year's moves plan monitoring to it)";

    public override string SummaryZh => "抽样调查总量（人口、户数、出生、死亡等），按年份和地区；调查名 annual_sample 为统计局年度数据（导入新一年的年末人口后，规划监测随之更新到该年）";

    public override string[] RequiredColumns => ["year", "region", "survey", "measure", "value"];

    protected override string Table => "survey_total";

    protected override string[] Columns => ["year", "region_code", "survey", "measure", "sex", "value"];

    protected override string[] KeyColumns => ["year", "region_code", "survey", "measure", "sex"];

    protected override object?[]? Read(CsvRecord record, ImportSession session)
    {
        var year = Year(record);
        var region = year is { } y ? RegionCode(record, "region", session, y) : null;
        var survey = record.RequiredText("survey");
        if (survey is not null && !Codes.IsIdentifier(survey))
        {
            record.Fail("survey", survey, new Reason("a survey is named in lower-case letters, digits and underscores, e.g. sample_1pct_2015", "调查名由小写字母、数字和下划线组成，如 sample_1pct_2015"));
            survey = null;
        }

        var measure = record.RequiredText("measure");
        if (measure is not null && !Codes.SurveyMeasures.Contains(measure))
        {
            record.Fail("measure", measure, new Reason($"not a survey measure: write one of {string.Join(", ", Codes.SurveyMeasures)}", $"不是调查项目：应为以下之一：{string.Join("、", Codes.SurveyMeasures)}"));
            measure = null;
        }

        var sex = Sex(record);
        var value = Count(record, "value");
        if (year is null || region is null || survey is null || measure is null || sex is null || value is null)
        {
            return null;
        }

        return [year.Value, region, survey, measure, sex, value.Value];
    }
}
