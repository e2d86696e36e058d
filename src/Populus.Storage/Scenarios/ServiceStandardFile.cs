using Populus.Planning.Data;
using Populus.Planning.Services;
using Populus.Storage.Tabular;

namespace Populus.Storage.Scenarios;

/// <summary>Reads data/plan/service-demand.csv: the public-service standards with their source (optional columns
/// <c>unit_zh</c> and <c>source_zh</c> give the unit and the source in Chinese; absent or empty, the unit and source themselves).</summary>
public static class ServiceStandardFile
{
    /// <exception cref="InvalidInputException">The file is missing or a cell is invalid (every problem listed).</exception>
    public static IReadOnlyList<ServiceStandard> Read(string path)
    {
        var result = new List<ServiceStandard>();
        using var table = CsvTable.Open(path, "service", "name_zh", "name_en", "age_from", "age_to", "rate", "per", "unit", "source");
        foreach (var r in table.Records())
        {
            var id = r.RequiredText("service");
            var from = r.Integer("age_from", 0, 100);
            var to = r.Text("age_to") is null ? null : r.Integer("age_to", 0, 100);
            var rate = r.Number("rate", 0, 1e6, new Reason("a rate of at least 0", "比率不能小于 0"));
            var per = r.Number("per", 1, 1e6, new Reason("a base of at least 1 resident", "基数至少为 1 人"));
            var unit = r.RequiredText("unit");
            var source = r.RequiredText("source");
            if (from is { } f && to is { } t && t < f)
            {
                r.Fail("age_to", r.Text("age_to"), $"the last age served is below the first ({f})");
                continue;
            }

            if (id is not null && from is not null && rate is not null && per is not null && unit is not null && source is not null)
            {
                result.Add(new ServiceStandard(id, r.Text("name_zh") ?? id, r.Text("name_en") ?? id, from.Value, to, rate.Value, per.Value, unit, r.Text("unit_zh") ?? unit, source, r.Text("source_zh") ?? source,
                    r.Text("sentence_zh") ?? ""));
            }
        }

        table.ThrowIfInvalid();
        return result;
    }
}
