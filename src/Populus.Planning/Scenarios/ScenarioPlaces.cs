using Populus.Planning.Catalogue;
using Populus.Planning.Data;

namespace Populus.Planning.Scenarios;

/// <summary>
/// The places a scenario projection gives figures for, by region key: each region of the model, the city (all of
/// them), then each grouping of the registry made only of the model's regions (中心城区) — each with its regions in
/// state order and, for a grouping, the note that its figures are sums of its members. What no projection of the
/// model changes: a probabilistic run makes it once for all its trajectories.
/// </summary>
internal sealed class ScenarioPlaces
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly int[][] _regions;
    private readonly Provenance?[] _sums;

    public ScenarioPlaces(ScenarioModel model, RegionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        var counties = model.Counties;
        var places = new List<int[]>();
        for (var c = 0; c < counties.Count; c++)
        {
            _index[registry.KeyOrSelf(counties[c].Region)] = places.Count;
            places.Add([c]);
        }

        City = places.Count;
        _index[registry.KeyOrSelf(model.City)] = City;
        places.Add([.. Enumerable.Range(0, counties.Count)]);
        var sums = new List<Provenance?>(places.Select(_ => (Provenance?)null));
        // A grouping of the projection's regions is summed here in one pass, as the calculator would sum its members.
        foreach (var group in registry.All.Where(r => r.Members.Count > 0 && !_index.ContainsKey(r.Code)))
        {
            var members = group.Members.Select(m => _index.TryGetValue(registry.KeyOrSelf(m), out var place) && place < counties.Count ? place : -1).ToArray();
            if (members.All(m => m >= 0))
            {
                _index[group.Code] = places.Count;
                places.Add([.. members.Order()]);
                sums.Add(Provenance.SumOfMembers(group.Name));
            }
        }

        _regions = [.. places];
        _sums = [.. sums];
    }

    /// <summary>The registry whose keys name the places.</summary>
    public RegionRegistry Registry { get; }

    public int Count => _regions.Length;

    /// <summary>The city's place.</summary>
    public int City { get; }

    /// <summary>The place of a region (code or name), if the projection gives its figures.</summary>
    public bool TryFind(string region, out int place) => _index.TryGetValue(Registry.KeyOrSelf(region), out place);

    /// <summary>Whether the projection gives figures for <paramref name="region"/>: a place, or a grouping of the registry
    /// whose members it gives figures for (the calculator sums them).</summary>
    public bool Covers(string region) =>
        TryFind(region, out _) || (Registry.Contains(region) && Registry[region].Members is { Count: > 0 } members && members.All(Covers));

    /// <summary>The model's regions that make up <paramref name="place"/>, in state order.</summary>
    public ReadOnlySpan<int> RegionsOf(int place) => _regions[place];

    /// <summary>A grouping's note that its figures are sums of its members; null for a region or the city.</summary>
    public Provenance? SumNote(int place) => _sums[place];
}
