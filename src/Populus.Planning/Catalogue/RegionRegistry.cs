namespace Populus.Planning.Catalogue;

/// <summary>
/// The regions and groupings indicators and targets may name. Planning holds no region list of its own: the store
/// supplies it (its region table and groups, see docs/storage.md), and the storage layer turns it into this registry.
/// </summary>
/// <remarks>
/// Regions are keyed by code; a grouping by its name. Anything that names a region (a catalogue's <c>regions</c>
/// field, a formula's <c>region=</c>, a figure handed in) may give the code or the Chinese name; <see cref="CodeOf"/>
/// turns either into the key. A name shared by two regions (two towns called alike) is refused as ambiguous: use the
/// code. A catalogue's <c>regions</c> field lists regions, <c>kind:KIND</c> (every region of that kind, for targets
/// such as "each county-level unit") or <c>*</c> (every region).
/// </remarks>
public sealed class RegionRegistry
{
    /// <summary>The kinds a region may have.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "province", "city", "district", "county", "county-level-city", "township", "zone", "grouping",
    };

    private readonly Dictionary<string, Region> _regions;
    private readonly Dictionary<string, string?> _byName;

    private RegionRegistry(Dictionary<string, Region> regions)
    {
        _regions = regions;
        _byName = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var r in regions.Values)
        {
            // A name used twice maps to null: ambiguous.
            _byName[r.Name] = _byName.ContainsKey(r.Name) && _byName[r.Name] != r.Code ? null : r.Code;
        }
    }

    public IReadOnlyCollection<Region> All => _regions.Values;

    /// <summary>A registry over the given regions.</summary>
    /// <exception cref="CatalogueException">A code is repeated, a kind is unknown, or a parent or member is not a listed region.</exception>
    public static RegionRegistry Create(IEnumerable<Region> regions, string source = "store regions")
    {
        ArgumentNullException.ThrowIfNull(regions);
        var errors = new List<CatalogueError>();
        var byCode = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            if (string.IsNullOrWhiteSpace(region.Code) || string.IsNullOrWhiteSpace(region.Name))
            {
                errors.Add(new CatalogueError(source, region.Code ?? "", "code", region.Code ?? "", "a region needs a code (or a grouping a name) and a name"));
                continue;
            }

            if (!Kinds.Contains(region.Kind))
            {
                errors.Add(new CatalogueError(source, region.Code, "kind", region.Kind, $"unknown kind; use one of {string.Join(", ", Kinds)}"));
            }

            if (!byCode.TryAdd(region.Code, region))
            {
                errors.Add(new CatalogueError(source, region.Code, "code", region.Code, "the region is listed twice"));
            }
        }

        foreach (var r in byCode.Values)
        {
            if (r.Parent is { } p && !byCode.ContainsKey(p))
            {
                errors.Add(new CatalogueError(source, r.Code, "parent", p, "not a listed region"));
            }

            foreach (var m in r.Members.Where(m => !byCode.ContainsKey(m)))
            {
                errors.Add(new CatalogueError(source, r.Code, "members", m, "not a listed region"));
            }
        }

        if (errors.Count > 0)
        {
            throw new CatalogueException(source, errors);
        }

        return new RegionRegistry(byCode);
    }

    /// <summary>True when <paramref name="codeOrName"/> is a code, or a name of exactly one region.</summary>
    public bool Contains(string codeOrName) => TryCodeOf(codeOrName, out _);

    /// <exception cref="KeyNotFoundException">The region is not listed, or the name is ambiguous.</exception>
    public Region this[string codeOrName] => _regions[CodeOf(codeOrName)];

    /// <summary>The key (code) of a region given by code or Chinese name.</summary>
    /// <exception cref="KeyNotFoundException">The region is not listed, or the name is ambiguous.</exception>
    public string CodeOf(string codeOrName) =>
        TryCodeOf(codeOrName, out var code)
            ? code
            : throw new KeyNotFoundException(_byName.TryGetValue(codeOrName, out _)
                ? $"region name '{codeOrName}' is shared by several regions: give the code."
                : $"region '{codeOrName}' is not in the region list.");

    /// <summary>The key (code) of a region given by code or Chinese name; false when unknown or ambiguous.</summary>
    public bool TryCodeOf(string codeOrName, out string code)
    {
        ArgumentNullException.ThrowIfNull(codeOrName);
        if (_regions.ContainsKey(codeOrName))
        {
            code = codeOrName;
            return true;
        }

        if (_byName.TryGetValue(codeOrName, out var byName) && byName is not null)
        {
            code = byName;
            return true;
        }

        code = "";
        return false;
    }

    /// <summary>The key of a region given by code or name, or the text itself when no region has it (answers then say "no data").</summary>
    public string KeyOrSelf(string codeOrName) => TryCodeOf(codeOrName, out var code) ? code : codeOrName;

    /// <summary>The display name of a region given by code or name ("温州市"), or the text itself when unknown.</summary>
    public string NameOf(string codeOrName) => TryCodeOf(codeOrName, out var code) ? _regions[code].Name : codeOrName;

    /// <summary>Reads a regions field (codes, names, <c>kind:KIND</c> or <c>*</c>) into a set of codes.</summary>
    /// <returns>false with the offending token when a region or kind is unknown.</returns>
    internal bool TryResolve(string field, out IReadOnlySet<string> codes, out string? badToken)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        codes = set;
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

                set.UnionWith(_regions.Values.Where(r => r.Kind == kind).Select(r => r.Code));
            }
            else if (TryCodeOf(token, out var code))
            {
                set.Add(code);
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
