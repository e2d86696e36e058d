using System.Globalization;
using Populus.Planning.Data;
using Populus.Storage.Engines;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// A kind whose rows are figures in one table: each row has a key (which figure) and a value, a provenance and the
/// batch. Checks shared by all such kinds: region codes known and valid in the row's year, no key twice in the file,
/// no key already stored by another batch.
/// </summary>
internal abstract class FactImportKind : ImportKind
{
    /// <summary>The table written.</summary>
    protected abstract string Table { get; }

    /// <summary>The table written, for a batch's withdrawal (<see cref="BatchWithdrawal"/>).</summary>
    internal string FigureTable => Table;

    /// <summary>The table's columns after batch_id and provenance_id, in table order.</summary>
    protected abstract string[] Columns { get; }

    /// <summary>The columns that identify a figure (the table's UNIQUE key).</summary>
    protected abstract string[] KeyColumns { get; }

    /// <summary>Reads one row into values for <see cref="Columns"/>; returns null when a cell was refused (already recorded).</summary>
    protected abstract object?[]? Read(CsvRecord record, ImportSession session);

    /// <summary>Checks across rows beyond duplicate keys (overlapping age groups); records problems on the table.</summary>
    protected virtual void CheckRows(IReadOnlyList<(int Row, object?[] Values)> rows, CsvTable table)
    {
    }

    public override int Load(ImportSession session)
    {
        var table = session.Table;
        var keyIndex = KeyColumns.Select(c => Array.IndexOf(Columns, c)).ToArray();
        var yearIndex = Array.IndexOf(Columns, "year");
        var rows = new List<(int Row, object?[] Values)>();
        var provenances = new List<Provenance>();
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in table.Records())
        {
            var values = Read(record, session);
            var provenance = session.ReadProvenance(record);
            if (values is null || provenance is null)
            {
                continue;
            }

            var key = Key(values, keyIndex);
            if (firstRowOfKey.TryGetValue(key, out var first))
            {
                record.Fail(null, null, new Reason($"duplicate figure: row {first} has the same {string.Join(", ", KeyColumns)}", $"重复数据：第 {first} 行的 {string.Join("、", KeyColumns)} 与此相同"));
                continue;
            }

            firstRowOfKey[key] = record.Row;
            rows.Add((record.Row, values));
            provenances.Add(provenance);
        }

        CheckRows(rows, table);
        CheckAgainstStore(session, rows, keyIndex, yearIndex);
        table.ThrowIfInvalid();
        if (rows.Count == 0)
        {
            table.AddError(0, null, null, CsvTable.NoDataRows);
            table.ThrowIfInvalid();
        }

        var batchId = session.BatchId(rows.Count);
        var ids = provenances.Select(session.ProvenanceId).ToList();
        session.Engine.BulkInsert(session.Connection, session.Transaction, Table, ["batch_id", "provenance_id", .. Columns],
            rows.Select((r, i) => (object?[])[batchId, ids[i], .. r.Values]));
        return rows.Count;
    }

    /// <summary>Refuses rows whose key is already stored, naming the batch that stored it.</summary>
    private void CheckAgainstStore(ImportSession session, List<(int Row, object?[] Values)> rows, int[] keyIndex, int yearIndex)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // Only the years in the file can clash; reading their keys keeps the check one query whatever the file's size.
        var years = rows.Select(r => (int)r.Values[yearIndex]!).Distinct().Order().ToArray();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = string.Join(", ", KeyColumns.Select(c => "t." + c));
        var sql = $"SELECT {columns}, b.batch_key FROM {Table} t JOIN import_batch b ON b.id = t.batch_id WHERE t.year IN ({string.Join(", ", years)})";
        using (var command = Sql.Command(session.Connection, session.Transaction, sql))
        using (var reader = command.ExecuteReader())
        {
            var values = new object?[KeyColumns.Length];
            while (reader.Read())
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                stored[Key(values, Enumerable.Range(0, values.Length).ToArray())] = reader.GetString(values.Length);
            }
        }

        if (stored.Count == 0)
        {
            return;
        }

        foreach (var (row, values) in rows)
        {
            if (stored.TryGetValue(Key(values, keyIndex), out var batch))
            {
                session.Table.AddError(row, null, null, new Reason($"this figure is already stored (batch '{batch}'); a figure is stored once", $"该数据已入库（批次“{batch}”），同一数据只入库一次"));
            }
        }
    }

    private static string Key(object?[] values, int[] indexes) =>
        string.Join('\u001f', indexes.Select(i => values[i] switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        }));

    // Shared cell readers -------------------------------------------------------------------------------------

    /// <summary>A region code known to the store and valid in <paramref name="year"/>.</summary>
    protected static string? RegionCode(CsvRecord record, string column, ImportSession session, int? year)
    {
        var code = record.RequiredText(column);
        if (code is null)
        {
            return null;
        }

        if (session.Regions.Problem(code, year) is { } problem)
        {
            record.Fail(column, code, problem);
            return null;
        }

        return code;
    }

    protected static int? Year(CsvRecord record) => record.Integer("year", 1900, 2200);

    protected static string? Sex(CsvRecord record, string column = "sex")
    {
        var text = record.Text(column);
        if (text is null)
        {
            return "total";
        }

        var sex = Codes.Sex(text);
        if (sex is null)
        {
            record.Fail(column, text, new Reason($"not a sex: write {Codes.SexChoices}", $"不是性别：应为 {Codes.SexChoices}"));
        }

        return sex;
    }

    protected static AgeLabel? Age(CsvRecord record, string column = "age")
    {
        var text = record.Text(column);
        if (text is null)
        {
            return AgeLabel.Total;
        }

        if (!AgeLabel.TryParse(text, out var age, out var reason))
        {
            record.Fail(column, text, reason!);
            return null;
        }

        return age;
    }

    protected static double? Count(CsvRecord record, string column) =>
        record.Number(column, 0, double.MaxValue, new Reason("a count cannot be negative", "人数不能为负"));

    /// <summary>Refuses overlapping age groups within one series (rows equal in every key column but age).</summary>
    protected void CheckAgeOverlaps(IReadOnlyList<(int Row, object?[] Values)> rows, CsvTable table)
    {
        var ageIndex = Array.IndexOf(Columns, "age");
        var fromIndex = Array.IndexOf(Columns, "age_from");
        var toIndex = Array.IndexOf(Columns, "age_to");
        var seriesIndex = KeyColumns.Where(c => c != "age").Select(c => Array.IndexOf(Columns, c)).ToArray();
        foreach (var series in rows.GroupBy(r => Key(r.Values, seriesIndex)))
        {
            var groups = series
                .Select(r => (r.Row, Age: new AgeLabel((string)r.Values[ageIndex]!, (int)r.Values[fromIndex]!, (int?)r.Values[toIndex])))
                .Where(g => !g.Age.IsTotal)
                .OrderBy(g => g.Age.From)
                .ToList();
            // Sorted by lower bound, a group overlaps an earlier one exactly when it starts before the furthest end so far.
            var reach = -1;
            var reacher = default((int Row, AgeLabel Age));
            foreach (var group in groups)
            {
                if (group.Age.From <= reach)
                {
                    table.AddError(group.Row, "age", group.Age.Label, new Reason(
                        $"overlaps age group {reacher.Age.Label} of row {reacher.Row} in the same series; a series uses one set of non-overlapping groups",
                        $"与同一序列第 {reacher.Row} 行的年龄组 {reacher.Age.Label} 重叠；一个序列只能使用一套互不重叠的年龄组"));
                }

                var end = group.Age.To ?? int.MaxValue;
                if (end > reach)
                {
                    reach = end;
                    reacher = group;
                }
            }
        }
    }
}
