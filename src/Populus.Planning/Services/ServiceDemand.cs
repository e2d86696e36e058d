using Populus.Demography;
using Populus.Planning.Scenarios;

namespace Populus.Planning.Services;

/// <summary>
/// Public-service demand from a scenario projection: for each region (the projection's regions, the city, and any
/// listed grouping of them) and year, residents of the ages a standard serves × the standard's rate.
/// </summary>
/// <remarks>Demand is a standard applied to projected residents (the normative method of facility planning): it says
/// what the plan's own provision rates imply for the projected population, not what will be used. A grouping's and
/// the city's figures are the sums over their regions, so they add up exactly.</remarks>
public static class ServiceDemand
{
    /// <param name="regions">Names of the projection's regions, of the city, or groupings with their member regions.</param>
    /// <exception cref="ArgumentException">A region is neither in the projection nor a grouping of its regions, or a year is outside it.</exception>
    public static IReadOnlyList<ServiceDemandRow> Compute(
        ScenarioProjection projection,
        IReadOnlyList<ServiceStandard> standards,
        IEnumerable<(string Name, IReadOnlyList<string> Members)> regions,
        int firstYear,
        int lastYear)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(regions);
        if (firstYear < projection.BaseYear || lastYear > projection.LastYear || firstYear > lastYear)
        {
            throw new ArgumentException($"years {firstYear}–{lastYear} are outside the projection {projection.BaseYear}–{projection.LastYear}.", nameof(firstYear));
        }

        var rows = new List<ServiceDemandRow>();
        var ages = projection.Ages;
        foreach (var (name, members) in regions)
        {
            var indices = members.Select(m =>
            {
                var i = projection.IndexOf(m);
                return i >= 0 ? i : throw new ArgumentException($"{name}: member {m} is not a region of the projection ({string.Join(", ", projection.Regions)}).", nameof(regions));
            }).ToArray();
            for (var year = firstYear; year <= lastYear; year++)
            {
                var byAge = new double[ages.Count];
                foreach (var c in indices)
                {
                    projection.AddPopulation(year, c, null, Sex.Male, byAge);
                    projection.AddPopulation(year, c, null, Sex.Female, byAge);
                }

                foreach (var s in standards)
                {
                    var residents = Sum(byAge, ages, s.AgeFrom, s.AgeTo);
                    rows.Add(new ServiceDemandRow(projection.Scenario.Name, name, year, s, residents, s.DemandOf(residents)));
                }
            }
        }

        return rows;
    }

    /// <summary>The projection's regions one by one, then the city as the sum of all of them.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<string> Members)> RegionsAndCity(ScenarioProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        foreach (var r in projection.Regions)
        {
            yield return (r, [r]);
        }

        yield return (projection.Model.City, [.. projection.Regions]);
    }

    /// <summary>The quantiles (<see cref="Demography.Stochastic.TrajectoryResults.Probabilities"/>) of a standard's demand
    /// in <paramref name="year"/> in a region whose pyramid <paramref name="run"/> keeps with the standard's ages: the
    /// quantiles of the residents served, each times the standard (a constant rate scales every quantile alike).</summary>
    /// <exception cref="ArgumentException">The run keeps no pyramid of the region or not the standard's ages, or the year is not projected.</exception>
    public static double[] Quantiles(Probability.ScenarioRun run, ServiceStandard standard, string region, int year)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(standard);
        var residents = run.ResidentsQuantiles(region, year, standard.Ages);
        var result = new double[residents.Length];
        for (var q = 0; q < result.Length; q++)
        {
            result[q] = standard.DemandOf(residents[q]);
        }

        return result;
    }

    /// <summary>A region of the projection, the city, or a grouping of <paramref name="registry"/> made only of the
    /// projection's regions (中心城区), with the projection's regions it sums; null for any other place.</summary>
    public static (string Name, IReadOnlyList<string> Members)? Place(ScenarioProjection projection, Catalogue.RegionRegistry registry, string region)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(registry);
        var own = projection.Regions.ToDictionary(registry.KeyOrSelf, r => r, StringComparer.Ordinal);
        var key = registry.KeyOrSelf(region);
        if (own.TryGetValue(key, out var single))
        {
            return (region, [single]);
        }

        if (key == registry.KeyOrSelf(projection.Model.City))
        {
            return (region, [.. projection.Regions]);
        }

        return registry.Contains(key) && registry[key].Members is { Count: > 0 } members && members.All(m => own.ContainsKey(registry.KeyOrSelf(m)))
            ? (region, [.. members.Select(m => own[registry.KeyOrSelf(m)])])
            : null;
    }

    private static double Sum(ReadOnlySpan<double> byAge, AgeGroups ages, int from, int? to)
    {
        var sum = 0.0;
        for (var i = 0; i < byAge.Length; i++)
        {
            var start = ages.Start(i);
            if (start >= from && (to is null || start <= to))
            {
                sum += byAge[i];
            }
        }

        return sum;
    }
}
