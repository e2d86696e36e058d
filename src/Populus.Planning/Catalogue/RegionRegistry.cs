namespace Populus.Planning.Catalogue;

/// <summary>The regions and groupings indicators and targets may name, read from <c>data/plan/regions.csv</c>.</summary>
/// <remarks>
/// A catalogue's <c>regions</c> field lists region names or <c>kind:KIND</c> (every region of that kind, for
/// targets such as "each county-level unit"); <c>*</c> means every region.
/// </remarks>
public sealed class RegionRegistry
{
    /// <summary>The kinds a region may have.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "province", "city", "district", "county", "county-level-city", "zone", "grouping",
    };

    private readonly Dictionary<string, Region> _regions;

    private RegionRegistry(Dictionary<string, Region> regions) => _regions = regions;

    public IReadOnlyCollection<Region> All => _regions.Values;

    /// <exception cref="CatalogueException">A name is repeated, a kind is unknown, or a parent or member is not a listed region.</exception>
    public static RegionRegistry Parse(string csv, string source = "regions.csv")
    {
        var table = CsvText.Parse(csv, source, "region", "name_en", "kind", "parent", "members", "note");
        var errors = new List<CatalogueError>();
        var regions = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var (line, cells) in table.Rows)
        {
            var name = table.Cell(cells, "region");
            var entry = $"line {line} ({name})";
            var kind = table.Cell(cells, "kind");
            if (name.Length == 0)
            {
                errors.Add(new CatalogueError(source, entry, "region", name, "a region needs a name"));
                continue;
            }

            if (!Kinds.Contains(kind))
            {
                errors.Add(new CatalogueError(source, entry, "kind", kind, $"unknown kind; use one of {string.Join(", ", Kinds)}"));
            }

            var parent = table.Cell(cells, "parent");
            var members = SplitList(table.Cell(cells, "members"));
            var region = new Region(name, table.Cell(cells, "name_en"), kind, parent.Length == 0 ? null : parent, members, table.Cell(cells, "note"));
            if (!regions.TryAdd(name, region))
            {
                errors.Add(new CatalogueError(source, entry, "region", name, "the region is listed twice"));
            }
        }

        foreach (var r in regions.Values)
        {
            if (r.Parent is { } p && !regions.ContainsKey(p))
            {
                errors.Add(new CatalogueError(source, r.Name, "parent", p, "not a listed region"));
            }

            foreach (var m in r.Members.Where(m => !regions.ContainsKey(m)))
            {
                errors.Add(new CatalogueError(source, r.Name, "members", m, "not a listed region"));
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(source, errors);
        }

        return new RegionRegistry(regions);
    }

    public bool Contains(string name) => _regions.ContainsKey(name);

    /// <exception cref="KeyNotFoundException">The region is not listed.</exception>
    public Region this[string name] => _regions.TryGetValue(name, out var r)
        ? r
        : throw new KeyNotFoundException($"region '{name}' is not in the region list.");

    /// <summary>Reads a regions field (names, <c>kind:KIND</c> or <c>*</c>) into a set of region names.</summary>
    /// <returns>false with the offending token when a name or kind is unknown.</returns>
    internal bool TryResolve(string field, out IReadOnlySet<string> names, out string? badToken)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        names = set;
        badToken = null;
        foreach (var token in SplitList(field))
        {
            if (token == "*")
            {
                set.UnionWith(_regions.Keys);
            }
            else if (token.StartsWith("kind:", StringComparison.Ordinal))
            {
                var kind = token["kind:".Length..];
                if (!Kinds.Contains(kind))
                {
                    badToken = token;
                    return false;
                }

                set.UnionWith(_regions.Values.Where(r => r.Kind == kind).Select(r => r.Name));
            }
            else if (_regions.ContainsKey(token))
            {
                set.Add(token);
            }
            else
            {
                badToken = token;
                return false;
            }
        }

        if (set.Count == 0)
        {
            badToken = field;
            return false;
        }

        return true;
    }

    internal static string[] SplitList(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
