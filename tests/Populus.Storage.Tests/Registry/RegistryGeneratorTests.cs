using Populus.Demography;
using Populus.Planning.Data;
using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

public class RegistryGeneratorTests
{
    private const int N = 200_000;

    private static readonly Lazy<List<(Person Person, PersonEvent? Event)>> Sample =
        new(() => new RegistryGenerator(RegistryTestData.Calibration, N, seed: 20211231).Generate().ToList());

    // Four standard errors of a binomial share: a correct generator fails this about once in 16,000 checks.
    private static void AssertShare(double expected, long count, long n, string what)
    {
        var tolerance = 4 * Math.Sqrt(expected * (1 - expected) / n);
        var actual = (double)count / n;
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{what}: share {actual:P3} against {expected:P3} (tolerance ±{tolerance:P3})");
    }

    [Fact]
    public void Generate_IsDeterministicForASeed()
    {
        var calibration = RegistryTestData.Calibration;
        var a = new RegistryGenerator(calibration, 40_000, seed: 7).Generate().ToList();
        var b = new RegistryGenerator(calibration, 40_000, seed: 7).Generate().ToList();
        var c = new RegistryGenerator(calibration, 40_000, seed: 8).Generate().Take(1000).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a.Take(1000).Select(p => p.Person.NationalId), c.Select(p => p.Person.NationalId));
    }

    [Fact]
    public void Source_BlocksFilledOnOtherThreadsInAnyOrder_GiveTheRegistryOfOneThread()
    {
        var generator = new RegistryGenerator(RegistryTestData.Calibration, (3 * RegistryGenerator.StreamBlock) + 100, seed: 7);
        var source = generator.CreateSource();
        var blocks = new List<PersonBatch>();
        for (var batch = new PersonBatch(RegistryGenerator.StreamBlock); source.Next(batch); batch = new PersonBatch(RegistryGenerator.StreamBlock))
        {
            blocks.Add(batch);
        }

        Assert.Equal(4, blocks.Count);
        // Last block first, several at once on pool threads; then numbered in order, as the bulk loader does.
        Parallel.ForEach(Enumerable.Reverse(blocks), new ParallelOptions { MaxDegreeOfParallelism = 4 }, source.Fill);
        blocks.ForEach(source.Complete);

        var expected = generator.Generate().ToList();
        var persons = blocks.SelectMany(b => Enumerable.Range(0, b.Count).Select(i => (
            b.PersonId[i], System.Text.Encoding.ASCII.GetString(b.Id(i)), b.Sex[i], b.BirthDate[i], b.HukouRegion[i],
            b.ResidenceRegion[i], b.UrbanRural[i], b.Education[i], b.ResidencePermit[i]))).ToList();
        Assert.Equal(expected.Select(p => (p.Person.PersonId, p.Person.NationalId.Disclose(), (byte)p.Person.Sex, p.Person.BirthDate,
            p.Person.HukouRegion, p.Person.ResidenceRegion, (byte)p.Person.UrbanRural, (byte)p.Person.Education, (byte)p.Person.ResidencePermit)), persons);
        var events = blocks.SelectMany(b => Enumerable.Range(0, b.EventCount).Select(e => (b.EventPersonId[e], (PersonEventKind)b.EventKind[e], b.EventDate[e])));
        Assert.Equal(expected.Where(p => p.Event is not null).Select(p => (p.Event!.PersonId, p.Event.Kind, p.Event.Date)), events);
    }

    [Fact]
    public void Generate_ASmallerRegistryIsTheStartOfALargerOne()
    {
        // Blocks are drawn from streams fixed by (seed, block), and sequence codes issued in person order, so the
        // persons do not depend on how many follow them, even within a block.
        var calibration = RegistryTestData.Calibration;
        var smaller = new RegistryGenerator(calibration, RegistryGenerator.StreamBlock + 1_000, seed: 11).Generate().ToList();
        var larger = new RegistryGenerator(calibration, (2 * RegistryGenerator.StreamBlock) + 5, seed: 11).Generate().ToList();
        Assert.Equal(smaller, larger.Take(smaller.Count));
    }

    [Fact]
    public void Generate_GivesValidUniqueNumbersAgreeingWithSexAndBirth()
    {
        var reference = RegistryGenerator.DefaultReferenceDate;
        var numbers = new HashSet<NationalIdNumber>();
        foreach (var (person, _) in Sample.Value)
        {
            var reparsed = NationalIdNumber.Parse(person.NationalId.Disclose(), reference);
            Assert.True(reparsed.IsValid, reparsed.Reason);
            Assert.Equal(person.Sex, reparsed.Value.Sex);
            Assert.Equal(person.BirthDate, reparsed.Value.BirthDate);
            Assert.Equal(person.HukouRegion, reparsed.Value.RegionCode);
            Assert.True(numbers.Add(person.NationalId));
        }

        Assert.Equal(N, numbers.Count);
        Assert.Equal(Enumerable.Range(1, N).Select(i => (long)i), Sample.Value.Select(p => p.Person.PersonId));
    }

    [Fact]
    public void Generate_MatchesZhejiangAgeSexPatternWithinSamplingError()
    {
        var calibration = RegistryTestData.Calibration;
        var reference = RegistryGenerator.DefaultReferenceDate;
        var groups = RegistryCalibration.GroupStarts;
        var total = 0.0;
        for (var s = 0; s < 2; s++)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                total += calibration.AgeSexGroups[s, g];
            }
        }

        var counts = new long[2, groups.Length];
        foreach (var (person, _) in Sample.Value)
        {
            var age = reference.Year - person.BirthDate.Year - (reference < person.BirthDate.AddYears(reference.Year - person.BirthDate.Year) ? 1 : 0);
            Assert.InRange(age, 0, RegistryCalibration.MaxAge);
            var group = Array.FindLastIndex(groups, start => start <= age);
            counts[(int)person.Sex, group]++;
        }

        for (var s = 0; s < 2; s++)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                AssertShare(calibration.AgeSexGroups[s, g] / total, counts[s, g], N, $"{(Sex)s} aged {groups[g]}+");
            }
        }
    }

    [Fact]
    public void Generate_MatchesCountyPopulationUrbanizationEducationAndHukouShares()
    {
        var calibration = RegistryTestData.Calibration;
        var totalPopulation = calibration.Counties.Sum(c => c.Population);
        var persons = Sample.Value.Select(p => p.Person).ToList();
        foreach (var county in calibration.Counties)
        {
            var living = persons.Where(p => p.ResidenceRegion == county.Code).ToList();
            AssertShare(county.Population / totalPopulation, living.Count, N, county.Name);
            AssertShare(county.UrbanShare, living.Count(p => p.UrbanRural == UrbanRural.Urban), living.Count, $"{county.Name} urban");
        }

        var urban = calibration.Counties.Sum(c => c.Population * c.UrbanShare) / totalPopulation;
        AssertShare(urban, persons.Count(p => p.UrbanRural == UrbanRural.Urban), N, "urban");
        Assert.InRange(urban, 0.72, 0.735); // the city's published 2021 rate is 72.8%

        // Education targets hold for the census age structure; the generated ages follow it, so the shares do too.
        AssertShare(calibration.TertiaryShare, persons.Count(p => p.Education >= EducationLevel.JuniorCollege), N, "大专及以上");
        AssertShare(calibration.SeniorSecondaryShare,
            persons.Count(p => p.Education is EducationLevel.SeniorSecondary or EducationLevel.VocationalSecondary), N, "高中/中职");
        Assert.All(persons.Where(p => p.BirthDate > RegistryGenerator.DefaultReferenceDate.AddYears(-3)),
            p => Assert.Equal(EducationLevel.None, p.Education));

        var codes = calibration.Counties.Select(c => c.Code).ToHashSet();
        var outside = persons.Where(p => !codes.Contains(p.HukouRegion)).ToList();
        AssertShare(calibration.OutsideHukouShare, outside.Count, N, "hukou outside Wenzhou");
        Assert.All(outside, p => Assert.NotEqual(ResidencePermitStatus.NotRequired, p.ResidencePermit));
        Assert.All(persons.Where(p => codes.Contains(p.HukouRegion)), p => Assert.Equal(ResidencePermitStatus.NotRequired, p.ResidencePermit));
    }

    [Fact]
    public void Generate_RecordsBirthsSinceTheBaselineAndArrivalsOfPersonsWithHukouElsewhere()
    {
        foreach (var (person, e) in Sample.Value)
        {
            if (person.BirthDate >= RegistryGenerator.Baseline)
            {
                Assert.Equal(PersonEventKind.Birth, e!.Kind);
                Assert.Equal(person.BirthDate, e.Date);
            }
            else if (person.HukouRegion != person.ResidenceRegion)
            {
                Assert.Equal(PersonEventKind.MoveIn, e!.Kind);
                Assert.Equal(person.ResidenceRegion, e.ToRegion);
                Assert.InRange(e.Date, person.BirthDate, RegistryGenerator.DefaultReferenceDate);
            }
            else
            {
                Assert.Null(e);
            }
        }
    }

    [Fact]
    public void Calibration_ReadsThePublishedFigures()
    {
        var calibration = RegistryTestData.Calibration;
        Assert.Equal(12, calibration.Counties.Count);
        Assert.Equal(9_645_000, calibration.Counties.Sum(c => c.Population), 0.01 * 9_645_000); // city total 964.5万
        Assert.Equal(10_970_312.0 / 64_567_588, calibration.TertiaryShare, 12);
        Assert.Equal(1 - (831.8 / 967.9), calibration.OutsideHukouShare, 12);
        var total = 0.0;
        foreach (var v in calibration.AgeSexGroups)
        {
            total += v;
        }

        Assert.Equal(64_567_588, total);
    }
}
