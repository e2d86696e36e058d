using System.Data.Common;
using Populus.Storage.Engines;
using Populus.Storage.Imports;
using Populus.Storage.Tabular;

namespace Populus.Storage.Migrations;

/// <summary>
/// The regions the plan names beyond its city's (the city whose county-level units version 2 seeded, Wenzhou), so that Planning takes every region and grouping from the store
/// (docs/planning.md): Zhejiang's other ten cities (data/regions/zhejiang_cities.csv), the province as the group of
/// its eleven cities (its figures are their sums; the plan's province comparisons use it), and the plan's functional
/// zones as groups whose members are not public (data/regions/zones.csv).
/// </summary>
internal sealed class SeedPlanningRegions(int version) : Migration
{
    /// <summary>The group of Zhejiang's eleven cities, which the plan compares Wenzhou with.</summary>
    public const string Province = "浙江省";

    public override int Version => version;

    public override string Description => "Zhejiang's other cities, the group 浙江省 and the plan's zones (Planning's regions come from the store)";

    public override void Apply(Engine engine, DbConnection connection, DbTransaction transaction)
    {
        var cities = new List<object?[]>();
        using (var table = SeedFiles.Open("regions.zhejiang_cities.csv", "code", "name_zh"))
        {
            foreach (var r in table.Records())
            {
                cities.Add([r.RequiredText("code"), r.RequiredText("name_zh"), r.Text("name_en"), "city", null, null, null, r.Text("source_id"), r.Text("note")]);
            }

            table.ThrowIfInvalid();
        }

        engine.BulkInsert(connection, transaction, "region",
            ["code", "name_zh", "name_en", "level", "parent_code", "valid_from", "valid_to", "source_id", "note"], cities);
        var regions = RegionIndex.Load(connection, transaction);
        var members = new StringWriter();
        members.WriteLine("group,group_en,region_code,note");
        foreach (var code in cities.Select(c => (string)c[0]!).Prepend(regions.PlanRegion()).Order(StringComparer.Ordinal))
        {
            members.WriteLine($"{Province},Zhejiang Province,{code},prefecture-level city of Zhejiang (plan Table 2)");
        }

        using (var groups = CsvTable.FromReader("data/regions/zhejiang_cities.csv", new StringReader(members.ToString()), "group", "region_code"))
        {
            GroupsImport.Replace(engine, connection, transaction, regions, groups);
        }

        using var zones = SeedFiles.Open("regions.zones.csv", "group");
        foreach (var r in zones.Records())
        {
            Sql.Execute(connection, transaction, "INSERT INTO region_group (name, name_en) VALUES ($1, $2)", r.RequiredText("group"), r.Text("group_en"));
        }

        zones.ThrowIfInvalid();
    }
}
