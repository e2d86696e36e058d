using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Store;

public class ImportTests
{
    private const string CensusHeader = "reference_date,region,sex,age,residence,education,persons,figure_kind,source_id";

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Census_RoundTripsEveryFigureWithItsProvenance(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var file = Samples.CensusFile(t, "census2020.csv");

        var result = store.Import("census", file);

        Assert.False(result.AlreadyImported);
        Assert.Equal(2 * 37, result.Rows);
        var lucheng = store.Population("330302", 2010);
        Assert.Equal(37, lucheng.Count);
        var total = Assert.Single(lucheng, f => f is { Sex: "total", Age: "total" });
        Assert.Equal(1_167_164, total.Persons);
        Assert.Equal(Samples.Census2010, total.ReferenceDate);
        Assert.Equal("census2020.csv", total.Batch);
        // The source row S06 of data/wenzhou/sources.csv lends its title, publisher and confidence.
        Assert.Equal(new Provenance(FigureKind.Observed, "S06", "鹿城区2020年第七次全国人口普查主要数据公报",
            "third-party mirror of 鹿城区统计局 bulletin", null, "medium-high", null), total.Provenance);
        Assert.Equal(["0-4", "5-9"], lucheng.Where(f => f.Sex == "male").Take(2).Select(f => f.Age));
        Assert.Equal("85+", lucheng.Last(f => f.Sex == "male").Age);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Census_OptionalColumnsAndDefaults(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var file = TableFiles.Write(t.File("urban.csv"), """
            year,region,residence,education,persons
            2021,330383,城镇,大学本科,1000
            2021,330383,rural,total,2000
            """);
        var provenance = new Provenance(FigureKind.Estimated, "OWN", "own estimate", "planning office", new DateOnly(2022, 3, 1), "medium", "interpolated");

        store.Import("census", file, new ImportOptions { Provenance = provenance, Batch = "urban-2021" });

        var figures = store.Population("330383", 2021);
        Assert.Equal(2, figures.Count);
        Assert.All(figures, f => Assert.Equal(new DateOnly(2021, 12, 31), f.ReferenceDate));
        Assert.All(figures, f => Assert.Equal(provenance, f.Provenance));
        Assert.Contains(figures, f => f is { Residence: "urban", Education: "bachelor", Sex: "total", Age: "total", Persons: 1000 });
    }

    public static TheoryData<string, string> EnginesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in TestStore.EngineNames)
        {
            foreach (var ext in new[] { ".csv", ".xlsx", ".parquet" })
            {
                data.Add(engine, ext);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void BadFile_IsRejectedWhole_WithEveryBadRow_InEveryFormat(string engine, string extension)
    {
        using var t = TestStore.Create(engine);
        using var store = (SqlStore)t.Open();
        store.Import("census", Samples.CensusFile(t, "first.csv", ("330304", 900_000)));
        var before = store.RowCounts();
        var file = TableFiles.Write(t.File("bad" + extension), $"""
            {CensusHeader}
            2010-11-01,330302,total,total,total,total,1167164,observed,S06
            2010-11-01,999999,male,0-4,total,total,10,observed,S06
            2010-11-01,330302,male,3-7,total,total,10,observed,S06
            2010-11-01,330302,male,0-4,total,total,-5,observed,S06
            2010-11-01,330302,x,0-4,total,total,10,observed,S06
            2010-11-01,330302,female,0-4,total,total,10,observed,S06
            2010-11-01,330302,female,0-4,total,total,11,observed,S06
            2010-11-01,330302,female,0-14,total,total,30,observed,S06
            2010-11-01,330303012,total,total,total,total,10,observed,S06
            2010-11-01,330302,male,5-9,suburb,total,10,observed,S06
            2010-11-01,330302,male,10-14,total,phd,10,observed,S06
            2010-11-01,330302,male,15-19,total,total,abc,guessed,S06
            2010-11-01,330304,total,total,total,total,5,observed,S06
            2010-11-01,330302,male,20-24,total,total,10,observed,
            """);

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("census", file));

        var problems = ex.Errors.Select(e => (e.Row, e.Column, e.Value)).ToList();
        Assert.Equal(
        [
            (3, "region", "999999"),
            (4, "age", "3-7"),
            (5, "persons", "-5"),
            (6, "sex", "x"),
            (8, null, null),
            (9, "age", "0-14"),
            (10, "region", "330303012"),
            (11, "residence", "suburb"),
            (12, "education", "phd"),
            (13, "persons", "abc"),
            (13, "figure_kind", "guessed"),
            (14, null, null),
            (15, "source_id", null),
        ], problems);
        Assert.All(ex.Errors, e => Assert.Equal(file, e.File));
        Assert.Contains("not on the five-year grid", ex.Errors[1].Reason);
        Assert.Contains("duplicate figure: row 7", ex.Errors[4].Reason);
        Assert.Contains("overlaps age group 0-4 of row 7", ex.Errors[5].Reason);
        Assert.Contains("not valid in 2010", ex.Errors[6].Reason);
        Assert.Contains("already stored (batch 'first.csv')", ex.Errors[11].Reason);
        Assert.Equal(before, store.RowCounts());
    }

    [Theory]
    [MemberData(nameof(EnginesAndFormats))]
    public void EveryFormat_StoresTheSameFigures(string engine, string extension)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var (header, rows) = Samples.Census(("330302", 1_167_164.5));
        store.Import("census", TableFiles.Write(t.File("c" + extension), header, rows));

        var stored = store.Population("330302", 2010).Select(f => (f.Sex, f.Age, f.Persons)).ToList();
        var expected = rows.Select(r => (r[2], r[3], double.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected.ToHashSet(), stored.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Reimport_SameContent_ChangesNothing_EvenUnderAnotherName(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = (SqlStore)t.Open();
        var file = Samples.CensusFile(t, "c.csv");
        store.Import("census", file);
        var after = store.RowCounts();

        var again = store.Import("census", file);
        var renamed = store.Import("census", file, new ImportOptions { Batch = "other-name" });

        Assert.True(again.AlreadyImported);
        Assert.Equal("c.csv", renamed.Batch);
        Assert.True(renamed.AlreadyImported);
        Assert.Equal(after, store.RowCounts());
        Assert.Single(store.Imported());
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Reimport_SameBatchNameWithOtherContent_IsRefused(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = (SqlStore)t.Open();
        store.Import("census", Samples.CensusFile(t, "c.csv"));
        var after = store.RowCounts();
        var changed = Samples.CensusFile(t, "c2.csv", ("330304", 900_000));

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("census", changed, new ImportOptions { Batch = "c.csv" }));

        Assert.Contains("batch 'c.csv' was already imported from different content", ex.Errors.Single().Reason);
        Assert.Equal(after, store.RowCounts());
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void MissingColumnsAndMissingFile_AreReported(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var file = TableFiles.Write(t.File("v.csv"), "year,region,count\n2021,330302,5\n");

        var ex = Assert.Throws<InvalidInputException>(() => store.Import("vital-events", file));
        var missing = Assert.Single(ex.Errors);
        Assert.Equal((1, "event"), (missing.Row, missing.Column));

        var absent = Assert.Throws<InvalidInputException>(() => store.Import("census", t.File("nope.csv")));
        Assert.Equal("file not found", absent.Errors.Single().Reason);
        Assert.Throws<ArgumentException>(() => store.Import("weather", file));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void IdentityNumber_InAnyFile_IsShownMasked(string engine)
    {
        // A figures table is no personal file, yet a number pasted into it is masked wherever it stands: in a cell, in
        // a header the message lists (an 18-character number, an X last, and a 15-digit one of the years before 1999).
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        const string number = "11010519491231002X";
        const string old = "110105491231002";
        var cells = TableFiles.Write(t.File("c.csv"), $"{CensusHeader}\n2020-11-01,{number},total,total,total,total,5,observed,T\n2020-11-01,330302,{old},total,total,total,5,observed,T\n");
        var header = TableFiles.Write(t.File("h.csv"), $"year,region,{number}\n2021,330302,5\n");

        var inCells = Assert.Throws<InvalidInputException>(() => store.Import("census", cells));
        var inHeader = Assert.Throws<InvalidInputException>(() => store.Import("vital-events", header));

        Assert.Equal([(2, "region", "110105********002X"), (3, "sex", "110105*****1002")],
            inCells.Errors.Select(e => (e.Row, e.Column, e.Value)));
        Assert.Contains("110105********002X", inHeader.Errors[0].Reason, StringComparison.Ordinal);
        foreach (var text in new[] { inCells, inHeader }.SelectMany(ex => ex.Errors.Select(e => e + " " + e.ReasonZh).Append(ex.Message)))
        {
            Assert.DoesNotContain("19491231", text, StringComparison.Ordinal);
            Assert.DoesNotContain("491231", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void VitalEvents_BirthsByMothersAgeAndDeathsByAgeSex(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var file = TableFiles.Write(t.File("vital.csv"), """
            year,region,event,sex,age,count,figure_kind,source_id
            2021,330302,birth,male,20-24,310,observed,S02
            2021,330302,birth,female,20-24,290,observed,S02
            2021,330302,birth,total,total,600,observed,S02
            2021,330302,death,male,85+,120,observed,S02
            2021,330302,death,female,0,3,observed,S02
            """);

        store.Import("vital-events", file);

        var events = store.VitalEvents("330302", 2021);
        Assert.Equal(5, events.Count);
        Assert.Equal(600, events.Where(e => e is { Event: "birth", Sex: not "total" }).Sum(e => e.Events));
        Assert.Contains(events, e => e is { Event: "death", Sex: "male", Age: "85+", Events: 120 });
        Assert.All(events, e => Assert.Equal("S02", e.Provenance.SourceId));

        var bad = TableFiles.Write(t.File("vital-bad.csv"), """
            year,region,event,sex,age,count,figure_kind,source_id
            2018,330383,birth,male,20-24,1,observed,S02
            2021,330302,marriage,male,20-24,1,observed,S02
            2021,330302,death,male,83+,1,observed,S02
            """);
        var ex = Assert.Throws<InvalidInputException>(() => store.Import("vital-events", bad));
        Assert.Equal([(2, "region"), (3, "event"), (4, "age")], ex.Errors.Select(e => (e.Row, e.Column!)));
        Assert.Contains("not valid in 2018", ex.Errors[0].Reason);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void MigrationFlows_BetweenRegionsAndOutside(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var file = TableFiles.Write(t.File("flows.csv"), """
            year,origin,destination,sex,age,persons,figure_kind,source_id
            2022,330327,330383,total,total,1500,estimated,S02
            2022,outside,330302,male,20-24,800,estimated,S02
            2022,330302,outside,female,25-29,300,estimated,S02
            """);

        store.Import("migration", file);

        var flows = store.MigrationFlows(2022);
        Assert.Equal(3, flows.Count);
        Assert.Contains(flows, f => f is { Origin: "outside", Destination: "330302", Persons: 800 });
        Assert.All(flows, f => Assert.Equal(FigureKind.Estimated, f.Provenance.Kind));

        var bad = TableFiles.Write(t.File("flows-bad.csv"), """
            year,origin,destination,sex,age,persons,figure_kind,source_id
            2022,330302,330302,total,total,1,estimated,S02
            2022,330399,330302,total,total,1,estimated,S02
            """);
        var ex = Assert.Throws<InvalidInputException>(() => store.Import("migration", bad));
        Assert.Equal([(2, "destination"), (3, "origin")], ex.Errors.Select(e => (e.Row, e.Column!)));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void SurveyTotalsAndIndicators_RoundTrip(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Import("survey", TableFiles.Write(t.File("survey.csv"), """
            year,region,survey,measure,sex,value,figure_kind,source_id
            2015,330300,sample_1pct_2015,population,total,9118000,observed,S03
            2015,330300,sample_1pct_2015,births,total,101000,observed,S03
            """));
        store.Import("indicators", TableFiles.Write(t.File("talent.xlsx"), """
            year,region,indicator,value,unit,department,figure_kind,source_id
            2020,330300,high_skilled_talent,32.65,10k persons,市人力社保局,observed,PLAN2021
            2021,330300,new_urban_jobs,14.2,10k persons,市人力社保局,observed,PLAN2021
            2024,330329,TT44,1,centres per county-level unit,市妇联,observed,TEST
            """));
        Assert.Equal(1, Assert.Single(store.Indicators("TT44")).Value); // the plan's text targets are named in capitals

        Assert.Equal(9_118_000, store.SurveyTotals("330300", 2015).Single(s => s.Measure == "population").Value);
        var talent = Assert.Single(store.Indicators("high_skilled_talent"));
        Assert.Equal((32.65, "10k persons", "市人力社保局"), (talent.Value, talent.Unit, talent.Department));

        var bad = TableFiles.Write(t.File("ind-bad.csv"), """
            year,region,indicator,value,unit,department,figure_kind,source_id
            2021,330300,New Jobs,1,persons,人社局,observed,X
            2021,330300,new_urban_jobs,1,,人社局,observed,X
            2021,330300,44TT,1,persons,人社局,observed,X
            """);
        var ex = Assert.Throws<InvalidInputException>(() => store.Import("indicators", bad));
        Assert.Equal([(2, "indicator"), (3, "unit"), (4, "indicator")], ex.Errors.Select(e => (e.Row, e.Column!)));
        Assert.Equal(2, store.Indicators("high_skilled_talent").Count + store.Indicators("new_urban_jobs").Count); // nothing of the refused file
        var badSurvey = TableFiles.Write(t.File("survey-bad.csv"), """
            year,region,survey,measure,value,figure_kind,source_id
            2015,330300,sample_1pct_2015,weddings,5,observed,S03
            """);
        Assert.Equal("measure", Assert.Throws<InvalidInputException>(() => store.Import("survey", badSurvey)).Errors.Single().Column);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void Indicators_OutsideTheCatalogueOrInAnotherUnit_AreRefusedWithTheUnitNamed(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        // The catalogue's own unit of the birth-defect incidence (per mille), read from the file the import checks against.
        using var catalogue = CsvTable.Open(Path.Combine(TestPaths.RepoRoot, "data", "plan", "indicator-catalogue.csv"), "id", "unit");
        var perMille = catalogue.Records().Single(r => r.Text("id") == "birth_defect_incidence").Text("unit");
        var bad = TableFiles.Write(t.File("ind-units.csv"), $"""
            year,region,indicator,value,unit,department,figure_kind,source_id
            2022,330300,no_such_indicator_xyz,5,%,市教育局,observed,EXAMPLE
            2022,330300,birth_defect_incidence,0.51,%,市卫健委,observed,EXAMPLE
            2022,330300,birth_defect_incidence,0.51,apples,市卫健委,observed,EXAMPLE
            2022,330300,gdp,7000,10k persons,市统计局,observed,EXAMPLE
            2023,330300,birth_defect_incidence,5.1,{perMille},市卫健委,observed,EXAMPLE
            """);
        var ex = Assert.Throws<InvalidInputException>(() => store.Import("indicators", bad));
        Assert.Equal([(2, "indicator", "no_such_indicator_xyz"), (3, "unit", "%"), (4, "unit", "apples"), (5, "unit", "10k persons")],
            ex.Errors.Select(e => (e.Row, e.Column!, e.Value!)));
        Assert.Contains("not an indicator of the plan's catalogue", ex.Errors[0].Reason);
        Assert.Contains($"in {perMille}, not '%'", ex.Errors[1].Reason);
        Assert.Contains("单位是 " + perMille, ex.Errors[1].ReasonZh);
        Assert.Contains("CNY (or 100m CNY)", ex.Errors[3].Reason);
        Assert.Empty(store.Indicators("birth_defect_incidence")); // all or nothing: the good row is not stored either

        // The series catalogue formulas read and the bureau's rates stay importable, in the units they are read in;
        // a count the catalogue gives in 10k persons may come in persons.
        store.Import("indicators", TableFiles.Write(t.File("ind-series.csv"), """
            year,region,indicator,value,unit,department,figure_kind,source_id
            2016,330300,gdp,5000,100m CNY,市统计局,observed,EXAMPLE
            2016,330300,employed_persons,575.9,10k persons,市统计局,observed,EXAMPLE
            2016,330300,graduates,52000,persons,市教育局,observed,EXAMPLE
            2016,330300,graduates_retained,20500,persons,市教育局,observed,EXAMPLE
            2016,330300,birth_rate,6.8,per mille,市统计局,observed,EXAMPLE
            2016,330300,high_skilled_talent,330000,persons,市人力社保局,observed,EXAMPLE
            """));
        Assert.Equal(5000, Assert.Single(store.Indicators("gdp"), f => f.Year == 2016).Value);
        Assert.Equal("persons", Assert.Single(store.Indicators("high_skilled_talent"), f => f.Year == 2016).Unit);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void DocumentedExampleFiles_ImportCleanly(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var folder = Path.Combine(TestPaths.RepoRoot, "data", "examples");
        // Person-level kinds need the registry key; a PostgreSQL store has no folder to keep a default key beside.
        using var key = Populus.Storage.Registry.RegistryKey.FromBytes(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        foreach (var kind in PopulusStore.ImportKinds)
        {
            var result = store.Import(kind.Name, Path.Combine(folder, kind.Name + ".csv"), new ImportOptions { RegistryKey = key });
            Assert.True(result.Rows > 0, kind.Name);
        }
    }
}
