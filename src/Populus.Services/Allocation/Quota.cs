using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Services.Applications;
using Populus.Storage.PlanData;
using Populus.Storage.Tabular;

namespace Populus.Services.Allocation;

/// <summary>An annual quota: so many places of one kind (a school's or district's places, subsidised rental homes) in a round.</summary>
public sealed record Quota(string QuotaId, string Round, string Purpose, string RegionCode, int Places)
{
    public static readonly string[] RequiredColumns = ["quota_id", "round", "purpose", "region", "places"];

    /// <summary>Reads a quota file (quota_id, round, purpose, region, places).</summary>
    /// <param name="regions">The store's regions: a quota's region is <paramref name="city"/> or a current region inside it.</param>
    /// <exception cref="InvalidInputException">Every problem of the file.</exception>
    public static IReadOnlyList<Quota> Load(string path, RegionRegistry regions, string city)
    {
        using var table = CsvTable.Open(path, RequiredColumns);
        var quotas = new List<Quota>();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in table.Records())
        {
            var id = r.RequiredText("quota_id");
            var round = r.RequiredText("round");
            var purpose = r.RequiredText("purpose");
            if (purpose is not null && !ApplicationReader.Purposes.Contains(purpose))
            {
                r.Fail("purpose", purpose, ApplicationReader.PurposeRefusal);
                purpose = null;
            }

            var region = r.RequiredText("region");
            if (region is not null && !PlanningRegions.IsWithin(regions, region, city))
            {
                r.Fail("region", region, new Reason($"not a current region of {regions.NameOf(city)} ({city}): a quota's region is the city, one of its counties or a township of them",
                    $"不是{regions.NameOf(city)}（{city}）的现行区划：配额地区应为本市、所辖县（市、区）或其乡镇（街道）"));
                region = null;
            }

            var places = r.Integer("places", 0, 10_000_000);
            if (id is not null && !rows.TryAdd(id, r.Row))
            {
                r.Fail("quota_id", id, new Reason($"row {rows[id]} has the same quota id", $"与第 {rows[id]} 行的配额编号相同"));
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
