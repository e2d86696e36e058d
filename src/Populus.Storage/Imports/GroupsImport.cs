using System.Data.Common;
using Populus.Planning.Data;
using Populus.Storage.Engines;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Group membership (data/regions/groupings.csv): each group named in the file gets exactly the members listed,
/// replacing its previous members. Groups not in the file are left as they are.
/// </summary>
/// <remarks>
/// A group's figure is always the sum over its members, so a member must not contain another member (a county and
/// one of its townships would be counted twice), and every member must be a current region code.
/// </remarks>
internal sealed class GroupsImport : ImportKind
{
    public override string Name => "groups";

    public override string Summary => "membership of region groups (中心城区, 市域主中心 …); replaces the members of each group in the file";


    public override string SummaryZh => "区域分组成员（中心城区、市域主中心等）；文件中的每个分组整体替换其成员";

    public override string[] RequiredColumns => ["group", "region_code"];

    public override int Load(ImportSession session)
    {
        var rows = Replace(session.Engine, session.Connection, session.Transaction, session.Regions, session.Table);
        session.BatchId(rows);
        return rows;
    }

    /// <summary>Checks the file and replaces the members of its groups; returns the number of members written.</summary>
    /// <exception cref="InvalidInputException">A row is refused; nothing was written.</exception>
    public static int Replace(Engine engine, DbConnection connection, DbTransaction transaction, RegionIndex regions, CsvTable table)
    {
        var groups = new Dictionary<string, (string? NameEn, List<(int Row, string Code, string? Note)> Members)>(StringComparer.Ordinal);
        foreach (var record in table.Records())
        {
            var group = record.RequiredText("group");
            var code = record.RequiredText("region_code");
            if (group is null || code is null)
            {
                continue;
            }

            if (!regions.TryGet(code, out var region))
            {
                record.Fail("region_code", code, RegionIndex.Unknown);
                continue;
            }

            if (region.ValidTo is not null)
            {
                record.Fail("region_code", code, new Reason($"{region.NameZh} is a former code (valid to {region.ValidTo:yyyy-MM-dd}); groups list current codes", $"{region.NameZh}是已停用的代码（有效至 {region.ValidTo:yyyy-MM-dd}）；分组只列现行代码"));
                continue;
            }

            if (!groups.TryGetValue(group, out var entry))
            {
                entry = (record.Text("group_en"), []);
                groups[group] = entry;
            }

            if (entry.Members.FirstOrDefault(m => m.Code == code) is { Code: not null } twice)
            {
                record.Fail("region_code", code, new Reason($"already a member of {group} (row {twice.Row})", $"已是{group}的成员（第 {twice.Row} 行）"));
                continue;
            }

            if (entry.Members.FirstOrDefault(m => regions.Contains(m.Code, code) || regions.Contains(code, m.Code)) is { Code: not null } nested)
            {
                record.Fail("region_code", code, new Reason(
                    $"overlaps member {nested.Code} of {group} (row {nested.Row}): one contains the other, so the group's sum would count it twice",
                    $"与{group}的成员 {nested.Code}（第 {nested.Row} 行）重叠：二者互相包含，分组合计会重复计算"));
                continue;
            }

            entry.Members.Add((record.Row, code, record.Text("note")));
        }

        table.ThrowIfInvalid();
        var written = 0;
        foreach (var (name, (nameEn, members)) in groups)
        {
            Sql.Execute(connection, transaction, "DELETE FROM region_group_member WHERE group_name = $1", name);
            Sql.Execute(connection, transaction,
                "INSERT INTO region_group (name, name_en) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name_en = excluded.name_en", name, nameEn);
            engine.BulkInsert(connection, transaction, "region_group_member", ["group_name", "region_code", "note"],
                members.Select(m => (object?[])[name, m.Code, m.Note]));
            written += members.Count;
        }

        return written;
    }
}
