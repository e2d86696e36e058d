using Populus.Demography;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Registry;

/// <summary>The `persons` import kind: registry records through the store's import mechanism, on both engines.</summary>
public sealed class PersonsImportTests : IDisposable
{
    private static readonly string[] Header =
        ["national_id", "sex", "birth_date", "hukou_region", "residence_region", "urban_rural", "education", "permit_status"];

    private readonly RegistryKey _key = RegistryTestData.NewKey();

    public void Dispose() => _key.Dispose();

    public static TheoryData<string, string> EnginesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in TestStore.EngineNames)
        {
            data.Add(engine, ".csv");
            data.Add(engine, ".parquet");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void Persons_AreRegistered_AndTheSameFileAgainChangesNothing(string engine, string extension)
    {
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var persons = Persons(300);
        var file = TableFiles.Write(test.File("persons" + extension), Header, persons.Select(Row));
        var options = new ImportOptions { RegistryKey = _key };

        var result = store.Import("persons", file, options);
        var again = store.Import("persons", file, options);

        Assert.Equal(300, result.Rows);
        Assert.True(again.AlreadyImported);
        using var registry = store.OpenRegistry(_key);
        Assert.Equal(300, registry.Count());
        foreach (var person in persons.Where((_, i) => i % 37 == 0))
        {
            var found = registry.FindByNationalId(person.NationalId);
            Assert.NotNull(found);
            Assert.Equal((person.Sex, person.BirthDate, person.HukouRegion, person.ResidenceRegion, person.UrbanRural, person.Education, person.ResidencePermit),
                (found.Sex, found.BirthDate, found.HukouRegion, found.ResidenceRegion, found.UrbanRural, found.Education, found.ResidencePermit));
        }

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i).ToHashSet(),
            persons.Select(p => registry.FindByNationalId(p.NationalId)!.PersonId).ToHashSet());
        Assert.Single(store.Batches(), b => b.Kind == "persons");
    }

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void GeneratedRegistryFile_ImportsAsItIs(string engine, string extension)
    {
        // generate-registry --out writes "synthetic test data for imports" (docs/registry.md): the persons import takes it unchanged.
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var file = test.File("generated" + extension);
        Assert.Equal(300, RegistryExport.Write(RegistryRoundTrip.Generator(300), file));

        Assert.Equal(300, store.Import("persons", file, new ImportOptions { RegistryKey = _key }).Rows);

        using var registry = store.OpenRegistry(_key);
        foreach (var person in Persons(300))
        {
            Assert.Equal(person, registry.FindByNationalId(person.NationalId));
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void BadFile_IsRefusedWhole_EveryProblemListed_NoIdentityNumberShown(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var persons = Persons(12);
        var options = new ImportOptions { RegistryKey = _key };
        store.Import("persons", TableFiles.Write(test.File("first.csv"), Header, persons.Take(3).Select(Row)), options);
        var before = store.RowCounts();

        var rows = persons.Skip(3).Select(Row).ToList();   // file rows 2..10
        var id = rows[0][0];
        rows[0][0] = id[..17] + (id[17] == '0' ? '1' : '0');                                    // row 2: check character
        rows[1][0] = rows[1][0][..10] + "13" + rows[1][0][12..];                                 // row 3: month 13
        rows[2][1] = rows[2][1] == "male" ? "female" : "male";                                   // row 4: sex disagrees
        rows[3][2] = "1901-01-01";                                                               // row 5: birth date disagrees
        rows[4][4] = "330399";                                                                   // row 6: unknown region
        rows[5][3] = "990101";                                                                   // row 7: no such province
        rows[6][0] = rows[5][0];                                                                 // row 8: duplicate of row 7
        rows.Add(Row(persons[0]));                                                               // row 11: already registered
        rows[7][6] = "kindergarten";                                                             // row 9: education
        var file = TableFiles.Write(test.File("bad.csv"), Header, rows);

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("persons", file, options));

        Assert.Equal(before, store.RowCounts());
        var problems = ex.Errors.Select(e => (e.Row, e.Column)).ToList();
        Assert.Contains((2, "national_id"), problems);
        Assert.Contains((3, "national_id"), problems);
        Assert.Contains((4, "sex"), problems);
        Assert.Contains((5, "birth_date"), problems);
        Assert.Contains((6, "residence_region"), problems);
        Assert.Contains((7, "hukou_region"), problems);
        Assert.Contains((8, "national_id"), problems);
        Assert.Contains((9, "education"), problems);
        Assert.Contains((11, "national_id"), problems);
        Assert.DoesNotContain(ex.Errors, e => e.Row == 10);
        Assert.Contains("check character", ex.Errors.Single(e => e.Row == 2).Reason, StringComparison.Ordinal);
        Assert.Contains("already registered", ex.Errors.Single(e => e.Row == 11).Reason, StringComparison.Ordinal);
        Assert.Contains("row 7", ex.Errors.Single(e => e.Row == 8 && e.Column == "national_id").Reason, StringComparison.Ordinal);

        // No full number, nor its birth-date-sequence-check tail, in the message or in any listed value.
        var text = ex.Message + string.Join('\n', ex.Errors.Select(e => e.ToString()));
        foreach (var number in rows.Select(r => r[0]).Append(id))
        {
            Assert.DoesNotContain(number, text, StringComparison.Ordinal);
            Assert.DoesNotContain(number[6..], text, StringComparison.Ordinal);
        }

        Assert.Contains(ex.Errors, e => e.Value is { } v && v.Contains("********", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ShiftedColumns_ShowEveryValueMasked_NoNumberNorBirthDateInFull(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var before = store.RowCounts();
        var persons = Persons(7);
        var rows = persons.Select(Row).ToList();   // file rows 2..8
        var ids = rows.Select(r => r[0]).ToList();
        var births = rows.Select(r => r[2]).ToList();
        rows[0][1] = ids[0];                       // row 2: the number in sex
        rows[1][3] = ids[1];                       // row 3: in hukou_region
        rows[2][2] = ids[2];                       // row 4: in birth_date
        rows[3][5] = ids[3];                       // row 5: in urban_rural
        rows[4] = ["", .. rows[4][..^1]];          // row 6: every cell one column to the right: the number in sex, the birth date in hukou_region
        var file = TableFiles.Write(test.File("shifted.csv"), Header, rows);

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("persons", file, new ImportOptions { RegistryKey = _key }));

        Assert.Equal(before, store.RowCounts());
        Assert.Equal([(2, "sex"), (3, "hukou_region"), (4, "birth_date"), (5, "urban_rural")],
            ex.Errors.Where(e => e.Row < 6).Select(e => (e.Row, e.Column)));
        Assert.All(ex.Errors.Where(e => e.Row < 6), e => Assert.Equal(NationalIdNumber.Mask(ids[e.Row - 2]), e.Value));
        Assert.Equal(NationalIdNumber.Mask(ids[4]), ex.Errors.Single(e => (e.Row, e.Column) == (6, "sex")).Value);
        Assert.Equal("**********", ex.Errors.Single(e => (e.Row, e.Column) == (6, "hukou_region")).Value);
        Assert.DoesNotContain(ex.Errors, e => e.Row > 6);
        AssertNothingShownInFull(ex, ids, births);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void FileWithoutItsHeader_DoesNotListTheFirstPersonsCells(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = (SqlStore)test.Open();
        var rows = Persons(3).Select(Row).ToList();
        var file = TableFiles.Write(test.File("no-header.csv"), rows[0], rows.Skip(1));

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("persons", file, new ImportOptions { RegistryKey = _key }));

        Assert.Equal(Header, ex.Errors.Select(e => e.Column));
        Assert.All(ex.Errors, e => Assert.Equal(1, e.Row));
        AssertNothingShownInFull(ex, [rows[0][0]], [rows[0][2]]);
    }

    /// <summary>No number, nor its date-sequence-check tail, nor a birth date, in the message or any problem in either language.</summary>
    internal static void AssertNothingShownInFull(InvalidInputException ex, IEnumerable<string> numbers, IEnumerable<string> births)
    {
        var text = ex.Message + string.Join('\n', ex.Errors.Select(e => e + " " + e.ReasonZh));
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(number, text, StringComparison.Ordinal);
            Assert.DoesNotContain(number[6..], text, StringComparison.Ordinal);
        }

        Assert.All(births, birth => Assert.DoesNotContain(birth, text, StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherKey_IsRefused_AndChangesNothing()
    {
        using var test = TestStore.Create("duckdb");
        using var store = (SqlStore)test.Open();
        var file = TableFiles.Write(test.File("p.csv"), Header, Persons(5).Select(Row));
        store.Import("persons", file, new ImportOptions { RegistryKey = _key });
        var before = store.RowCounts();
        using var other = RegistryTestData.NewKey();
        var second = TableFiles.Write(test.File("q.csv"), Header, Persons(8).Skip(5).Select(Row));

        Assert.Throws<RegistryKeyMismatchException>(() => store.Import("persons", second, new ImportOptions { RegistryKey = other }));
        Assert.Equal(before, store.RowCounts());
    }

    private static List<Person> Persons(int count) =>
        [.. RegistryRoundTrip.Generator(count).Generate().Select(p => p.Person)];

    private static string[] Row(Person p) =>
    [
        p.NationalId.Disclose(), p.Sex == Sex.Male ? "male" : "female", p.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        p.HukouRegion.ToString(System.Globalization.CultureInfo.InvariantCulture), p.ResidenceRegion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        p.UrbanRural == UrbanRural.Urban ? "urban" : "rural", p.Education.ToString(), p.ResidencePermit.ToString(),
    ];
}
