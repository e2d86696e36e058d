using Populus.Demography;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;

namespace Populus.Planning.Indicators;

/// <summary>
/// <see cref="IIndicatorData"/> with groupings resolved: a region's own figure when the data hold one, otherwise
/// the sum over its members (from <see cref="RegionRegistry"/>). A sum is only given when every member has a
/// figure; otherwise the reason names the first member without one.
/// </summary>
internal sealed class RegionalData(IIndicatorData data, RegionRegistry regions)
{
    public IIndicatorData Source => data;

    public RegionRegistry Regions => regions;

    public DataResult<AgeSexCounts> Counts(PopulationKind? kind, bool births, string region, int year)
    {
        // The region's own figure first: a formula asks for counts several times a year, and only a grouping without
        // figures of its own needs the summing below.
        var own = OwnCounts(kind, births, region, year);
        return own.HasValue ? own : CountsOfMembers(kind, births, region, year, own);
    }

    public DataResult<EducationCounts> Education(string region, int year) =>
        Resolve(region, year, data.Education, SumEducation);

    public DataResult<double> Series(string name, string region, int year) =>
        Resolve(region, year, (r, y) => data.Series(name, r, y), parts => (parts.Sum(), null));

    // Apart from Counts: the closure over its parameters would otherwise be made on every call.
    private DataResult<AgeSexCounts> CountsOfMembers(PopulationKind? kind, bool births, string region, int year, DataResult<AgeSexCounts> own) =>
        OfMembers(region, year, own, (r, y) => OwnCounts(kind, births, r, y), SumCounts);

    private DataResult<AgeSexCounts> OwnCounts(PopulationKind? kind, bool births, string region, int year) =>
        births ? data.Births(region, year) : kind is { } k ? data.Population(k, region, year) : data.Deaths(region, year);

    private DataResult<T> Resolve<T>(string region, int year, Func<string, int, DataResult<T>> get, Func<IReadOnlyList<T>, (T? Sum, string? Problem)> sum)
        where T : notnull =>
        OfMembers(region, year, get(region, year), get, sum);

    /// <summary><paramref name="own"/> when it has a value or the region is no grouping; otherwise the sum of the members' figures.</summary>
    private DataResult<T> OfMembers<T>(string region, int year, DataResult<T> own, Func<string, int, DataResult<T>> get, Func<IReadOnlyList<T>, (T? Sum, string? Problem)> sum)
        where T : notnull
    {
        if (own.HasValue || !regions.Contains(region) || regions[region].Members.Count == 0)
        {
            return own;
        }

        var parts = new List<T>();
        Provenance? provenance = null;
        foreach (var member in regions[region].Members)
        {
            var part = Resolve(member, year, get, sum);
            if (!part.HasValue)
            {
                return DataResult<T>.Missing(new Reason(
                    $"{regions.NameOf(region)} has no figure of its own ({own.MissingReason!.English}) and its member {regions.NameOf(member)} has none",
                    $"{regions.NameOf(region)}没有自身的数值（{own.MissingReason!.Chinese}），其成员{regions.NameOf(member)}也没有").Because(part.MissingReason));
            }

            parts.Add(part.Value);
            provenance = provenance is null ? part.Provenance : provenance.Combine(part.Provenance);
        }

        var (total, problem) = sum(parts);
        return problem is null && total is not null
            ? DataResult<T>.Found(total, provenance!.Combine(Provenance.SumOfMembers(regions.NameOf(region))))
            : DataResult<T>.Missing(new($"{regions.NameOf(region)}'s members cannot be summed: {problem}", $"{regions.NameOf(region)}的成员无法加总（{problem}）"));
    }

    private static (AgeSexCounts? Sum, string? Problem) SumCounts(IReadOnlyList<AgeSexCounts> parts)
    {
        var ages = parts[0].Ages;
        if (parts.Any(p => !p.Ages.Equals(ages)))
        {
            return (null, $"their age groups differ ({string.Join(" vs ", parts.Select(p => p.Ages.ToString()).Distinct())})");
        }

        if (parts.All(p => p.BySex is not null))
        {
            var male = SumSchedules(parts.Select(p => p.BySex!.Male));
            var female = SumSchedules(parts.Select(p => p.BySex!.Female));
            return (AgeSexCounts.Split(new PopulationByAgeSex(male, female)), null);
        }

        return (AgeSexCounts.BothSexes(SumSchedules(parts.Select(p => p.Total))), null);
    }

    private static (EducationCounts? Sum, string? Problem) SumEducation(IReadOnlyList<EducationCounts> parts)
    {
        var ages = parts[0].Ages;
        if (parts.Any(p => !p.Ages.Equals(ages)))
        {
            return (null, "their education tables use different age groups");
        }

        return (new EducationCounts([.. EducationLevels.All.Select(l => SumSchedules(parts.Select(p => p[l])))]), null);
    }

    private static PopulationByAge SumSchedules(IEnumerable<PopulationByAge> schedules)
    {
        PopulationByAge? first = null;
        double[]? sum = null;
        foreach (var s in schedules)
        {
            first ??= s;
            sum ??= new double[s.Count];
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += s[i];
            }
        }

        return new PopulationByAge(first!.Ages, sum);
    }
}
