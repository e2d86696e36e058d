using System.Globalization;
using System.Text;
using Populus.Planning.Data;
using Populus.Planning.Indicators;

namespace Populus.Web.Formats;

/// <summary>
/// Indicator series as SDMX-CSV 1.0: the first column names the dataflow (agency:id(version)), then the dimensions
/// REF_AREA, INDICATOR, TIME_PERIOD, the measure OBS_VALUE, and the attributes UNIT_MEASURE, OBS_STATUS, SOURCE and
/// OBS_COMMENT. OBS_STATUS uses the SDMX code list CL_OBS_STATUS: A (normal value) for observed figures, E (estimated
/// value) and F (forecast value) for projected ones; a year without a value is left out, as SDMX has no empty
/// observation, and its reason is in the JSON form of the same series.
/// </summary>
internal static class SdmxCsv
{
    public const string ContentType = "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8";
    public const string Dataflow = "POPULUS:WENZHOU_PLAN_INDICATORS(1.0)";
    public static readonly string[] Header = ["DATAFLOW", "REF_AREA", "INDICATOR", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS", "SOURCE", "OBS_COMMENT"];

    public static string StatusCode(DataStatus status) => status switch
    {
        DataStatus.Observed => "A",
        DataStatus.Estimated => "E",
        _ => "F",
    };

    /// <param name="refArea">The region's code (GB/T 2260) where it has one, else its name.</param>
    public static string Write(IEnumerable<IndicatorValue> values, string refArea, string unit)
    {
        var text = new StringBuilder(CsvText.Line(Header));
        foreach (var v in values.Where(v => v.HasValue))
        {
            text.Append(CsvText.Line([Dataflow, refArea, v.IndicatorId, v.Year.ToString(CultureInfo.InvariantCulture),
                v.Value!.Value.ToString("R", CultureInfo.InvariantCulture), unit, StatusCode(v.Provenance!.Status), v.Provenance.Source, v.Note?.English]));
        }

        return text.ToString();
    }
}
