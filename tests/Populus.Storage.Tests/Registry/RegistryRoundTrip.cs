using Populus.Demography;
using Populus.Planning.Data;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

/// <summary>The checks every engine's registry must pass; each engine's test class supplies an empty registry.</summary>
internal static class RegistryRoundTrip
{
    public static readonly DateOnly AsOf = RegistryGenerator.DefaultReferenceDate;

    public static RegistryGenerator Generator(int persons) => new(RegistryTestData.Calibration, persons, seed: 42);

    /// <summary>Loads generated persons and checks counts, aggregates (against counts made here from the objects) and look-ups.</summary>
    public static void LoadAggregateAndFind(PersonRegistry registry, int persons)
    {
        var generator = Generator(persons);
        var expected = generator.Generate().Select(p => p.Person).ToList();
        long lastProgress = 0;
        var loaded = registry.Load(generator, new SyncProgress(n => lastProgress = n));
        Assert.Equal(persons, loaded);
        Assert.Equal(persons, lastProgress);
        Assert.Equal(persons, registry.Count());

        var cells = registry.CountByAgeSexRegion(AsOf);
        Assert.Equal(persons, cells.Sum(c => c.Persons));
        var expectedCells = expected
            .GroupBy(p => (Math.Min(AgeOn(p.BirthDate, AsOf), 100), p.Sex, p.ResidenceRegion, p.UrbanRural))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expectedCells.Count, cells.Count);
        Assert.All(cells, c => Assert.Equal(expectedCells[(c.Age, c.Sex, c.Region, c.UrbanRural)], c.Persons));

        var byHukou = registry.CountByAgeSexRegion(AsOf, RegionBasis.Hukou, openAge: 85);
        Assert.Equal(persons, byHukou.Sum(c => c.Persons));
        Assert.Equal(85, byHukou.Max(c => c.Age));
        foreach (var region in byHukou.GroupBy(c => c.Region))
        {
            Assert.Equal(expected.Count(p => p.HukouRegion == region.Key), region.Sum(c => c.Persons));
        }

        var hukouResidence = registry.CountHukouAndResidence(AsOf);
        foreach (var row in hukouResidence)
        {
            Assert.Equal(expected.Count(p => p.ResidenceRegion == row.Region), row.Residents);
            Assert.Equal(expected.Count(p => p.HukouRegion == row.Region), row.HukouHolders);
            Assert.Equal(expected.Count(p => p.ResidenceRegion == row.Region && p.HukouRegion == row.Region), row.ResidentHukouHolders);
        }

        // Before anyone in the sample was born to the last age: earlier dates count fewer persons.
        Assert.True(registry.CountByAgeSexRegion(RegistryGenerator.Baseline).Sum(c => c.Persons) < persons);

        foreach (var person in expected.Where((_, i) => i % (persons / 25) == 0))
        {
            Assert.Equal(person, registry.FindByNationalId(person.NationalId));
        }

        var unknown = NationalIdNumber.Create(330302, new DateOnly(1900, 1, 1), 999);
        Assert.Null(registry.FindByNationalId(unknown));
    }

    /// <summary>Adds a person, records events and checks their effect on the counts.</summary>
    public static void AddAndRecordEvents(PersonRegistry registry)
    {
        var birth = new DateOnly(1985, 6, 1);
        var person = new Person(1_000_001, NationalIdNumber.Create(330381, birth, 5), Sex.Male, birth, 330381, 330381,
            UrbanRural.Rural, EducationLevel.JuniorSecondary, ResidencePermitStatus.NotRequired);
        registry.Add(person);
        Assert.Equal(person, registry.FindByNationalId(person.NationalId));
        Assert.Throws<InvalidOperationException>(() => registry.Add(person));

        registry.RecordEvent(new PersonEvent(person.PersonId, PersonEventKind.MoveIn, new DateOnly(2021, 3, 1), 330381, 330302));
        registry.RecordEvent(new PersonEvent(person.PersonId, PersonEventKind.HukouChange, new DateOnly(2021, 4, 1), 330381, 330302));
        Assert.Equal(330302, registry.FindByNationalId(person.NationalId)!.ResidenceRegion);
        Assert.Equal(330302, registry.FindByNationalId(person.NationalId)!.HukouRegion);
        Assert.Throws<InvalidOperationException>(() =>
            registry.RecordEvent(new PersonEvent(person.PersonId, PersonEventKind.Death, new DateOnly(1980, 1, 1))));
        Assert.Throws<InvalidOperationException>(() =>
            registry.RecordEvent(new PersonEvent(999_999_999, PersonEventKind.Death, new DateOnly(2021, 1, 1))));

        var before = registry.CountByAgeSexRegion(new DateOnly(2021, 6, 30)).Single(c => c.Region == 330302);
        Assert.Equal((36, Sex.Male, 1L), (before.Age, before.Sex, before.Persons));
        registry.RecordEvent(new PersonEvent(person.PersonId, PersonEventKind.Death, new DateOnly(2021, 7, 1)));
        Assert.Empty(registry.CountByAgeSexRegion(new DateOnly(2021, 7, 1)));
        Assert.Single(registry.CountByAgeSexRegion(new DateOnly(2021, 6, 30)));
        Assert.Throws<InvalidOperationException>(() =>
            registry.RecordEvent(new PersonEvent(person.PersonId, PersonEventKind.MoveIn, new DateOnly(2021, 8, 1), toRegion: 330303)));

        var events = registry.EventsOf(person.PersonId);
        Assert.Equal([PersonEventKind.MoveIn, PersonEventKind.HukouChange, PersonEventKind.Death], events.Select(e => e.Kind));
        Assert.Equal(330381, events[0].FromRegion);
        Assert.Null(events[2].ToRegion);
    }

    /// <summary>A load that fails part-way leaves nothing behind.</summary>
    public static void FailedLoadLeavesNothing(PersonRegistry registry)
    {
        var persons = Generator(40_000).Generate().Select(p => p.Person).Select((p, i) =>
            i < 30_000 ? p : throw new InvalidDataException("source broke"));
        Assert.Throws<InvalidDataException>(() => registry.Load(persons));
        Assert.Equal(0, registry.Count());
    }

    public static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool and may report late).</summary>
    internal sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
