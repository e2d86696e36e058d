using System.Globalization;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Registry;

/// <summary>The `person-events` import kind on both engines: events applied to the registry, all or nothing.</summary>
public sealed class PersonEventsImportTests : IDisposable
{
    private static readonly string[] Header = ["national_id", "event", "event_date", "from_region", "to_region"];

    private readonly RegistryKey _key = RegistryTestData.NewKey();

    public void Dispose() => _key.Dispose();

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Events_AreAppliedToTheRegistry_AndTheSameFileAgainChangesNothing(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var persons = Registered(store, 400);
        var (dies, leaves, arrives, rehoused, leavesThenDies) = (persons[0], persons[1], persons[2], persons[3], persons[4]);
        var newborn = persons.First(p => p.BirthDate >= new DateOnly(2021, 1, 1));
        var rows = new List<string[]>
        {
            Row(leavesThenDies, "death", "2023-09-30"),                                           // applied after its move (date order)
            Row(dies, "death", "2023-05-01"),
            Row(leaves, "move_out", "2022-03-01", leaves.ResidenceRegion, 110101),
            Row(arrives, "迁入", "2022-04-01", 520102, 330303),
            Row(rehoused, "hukou_change", "2022-05-01", rehoused.HukouRegion, 330304),
            Row(leavesThenDies, "move_out", "2023-01-15", leavesThenDies.ResidenceRegion, 310101),
            Row(newborn, "birth", Date(newborn.BirthDate), null, newborn.ResidenceRegion),
        };
        var file = TableFiles.Write(test.File("events.csv"), Header, rows);
        var options = new ImportOptions { RegistryKey = _key };
        var before = store.RowCounts()[RegistrySchema.EventTable];

        Assert.Equal(rows.Count, store.Import("person-events", file, options).Rows);
        var counts = store.RowCounts();
        Assert.True(store.Import("person-events", file, options).AlreadyImported);
        Assert.Equal(counts, store.RowCounts());
        Assert.Equal(before + rows.Count, counts[RegistrySchema.EventTable]);

        using var registry = store.OpenRegistry(_key);
        Assert.Equal(new DateOnly(2023, 5, 1), Found(registry, dies).DeathDate);
        Assert.Equal(110101, Found(registry, leaves).ResidenceRegion);
        Assert.Equal(330303, Found(registry, arrives).ResidenceRegion);
        Assert.Equal(330304, Found(registry, rehoused).HukouRegion);
        Assert.Equal(rehoused.ResidenceRegion, Found(registry, rehoused).ResidenceRegion);
        var last = Found(registry, leavesThenDies);
        Assert.Equal((310101, new DateOnly(2023, 9, 30)), (last.ResidenceRegion, last.DeathDate));
        Assert.Contains(registry.EventsOf(Found(registry, arrives).PersonId),
            e => e is { Kind: PersonEventKind.MoveIn, FromRegion: 520102, ToRegion: 330303 });

        // A death ends the residence: the dead are counted before their death and not after it.
        var alive = registry.CountByAgeSexRegion(new DateOnly(2023, 4, 30)).Sum(c => c.Persons);
        Assert.Equal(alive - 1, registry.CountByAgeSexRegion(new DateOnly(2023, 5, 1)).Sum(c => c.Persons));
        Assert.Equal(alive - 2, registry.CountByAgeSexRegion(new DateOnly(2023, 9, 30)).Sum(c => c.Persons));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void BadFile_IsRefusedWhole_EveryProblemListed_NoIdentityNumberShown(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var persons = Registered(store, 300);
        var options = new ImportOptions { RegistryKey = _key };
        store.Import("person-events", TableFiles.Write(test.File("first.csv"), Header, [Row(persons[0], "death", "2022-06-01")]), options);
        var before = store.RowCounts();
        var stranger = RegistryRoundTrip.Generator(301).Generate().Last().Person;   // a valid number nobody registered

        var rows = new List<string[]>
        {
            Row(persons[1], "move_out", "2022-02-01", persons[1].ResidenceRegion, 110101),      // row 2: fine
            Row(stranger, "death", "2022-02-01"),                                                 // row 3: not registered
            Row(persons[2], "marriage", "2022-02-01"),                                            // row 4: no such event
            Row(persons[3], "move_in", Date(persons[3].BirthDate.AddDays(-1)), null, 330303),     // row 5: before birth
            Row(persons[4], "birth", "2022-02-01", null, 330302),                                 // row 6: birth on another date
            Row(persons[5], "move_in", "2022-02-01"),                                             // row 7: no destination
            Row(persons[6], "move_out", "2022-02-01", null, 110101),                              // row 8: no origin
            Row(persons[0], "move_in", "2023-01-01", 110101, 330303),                             // row 9: already dead
            Row(persons[7], "death", "2022-03-01"),                                               // row 10: fine
            Row(persons[7], "hukou_change", "2022-04-01", null, 330302),                          // row 11: after that death
            Row(persons[8], "hukou_change", "2022-02-01", null, 990101),                          // row 12: no such province
            Row(persons[9], "move_in", "2022-02-01", null, 330399),                               // row 13: not a county of the city
            Row(persons[10], "death", "2999-01-01"),                                              // row 14: after today
        };
        var file = TableFiles.Write(test.File("bad.csv"), Header, rows);

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("person-events", file, options));

        Assert.Equal(before, store.RowCounts());
        var problems = ex.Errors.Select(e => (e.Row, e.Column)).ToHashSet();
        Assert.Equal(
            new HashSet<(int, string?)>
            {
                (3, "national_id"), (4, "event"), (5, "event_date"), (6, "event_date"), (7, "to_region"), (8, "from_region"),
                (9, "event"), (11, "event"), (12, "to_region"), (13, "to_region"), (14, "event_date"),
            },
            problems);
        Assert.All(ex.Errors, e => Assert.Equal("bad.csv", Path.GetFileName(e.File)));
        Assert.Contains("not registered", ex.Errors.Single(e => e.Row == 3).Reason, StringComparison.Ordinal);
        Assert.Contains("died on 2022-06-01", ex.Errors.Single(e => e.Row == 9).Reason, StringComparison.Ordinal);
        Assert.Contains("died on 2022-03-01", ex.Errors.Single(e => e.Row == 11).Reason, StringComparison.Ordinal);

        var text = ex.Message + string.Join('\n', ex.Errors.Select(e => e.ToString()));
        foreach (var number in rows.Select(r => r[0]))
        {
            Assert.DoesNotContain(number, text, StringComparison.Ordinal);
            Assert.DoesNotContain(number[6..], text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void NumberInAnotherColumn_IsShownMasked(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var persons = Registered(store, 50);
        var before = store.RowCounts();
        var ids = persons.Take(3).Select(p => p.NationalId.Disclose()).ToList();
        string[][] rows =
        [
            [ids[0], "move_in", "2022-02-01", "", ids[0]],                                       // row 2: the number in to_region
            [ids[1], "death", ids[1], "", ""],                                                    // row 3: in event_date
            [ids[2], "move_out", "2022-02-01", ids[2], "110101"],                                 // row 4: in from_region
        ];
        var file = TableFiles.Write(test.File("shifted.csv"), Header, rows);

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("person-events", file, new ImportOptions { RegistryKey = _key }));

        Assert.Equal(before, store.RowCounts());
        Assert.Equal([(2, "to_region"), (3, "event_date"), (4, "from_region")], ex.Errors.Select(e => (e.Row, e.Column)));
        Assert.All(ex.Errors, e => Assert.Equal(NationalIdNumber.Mask(ids[e.Row - 2]), e.Value));
        PersonsImportTests.AssertNothingShownInFull(ex, ids, []);
    }

    private List<Person> Registered(IPopulusStore store, int count)
    {
        using var registry = store.OpenRegistry(_key);
        registry.Load(RegistryRoundTrip.Generator(count));
        return [.. RegistryRoundTrip.Generator(count).Generate().Select(p => p.Person)];
    }

    private static Person Found(PersonRegistry registry, Person person) =>
        registry.FindByNationalId(person.NationalId) ?? throw new InvalidOperationException("not found");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Row(Person person, string kind, string date, int? from = null, int? to = null) =>
    [
        person.NationalId.Disclose(), kind, date,
        from?.ToString(CultureInfo.InvariantCulture) ?? "", to?.ToString(CultureInfo.InvariantCulture) ?? "",
    ];
}
