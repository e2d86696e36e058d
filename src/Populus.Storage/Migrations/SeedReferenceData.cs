using System.Data.Common;
using System.Globalization;
using Populus.Storage.Engines;
using Populus.Storage.Imports;
using Populus.Storage.Tabular;

namespace Populus.Storage.Migrations;

/// <summary>
/// Loads the reference data a new store starts with, from the files under data/ (embedded in the assembly):
/// sources (data/wenzhou/sources.csv), region codes (county_units_codes.csv, townships_2023.csv, and
/// data/regions/region_history.csv for former codes), code validity (data/regions/region_validity.csv), region
/// groups (data/regions/groupings.csv) and the plan's reference figures for them (grouping_reference.csv).
/// </summary>
/// <remarks>
/// Later edits to groupings.csv reach an existing store through `populus import groups`; region code changes come
/// as a new migration, so every store sees the same codes.
/// </remarks>
internal sealed class SeedReferenceData(int version) : Migration
{
    public override int Version => version;

    public override string Description => "Wenzhou reference data: sources, region codes with validity, region groups and the plan's 2020 group figures";

    public override void Apply(Engine engine, DbConnection connection, DbTransaction transaction)
    {
        Sources(engine, connection, transaction);
        Regions(engine, connection, transaction);
        using (var groups = SeedFiles.Open("regions.groupings.csv", "group", "region_code"))
        {
            GroupsImport.Replace(engine, connection, transaction, RegionIndex.Load(connection, transaction), groups);
        }

        References(connection, transaction);
    }

    private static void Sources(Engine engine, DbConnection connection, DbTransaction transaction)
    {
        using var table = SeedFiles.Open("wenzhou.sources.csv", "source_id", "title");
        var rows = table.Records()
            .Select(r => (object?[])[r.RequiredText("source_id"), r.RequiredText("title"), r.Text("url_or_repo_path"), r.Text("publisher_or_origin"), r.Text("kind"), r.Text("confidence")])
            .ToList();
        table.ThrowIfInvalid();
        engine.BulkInsert(connection, transaction, "source", ["source_id", "title", "url", "publisher", "kind", "confidence"], rows);
    }

    private static void Regions(Engine engine, DbConnection connection, DbTransaction transaction)
    {
        var regions = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        using (var table = SeedFiles.Open("wenzhou.county_units_codes.csv", "code_gb2260", "name_zh", "unit_type"))
        {
            foreach (var r in table.Records())
            {
                var code = r.RequiredText("code_gb2260")!;
                var level = r.Text("unit_type") == "地级市" ? "city" : "county";
                regions[code] = [code, r.RequiredText("name_zh"), r.Text("name_en"), level, r.Text("parent_code"), null, null, r.Text("source_id"), r.Text("note")];
            }

            table.ThrowIfInvalid();
        }

        using (var table = SeedFiles.Open("wenzhou.townships_2023.csv", "code_9", "name_zh", "county_code"))
        {
            foreach (var r in table.Records())
            {
                var code = r.RequiredText("code_9")!;
                regions[code] = [code, r.RequiredText("name_zh"), null, "township", r.RequiredText("county_code"), null, null, r.Text("source_id"), r.Text("unit_type")];
            }

            table.ThrowIfInvalid();
        }

        using (var table = SeedFiles.Open("regions.region_history.csv", "code", "name_zh", "level"))
        {
            foreach (var r in table.Records())
            {
                var code = r.RequiredText("code")!;
                regions[code] = [code, r.RequiredText("name_zh"), r.Text("name_en"), r.RequiredText("level"), r.Text("parent_code"),
                    PartialDate(r, "valid_from", start: true), PartialDate(r, "valid_to", start: false), r.Text("source_id"), r.Text("note")];
            }

            table.ThrowIfInvalid();
        }

        using (var table = SeedFiles.Open("regions.region_validity.csv", "code"))
        {
            foreach (var r in table.Records())
            {
                var code = r.RequiredText("code")!;
                if (!regions.TryGetValue(code, out var region))
                {
                    r.Fail("code", code, "not a region code of the seed files");
                    continue;
                }

                region[5] = PartialDate(r, "valid_from", start: true) ?? region[5];
                region[6] = PartialDate(r, "valid_to", start: false) ?? region[6];
                region[8] = string.Join("; ", new[] { region[8] as string, r.Text("note") }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } note ? note : null;
            }

            table.ThrowIfInvalid();
        }

        engine.BulkInsert(connection, transaction, "region",
            ["code", "name_zh", "name_en", "level", "parent_code", "valid_from", "valid_to", "source_id", "note"], regions.Values);
    }

    private static void References(DbConnection connection, DbTransaction transaction)
    {
        using var table = SeedFiles.Open("regions.grouping_reference.csv", "group", "year", "indicator", "value", "unit", "figure_kind", "source_id");
        var rows = new List<(string Group, int Year, string Indicator, double Value, string Unit, Provenance Provenance)>();
        foreach (var r in table.Records())
        {
            FigureKinds.TryParse(r.Text("figure_kind"), out var kind);
            var provenance = new Provenance(kind, r.RequiredText("source_id") ?? "", r.Text("source_title"), r.Text("publisher"), null, r.Text("confidence"), r.Text("note"));
            if (r.RequiredText("group") is { } g && r.Integer("year") is { } y && r.RequiredText("indicator") is { } i && r.Number("value") is { } v && r.RequiredText("unit") is { } u)
            {
                rows.Add((g, y, i, v, u, provenance));
            }
        }

        table.ThrowIfInvalid();
        foreach (var row in rows)
        {
            var id = ImportSession.InsertProvenance(connection, transaction, row.Provenance);
            Sql.Execute(connection, transaction,
                "INSERT INTO region_group_reference (group_name, year, indicator, value, unit, provenance_id) VALUES ($1, $2, $3, $4, $5, $6)",
                row.Group, row.Year, row.Indicator, row.Value, row.Unit, id);
        }
    }

    /// <summary>
    /// A date written as yyyy, yyyy-mm or yyyy-mm-dd. A partial date widens to the whole period it names: its first
    /// day as a start of validity, its last day as an end, because the exact day of a boundary change is often unknown.
    /// </summary>
    private static DateOnly? PartialDate(CsvRecord record, string column, bool start)
    {
        var text = record.Text(column);
        if (text is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (!DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            record.Fail(column, text, "not a date (yyyy, yyyy-mm or yyyy-mm-dd)");
            return null;
        }

        var day = DateOnly.FromDateTime(date);
        return start ? day : text.Length switch
        {
            4 => new DateOnly(day.Year, 12, 31),
            7 => day.AddMonths(1).AddDays(-1),
            _ => day,
        };
    }
}
