using Populus.Planning.Catalogue;
using PlanningRegion = Populus.Planning.Catalogue.Region;

namespace Populus.Storage.PlanData;

/// <summary>
/// Planning's region registry from the store: the store's current regions (codes, names) and groups are the one
/// source of regions and groupings; Planning keeps no list of its own.
/// </summary>
/// <remarks>
/// Kinds: a city-level region is a city; a county-level unit is a district, county or county-level city by its
/// official name (…区, …县, …市); a township-level unit is a township. A group is a province when its members are
/// all cities (浙江省), a zone when it has no listed member (the plan's platforms), otherwise a grouping; its parent is
/// the region that contains all its members, if any. A city in a province group has that group as its parent (the
/// province targets compare a city with it). Codes that ended (a former 洞头县) are left out.
/// </remarks>
public static class PlanningRegions
{
    /// <exception cref="CatalogueException">The store's regions do not form a consistent registry.</exception>
    public static RegionRegistry From(IPopulusStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var regions = store.Regions().Where(r => r.ValidTo is null).ToList();
        var byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var groups = store.Groups();
        var provinceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = new List<PlanningRegion>();
        foreach (var g in groups)
        {
            var members = g.Members.Select(m => m.RegionCode).Where(byCode.ContainsKey).ToList();
            var kind = members.Count == 0 ? "zone" : members.All(m => byCode[m].Level == RegionLevel.City) ? "province" : "grouping";
            if (kind == "province")
            {
                members.ForEach(m => provinceOf[m] = g.Name);
            }

            list.Add(new PlanningRegion(g.Name, g.Name, g.NameEn ?? g.Name, kind, CommonAncestor(members, byCode), members,
                string.Join("; ", g.Members.Select(m => m.Note).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct())));
        }

        foreach (var r in regions)
        {
            var parent = r.ParentCode is { } p && byCode.ContainsKey(p) ? p : provinceOf.GetValueOrDefault(r.Code);
            list.Add(new PlanningRegion(r.Code, r.NameZh, r.NameEn ?? r.NameZh, Kind(r), parent, [], r.Note ?? ""));
        }

        return RegionRegistry.Create(list, $"store {store.Location}");
    }

    /// <summary>The code of the region the store's plan is for: the city whose county-level units the store holds
    /// (<see cref="Imports.RegionIndex.PlanRegion"/>).</summary>
    /// <exception cref="InvalidOperationException">The store holds no such city, or several.</exception>
    public static string PlanRegion(IPopulusStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new Imports.RegionIndex(store.Regions()).PlanRegion();
    }

    /// <summary>The current county-level units (districts, counties, county-level cities) of <paramref name="city"/>, by code.</summary>
    public static IReadOnlyList<PlanningRegion> CountiesOf(RegionRegistry regions, string city)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return [.. regions.All.Where(r => IsCounty(r) && r.Parent == city).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="code"/> is the current region <paramref name="city"/> or one inside it (a county, a township).</summary>
    public static bool IsWithin(RegionRegistry regions, string code, string city)
    {
        ArgumentNullException.ThrowIfNull(regions);
        for (var c = code; c is not null && regions.TryCodeOf(c, out var known) && known == c; c = regions[known].Parent)
        {
            if (c == city)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCounty(PlanningRegion r) => r.Kind is "district" or "county" or "county-level-city";

    private static string Kind(Region r) => r.Level switch
    {
        RegionLevel.City => "city",
        RegionLevel.Township => "township",
        _ => r.NameZh[^1] switch
        {
            '区' => "district",
            '县' => "county",
            _ => "county-level-city",
        },
    };

    /// <summary>The nearest region that contains every member (a member's parent chain), or null.</summary>
    private static string? CommonAncestor(IReadOnlyList<string> members, Dictionary<string, Region> byCode)
    {
        if (members.Count == 0)
        {
            return null;
        }

        List<string> Chain(string code)
        {
            var chain = new List<string>();
            for (var c = byCode[code].ParentCode; c is not null && byCode.TryGetValue(c, out var parent); c = parent.ParentCode)
            {
                chain.Add(c);
            }

            return chain;
        }

        IEnumerable<string> common = Chain(members[0]);
        foreach (var m in members.Skip(1))
        {
            common = common.Intersect(Chain(m));
        }

        return common.FirstOrDefault();
    }
}
