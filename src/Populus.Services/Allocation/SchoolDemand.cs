using Populus.Demography;
using Populus.Storage.Services;

namespace Populus.Services.Allocation;

/// <summary>
/// Demand for points-based school places against the projected school-age population of each district and year:
/// how many applied, how many places there are, and how many children of the school ages the projection expects.
/// The projection is an input (<see cref="PopulationByAgeSex"/> per district and year, e.g. the Wenzhou scenarios),
/// not recomputed here.
/// </summary>
public static class SchoolDemand
{
    /// <param name="fromAge">First school age (6 for primary school).</param>
    /// <param name="toAge">Last school age, inclusive (11 for primary, 14 for compulsory education).</param>
    /// <exception cref="ArgumentException">An age group of the projection straddles a school-age bound (no silent interpolation).</exception>
    public static IReadOnlyList<DemandRow> Compare(IReadOnlyDictionary<(string Region, int Year), PopulationByAgeSex> projection,
        IReadOnlyDictionary<string, int> applicantsByRegion, IReadOnlyDictionary<string, int> placesByRegion, int fromAge, int toAge)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (fromAge < 0 || toAge < fromAge)
        {
            throw new ArgumentException($"school ages {fromAge}-{toAge} are not a range.", nameof(toAge));
        }

        return [.. projection.OrderBy(p => p.Key.Region, StringComparer.Ordinal).ThenBy(p => p.Key.Year).Select(p =>
        {
            var children = SchoolAge(p.Value, fromAge, toAge, p.Key.Region, p.Key.Year);
            var applicants = applicantsByRegion.GetValueOrDefault(p.Key.Region);
            var places = placesByRegion.GetValueOrDefault(p.Key.Region);
            return new DemandRow(p.Key.Region, p.Key.Year, children, applicants, places,
                places == 0 ? null : (double)applicants / places, children == 0 ? null : 1000.0 * places / children);
        })];
    }

    /// <summary>Applicants by the region of their first preference's quota, and places by region, of a round's quotas.</summary>
    public static (Dictionary<string, int> Applicants, Dictionary<string, int> Places) ByRegion(IEnumerable<ApplicationRecord> applications, IReadOnlyList<Quota> quotas)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(quotas);
        var regionOf = quotas.ToDictionary(q => q.QuotaId, q => q.RegionCode, StringComparer.Ordinal);
        var applicants = applications.Select(a => a.Preferences.Split(';')[0]).Where(regionOf.ContainsKey)
            .GroupBy(q => regionOf[q]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var places = quotas.GroupBy(q => q.RegionCode).ToDictionary(g => g.Key, g => g.Sum(q => q.Places), StringComparer.Ordinal);
        return (applicants, places);
    }

    private static double SchoolAge(PopulationByAgeSex population, int from, int to, string region, int year)
    {
        var ages = population.Ages;
        var total = 0.0;
        for (var g = 0; g < ages.Count; g++)
        {
            var start = ages.Start(g);
            var end = ages.IsOpen(g) ? int.MaxValue : start + ages.Width(g) - 1;
            if (end < from || start > to)
            {
                continue;
            }

            if (start < from || end > to)
            {
                throw new ArgumentException($"{region} {year}: age group {ages.Label(g)} straddles the school ages {from}-{to}; give single years of age.");
            }

            total += population.Male[g] + population.Female[g];
        }

        return total;
    }
}

/// <summary>One district and year: projected children of school age, applicants, places, applicants per place, places per 1,000 children.</summary>
public sealed record DemandRow(string Region, int Year, double SchoolAgeChildren, int Applicants, int Places, double? ApplicantsPerPlace, double? PlacesPer1000Children);
