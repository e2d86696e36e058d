using Populus.Planning.Data;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Events of registered persons (birth, death, move in, move out, hukou change), one row an event, each applied to the
/// registry as <see cref="PersonRegistry.RecordEvent"/> does: a death ends the person's residence (death date), a move
/// sets the residence region, a hukou change the hukou region (docs/registry.md).
/// </summary>
/// <remarks>
/// The person is named by identity number, found through the keyed look-up hash (the number is never stored with the
/// event) and never printed unmasked. Events are applied in date order (file order within a day). Checked before
/// anything is written: the person is registered; the date is a real date, not before the birth coded in the number
/// and not after today, and a birth is dated on that birth date; moves and hukou changes name the region entered, a
/// move-out also the region left; codes as in the persons import, a move-in's destination being a county-level unit of
/// the store; nothing follows a death, whether the death is already registered or earlier in the file.
/// </remarks>
internal sealed class PersonEventsImport : ImportKind
{
    public override string Name => "person-events";

    public override string Summary => "events of registered persons: birth, death, move_in, move_out, hukou_change (person named by identity number)";


    public override string SummaryZh => "登记人员的事件：出生、死亡、迁入、迁出、户籍变更（以身份证号指明人员）";

    public override string[] RequiredColumns => ["national_id", "event", "event_date"];

    public override bool HoldsPersonalData => true;

    public override int Load(ImportSession session)
    {
        var table = session.Table;
        var today = session.Today;
        var rows = new List<(int Row, NationalIdNumber Id, PersonEventKind Kind, DateOnly Date, int? From, int? To)>();
        foreach (var record in table.Records())
        {
            var id = PersonsImport.NationalId(record, today);
            var kindText = record.RequiredText("event");
            PersonEventKind? kind = kindText is null ? null : ParseKind(kindText);
            if (kindText is not null && kind is null)
            {
                record.Fail("event", kindText, new Reason("not an event: birth, death, move_in, move_out or hukou_change (出生, 死亡, 迁入, 迁出, 户口迁移)", "不是事件类型：应为 birth、death、move_in、move_out 或 hukou_change（出生、死亡、迁入、迁出、户口迁移）"));
            }

            var date = PersonsImport.Date(record, "event_date", today);
            var from = PersonsImport.OptionalRegion(record, "from_region", session, residence: false, today.Year);
            var to = PersonsImport.OptionalRegion(record, "to_region", session, residence: kind == PersonEventKind.MoveIn, today.Year);
            if (kind is PersonEventKind.MoveIn or PersonEventKind.MoveOut or PersonEventKind.HukouChange && record.Text("to_region") is null)
            {
                record.Fail("to_region", null, new Reason($"a {Label(kind.Value)} event names the region moved to", $"{Label(kind.Value)}事件须填写迁入地区"));
                continue;
            }

            if (kind == PersonEventKind.MoveOut && record.Text("from_region") is null)
            {
                record.Fail("from_region", null, new Reason("a move_out event names the region left", "迁出事件须填写迁出地区"));
                continue;
            }

            var badRegion = (from is null && record.Text("from_region") is not null) || (to is null && record.Text("to_region") is not null);
            if (id is not { } number || kind is null || date is null || badRegion)
            {
                continue;
            }

            // The coded birth date is not named: with the masked number it would disclose the whole number.
            if (date < number.BirthDate)
            {
                record.Fail("event_date", record.Text("event_date"), new Reason("precedes the birth date coded in the identity number (characters 7–14)", "早于身份证号（第 7–14 位）所载出生日期"));
                continue;
            }

            if (kind == PersonEventKind.Birth && date != number.BirthDate)
            {
                record.Fail("event_date", record.Text("event_date"), new Reason("a birth is dated on the birth date coded in the identity number (characters 7–14)", "出生事件的日期应为身份证号（第 7–14 位）所载出生日期"));
                continue;
            }

            rows.Add((record.Row, number, kind.Value, date.Value, from, to));
        }

        return session.WithRegistry(registry =>
        {
            var registered = registry.FindRegistered(rows.Select(r => r.Id).ToList());
            var deaths = new Dictionary<long, DateOnly>(registry.DeathDates(registered.Values));
            var events = new List<PersonEvent>();
            foreach (var (row, index) in rows.Select((r, i) => (r, i)).OrderBy(x => x.r.Date).ThenBy(x => x.r.Row))
            {
                if (!registered.TryGetValue(index, out var personId))
                {
                    table.AddError(row.Row, "national_id", row.Id.ToString(), new Reason("this identity number is not registered (import the person first: kind persons)", "该身份证号尚未登记（请先导入人员：数据类型 persons）"));
                    continue;
                }

                if (deaths.TryGetValue(personId, out var died))
                {
                    table.AddError(row.Row, "event", Label(row.Kind), new Reason($"person {personId} died on {died:yyyy-MM-dd}; no event can follow a death", $"人员 {personId} 已于 {died:yyyy-MM-dd} 死亡；死亡之后不能再有事件"));
                    continue;
                }

                if (row.Kind == PersonEventKind.Death)
                {
                    deaths[personId] = row.Date;
                }

                events.Add(new PersonEvent(personId, row.Kind, row.Date, row.From, row.To));
            }

            table.ThrowIfInvalid();
            if (events.Count == 0)
            {
                table.AddError(0, null, null, CsvTable.NoDataRows);
                table.ThrowIfInvalid();
            }

            registry.RecordWithin(session.Transaction, events);
            session.BatchId(events.Count);
            return events.Count;
        });
    }

    private static PersonEventKind? ParseKind(string text)
    {
        var t = text.Trim();
        switch (t)
        {
            case "出生": return PersonEventKind.Birth;
            case "死亡": return PersonEventKind.Death;
            case "迁入": return PersonEventKind.MoveIn;
            case "迁出": return PersonEventKind.MoveOut;
            case "户口迁移": return PersonEventKind.HukouChange;
        }

        t = t.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return !int.TryParse(t, out _) && Enum.TryParse<PersonEventKind>(t, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
    }

    private static string Label(PersonEventKind kind) => kind switch
    {
        PersonEventKind.MoveIn => "move_in",
        PersonEventKind.MoveOut => "move_out",
        PersonEventKind.HukouChange => "hukou_change",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
