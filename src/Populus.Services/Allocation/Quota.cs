using Populus.Storage.Tabular;

namespace Populus.Services.Allocation;

/// <summary>An annual quota: so many places of one kind (a school's or district's places, subsidised rental homes) in a round.</summary>
public sealed record Quota(string QuotaId, string Round, string Purpose, string RegionCode, int Places)
{
    public static readonly string[] RequiredColumns = ["quota_id", "round", "purpose", "region", "places"];

    /// <summary>Reads a quota file (quota_id, round, purpose, region, places).</summary>
    /// <exception cref="InvalidInputException">Every problem of the file.</exception>
    public static IReadOnlyList<Quota> Load(string path)
    {
        using var table = CsvTable.Open(path, RequiredColumns);
        var quotas = new List<Quota>();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in table.Records())
        {
            var id = r.RequiredText("quota_id");
            var round = r.RequiredText("round");
            var purpose = r.RequiredText("purpose");
            var region = r.RequiredText("region");
            var places = r.Integer("places", 0, 10_000_000);
            if (id is not null && !rows.TryAdd(id, r.Row))
            {
                r.Fail("quota_id", id, $"row {rows[id]} has the same quota id");
                continue;
            }

            if (id is not null && round is not null && purpose is not null && region is not null && places is not null)
            {
                quotas.Add(new Quota(id, round, purpose, region, places.Value));
            }
        }

        table.ThrowIfInvalid();
        return quotas;
    }
}
